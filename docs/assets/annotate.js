/* Tooltips for entity mentions and dates (WCAG 2.2 SC 1.4.13: dismissible, hoverable, persistent).
 *
 * One tooltip element serves the whole page. Listeners are delegated from `document`, so
 * they keep working after Material's instant navigation swaps the content. The tooltip's
 * content is a copy of the entity's card, rendered at build time into the article (hidden);
 * without JavaScript every mention is still a plain link to the entity's page.
 */
(function () {
  "use strict";

  var HIDE_DELAY = 300;
  var tip = null;        // the tooltip element
  var owner = null;      // the mention it belongs to
  var hideTimer = null;
  var lastPointer = "mouse";
  var openAtTap = false; // was this mention's tooltip already open when the finger came down?

  function tooltip() {
    if (!tip || !document.body.contains(tip)) {
      tip = document.createElement("div");
      tip.className = "na-tooltip";
      tip.id = "na-tooltip";
      tip.setAttribute("role", "tooltip");
      tip.hidden = true;
      tip.addEventListener("mouseenter", cancelHide);
      tip.addEventListener("mouseleave", scheduleHide);
      document.body.appendChild(tip);
    }
    return tip;
  }

  // Mentions and dates: links whose data-card names the hidden card to show.
  function mentionOf(node) {
    return node && node.closest ? node.closest("a[data-card]") : null;
  }

  function cardFor(mention) {
    return document.getElementById(mention.dataset.card);
  }

  function show(mention) {
    var card = cardFor(mention);
    if (!card) return;
    cancelHide();
    var el = tooltip();
    if (owner !== mention) {
      el.innerHTML = "";
      Array.prototype.forEach.call(card.children, function (child) {
        var copy = child.cloneNode(true);
        copy.removeAttribute("id");
        el.appendChild(copy);
      });
      owner = mention;
    }
    el.hidden = false;
    mention.setAttribute("aria-expanded", "true");
    place(mention, el);
  }

  function place(mention, el) {
    var rect = mention.getBoundingClientRect();
    var width = Math.min(320, document.documentElement.clientWidth - 16);
    el.style.maxWidth = width + "px";
    var left = rect.left + window.scrollX;
    var maxLeft = window.scrollX + document.documentElement.clientWidth - el.offsetWidth - 8;
    left = Math.max(window.scrollX + 8, Math.min(left, maxLeft));
    var top = rect.bottom + window.scrollY + 6;
    var below = rect.bottom + el.offsetHeight + 12 <= window.innerHeight;
    if (!below && rect.top > el.offsetHeight + 12) {
      top = rect.top + window.scrollY - el.offsetHeight - 6;
    }
    el.style.left = left + "px";
    el.style.top = top + "px";
    el.dataset.placement = below ? "below" : "above";
  }

  function hide() {
    cancelHide();
    if (tip) tip.hidden = true;
    if (owner) owner.removeAttribute("aria-expanded");
    owner = null;
  }

  function scheduleHide() {
    cancelHide();
    hideTimer = window.setTimeout(hide, HIDE_DELAY);
  }

  function cancelHide() {
    if (hideTimer) window.clearTimeout(hideTimer);
    hideTimer = null;
  }

  function isOpen() {
    return tip && !tip.hidden;
  }

  document.addEventListener("pointerdown", function (event) {
    lastPointer = event.pointerType || "mouse";
    var pressed = mentionOf(event.target);
    openAtTap = !!pressed && pressed === owner && isOpen();
    if (isOpen() && !tip.contains(event.target) && !mentionOf(event.target)) hide();
  }, true);

  document.addEventListener("mouseover", function (event) {
    if (lastPointer === "touch") return;
    var mention = mentionOf(event.target);
    if (mention) show(mention);
  });

  document.addEventListener("mouseout", function (event) {
    var mention = mentionOf(event.target);
    if (mention && mention === owner && !mention.contains(event.relatedTarget)) scheduleHide();
  });

  document.addEventListener("focusin", function (event) {
    var mention = mentionOf(event.target);
    if (mention) show(mention);
    else if (isOpen() && !tip.contains(event.target)) hide();
  });

  document.addEventListener("focusout", function (event) {
    var mention = mentionOf(event.target);
    if (!mention || mention !== owner) return;
    var next = event.relatedTarget;
    if (next && (tip.contains(next) || next === mention)) return;
    if (!next) return; // focus left the window, or a click inside the tooltip: keep it
    hide();
  });

  // Touch: the first tap shows the tooltip; the link inside it navigates.
  document.addEventListener("click", function (event) {
    var mention = mentionOf(event.target);
    if (!mention || lastPointer !== "touch") return;
    if (!openAtTap) {
      // Material's instant navigation follows links even when the default is prevented,
      // so the event must not reach it either.
      event.preventDefault();
      event.stopPropagation();
      show(mention);
    }
    openAtTap = false;
  }, true);

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && isOpen()) {
      hide();  // focus stays where it was
    }
  });

  window.addEventListener("resize", function () {
    if (isOpen() && owner && document.body.contains(owner)) place(owner, tip);
  });

  // Material's instant navigation: close the tooltip when the page is swapped.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { hide(); });
  }
})();

