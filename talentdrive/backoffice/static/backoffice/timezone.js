// Tells the back office the browser's time zone (cookie "tz"), so interview times read in the
// viewer's zone on the next page; the server falls back to the site's zone without it.
(function () {
  "use strict";
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && document.cookie.indexOf("tz=" + encodeURIComponent(zone)) === -1) {
      document.cookie = "tz=" + encodeURIComponent(zone) + "; path=/staff/; max-age=31536000; SameSite=Lax";
    }
  } catch (error) {
    // An old browser without Intl: times stay in the site's zone.
  }
})();
