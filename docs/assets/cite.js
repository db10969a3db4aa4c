/* The "Cite this article" box (newsroom.pages.cite, a <details>): shows its copy buttons, and
 * gives the BibTeX, RIS and CSL-JSON the reader's own access date (BibTeX urldate, RIS Y2, CSL
 * accessed), which a static build cannot know; the download links then carry the same text. */
(function () {
  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function withAccessed(format, text, day) {
    var y = day.getFullYear(), m = day.getMonth() + 1, d = day.getDate();
    if (format === "bibtex") return text.replace(/\n\}\s*$/, "\n  urldate = {" + y + "-" + pad(m) + "-" + pad(d) + "},\n}\n");
    if (format === "ris") return text.replace(/\nER {2}- ?\s*$/, "\nY2  - " + y + "/" + pad(m) + "/" + pad(d) + "\nER  - \n");
    if (format === "csl") {
      var items = JSON.parse(text);
      items.forEach(function (item) { item.accessed = { "date-parts": [[y, m, d]] }; });
      return JSON.stringify(items, null, 2);
    }
    return text;
  }

  function ready(box) {
    if (box.dataset.ready) return;
    box.dataset.ready = "1";
    var day = new Date();
    box.querySelectorAll(".na-cite__copy").forEach(function (button) { button.hidden = false; });
    box.querySelectorAll("code[data-format]").forEach(function (code) {
      code.textContent = withAccessed(code.dataset.format, code.textContent, day);
      var link = box.querySelector('[data-download-from="' + code.id + '"]');
      if (link) link.href = link.getAttribute("href").split(",")[0] + "," + encodeURIComponent(code.textContent);
    });
    var note = box.querySelector("[data-accessed]");
    if (note) note.textContent = "The files give today as the day you accessed the page.";
  }

  newsroom.onEveryPage(function () { document.querySelectorAll(".na-cite").forEach(ready); });

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest(".na-cite__copy") : null;
    if (!button) return;
    var from = button.dataset.copyFrom ? document.getElementById(button.dataset.copyFrom) : null;
    var text = from ? from.textContent : button.dataset.copy;
    var status = button.closest(".na-cite").querySelector(".na-cite__status");
    var label = button.textContent.replace(/^Copy /, "");
    var done = function () { if (status) status.textContent = "Copied " + label + "."; };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, function () { window.prompt("Copy this:", text); });
    } else {
      window.prompt("Copy this:", text);
    }
  });
})();
