// The policy editor: "Add another custom rule" clones the formset's empty form.
// Loaded as a file so the Content-Security-Policy can forbid inline scripts.
(function () {
  "use strict";

  function setUp() {
    var button = document.querySelector("[data-add-custom-rule]");
    var template = document.getElementById("custom-rule-template");
    var list = document.getElementById("custom-rule-list");
    var total = document.querySelector("input[name='custom-TOTAL_FORMS']");
    if (!button || !template || !list || !total) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      var index = parseInt(total.value, 10) || 0;
      var html = template.innerHTML.replace(/__prefix__/g, String(index));
      var holder = document.createElement("div");
      holder.innerHTML = html;
      while (holder.firstChild) {
        list.appendChild(holder.firstChild);
      }
      total.value = String(index + 1);
      var first = list.lastElementChild && list.lastElementChild.querySelector("input[type=text], input:not([type])");
      if (first) {
        first.focus();
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
