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
})();
