// The back office's only script of its own (no inline scripts: the Content-Security-Policy forbids them).
document.addEventListener("change", (event) => {
  if (event.target.matches("[data-submit-on-change]")) event.target.form.submit();
});
