// Long operations (a large import, a capture by the browser) keep the page busy for several seconds: say so,
// show how far the upload is, and prevent a second submission. Forms opt in with data-busy-message (the message
// comes from the server's bundle) and may hold an element [data-busy-status] (role=status) and a <progress>.
function egideBusy(form, message) {
  form.setAttribute("aria-busy", "true");
  form.querySelectorAll("button[type=submit]").forEach(function (button) {
    button.disabled = true;
  });
  var status = form.querySelector("[data-busy-status]");
  if (status) {
    status.textContent = message;
  }
  return status;
}

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
  var status = egideBusy(form, message);
  var bar = form.querySelector("progress[data-busy-progress]");
  var file = form.querySelector("input[type=file]");
  if (!bar || !file || !file.files.length || !window.FormData || !window.XMLHttpRequest) {
    return;
  }
  // A file: send it ourselves to show the upload's progress, then follow the server's answer as the form would.
  event.preventDefault();
  bar.hidden = false;
  var uploading = form.getAttribute("data-upload-message") || message;
  var request = new XMLHttpRequest();
  request.open("POST", form.action);
  request.upload.addEventListener("progress", function (progress) {
    if (progress.lengthComputable) {
      var percent = Math.round(progress.loaded * 100 / progress.total);
      bar.max = 100;
      bar.value = percent;
      if (status) {
        status.textContent = uploading.replace("{0}", percent);
      }
    }
  });
  request.upload.addEventListener("load", function () {
    bar.removeAttribute("value");
    if (status) {
      status.textContent = message;
    }
  });
  request.addEventListener("load", function () {
    if (request.responseURL && request.responseURL !== form.action) {
      window.location.assign(request.responseURL);
      return;
    }
    document.open();
    document.write(request.responseText);
    document.close();
  });
  request.addEventListener("error", function () {
    form.removeAttribute("aria-busy");
    form.querySelectorAll("button[type=submit]").forEach(function (button) {
      button.disabled = false;
    });
    bar.hidden = true;
    if (status) {
      status.textContent = form.getAttribute("data-error-message") || "Erreur réseau : rien n'a été envoyé, réessayez.";
    }
  });
  request.send(new FormData(form));
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
