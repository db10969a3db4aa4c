/* A link to any passage of an article.

   Selecting words in a paragraph shows a "Link to this passage" button. It copies the page's
   address with the paragraph and a text fragment: `#p-N:~:text=prefix-,words,-suffix` (encoded
   as the Text Fragments spec says, with as many words around the passage as make it unique in
   the page). Browsers that support text fragments scroll to the words and highlight them; the
   others go to the paragraph (`#p-N`). Either way, this script highlights the words too (the CSS
   Custom Highlight API: no change to the page's text), on load from the address.

   An article's paragraph text is its source text exactly (note numbers, chips and permalinks
   carry none), so offsets in the paragraph's text are offsets in the article's words. */
(function () {
  "use strict";

  var WORD = /[\p{L}\p{N}'’]/u;
  var MAX_CONTEXT = 5; // words of prefix or suffix at most
  var button = null;
  var pending = null; // the URL the button copies

  function paragraphOf(node) {
    var element = node && (node.nodeType === 1 ? node : node.parentElement);
    var p = element && element.closest ? element.closest(".na-article__body p[id^='p-']") : null;
    return p;
  }

  function offsetIn(p, node, offset) {
    var range = document.createRange();
    range.selectNodeContents(p);
    range.setEnd(node, offset);
    return range.toString().length;
  }

  function rangeIn(p, start, end) {
    var walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    var range = document.createRange();
    var seen = 0;
    var startSet = false;
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      var length = node.data.length;
      if (!startSet && start <= seen + length) {
        range.setStart(node, start - seen);
        startSet = true;
      }
      if (startSet && end <= seen + length) {
        range.setEnd(node, end - seen);
        return range;
      }
      seen += length;
    }
    return null;
  }

  function encode(text) {
    return encodeURIComponent(text).replace(/-/g, "%2D");
  }

  function normal(text) {
    return text.replace(/\s+/g, " ").trim();
  }

  function count(haystack, needle) {
    var n = 0;
    for (var at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) n += 1;
    return n;
  }

  // Words of `text` before `start` (the last `n`) and after `end` (the first `n`).
  function wordsBefore(text, start, n) {
    var words = normal(text.slice(0, start)).split(" ").filter(Boolean);
    return words.slice(Math.max(0, words.length - n)).join(" ");
  }
  function wordsAfter(text, end, n) {
    return normal(text.slice(end)).split(" ").filter(Boolean).slice(0, n).join(" ");
  }

  // The fragment for the words [start, end) of paragraph `p`, widened to whole words.
  function fragmentFor(p, start, end) {
    var text = p.textContent;
    while (start > 0 && WORD.test(text[start - 1]) && WORD.test(text[start])) start -= 1;
    while (end < text.length && WORD.test(text[end - 1]) && WORD.test(text[end])) end += 1;
    while (start < end && /\s/.test(text[start])) start += 1;
    while (end > start && /\s/.test(text[end - 1])) end -= 1;
    if (end <= start) return null;
    var exact = text.slice(start, end);
    var page = normal(document.body.innerText || document.body.textContent);
    var prefix = "";
    var suffix = "";
    for (var n = 0; n <= MAX_CONTEXT; n++) {
      prefix = wordsBefore(text, start, n);
      suffix = wordsAfter(text, end, n);
      if (count(page, normal([prefix, exact, suffix].join(" "))) <= 1) break;
    }
    var parts = [];
    if (prefix) parts.push(encode(prefix) + "-");
    parts.push(encode(exact));
    if (suffix) parts.push("-" + encode(suffix));
    return { id: p.id, directive: "text=" + parts.join(","), start: start, end: end };
  }

  function hideButton() {
    if (button) button.hidden = true;
    pending = null;
  }

  function showButton(range, url) {
    if (!button) {
      button = document.createElement("button");
      button.type = "button";
      button.className = "na-passage-link md-button";
      button.addEventListener("mousedown", function (event) { event.preventDefault(); }); // keep the selection
      button.addEventListener("click", function () {
        var url = pending;
        if (!url) return;
        var done = function () {
          button.textContent = "Link copied";
          window.setTimeout(function () { button.textContent = "Link to this passage"; }, 2000);
        };
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(url).then(done, function () { window.prompt("Copy this link:", url); });
        } else {
          window.prompt("Copy this link:", url);
        }
      });
      document.body.appendChild(button);
    }
    button.textContent = "Link to this passage";
    button.dataset.url = url;
    pending = url;
    var box = range.getBoundingClientRect();
    button.style.top = window.scrollY + box.bottom + 6 + "px";
    button.style.left = Math.max(8, Math.min(window.scrollX + box.left, window.scrollX + document.documentElement.clientWidth - 200)) + "px";
    button.hidden = false;
  }

  function onSelection() {
    var selection = window.getSelection();
    if (!selection || selection.isCollapsed || !selection.rangeCount) {
      if (!button || document.activeElement !== button) hideButton();
      return;
    }
    var range = selection.getRangeAt(0);
    var p = paragraphOf(range.startContainer);
    if (!p || paragraphOf(range.endContainer) !== p) {
      hideButton();
      return;
    }
    var fragment = fragmentFor(p, offsetIn(p, range.startContainer, range.startOffset), offsetIn(p, range.endContainer, range.endOffset));
    if (!fragment) {
      hideButton();
      return;
    }
    showButton(range, location.origin + location.pathname + "#" + fragment.id + ":~:" + fragment.directive);
  }

  var timer = null;
  document.addEventListener("selectionchange", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(onSelection, 150);
  });

  /* --- the highlight, from the address ------------------------------------------------------- */

  function parseDirective(url) {
    var at = url.indexOf(":~:");
    if (at === -1) return null;
    var hash = url.lastIndexOf("#", at);
    var id = hash === -1 ? "" : url.slice(hash + 1, at);
    var match = /(?:^|&)text=([^&]*)/.exec(url.slice(at + 3));
    if (!match) return null;
    var parts = match[1].split(",");
    var prefix = "";
    var suffix = "";
    if (parts.length && /-$/.test(parts[0])) prefix = decodeURIComponent(parts.shift().slice(0, -1));
    if (parts.length && /^-/.test(parts[parts.length - 1])) suffix = decodeURIComponent(parts.pop().slice(1));
    if (parts.length !== 1) return null; // textStart,textEnd ranges are left to the browser
    return { id: decodeURIComponent(id), prefix: prefix, exact: decodeURIComponent(parts[0]), suffix: suffix };
  }

  function highlight() {
    if (!window.CSS || !CSS.highlights || typeof Highlight === "undefined") return;
    CSS.highlights.delete("na-passage");
    var entry = performance.getEntriesByType && performance.getEntriesByType("navigation")[0];
    var directive = parseDirective(location.href) || (entry && entry.name.split("#")[0] === location.href.split("#")[0] ? parseDirective(entry.name) : null);
    if (!directive) return;
    var p = directive.id ? document.getElementById(directive.id) : null;
    var scopes = p ? [p] : Array.prototype.slice.call(document.querySelectorAll(".na-article__body p[id^='p-']"));
    for (var i = 0; i < scopes.length; i++) {
      var text = scopes[i].textContent;
      for (var at = text.indexOf(directive.exact); at !== -1; at = text.indexOf(directive.exact, at + 1)) {
        var before = normal(text.slice(0, at));
        var after = normal(text.slice(at + directive.exact.length));
        if ((!directive.prefix || before.endsWith(normal(directive.prefix))) && (!directive.suffix || after.startsWith(normal(directive.suffix)))) {
          var range = rangeIn(scopes[i], at, at + directive.exact.length);
          if (range) CSS.highlights.set("na-passage", new Highlight(range));
          return;
        }
      }
    }
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { hideButton(); highlight(); });
  } else {
    document.addEventListener("DOMContentLoaded", highlight);
  }
})();
