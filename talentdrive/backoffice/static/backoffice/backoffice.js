// The back office's only script of its own (no inline scripts: the Content-Security-Policy forbids them).
document.addEventListener("change", (event) => {
  if (event.target.matches("[data-submit-on-change]")) event.target.form.submit();
});

// "Select all" ticks every checkbox of its name in the same form.
document.addEventListener("change", (event) => {
  const box = event.target;
  if (!box.matches("input.select-all[data-select]")) return;
  box.form.querySelectorAll(`input[type=checkbox][name="${box.dataset.select}"]`).forEach((each) => {
    each.checked = box.checked;
  });
});
