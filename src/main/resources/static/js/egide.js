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
