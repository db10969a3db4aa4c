// Apache Annotator's matchers, as `window.Annotator`: the browser tests anchor the archive's
// annotations.jsonld with them, as a real W3C annotation client would.
import { makeRefinable } from "@apache-annotator/selector";
import { createCssSelectorMatcher, createTextPositionSelectorMatcher, createTextQuoteSelectorMatcher } from "@apache-annotator/dom";

const createMatcher = makeRefinable((s) => {
  if (s.type === "CssSelector") return createCssSelectorMatcher(s);
  if (s.type === "TextQuoteSelector") return createTextQuoteSelectorMatcher(s);
  if (s.type === "TextPositionSelector") return createTextPositionSelectorMatcher(s);
  throw new Error("unsupported selector " + s.type);
});

// Every match of `selector` in the document, as the text of each matched range.
async function anchor(selector) {
  const found = [];
  for await (const match of createMatcher(selector)(document.body)) {
    found.push(match instanceof Range ? match.toString() : match.textContent);
  }
  return found;
}

window.Annotator = { anchor };
