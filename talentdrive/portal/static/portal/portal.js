// Moves keyboard and screen-reader focus to the error summary after a failed submission.
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.getElementById("form-errors");
  if (summary) {
    summary.focus();
  }
});

// Job search on a phone: the filters fold behind one button that shows the result count. The
// panel stays open across the partial page updates that choosing a filter makes.
(function () {
  var filtersOpen = false;

  function apply() {
    var toggle = document.querySelector(".facets-toggle");
    var panel = document.getElementById("facets");
    if (!toggle || !panel) {
      return;
    }
    toggle.setAttribute("aria-expanded", filtersOpen ? "true" : "false");
    panel.classList.toggle("open", filtersOpen);
  }

  document.addEventListener("click", function (event) {
    var toggle = event.target.closest && event.target.closest(".facets-toggle");
    if (!toggle) {
      return;
    }
    filtersOpen = !filtersOpen;
    apply();
  });
  document.addEventListener("DOMContentLoaded", apply);
  document.addEventListener("htmx:afterSettle", apply);
})();
