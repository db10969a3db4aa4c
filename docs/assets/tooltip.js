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
      // In the page's main landmark, not loose in the body: opened by a tap it holds a link, and
      // axe (region) asks that all content be in a landmark. <main> is not positioned, so the
      // tooltip's page coordinates (place) are the same as in the body.
      (document.querySelector("main") || document.body).appendChild(tip);
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
      data[url] = fetch(url)
        .then(function (r) {
          if (!r.ok) throw new Error(url + ": " + r.status);
          return r.json();
        })
        .then(function (json) { data[url] = json; return json; }, function () {
          delete data[url]; // offline for a moment: the next mention reached asks again
          return null;
        });
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
      lines.push(line("na-tooltip__desc", events.length ? events.join("; ") :
        link.dataset.precision === "day" ? "Nothing else is on the timeline for this day yet." : "A period: see the timeline."));
      more = "On the timeline";
    } else {
      var entity = json.entities[link.dataset.entity];
      if (!entity) return false;
      name = entity.name;
      kind = entity.kind;
      lines.push(line("na-tooltip__desc", entity.description));
      var day = link.closest(".na-article").dataset.published;
      var role = standing(entity, day);
      if (role) lines.push(line("na-tooltip__role", role));
      more = "About " + entity.name;
    }
    var title = line("na-tooltip__name", name);
    var chip = document.createElement("span");
    chip.className = "na-tooltip__kind";
    chip.textContent = kind;
    title.appendChild(chip);
    el.appendChild(title);
    lines.forEach(function (l) { el.appendChild(l); });
    var a = document.createElement("a");
    a.className = "na-tooltip__link";
    a.href = link.href;
    a.textContent = more;
    el.appendChild(a);
    return true;
  }

  function show(link) {
    cancelHide();
    if (owner && owner !== link) owner.removeAttribute("aria-expanded"); // the mention it leaves
    var url = source(link);
    var json = data[url];
    if (!json || typeof json.then === "function") {
      // Shown when the words come only if this link still holds the tooltip: focus or the
      // pointer may have moved on (or left) while they were on their way.
      load(url).then(function (json) { if (json && owner === link) show(link); });
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
