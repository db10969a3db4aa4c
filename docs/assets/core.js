/* The archive's front end, a file per component with no build step (mkdocs.yml lists them,
 * this one first): core.js (shared helpers), tooltip.js (entity and date tooltips), notes.js
 * (editors' notes beside the text), filters.js (the timeline, notes and people indexes'
 * controls); search.js (the search dialog) and passages.js (links to any passage) apart. */

/* Shared by the other files. */
var newsroom = (window.newsroom = window.newsroom || {});

/* Run `fn` on every page: on load, and after each swap by Material's instant navigation. */
newsroom.onEveryPage = function (fn) {
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(fn);
  } else {
    document.addEventListener("DOMContentLoaded", fn);
  }
};

/* A list filter: the control `controlId` (shown by script, hidden without it) inside
 * `wrapper`; `update(control)` on load and on each `eventName` from the control. */
newsroom.filter = function (controlId, wrapper, eventName, update) {
  newsroom.onEveryPage(function () {
    var control = document.getElementById(controlId);
    if (!control || control.dataset.ready) return;
    control.dataset.ready = "1";
    control.closest(wrapper).hidden = false;
    update(control);
  });
  document.addEventListener(eventName, function (event) {
    if (event.target.id === controlId) update(event.target);
  });
};

/* Material's table of contents (beside the page, and in the drawer on small screens) offers
 * only the sections of `root` that a filter left shown: a hidden section's link led nowhere. */
newsroom.syncContents = function (root) {
  document.querySelectorAll(".md-nav--secondary .md-nav__link").forEach(function (link) {
    if (link.pathname !== location.pathname || !link.hash) return;
    var target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (target && root.contains(target)) link.parentElement.hidden = !!target.closest("[hidden]");
  });
};
