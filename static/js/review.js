// The review queue's keyboard: j/k move the selection, Enter opens the invitation,
// a/i/d/s decide the selected row after a confirmation, x toggles it for a bulk decision.
// A file, not inline, so the Content-Security-Policy can forbid inline scripts.
(function () {
  "use strict";

  var KEYS = { a: "accept", i: "ignore", d: "dont_know", s: "report_spam" };
  var selected = 0;
  var pending = null; // {form, action, label, row} while the dialog is open

  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll("#queue tbody tr.queue-row"));
  }

  function select(index, focus) {
    var all = rows();
    if (!all.length) { return null; }
    selected = Math.max(0, Math.min(index, all.length - 1));
    all.forEach(function (row, i) { row.classList.toggle("selected", i === selected); });
    var row = all[selected];
    if (focus !== false) {
      row.focus({ preventScroll: true });
      row.scrollIntoView({ block: "nearest" });
    }
    return row;
  }

  function current() {
    var all = rows();
    return all.length ? all[Math.min(selected, all.length - 1)] : null;
  }

  function typing(target) {
    if (!target || !target.tagName) { return false; }
    var tag = target.tagName.toLowerCase();
    return tag === "input" || tag === "textarea" || tag === "select" || target.isContentEditable;
  }

  function dialog() { return document.getElementById("decide-dialog"); }

  // Ask before deciding; a justification is required when the action differs.
  function ask(form, action, label) {
    var row = form.closest("tr");
    var differs = row.getAttribute("data-recommendation") !== action;
    var box = dialog();
    if (!box || typeof box.showModal !== "function") {
      var text = window.prompt(
        label + " — " + row.getAttribute("data-name") + (differs ? " (" + gettext("justification required") + ")" : ""), ""
      );
      if (text === null) { return; }
      if (differs && !text.trim()) { return; }
      send(form, action, text);
      return;
    }
    pending = { form: form, action: action };
    document.getElementById("decide-question").textContent = label + " — " + row.getAttribute("data-name");
    var rec = document.getElementById("decide-recommendation");
    rec.textContent = rec.getAttribute("data-prefix") + " " + (row.getAttribute("data-recommendation-label") || "—");
    var area = document.getElementById("decide-justification");
    var hint = document.getElementById("decide-hint");
    area.value = "";
    area.required = differs;
    hint.textContent = hint.getAttribute(differs ? "data-required" : "data-optional");
    box.returnValue = "";
    box.showModal();
    (differs ? area : document.getElementById("decide-confirm")).focus();
  }

  function send(form, action, justification) {
    var actionField = form.querySelector('[data-field="action"]');
    var textField = form.querySelector('[data-field="justification"]');
    actionField.value = action;
    actionField.disabled = false;
    textField.value = justification || "";
    textField.disabled = false;
    if (window.htmx) {
      window.htmx.trigger(form, "vouch:decide");
    } else {
      form.submit();
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var box = dialog();
    if (box) {
      box.addEventListener("close", function () {
        var job = pending;
        pending = null;
        if (job && box.returnValue === "confirm") {
          send(job.form, job.action, document.getElementById("decide-justification").value);
        }
        var row = current();
        if (row) { row.focus({ preventScroll: true }); }
      });
    }
    select(0, false);
  });

  // A click on a row's decision button asks first, like the keyboard does.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.classList || !form.classList.contains("decide-row")) { return; }
    var button = event.submitter;
    if (!button || !button.getAttribute("data-action")) { return; }
    event.preventDefault();
    event.stopPropagation();
    var all = rows();
    selected = Math.max(0, all.indexOf(form.closest("tr")));
    ask(form, button.getAttribute("data-action"), button.getAttribute("data-label"));
  }, true);

  document.addEventListener("click", function (event) {
    var all = event.target.closest && event.target.closest("[data-select-all]");
    if (all) {
      document.querySelectorAll("#queue [data-select]").forEach(function (box) { box.checked = all.checked; });
      return;
    }
    var row = event.target.closest && event.target.closest("#queue tr.queue-row");
    if (row) { selected = rows().indexOf(row); select(selected, false); }
  });

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) { return; }
    var box = dialog();
    if (box && box.open) { return; }
    if (!document.getElementById("queue")) { return; }
    var key = event.key;
    var row = current();
    if (key === "j" || key === "ArrowDown") { select(selected + 1); event.preventDefault(); return; }
    if (key === "k" || key === "ArrowUp") { select(selected - 1); event.preventDefault(); return; }
    if (!row) { return; }
    if (key === "Enter") { window.location.assign(row.getAttribute("data-href")); return; }
    if (key === "x") {
      var check = row.querySelector("[data-select]");
      if (check) { check.checked = !check.checked; }
      return;
    }
    if (Object.prototype.hasOwnProperty.call(KEYS, key)) {
      var form = row.querySelector("form.decide-row");
      if (!form) { return; }
      var button = form.querySelector('[data-action="' + KEYS[key] + '"]');
      event.preventDefault();
      ask(form, KEYS[key], button ? button.getAttribute("data-label") : KEYS[key]);
    }
  });

  // After htmx replaced a row or the table, keep the selection where it was.
  document.addEventListener("htmx:afterSwap", function (event) {
    if (event.detail && event.detail.target && event.detail.target.id === "queue-table") {
      selected = 0;
    }
    select(selected, false);
  });
})();
