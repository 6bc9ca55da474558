// Long operations (a large import) keep the page busy for several seconds: say so, and prevent a second
// submission. Forms opt in with data-busy-message; the message itself comes from the server's bundle.
document.addEventListener("submit", function (event) {
  var form = event.target;
  var message = form.getAttribute("data-busy-message");
  if (!message) {
    return;
  }
  if (form.getAttribute("aria-busy") === "true") {
    event.preventDefault();
    return;
  }
  form.setAttribute("aria-busy", "true");
  form.querySelectorAll("button[type=submit]").forEach(function (button) {
    button.disabled = true;
  });
  var status = form.querySelector("[data-busy-status]");
  if (status) {
    status.textContent = message;
  }
});

// "Copier le texte": buttons with data-copy="#id" copy that field's text to the clipboard, and say so.
document.addEventListener("click", function (event) {
  var button = event.target.closest("[data-copy]");
  if (!button) {
    return;
  }
  var source = document.querySelector(button.getAttribute("data-copy"));
  if (!source || !navigator.clipboard) {
    return;
  }
  navigator.clipboard.writeText(source.value || source.textContent).then(function () {
    button.setAttribute("aria-live", "polite");
    button.dataset.label = button.dataset.label || button.textContent;
    button.textContent = "✓ " + button.dataset.label;
  });
});
