/* The archive's front end, a file per component with no build step (mkdocs.yml lists them,
 * this one first): core.js (shared helpers; charts keep their lanes' names in view),
 * tooltip.js (entity and date tooltips), notes.js (editors' notes beside the text), filters.js
 * (the timeline, notes and people indexes' controls); search.js (the search dialog) and
 * passages.js (links to any passage) apart. */

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

/* Material's table of contents (beside the page, and in the drawer on small screens) follows
 * the sections of `root` as a control left them: a section a filter hid is not offered (its
 * link led nowhere), and sections put in another order (newest first) are listed in that order.
 * Material's scroll-spy measures the headings again only when the page's height changes, so a
 * new order changes it by a pixel for two frames: the contents then mark the section in view. */
newsroom.syncContents = function (root) {
  function target(item) {
    var link = item.querySelector(":scope > .md-nav__link");
    if (!link || link.pathname !== location.pathname || !link.hash) return null;
    var found = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    return found && root.contains(found) ? found : null;
  }
  var moved = false;
  document.querySelectorAll(".md-nav--secondary ul").forEach(function (list) {
    var items = Array.prototype.filter.call(list.children, target);
    var sorted = items.slice().sort(function (a, b) {
      return target(a).compareDocumentPosition(target(b)) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    });
    if (sorted.some(function (item, i) { return item !== items[i]; })) {
      sorted.forEach(function (item) { list.appendChild(item); });
      moved = true;
    }
    items.forEach(function (item) { item.hidden = !!target(item).closest("[hidden]"); });
  });
  if (!moved) return;
  var nudge = document.createElement("div");
  nudge.style.height = "1px";
  root.appendChild(nudge);
  requestAnimationFrame(function () { requestAnimationFrame(function () { nudge.remove(); }); });
};

/* A timeline chart scrolled sideways keeps its lanes' names at its left edge (the marks pass
 * under them), so a reader far into the chart still sees whose lane is whose. Scroll events do
 * not bubble: this listens in the capture phase, for every chart on every page. */
document.addEventListener("scroll", function (event) {
  var box = event.target;
  if (!box.classList || !box.classList.contains("na-chart__scroll")) return;
  var names = box.querySelector(".na-chart__names");
  if (names) names.setAttribute("transform", "translate(" + box.scrollLeft + " 0)");
}, true);
