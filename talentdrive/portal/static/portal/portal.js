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

// The apply form sends itself in the background (with scripts) so the page can show the upload's
// progress; its button is disabled until the answer comes. An answer with errors replaces the page
// as a normal submission would, and focus goes to the error summary.
(function () {
  function isApply(event) {
    var detail = event.detail || {};
    // In a swap's events "elt" is the target; the form that sent the request is the config's.
    var elt = (detail.requestConfig && detail.requestConfig.elt) || detail.elt;
    return elt && elt.matches && elt.matches("form.apply");
  }

  document.addEventListener("htmx:beforeRequest", function (event) {
    if (!isApply(event)) {
      return;
    }
    var sending = document.getElementById("sending");
    if (sending) {
      sending.hidden = false;
    }
  });
  document.addEventListener("htmx:xhr:progress", function (event) {
    if (!isApply(event) || !event.detail.lengthComputable) {
      return;
    }
    var percent = Math.round((100 * event.detail.loaded) / event.detail.total);
    var sending = document.getElementById("sending");
    if (sending) {
      sending.querySelector("progress").value = percent;
      sending.querySelector(".percent").textContent = percent + "%";
    }
  });
  document.addEventListener("htmx:beforeSwap", function (event) {
    if (isApply(event) && event.detail.xhr.status >= 400 && event.detail.xhr.status < 500) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });
  document.addEventListener("htmx:responseError", function (event) {
    if (!isApply(event)) {
      return;
    }
    var sending = document.getElementById("sending");
    if (sending) {
      sending.querySelector(".sending-text").textContent = sending.dataset.failed || "";
    }
  });
  document.addEventListener("htmx:afterSettle", function () {
    var summary = document.getElementById("form-errors");
    if (summary) {
      summary.focus();
    }
  });
})();
