/* The "Cite this article" box (newsroom.pages.cite, a <details>): shows its copy buttons, and
 * gives the BibTeX, RIS and CSL-JSON the reader's own access date (BibTeX urldate, RIS Y2, CSL
 * accessed), which a static build cannot know; the download buttons save the text shown. */
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
    box.querySelectorAll(".na-cite__copy, .na-cite__download").forEach(function (button) { button.hidden = false; });
    box.querySelectorAll("code[data-format]").forEach(function (code) {
      code.textContent = withAccessed(code.dataset.format, code.textContent, day);
    });
    var note = box.querySelector("[data-accessed]");
    if (note) note.textContent = "The files give today as the day you accessed the page.";
  }

  newsroom.onEveryPage(function () { document.querySelectorAll(".na-cite").forEach(ready); });

  /* A download made here, from the text shown (with its access date): no file per article. */
  function download(button) {
    var code = document.getElementById(button.dataset.downloadFrom);
    var url = URL.createObjectURL(new Blob([code.textContent], { type: button.dataset.type + ";charset=utf-8" }));
    var link = document.createElement("a");
    link.href = url;
    link.download = button.dataset.filename;
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  document.addEventListener("click", function (event) {
    var saving = event.target.closest ? event.target.closest(".na-cite__download") : null;
    if (saving) {
      download(saving);
      return;
    }
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
