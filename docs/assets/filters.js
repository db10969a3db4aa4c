/* The indexes' controls: each a newsroom.filter (core.js). */

/* Timeline index: filter by organisation or person, and oldest/newest first, without reloading.
 * The controls are hidden in the HTML and shown here, so without JavaScript the page is simply
 * the whole timeline, oldest first. Delegated from `document` for instant navigation. */
(function () {
  "use strict";

  // An entry of the list, or an event of the chart, that names `wanted` among who it involves
  // (every one, when nobody is wanted).
  function involves(element, wanted) {
    return !wanted || (" " + element.dataset.entities + " ").indexOf(" " + wanted + " ") >= 0;
  }

  function update(select) {
    var root = select.closest(".na-timeline--index");
    var wanted = select.value;
    var shown = 0;
    root.querySelectorAll(".na-timeline__event").forEach(function (item) {
      var match = involves(item, wanted);
      item.hidden = !match;
      if (match) shown += 1;
    });
    // The chart keeps every event in place, for the shape of the whole, and fades the ones
    // the list no longer shows; a faded mark is out of the tab order and of what is read out.
    root.querySelectorAll(".na-chart__event").forEach(function (group) {
      var match = involves(group, wanted);
      var mark = group.querySelector(".na-chart__mark");
      group.classList.toggle("na-chart__event--out", !match);
      if (match) {
        mark.removeAttribute("tabindex");
        mark.removeAttribute("aria-hidden");
      } else {
        mark.setAttribute("tabindex", "-1");
        mark.setAttribute("aria-hidden", "true");
      }
    });
    showKept(root);
    root.querySelectorAll(".na-month").forEach(function (month) {
      var items = month.querySelectorAll(".na-timeline__event");
      var any = Array.prototype.some.call(items, function (i) { return !i.hidden; });
      month.hidden = !!wanted && !any;
    });
    root.querySelectorAll(".na-year").forEach(function (year) {
      year.hidden = !!wanted && !year.querySelector(".na-month:not([hidden])");
    });
    newsroom.syncContents(root);
    var label = select.options[select.selectedIndex].text;
    root.querySelector(".na-filter-status").textContent =
      shown + (shown === 1 ? " entry" : " entries") + (wanted ? " involving " + label : "");
  }

  // If no mark the filter keeps is in the chart's view (it scrolls sideways on a narrow
  // screen, or over many months), scroll the first one into view.
  function showKept(root) {
    var box = root.querySelector(".na-chart__scroll");
    if (!box) return;
    var kept = Array.prototype.map.call(
      root.querySelectorAll(".na-chart__event:not(.na-chart__event--out) .na-chart__mark"),
      function (mark) { return mark.getBBox(); }
    );
    if (!kept.length) return;
    // The lanes' names stay over the chart's left edge (core.js): a mark under them is not seen.
    var strip = box.querySelector(".na-chart__names rect");
    var names = strip ? Number(strip.getAttribute("width")) : 0;
    var from = box.scrollLeft + names, to = box.scrollLeft + box.clientWidth;
    var seen = kept.some(function (b) { return b.x >= from && b.x + b.width <= to; });
    if (!seen) box.scrollLeft = Math.max(0, kept[0].x - names - (box.clientWidth - names) / 4);
  }

  function reverseChildren(parent, selector) {
    Array.prototype.slice.call(parent.querySelectorAll(":scope > " + selector)).reverse()
      .forEach(function (child) { parent.appendChild(child); });
  }


  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest(".na-timeline-order") : null;
    if (!button) return;
    var root = button.closest(".na-timeline--index");
    var list = root.querySelector(".na-timeline__list");
    reverseChildren(list, ".na-year");
    list.querySelectorAll(".na-year").forEach(function (year) { reverseChildren(year, ".na-month"); });
    list.querySelectorAll(".na-timeline__events").forEach(function (events) { reverseChildren(events, "li"); });
    newsroom.syncContents(root);
    var newest = button.getAttribute("aria-pressed") !== "true";
    button.setAttribute("aria-pressed", newest ? "true" : "false");
  });

  newsroom.filter("na-timeline-filter", ".na-timeline-controls", "change", update);
})();

/* Notes index: filter by kind without reloading. */
(function () {
  "use strict";

  function update(select) {
    var root = select.closest(".na-notes-index");
    var kind = select.value;
    var shown = 0;
    root.querySelectorAll(".na-notes-index__item").forEach(function (item) {
      item.hidden = !!kind && item.dataset.kind !== kind;
      if (!item.hidden) shown += 1;
    });
    root.querySelectorAll(".na-notes-group").forEach(function (group) {
      group.hidden = !group.querySelector(".na-notes-index__item:not([hidden])");
    });
    newsroom.syncContents(root);
    root.querySelector(".na-filter-status").textContent = shown + (shown === 1 ? " note" : " notes");
  }

  newsroom.filter("na-notes-filter", ".na-notes-controls", "change", update);
})();

/* People index: filter by name or organisation as you type. */
(function () {
  "use strict";

  function update(input) {
    var root = input.closest(".na-people-index");
    var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    root.querySelectorAll(".na-person").forEach(function (item) {
      var text = item.dataset.search;
      item.hidden = !words.every(function (w) { return text.indexOf(w) >= 0; });
      if (!item.hidden) shown += 1;
    });
    root.querySelector(".na-filter-status").textContent = shown + (shown === 1 ? " person" : " people");
  }

  newsroom.filter("na-people-filter", ".na-people-filter", "input", update);
})();