/* Timeline index: filter by organisation or person, and oldest/newest first, without reloading.
 * The controls are hidden in the HTML and shown here, so without JavaScript the page is simply
 * the whole timeline, oldest first. Delegated from `document` for instant navigation. */
(function () {
  "use strict";

  function setUp() {
    var root = document.querySelector(".na-timeline--index");
    if (!root || root.dataset.ready) return;
    root.dataset.ready = "1";
    root.querySelector(".na-timeline-controls").hidden = false;
    update(root);
  }

  function update(root) {
    var select = root.querySelector("#na-timeline-filter");
    var wanted = select.value;
    var shown = 0;
    root.querySelectorAll(".na-timeline__event").forEach(function (item) {
      var match = !wanted || (" " + item.dataset.entities + " ").indexOf(" " + wanted + " ") >= 0;
      item.hidden = !match;
      if (match) shown += 1;
    });
    root.querySelectorAll(".na-month").forEach(function (month) {
      var items = month.querySelectorAll(".na-timeline__event");
      var any = Array.prototype.some.call(items, function (i) { return !i.hidden; });
      month.hidden = !!wanted && !any;
    });
    root.querySelectorAll(".na-year").forEach(function (year) {
      year.hidden = !!wanted && !year.querySelector(".na-month:not([hidden])");
    });
    var label = select.options[select.selectedIndex].text;
    root.querySelector(".na-timeline-count").textContent =
      shown + (shown === 1 ? " entry" : " entries") + (wanted ? " involving " + label : "");
  }

  function reverseChildren(parent, selector) {
    Array.prototype.slice.call(parent.querySelectorAll(":scope > " + selector)).reverse()
      .forEach(function (child) { parent.appendChild(child); });
  }

  document.addEventListener("change", function (event) {
    if (event.target.id === "na-timeline-filter") update(event.target.closest(".na-timeline--index"));
  });

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest(".na-timeline-order") : null;
    if (!button) return;
    var root = button.closest(".na-timeline--index");
    var list = root.querySelector(".na-timeline__list");
    reverseChildren(list, ".na-year");
    list.querySelectorAll(".na-year").forEach(function (year) { reverseChildren(year, ".na-month"); });
    list.querySelectorAll(".na-timeline__events").forEach(function (events) { reverseChildren(events, "li"); });
    var newest = button.getAttribute("aria-pressed") !== "true";
    button.setAttribute("aria-pressed", newest ? "true" : "false");
  });

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setUp);
  } else {
    document.addEventListener("DOMContentLoaded", setUp);
  }
})();
