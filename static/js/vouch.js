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
})();
