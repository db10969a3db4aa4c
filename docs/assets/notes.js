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
    if (opener) opener.setAttribute("aria-expanded", "false"); // the note open before, if any
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
