// Vouch's own behaviour. Loaded as a file so the Content-Security-Policy can forbid inline scripts.
(function () {
  "use strict";

  // Buttons and forms with data-confirm ask before they act.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var message = form.getAttribute("data-confirm");
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
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
})();
