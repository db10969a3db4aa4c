/* The archive's search: Pagefind's JavaScript API, rendered into Material's search markup
   (overrides/partials/search.html). The index is in parts, one a year and one for everything
   else (newsroom/search/); each loads in pieces: the first query fetches Pagefind's code once,
   each part's metadata, the small word lists its terms are in and the few results it shows.

   Keyboard, as in Material: "/", "s" or "f" opens search; arrows move between the query and the
   results; Enter opens the first result; Escape closes. Articles' results land on the paragraph
   that matched (#p-N); notes' on the note (#note-<id>). Every text from the index is written as
   text (textContent), never as HTML. */
(function () {
  "use strict";

  var root = document.querySelector("[data-na-search]");
  var toggle = document.getElementById("__search");
  if (!root || !toggle) return;

  var input = root.querySelector("[data-na-search-query]");
  var form = input.form;
  var status = root.querySelector("#na-search-status");
  var list = root.querySelector(".md-search-result__list");
  var filtersBox = root.querySelector("[data-na-search-filters]");
  var typeButtons = Array.prototype.slice.call(root.querySelectorAll(".na-search__type"));
  var yearSelect = root.querySelector("[data-na-search-year]");
  var orderSelect = root.querySelector("[data-na-search-order]");
  // The header stays when Material's instant navigation changes the page: resolve the index's
  // address once, against the page it was written for.
  var bundle = new URL(root.getAttribute("data-na-pagefind"), location.href);
  var siteRoot = new URL("../", bundle).pathname;

  var PRIMARY = "reference"; // the part whose code is loaded (newsroom.search.REFERENCE)
  var PAGE = 10; // results shown at a time
  var EXCERPT = 28; // words in an excerpt
  var MORE_PARAGRAPHS = 2; // further matching paragraphs shown under an article
  var TYPES = {
    article: "Article",
    person: "Person",
    organisation: "Organisation",
    term: "Term",
    note: "Editors' note",
    page: "Page"
  };
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December"];

  var state = { type: "", year: "", order: "" };
  var pagefind = null;
  var parts = []; // the index's parts (pagefind/parts.json)
  var years = []; // the parts that are years, newest first
  var sequence = 0; // the newest search; older ones that finish late are dropped
  var busy = Promise.resolve(); // the search running, if one is
  var current = null; // { search, shown }

  /* The index is in parts, one a year and one for the rest (newsroom/search/), listed in
     pagefind/parts.json. The first part's code is loaded and the others merged into it
     (Pagefind's mergeIndex): one WebAssembly and one worker search them all, and rank the
     results together. */
  function load() {
    if (!pagefind) {
      // Each part's records carry a filter "part" with its name (Pagefind's mergeFilter).
      function options(part) {
        return { baseUrl: siteRoot, excerptLength: EXCERPT, mergeFilter: { part: part } };
      }
      function start(part) {
        return import(new URL(part + "/pagefind.js", bundle).href).then(function (module) {
          return module.options(options(part)).then(function () { return module.init(); }).then(function () { return module; });
        });
      }
      // The reference part is listed first whenever there is one (newsroom.search.parts_in_order):
      // its code starts loading with the list of parts, not after it.
      var primary = start(PRIMARY);
      primary.catch(function () {}); // a site without a reference part: started again below
      pagefind = fetch(new URL("parts.json", bundle).href, { cache: "no-cache" }).then(function (response) {
        if (!response.ok) throw new Error("parts.json: " + response.status);
        return response.json();
      }).then(function (manifest) {
        parts = manifest.parts;
        years = parts.filter(function (part) { return /^\d{4}$/.test(part); });
        return (parts[0] === PRIMARY ? primary : start(parts[0])).then(function (module) {
          return Promise.all(parts.slice(1).map(function (part) {
            return module.mergeIndex(new URL(part + "/", bundle).pathname, options(part));
          })).then(function () {
            return module;
          });
        });
      });
      pagefind.catch(function () {
        pagefind = null;
        setStatus("Search is not available: its index could not be loaded.");
      });
    }
    return pagefind;
  }

  /* Pagefind does not require a query's word that an index lacks: it takes the longest word of
     the index that begins the query's word instead ("51" for "517"), or leaves it out. In one
     index of everything that happens only to a word no page has; across parts it would let a
     part without "Okafor" answer "Okafor budget" with pages about budgets, or "Bartley" with
     pages about a bar. So each word is first looked up exactly (quoted: no extensions, no
     prefixes), counted by part without being ranked (a filter no record has), and the parts
     that lack a word another part has are left out. A word no part has exactly (one still being
     typed, a misspelling) leaves every part in, as one index would. Resolves to the parts to
     search, or null for all of them. */
  function partsFor(pf, term) {
    var words = term.replace(/"/g, " ").split(/\s+/).filter(Boolean);
    if (!words.length || parts.length < 2) return Promise.resolve(null);
    return Promise.all(words.map(function (word) {
      return pf.search('"' + word + '"', { filters: { part: "-" } });
    })).then(function (searches) {
      var found = parts.filter(function (part) {
        return searches.every(function (search) {
          var counts = (search.totalFilters && search.totalFilters.part) || {};
          var anywhere = Object.keys(counts).some(function (key) { return counts[key] > 0; });
          return !anywhere || counts[part] > 0;
        });
      });
      return found.length === parts.length ? null : found;
    });
  }

  /* The search itself, in the parts that have every word (null: all), and the counts by type and
     year for the filters. Pagefind orders a sorted search by each part's own order, and the
     merged results by that number, which says nothing across parts: so with an order and no
     year chosen, each year (a part) is asked on its own, in the order wanted, and the years put
     end to end. */
  function searchIn(pf, term, options, found) {
    if (found && !found.length) return Promise.resolve({ results: [], counts: {} });
    var filters = Object.assign({}, options.filters);
    if (found) filters.part = { any: found };
    var asked;
    if (!options.sort || state.year || years.length < 2) {
      asked = pf.search(term, { filters: filters, sort: options.sort });
    } else {
      var order = (options.sort.date === "asc" ? years.slice().reverse() : years).filter(function (year) {
        return !found || found.indexOf(year) >= 0;
      });
      asked = Promise.all(order.map(function (year) {
        return pf.search(term, { filters: Object.assign({}, options.filters, { part: year }), sort: options.sort });
      })).then(function (searches) {
        return {
          results: [].concat.apply([], searches.map(function (s) { return s.results; })),
          totalFilters: searches.length ? searches[0].totalFilters : {}
        };
      });
    }
    return asked.then(function (search) {
      if (!found || !filtersReady) return { results: search.results, counts: search.totalFilters };
      return countsIn(pf, term, found).then(function (counts) {
        return { results: search.results, counts: counts };
      });
    });
  }

  /* The counts by type and year for the filters, in the parts searched. Pagefind's own counts
     (totalFilters) leave every filter out, the parts too: with parts left out, they are counted
     again in the others. */
  function countsIn(pf, term, found) {
    if (!found) return pf.search(term).then(function (all) { return all.totalFilters; });
    return pf.search(term, { filters: { part: { any: found } } }).then(function (all) { return all.filters; });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function setStatus(text) {
    status.textContent = text;
  }

  // A record's date metadata is one opaque word, d20230428 (newsroom.search.date_word): as a
  // date, its words ("2023", "04", "28") made every record of the day match them.
  function longDate(word) {
    var parts = /^d(\d{4})(\d{2})(\d{2})$/.exec(word || "");
    if (!parts) return "";
    return String(Number(parts[3])) + " " + MONTHS[Number(parts[2]) - 1] + " " + parts[1];
  }

  /* --- excerpts ------------------------------------------------------------------------- */

  function words(content) {
    return content.split(/[\r\n\s]+/g);
  }

  // The words [from, to) of the content around the first hit in that range, hits marked.
  function excerpt(allWords, hits, from, to) {
    var inRange = hits.filter(function (h) { return h >= from && h < to; });
    var first = inRange.length ? inRange[0] : from;
    var start = Math.max(from, Math.min(first - Math.floor(EXCERPT / 3), to - EXCERPT));
    var end = Math.min(to, start + EXCERPT);
    var marked = {};
    inRange.forEach(function (h) { marked[h] = true; });
    var p = element("p", "na-search__excerpt");
    var text = start > from ? "… " : "";
    for (var i = start; i < end; i++) {
      if (i > start) text += " ";
      if (marked[i]) {
        p.appendChild(document.createTextNode(text));
        p.appendChild(element("mark", null, allWords[i]));
        text = "";
      } else {
        text += allWords[i];
      }
    }
    p.appendChild(document.createTextNode(text + (end < to ? " …" : "")));
    return p;
  }

  // An article's hits, by the paragraph (<p id="p-N">) they are in: [{ id, from, to, hits }],
  // the paragraph with most hits first, then the others in the article's order.
  function paragraphs(data, count) {
    var anchors = (data.anchors || [])
      .filter(function (a) { return /^p-\d+$/.test(a.id); })
      .sort(function (a, b) { return a.location - b.location; });
    var groups = [];
    var byId = {};
    var hits = data.locations.slice().sort(function (a, b) { return a - b; });
    hits.forEach(function (location) {
      var anchor = null;
      for (var i = 0; i < anchors.length && anchors[i].location <= location; i++) anchor = anchors[i];
      var id = anchor ? anchor.id : "";
      if (!byId[id]) {
        var next = anchor ? anchors[anchors.indexOf(anchor) + 1] : anchors[0];
        byId[id] = { id: id, from: anchor ? anchor.location : 0, to: next ? next.location : count, hits: [] };
        groups.push(byId[id]);
      }
      byId[id].hits.push(location);
    });
    var paragraphsOnly = groups.filter(function (g) { return g.id; });
    if (!paragraphsOnly.length) return groups;
    var best = paragraphsOnly.slice().sort(function (a, b) { return b.hits.length - a.hits.length; })[0];
    return [best].concat(paragraphsOnly.filter(function (g) { return g !== best; }));
  }

  /* --- results -------------------------------------------------------------------------- */

  function resultLink(href, heading, level, meta, excerptNode) {
    var link = element("a", "md-search-result__link");
    link.href = href;
    var article = element("article", "md-search-result__article md-typeset" + (level === 1 ? " md-search-result__article--document" : ""));
    if (level === 1) article.appendChild(element("div", "md-search-result__icon md-icon"));
    article.appendChild(element(level === 1 ? "h1" : "h2", null, heading));
    if (meta) article.appendChild(element("p", "na-search__meta", meta));
    if (excerptNode) article.appendChild(excerptNode);
    link.appendChild(article);
    return link;
  }

  function item(data) {
    var type = (data.filters && data.filters.type && data.filters.type[0]) || "page";
    var meta = data.meta || {};
    var allWords = words(data.content || "");
    var hits = (data.locations || []).slice().sort(function (a, b) { return a - b; });
    var li = element("li", "md-search-result__item na-search__item");
    li.setAttribute("data-type", type);
    // A note's record is a page of its own in the index, at articles/<slug>/note-<id>.html
    // (newsroom.search.record_path): the note is #note-<id> in its article.
    var url = type === "note" ? data.url.replace(/\/(note-[^/]+)\.html$/, "/#$1") : data.url;
    if (type === "article") {
      var groups = paragraphs(data, allWords.length);
      var main = groups[0] || { id: "", from: 0, to: allWords.length, hits: hits };
      var line = [TYPES.article, longDate(meta.date), meta.publisher].filter(Boolean).join(" · ");
      li.appendChild(resultLink(main.id ? url + "#" + main.id : url, meta.title || url, 1, line, excerpt(allWords, main.hits, main.from, main.to)));
      // Further paragraphs only where the query matched at least half as much as in the best one
      // (a paragraph with just an "and" of "bat and ball" is not worth a line).
      groups.slice(1).filter(function (g) { return g.id && g.hits.length * 2 >= main.hits.length; }).slice(0, MORE_PARAGRAPHS).forEach(function (g) {
        li.appendChild(resultLink(url + "#" + g.id, "Paragraph " + g.id.slice(2), 2, null, excerpt(allWords, g.hits, g.from, g.to)));
      });
    } else if (type === "note") {
      var noteLine = [TYPES.note, longDate(meta.date)].filter(Boolean).join(" · ");
      li.appendChild(resultLink(url, meta.title || url, 1, noteLine, excerpt(allWords, hits, 0, allWords.length)));
    } else {
      li.appendChild(resultLink(url, meta.title || url, 1, TYPES[type] || TYPES.page, excerpt(allWords, hits, 0, allWords.length)));
    }
    return li;
  }

  function plural(n, one, many) {
    return n.toLocaleString("en-GB") + " " + (n === 1 ? one : many);
  }

  /* The next page of results, once: a press while it loads does nothing (the button says
     "Loading…"). The button is then replaced by the results, so a reader who pressed it from the
     keyboard is taken to the first of them. */
  function showMore(event) {
    var button = event.currentTarget;
    if (!current || button.getAttribute("aria-disabled") === "true") return;
    var mine = sequence;
    var listed = current; // the search whose results are listed, and how many are shown
    var next = listed.search.results.slice(listed.shown, listed.shown + PAGE);
    var label = button.textContent;
    button.setAttribute("aria-disabled", "true");
    button.textContent = "Loading…";
    Promise.all(next.map(function (r) { return r.data(); })).then(function (data) {
      if (mine !== sequence || listed !== current) return;
      var hadFocus = document.activeElement === button;
      button.parentNode.remove();
      var added = data.map(function (d) { return list.appendChild(item(d)); });
      listed.shown += next.length;
      addMoreButton();
      if (hadFocus && added.length) added[0].querySelector("a").focus();
    }, function (error) {
      button.removeAttribute("aria-disabled");
      button.textContent = label;
      setStatus("Search failed: " + error);
    });
  }

  function addMoreButton() {
    var left = current.search.results.length - current.shown;
    if (left <= 0) return;
    var li = element("li", "na-search__more");
    var button = element("button", "md-button", "Show " + plural(Math.min(left, PAGE), "more result", "more results"));
    button.type = "button";
    button.addEventListener("click", showMore);
    li.appendChild(button);
    list.appendChild(li);
  }

  function updateFilters(counts) {
    filtersBox.hidden = false;
    counts = counts || {};
    var totals = counts.type || {};
    typeButtons.forEach(function (button) {
      var type = button.getAttribute("data-type");
      var pressed = type === state.type;
      button.setAttribute("aria-pressed", pressed ? "true" : "false");
      if (!type) return;
      var n = totals[type] || 0;
      // Until the filters' lists are loaded there are no counts: every type is offered.
      button.hidden = filtersReady && !n && !pressed;
      button.querySelector(".na-search__count").textContent = filtersReady ? String(n) : "";
    });
    var yearCounts = counts.year || {};
    var shown = Object.keys(yearCounts).filter(function (y) {
      return yearCounts[y] > 0 || y === state.year;
    }).sort().reverse();
    var wanted = [""].concat(shown);
    var have = Array.prototype.map.call(yearSelect.options, function (o) { return o.value; });
    if (wanted.join() !== have.join()) {
      yearSelect.textContent = "";
      wanted.forEach(function (y) {
        var option = element("option", null, y || "Any");
        option.value = y;
        yearSelect.appendChild(option);
      });
      yearSelect.value = state.year;
    }
  }

  // The type and year the reader chose, as Pagefind's filters.
  function chosenFilters() {
    var filters = {};
    if (state.type) filters.type = state.type;
    if (state.year) filters.year = state.year;
    return filters;
  }

  // The filters' lists (50 KB at 10,000 articles) are loaded only when the reader reaches for
  // the filters (pointer, touch or keyboard focus on them): a search does not need them. Once
  // loaded, every search counts its results by type and year, and the years fill the list.
  var filtersLoaded = null;
  var filtersReady = false;
  function countByFilter() {
    if (filtersLoaded) return;
    filtersLoaded = load().then(function (pf) {
      return pf.filters().then(function () { return pf; });
    }).then(function (pf) {
      filtersReady = true;
      var term = input.value.trim();
      if (!term) return;
      return partsFor(pf, term).then(function (found) {
        return countsIn(pf, term, found);
      }).then(function (counts) {
        if (input.value.trim() === term) updateFilters(counts);
      });
    });
  }

  /* A search that has not answered STALLED ms after it started says so: "Searching…" in the
     status line, the results still shown and marked busy (aria-busy) until the new ones
     replace them. A search that answers sooner shows nothing in between, so typing does not
     flicker. */
  var STALLED = 300; // ms
  var stalled = null;
  function busyUnlessAnswered(mine) {
    clearTimeout(stalled);
    stalled = setTimeout(function () {
      if (mine !== sequence) return;
      list.setAttribute("aria-busy", "true");
      root.setAttribute("data-na-search-busy", "");
      setStatus("Searching…");
    }, STALLED);
  }
  function answered() {
    clearTimeout(stalled);
    list.removeAttribute("aria-busy");
    root.removeAttribute("data-na-search-busy");
  }

  function idle() {
    answered();
    shownKey = "";
    clearTimeout(pausing);
    sequence++;
    current = null;
    list.textContent = "";
    filtersBox.hidden = true;
    setStatus("Type to start searching");
  }

  /* A query whose last word has one or two letters is most often a word still being typed, and
     its prefix spans many words of the index ("th": the, that, this, …), whose word lists are
     among the largest: it is searched only once the keys pause (SHORT_PAUSE), so a reader typing
     "turnout threshold" does not fetch the lists of "t" and "th". Any other query is searched
     at once. */
  var SHORT_WORD = /(^|\s)\S{1,2}$/;
  var SHORT_PAUSE = 250; // ms
  var pausing = null;
  var started = { key: "", sequence: -1 }; // the newest search started: its query and filters
  var shownKey = ""; // the query and filters of the results on screen
  var enterWhenDone = null; // Enter pressed before its query's results were in: that query's key

  function queryKey(term) {
    return term + "\u0000" + JSON.stringify(state);
  }

  function run() {
    clearTimeout(pausing);
    enterWhenDone = null; // the reader went on typing, or changed a filter
    var term = input.value.trim();
    if (!term) {
      idle();
      return;
    }
    // The filters take their place as the search starts, not when its results come in: the
    // results below them do not move down (a layout shift where ?q= opened the dialog).
    if (filtersBox.hidden) updateFilters(null);
    // The same query with the same filters as the search still current (a space typed after a
    // word): nothing to do.
    if (started.key === queryKey(term) && started.sequence === sequence) return;
    if (SHORT_WORD.test(term)) {
      sequence++; // a search still running for an earlier query is not shown
      pausing = setTimeout(function () { search(term); }, SHORT_PAUSE);
      return;
    }
    search(term);
  }

  function search(term) {
    var mine = ++sequence;
    var key = queryKey(term);
    started = { key: key, sequence: mine };
    busyUnlessAnswered(mine);
    load().then(function (pf) {
      var options = { filters: chosenFilters() };
      if (state.order) options.sort = { date: state.order };
      pf.preload(term, { filters: options.filters }); // fetch the word lists while the reader types
      // At once if no search is running; else after it, and only if no newer one came meanwhile.
      var searched = busy.then(function () {
        return mine === sequence ? partsFor(pf, term) : undefined;
      }).then(function (found) {
        return mine === sequence ? searchIn(pf, term, options, found) : null;
      });
      busy = searched.then(function () {}, function () {});
      return searched;
    }).then(function (search) {
      if (!search || mine !== sequence) return null;
      var first = search.results.slice(0, PAGE);
      return Promise.all(first.map(function (r) { return r.data(); })).then(function (data) {
        if (mine !== sequence) return;
        answered();
        list.textContent = "";
        data.forEach(function (d) { list.appendChild(item(d)); });
        current = { search: search, shown: data.length };
        addMoreButton();
        updateFilters(search.counts);
        var n = search.results.length;
        setStatus(n ? plural(n, "result", "results") + (state.order ? ", newest first".replace("newest", state.order === "asc" ? "oldest" : "newest") : "") : "No results for “" + term + "”" + (state.type || state.year ? " with these filters" : ""));
        shownKey = key;
        root.setAttribute("data-na-search-done", term);
        if (enterWhenDone === key) {
          enterWhenDone = null;
          openFirst();
        }
      });
    }).catch(function (error) {
      if (mine !== sequence) return;
      answered();
      setStatus("Search failed: " + error);
    });
  }

  /* --- opening, closing, keys ----------------------------------------------------------- */

  function isOpen() {
    return toggle.checked;
  }

  function open() {
    if (!isOpen()) {
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
    }
  }

  function close() {
    if (isOpen()) {
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
    }
    input.blur();
  }

  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  // Enter in the box: the first result listed.
  function openFirst() {
    var firstLink = list.querySelector("a[href]");
    if (firstLink) firstLink.click();
  }

  function focusable() {
    return [input].concat(Array.prototype.slice.call(list.querySelectorAll("a[href], button")));
  }

  // Start loading when a reader shows they are about to search, not only when they type.
  document.querySelectorAll(".md-header__button[for=__search]").forEach(function (label) {
    ["pointerenter", "touchstart"].forEach(function (name) {
      label.addEventListener(name, function () { load(); }, { passive: true, once: true });
    });
  });
  input.addEventListener("focus", function () {
    open();
    load(); // start fetching while the reader types
  });
  input.addEventListener("input", run);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () {
    setTimeout(function () { idle(); input.focus(); }, 0);
  });
  document.querySelectorAll(".md-header__button[for=__search]").forEach(function (label) {
    // Open and focus on the click itself, so phones bring up their keyboard (as Material does).
    label.addEventListener("click", function (event) {
      event.preventDefault();
      open();
      input.focus();
    });
  });
  toggle.addEventListener("change", function () {
    if (!isOpen()) input.blur();
  });
  typeButtons.forEach(function (button) {
    button.addEventListener("click", function () {
      state.type = button.getAttribute("data-type");
      run();
    });
  });
  ["pointerenter", "touchstart", "focusin"].forEach(function (name) {
    filtersBox.addEventListener(name, countByFilter, { passive: true });
  });
  yearSelect.addEventListener("change", function () { state.year = yearSelect.value; run(); });
  orderSelect.addEventListener("change", function () { state.order = orderSelect.value; run(); });
  list.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("a[href]")) close();
  });

  window.addEventListener("keydown", function (event) {
    if (event.metaKey || event.ctrlKey || event.altKey) return;
    if (!isOpen()) {
      if ((event.key === "/" || event.key === "s" || event.key === "f") && !typing(document.activeElement)) {
        event.preventDefault();
        input.focus();
        input.select();
      }
      return;
    }
    var active = document.activeElement;
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "Enter" && active === input) {
      event.preventDefault();
      // The results on screen may still be those of the query before: then Enter opens the
      // first result of this one once it is in.
      var term = input.value.trim();
      if (term && queryKey(term) !== shownKey) {
        enterWhenDone = queryKey(term);
        return;
      }
      openFirst();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (active && active.tagName === "SELECT") return;
      var items = focusable();
      var i = items.indexOf(active);
      i = (Math.max(0, i) + items.length + (event.key === "ArrowUp" ? -1 : 1)) % items.length;
      items[i].focus();
      event.preventDefault();
    }
  }, true);

  // Deep link: ?q=words opens search with those words, as Material's ?q= does.
  // In a task of its own: opening the dialog lays it out (about 40 ms on a slow phone), which,
  // done while the page's scripts run, made one long task with Material's start (Lighthouse's
  // total blocking time).
  var asked = new URL(location.href).searchParams.get("q");
  if (asked) {
    setTimeout(function () {
      input.value = asked;
      open();
      input.focus();
      run();
    }, 0);
  }
})();
