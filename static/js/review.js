// Keyboard triage, on the review queue and on a reviewer's invitation page alike:
// j/k move (in the queue: the selection; on an invitation: to the next/previous one),
// Enter opens, a/i/d/s decide after the styled confirmation dialog, x selects for a
// bulk decision. After a decision the next invitation is selected and focused.
// A file, not inline, so the Content-Security-Policy can forbid inline scripts.
(function () {
  "use strict";

  var KEYS = { a: "accept", i: "ignore", d: "dont_know", s: "report_spam" };
  var selected = 0;
  var pending = null; // {form, action, row} while the dialog is open
  var decidedRow = null; // the id of the row whose decision htmx is sending


  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll("#queue .queue-row"));
  }

  function select(index, focus) {
    var all = rows();
    if (!all.length) { return null; }
    selected = Math.max(0, Math.min(index, all.length - 1));
    all.forEach(function (row, i) {
      row.classList.toggle("selected", i === selected);
      row.setAttribute("aria-current", i === selected ? "true" : "false");
    });
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
  function detailForm() { return document.querySelector("#decide form[data-decide]"); }

  // Ask before deciding; a justification is required when the action differs from the
  // recommendation, or when the decision reverses one in force.
  function ask(form, action, label, facts) {
    var differs = facts.recommendation !== action || facts.reversal;
    var box = dialog();
    if (!box || typeof box.showModal !== "function") { return; }
    pending = { form: form, action: action };
    document.getElementById("decide-question").textContent =
      label + " — " + facts.name + (facts.scope ? " (" + facts.scope + ")" : "");
    var rec = document.getElementById("decide-recommendation");
    rec.textContent = rec.getAttribute("data-prefix") + " " + (facts.recommendationLabel || "—");
    var area = document.getElementById("decide-justification");
    var hint = document.getElementById("decide-hint");
    area.value = facts.justification || "";
    area.required = differs;
    hint.textContent = hint.getAttribute(differs ? "data-required" : "data-optional");
    box.returnValue = "";
    box.showModal();
    (differs ? area : document.getElementById("decide-confirm")).focus();
  }

  function rowFacts(row) {
    return {
      name: row.getAttribute("data-name"),
      recommendation: row.getAttribute("data-recommendation"),
      recommendationLabel: row.getAttribute("data-recommendation-label"),
      scope: row.getAttribute("data-scope"),
      reversal: false
    };
  }

  function detailFacts(form) {
    var text = form.querySelector("textarea[name=justification]");
    return {
      name: form.getAttribute("data-name"),
      recommendation: form.getAttribute("data-recommendation"),
      recommendationLabel: form.getAttribute("data-recommendation-label"),
      reversal: form.getAttribute("data-reversal") === "1",
      justification: text ? text.value : ""
    };
  }

  function labelOf(form, action) {
    var input = form.querySelector('[data-action="' + action + '"], input[name=action][value="' + action + '"]');
    if (!input) { return action; }
    if (input.getAttribute("data-label")) { return input.getAttribute("data-label"); }
    var label = input.id && document.querySelector('label[for="' + input.id + '"]');
    return label ? label.textContent.trim() : (input.closest("label") || input).textContent.trim() || action;
  }

  function send(form, action, justification) {
    if (form.hasAttribute("data-decide")) {
      var radio = form.querySelector('input[name=action][value="' + action + '"]');
      if (radio) { radio.checked = true; }
      var text = form.querySelector("textarea[name=justification]");
      if (text) { text.value = justification || ""; }
      form.setAttribute("data-confirmed", "1");
      form.submit();
      return;
    }
    var actionField = form.querySelector('[data-field="action"]');
    var textField = form.querySelector('[data-field="justification"]');
    actionField.value = action;
    actionField.disabled = false;
    textField.value = justification || "";
    textField.disabled = false;
    var row = form.closest(".queue-row");
    decidedRow = row ? row.id : null;
    if (window.htmx) {
      window.htmx.trigger(form, "vouch:decide");
    } else {
      form.submit();
    }
  }

  function updateBulk() {
    var bar = document.getElementById("bulk-form");
    if (!bar) { return; }
    var n = document.querySelectorAll("#queue [data-select]:checked").length;
    bar.hidden = n === 0;
    var count = document.getElementById("bulk-count");
    if (count) {
      count.textContent = n === 1 ? count.getAttribute("data-one")
        : count.getAttribute("data-many").replace("%(n)s", String(n));
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
          return;
        }
        var row = current();
        if (row) { row.focus({ preventScroll: true }); }
      });
    }
    select(0, false);
    updateBulk();
  });

  // A click on a decide button (queue) or the decide form's submit (invitation page)
  // asks first, like the keyboard does.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.classList) { return; }
    if (form.hasAttribute("data-decide")) {
      if (form.getAttribute("data-confirmed") === "1") { form.removeAttribute("data-confirmed"); return; }
      var checked = form.querySelector("input[name=action]:checked");
      if (!checked || !dialog()) { return; }
      event.preventDefault();
      event.stopImmediatePropagation();
      ask(form, checked.value, labelOf(form, checked.value), detailFacts(form));
      return;
    }
    if (!form.classList.contains("decide-row")) { return; }
    var button = event.submitter;
    if (!button || !button.getAttribute("data-action")) { return; }
    event.preventDefault();
    event.stopImmediatePropagation();
    var row = form.closest(".queue-row");
    selected = Math.max(0, rows().indexOf(row));
    select(selected, false);
    ask(form, button.getAttribute("data-action"), button.getAttribute("data-label"), rowFacts(row));
  }, true);

  document.addEventListener("change", function (event) {
    if (event.target.matches && event.target.matches("#queue [data-select]")) { updateBulk(); }
  });

  document.addEventListener("click", function (event) {
    var all = event.target.closest && event.target.closest("[data-select-all]");
    if (all) {
      document.querySelectorAll("#queue [data-select]").forEach(function (box) { box.checked = all.checked; });
      updateBulk();
      return;
    }
    var row = event.target.closest && event.target.closest("#queue .queue-row");
    if (row) { selected = rows().indexOf(row); select(selected, false); }
  });

  function go(link) {
    if (link && link.getAttribute("href")) { window.location.assign(link.getAttribute("href")); }
  }

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) { return; }
    var box = dialog();
    if ((box && box.open) || document.querySelector("dialog[open]")) { return; }
    var key = event.key;
    var form = detailForm();
    if (!document.getElementById("queue")) {
      // The reviewer's invitation page.
      if (key === "j") { go(document.querySelector("[data-triage=next]")); return; }
      if (key === "k") { go(document.querySelector("[data-triage=previous]")); return; }
      if (form && Object.prototype.hasOwnProperty.call(KEYS, key)) {
        var radio = form.querySelector('input[name=action][value="' + KEYS[key] + '"]');
        if (!radio) { return; }
        event.preventDefault();
        radio.checked = true;
        ask(form, KEYS[key], labelOf(form, KEYS[key]), detailFacts(form));
      }
      return;
    }
    var row = current();
    if (key === "j" || key === "ArrowDown") { select(selected + 1); event.preventDefault(); return; }
    if (key === "k" || key === "ArrowUp") { select(selected - 1); event.preventDefault(); return; }
    if (!row) { return; }
    if (key === "Enter") { window.location.assign(row.getAttribute("data-href")); return; }
    if (key === "x") {
      var check = row.querySelector("[data-select]");
      if (check) { check.checked = !check.checked; updateBulk(); }
      return;
    }
    if (Object.prototype.hasOwnProperty.call(KEYS, key)) {
      var decide = row.querySelector("form.decide-row");
      if (!decide) { return; }
      event.preventDefault();
      var button = decide.querySelector('[data-action="' + KEYS[key] + '"]');
      ask(decide, KEYS[key], button ? button.getAttribute("data-label") : KEYS[key], rowFacts(row));
    }
  });

  // After htmx replaced the table, start at the top; after a row was decided, move on
  // to the next invitation (or stay, if the decision was refused and the row says why).
  document.addEventListener("htmx:afterSettle", function (event) {
    var target = event.detail && event.detail.target;
    if (target && target.id === "queue-table") {
      selected = 0;
      select(0, false);
      updateBulk();
      return;
    }
    if (decidedRow) {
      var row = document.getElementById(decidedRow);
      decidedRow = null;
      var all = rows();
      var index = row ? all.indexOf(row) : selected;
      var refused = row && row.querySelector(".q-note.error");
      select(refused ? index : index + 1, true);
      updateBulk();
    }
  });
})();
