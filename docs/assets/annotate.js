/* Shared by the modules below. */
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

/* Tooltips for entity mentions and dates (WCAG 2.2 SC 1.4.13: dismissible, hoverable, persistent).
 *
 * One tooltip element serves the whole page. Its words come from entities.json, written by
 * the build for the whole site and fetched once: an entity's name, kind, description and
 * dated roles (the ones held on the article's date are shown). Listeners are delegated from
 * `document`, so they keep working after Material's instant navigation swaps the content.
 * Each mention is described by the tooltip (aria-describedby), as in the ARIA tooltip pattern.
 * Without JavaScript every mention is still a plain link to the entity's page.
 */
(function () {
  "use strict";

  var HIDE_DELAY = 300;
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
  var data = {};         // url -> parsed entities.json, or a promise of it
  var tip = null;        // the tooltip element
  var owner = null;      // the link it belongs to
  var hideTimer = null;
  var lastPointer = "mouse";
  var openAtTap = false; // was this link's tooltip already open when the finger came down?

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

  function linkOf(node) {
    var link = node && node.closest ? node.closest("a.na-mention[data-entity], a.na-date") : null;
    return link && link.closest(".na-article[data-entities]") ? link : null;
  }

  function source(link) {
    var article = link.closest(".na-article");
    return new URL(article.dataset.entities, window.location.href).href;
  }

  function load(url) {
    if (!data[url]) {
      data[url] = fetch(url).then(function (r) { return r.json(); }).then(function (json) { data[url] = json; return json; });
    }
    return data[url];
  }

  function longDate(iso) {
    var parts = iso.split("-");
    return String(Number(parts[2])) + " " + MONTHS[Number(parts[1]) - 1] + " " + parts[0];
  }

  function standing(entity, day) {
    var held = entity.standing.items.filter(function (item) {
      return (!item[0] || item[0] <= day) && (!item[1] || day <= item[1]);
    });
    if (!held.length) return "";
    return "On " + longDate(day) + ": " + entity.standing.prefix + held.map(function (i) { return i[2]; }).join(entity.standing.sep);
  }

  function line(className, text) {
    var p = document.createElement("p");
    p.className = className;
    p.textContent = text;
    return p;
  }

  function fill(link, json) {
    var el = tooltip();
    el.innerHTML = "";
    var name, kind, lines = [], more;
    if (link.classList.contains("na-date")) {
      var time = link.querySelector("time");
      var events = link.dataset.precision === "day" ? (json.events[time.getAttribute("datetime")] || []) : [];
      name = link.dataset.label;
      kind = "Date";
      lines.push(line("na-card__desc", events.length ? events.join("; ") :
        link.dataset.precision === "day" ? "Nothing else is on the timeline for this day yet." : "A period: see the timeline."));
      more = "On the timeline";
    } else {
      var entity = json.entities[link.dataset.entity];
      if (!entity) return false;
      name = entity.name;
      kind = entity.kind;
      lines.push(line("na-card__desc", entity.description));
      var day = link.closest(".na-article").dataset.published;
      var role = standing(entity, day);
      if (role) lines.push(line("na-card__role", role));
      more = "About " + entity.name;
    }
    var title = line("na-card__name", name);
    var chip = document.createElement("span");
    chip.className = "na-card__kind";
    chip.textContent = kind;
    title.appendChild(chip);
    el.appendChild(title);
    lines.forEach(function (l) { el.appendChild(l); });
    var a = document.createElement("a");
    a.className = "na-card__link";
    a.href = link.href;
    a.textContent = more;
    el.appendChild(a);
    return true;
  }

  function show(link) {
    cancelHide();
    var url = source(link);
    var json = data[url];
    if (!json || typeof json.then === "function") {
      load(url).then(function () { if (owner === link || !isOpen()) show(link); });
      owner = link;
      return;
    }
    if (!fill(link, json)) return;
    var el = tooltip();
    owner = link;
    el.hidden = false;
    link.setAttribute("aria-expanded", "true");
    place(link, el);
  }

  function place(link, el) {
    var rect = link.getBoundingClientRect();
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

  // On each page: describe every mention and date by the tooltip, and fetch the words early.
  function setUp() {
    hide();
    var links = document.querySelectorAll(".na-article[data-entities] a.na-mention[data-entity], .na-article[data-entities] a.na-date");
    if (!links.length) return;
    tooltip();
    Array.prototype.forEach.call(links, function (link) { link.setAttribute("aria-describedby", "na-tooltip"); });
    load(source(links[0]));
  }

  document.addEventListener("pointerdown", function (event) {
    lastPointer = event.pointerType || "mouse";
    var pressed = linkOf(event.target);
    openAtTap = !!pressed && pressed === owner && isOpen();
    if (isOpen() && !tip.contains(event.target) && !pressed) hide();
  }, true);

  document.addEventListener("mouseover", function (event) {
    if (lastPointer === "touch") return;
    var link = linkOf(event.target);
    if (link) show(link);
  });

  document.addEventListener("mouseout", function (event) {
    var link = linkOf(event.target);
    if (link && link === owner && !link.contains(event.relatedTarget)) scheduleHide();
  });

  document.addEventListener("focusin", function (event) {
    var link = linkOf(event.target);
    if (link) show(link);
    else if (isOpen() && !tip.contains(event.target)) hide();
  });

  document.addEventListener("focusout", function (event) {
    var link = linkOf(event.target);
    if (!link || link !== owner) return;
    var next = event.relatedTarget;
    if (next && (tip.contains(next) || next === link)) return;
    if (!next) return; // focus left the window, or a click inside the tooltip: keep it
    hide();
  });

  // Touch: the first tap shows the tooltip; the link inside it navigates.
  document.addEventListener("click", function (event) {
    var link = linkOf(event.target);
    if (!link || lastPointer !== "touch") return;
    if (!openAtTap) {
      // Material's instant navigation follows links even when the default is prevented,
      // so the event must not reach it either.
      event.preventDefault();
      event.stopPropagation();
      show(link);
    }
    openAtTap = false;
  }, true);

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && isOpen()) hide();  // focus stays where it was
  });

  window.addEventListener("resize", function () {
    if (isOpen() && owner && document.body.contains(owner)) place(owner, tip);
  });

  newsroom.onEveryPage(setUp);
})();

