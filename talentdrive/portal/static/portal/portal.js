// Moves keyboard and screen-reader focus to the error summary after a failed submission.
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.getElementById("form-errors");
  if (summary) {
    summary.focus();
  }
});
