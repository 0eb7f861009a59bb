// Vouch's own behaviour. Loaded as a file so the Content-Security-Policy can forbid inline scripts.
(function () {
  "use strict";

  function t(text) { return typeof window.gettext === "function" ? window.gettext(text) : text; }

  // One styled confirmation dialog for every form with data-confirm (never window.confirm):
  // built once with DOM calls, the question set as text, so nothing is parsed as HTML.
  var box = null;
  var waiting = null;

  function confirmBox() {
    if (box) { return box; }
    box = document.createElement("dialog");
    box.id = "confirm-dialog";
    box.setAttribute("aria-labelledby", "confirm-question");
    var form = document.createElement("form");
    form.method = "dialog";
    var question = document.createElement("p");
    question.id = "confirm-question";
    var buttons = document.createElement("p");
    buttons.className = "row";
    var cancel = document.createElement("button");
    cancel.type = "submit";
    cancel.value = "cancel";
    cancel.textContent = t("Cancel");
    var ok = document.createElement("button");
    ok.type = "submit";
    ok.value = "confirm";
    ok.className = "primary";
    ok.id = "confirm-ok";
    ok.textContent = t("Confirm");
    buttons.appendChild(cancel);
    buttons.appendChild(ok);
    form.appendChild(question);
    form.appendChild(buttons);
    box.appendChild(form);
    document.body.appendChild(box);
    box.addEventListener("close", function () {
      var job = waiting;
      waiting = null;
      if (job && box.returnValue === "confirm") {
        job.form.setAttribute("data-confirmed", "1");
        if (typeof job.form.requestSubmit === "function") {
          job.form.requestSubmit(job.submitter || undefined);
        } else {
          job.form.submit();
        }
      }
    });
    return box;
  }

  // Ask `message`, then submit `form` (with `submitter`) if the person confirms.
  window.vouchConfirm = function (form, message, submitter) {
    var dialog = confirmBox();
    if (typeof dialog.showModal !== "function") {
      form.setAttribute("data-confirmed", "1");
      form.submit();
      return;
    }
    waiting = { form: form, submitter: submitter };
    document.getElementById("confirm-question").textContent = message;
    dialog.returnValue = "";
    dialog.showModal();
    document.getElementById("confirm-ok").focus();
  };

  document.addEventListener("submit", function (event) {
    var form = event.target;
    var message = form.getAttribute && form.getAttribute("data-confirm");
    if (!message) { return; }
    if (form.getAttribute("data-confirmed") === "1") {
      form.removeAttribute("data-confirmed");
      return;
    }
    event.preventDefault();
    event.stopImmediatePropagation();
    window.vouchConfirm(form, message, event.submitter);
  }, true);

  // Forms with data-busy disable their submit buttons once sent, so a slow upload is
  // not sent twice, and say what is happening.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (event.defaultPrevented || !form.hasAttribute("data-busy")) {
      return;
    }
    form.querySelectorAll("button[type=submit], button:not([type])").forEach(function (button) {
      button.disabled = true;
      button.setAttribute("aria-busy", "true");
      button.textContent = form.getAttribute("data-busy") || button.textContent;
    });
  });

  // A long select (countries) gets a filter box: typing "germ" leaves Germany and
  // Germany-like names; the select still submits the code, never the typed text.
  function fold(text) {
    return text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  }

  function addFilter(select) {
    if (select.getAttribute("data-filter-ready")) { return; }
    select.setAttribute("data-filter-ready", "1");
    var input = document.createElement("input");
    input.type = "search";
    input.className = "select-filter";
    input.setAttribute("aria-label", t("Filter the list") + ": " + (select.labels && select.labels[0] ? select.labels[0].textContent.trim() : ""));
    input.setAttribute("aria-controls", select.id);
    input.placeholder = t("Type to filter…");
    input.autocomplete = "off";
    select.parentNode.insertBefore(input, select);
    input.addEventListener("input", function () {
      var wanted = fold(input.value.trim());
      var first = null;
      Array.prototype.forEach.call(select.options, function (option) {
        var show = !wanted || !option.value || fold(option.textContent).indexOf(wanted) !== -1 || option.value.toLowerCase() === wanted;
        option.hidden = !show;
        if (show && option.value && first === null) { first = option; }
      });
      var chosen = select.selectedIndex < 0 ? null : select.options[select.selectedIndex];
      if (wanted && first && (!chosen || chosen.hidden || !chosen.value)) {
        first.selected = true;
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("select[data-filter]").forEach(addFilter);
  });
})();
