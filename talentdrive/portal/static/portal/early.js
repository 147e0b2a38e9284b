// Loaded before the page paints: styles written for pages with scripts (the phone's collapsed
// filters) apply from the first frame, and pages without scripts keep everything shown.
document.documentElement.classList.add("js");