/* Timeline index: filter by organisation or person, and oldest/newest first, without reloading.
 * The controls are hidden in the HTML and shown here, so without JavaScript the page is simply
 * the whole timeline, oldest first. Delegated from `document` for instant navigation. */
(function () {
  "use strict";

  function update(select) {
    var root = select.closest(".na-timeline--index");
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

  newsroom.filter("na-timeline-filter", ".na-timeline-controls", "change", update);
})();

/* Editors' notes: a marker opens its note beside the text; Esc or the close button returns
 * focus to the marker; "Copy link" copies the note's permanent URL. A link to #note-<id>
 * (also after instant navigation) scrolls to the passage, highlights it and opens the note.
 * Without JavaScript each marker is a link to the note in the list at the end of the article. */
(function () {
  "use strict";

  var popover = null;
  var opener = null;

  function panel() {
    if (!popover || !document.body.contains(popover)) {
      popover = document.createElement("div");
      popover.className = "na-note-popover md-typeset";
      popover.setAttribute("role", "dialog");
      popover.setAttribute("aria-modal", "false");
      popover.tabIndex = -1;
      popover.hidden = true;
      document.body.appendChild(popover);
    }
    return popover;
  }

  function markerFor(id) {
    return document.querySelector('.na-note-marker[data-note="' + id + '"]');
  }

  function open(id, focus) {
    var body = document.getElementById("note-body-" + id);
    var mark = document.getElementById("note-" + id);
    if (!body || !mark) return;
    var el = panel();
    el.innerHTML = "";
    var close = document.createElement("button");
    close.type = "button";
    close.className = "na-note-popover__close";
    close.setAttribute("aria-label", "Close note");
    close.textContent = "×";
    el.appendChild(close);
    Array.prototype.forEach.call(body.children, function (child) {
      var copy = child.cloneNode(true);
      copy.querySelectorAll("[id]").forEach(function (n) { n.removeAttribute("id"); });
      el.appendChild(copy);
    });
    var heading = el.querySelector(".na-note-body__kind");
    if (heading) {
      heading.id = "na-note-popover-title";
      el.setAttribute("aria-labelledby", heading.id);
    }
    el.querySelectorAll(".na-copy").forEach(function (b) { b.hidden = false; });
    el.querySelectorAll(".na-note-body__back").forEach(function (a) { a.remove(); });
    document.querySelectorAll("mark.na-note.is-active").forEach(function (m) { m.classList.remove("is-active"); });
    mark.classList.add("is-active");
    opener = markerFor(id);
    if (opener) opener.setAttribute("aria-expanded", "true");
    el.dataset.note = id;
    el.hidden = false;
    place(mark, el);
    if (focus) el.focus({ preventScroll: true });
  }

  // Beside the text where the window has room for it, else just below the passage.
  function place(mark, el) {
    var column = (mark.closest(".na-article__body") || mark.parentNode).getBoundingClientRect();
    var rect = mark.getBoundingClientRect();
    var room = document.documentElement.clientWidth - column.right - 24;
    if (room >= 240) {
      el.style.width = Math.min(room, 360) + "px";
      el.style.left = (column.right + 16 + window.scrollX) + "px";
      el.style.top = (rect.top + window.scrollY) + "px";
      el.dataset.placement = "side";
    } else {
      var width = Math.min(column.width, 480);
      el.style.width = width + "px";
      el.style.left = (Math.max(8, Math.min(rect.left, column.right - width)) + window.scrollX) + "px";
      el.style.top = (rect.bottom + window.scrollY + 8) + "px";
      el.dataset.placement = "below";
    }
  }

  function closeNote(returnFocus) {
    if (!popover || popover.hidden) return;
    popover.hidden = true;
    document.querySelectorAll("mark.na-note.is-active").forEach(function (m) { m.classList.remove("is-active"); });
    if (opener) {
      opener.setAttribute("aria-expanded", "false");
      if (returnFocus) opener.focus();
    }
  }

  function fromHash() {
    var match = /^#note-([a-z0-9-]+)$/.exec(window.location.hash);
    if (!match) return;
    var mark = document.getElementById("note-" + match[1]);
    if (!mark) return;
    mark.scrollIntoView({ block: "center" });
    open(match[1], false);
  }

  document.addEventListener("click", function (event) {
    var target = event.target;
    var marker = target.closest ? target.closest(".na-note-marker") : null;
    if (marker) {
      event.preventDefault();
      event.stopPropagation(); // keep Material's instant navigation out of it
      var id = marker.dataset.note;
      if (popover && !popover.hidden && popover.dataset.note === id) {
        closeNote(true);
      } else {
        open(id, true);
        history.replaceState(history.state, "", "#note-" + id);
      }
      return;
    }
    if (target.closest && target.closest(".na-note-popover__close")) {
      closeNote(true);
      return;
    }
    var copy = target.closest ? target.closest(".na-copy") : null;
    if (copy) {
      var url = copy.dataset.copy;
      var done = function () { copy.textContent = "Link copied"; window.setTimeout(function () { copy.textContent = "Copy link"; }, 2000); };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(url).then(done, function () { window.prompt("Copy this link:", url); });
      } else {
        window.prompt("Copy this link:", url);
      }
      return;
    }
    if (popover && !popover.hidden && !popover.contains(target)) closeNote(false);
  }, true);

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && popover && !popover.hidden) {
      closeNote(true);
    }
  });

  window.addEventListener("hashchange", fromHash);
  window.addEventListener("resize", function () {
    if (popover && !popover.hidden) {
      var mark = document.getElementById("note-" + popover.dataset.note);
      if (mark) place(mark, popover);
    }
  });

  newsroom.onEveryPage(function () { closeNote(false); fromHash(); });
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
    root.querySelector(".na-timeline-count").textContent = shown + (shown === 1 ? " note" : " notes");
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
    root.querySelector(".na-timeline-count").textContent = shown + (shown === 1 ? " person" : " people");
  }

  newsroom.filter("na-people-filter", ".na-people-filter", "input", update);
})();
