/* The Data page's upload: a plain multipart POST to /unggah with XMLHttpRequest, so the
   browser reports upload progress (a Dash dcc.Upload would carry the file as base64
   inside a callback, which is wrong for a 200 MB export). The CSRF token travels in
   the X-CSRFToken header, read from the cookie the app sets for Dash's own requests.
   When the server has queued the import, a hidden button is clicked so that the page's
   Dash callbacks pick the new job up; its import progress comes from the server from
   then on (and so survives a reload). Listeners sit on the document because Dash
   renders the form after this script has run. */
(function () {
  function cookie(name) {
    const found = document.cookie.split("; ").find(c => c.startsWith(name + "="));
    return found ? decodeURIComponent(found.slice(name.length + 1)) : "";
  }

  function say(form, text, isError) {
    const status = form.querySelector("[data-role=status]");
    status.textContent = text;
    status.classList.toggle("error", Boolean(isError));
  }

  /* Dash has no file input component: put a native one into each empty slot. */
  function fillSlots(root) {
    root.querySelectorAll("[data-file-slot]").forEach(slot => {
      if (slot.querySelector("input[type=file]")) return;
      const input = document.createElement("input");
      input.type = "file";
      input.id = slot.dataset.fileSlot;
      input.name = slot.dataset.name;
      input.accept = slot.dataset.accept;
      input.required = true;
      slot.appendChild(input);
    });
  }

  new MutationObserver(() => fillSlots(document)).observe(document.documentElement, {childList: true, subtree: true});

  function send(form) {
    const file = form.querySelector("input[type=file]").files[0];
    const bar = form.querySelector("progress");
    const button = form.querySelector("button[type=submit]");
    const data = new FormData(form);
    const smaller = form.dataset.smaller && document.querySelector("#" + form.dataset.smaller + " input");
    if (smaller && smaller.checked) data.set("allow_smaller", "true");
    const xhr = new XMLHttpRequest();
    xhr.open("POST", form.dataset.url);
    xhr.setRequestHeader("X-CSRFToken", cookie("_csrf_token"));
    xhr.responseType = "json";
    xhr.upload.addEventListener("progress", event => {
      if (event.lengthComputable) {
        bar.value = Math.round(100 * event.loaded / event.total);
        bar.setAttribute("aria-valuetext", bar.value + " %");
      }
    });
    xhr.addEventListener("load", () => {
      button.disabled = false;
      const body = xhr.response || {};
      if (xhr.status === 202) {
        bar.value = 100;
        say(form, form.dataset.uploaded.replace("{id}", body.id));
        form.querySelector("input[type=file]").value = "";
        const refresh = document.getElementById(form.dataset.refresh);
        if (refresh) refresh.click();
      } else {
        bar.value = 0;
        say(form, form.dataset.failed.replace("{message}", body.message || xhr.statusText || xhr.status), true);
      }
    });
    xhr.addEventListener("error", () => {
      button.disabled = false;
      bar.value = 0;
      say(form, form.dataset.failed.replace("{message}", "network"), true);
    });
    button.disabled = true;
    bar.value = 0;
    say(form, form.dataset.uploading.replace("{name}", file ? file.name : ""));
    xhr.send(data);
  }

  document.addEventListener("submit", event => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.matches("form[data-upload]")) return;
    event.preventDefault();
    if (!form.reportValidity()) return;
    send(form);
  });
})();
