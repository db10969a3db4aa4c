"""A small link checker over a built site: every internal link and #anchor must resolve.

External links are listed, not fetched (this machine reaches no other host). Run on its own:
``python tests/tools/linkcheck.py site [SITE_URL]`` prints the broken links and the external ones.
"""

from __future__ import annotations

import posixpath
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        for key in ("href", "src"):
            if attrs.get(key) and tag in ("a", "link", "img", "script", "source", "iframe"):
                self.links.append(attrs[key])


@dataclass
class Report:
    pages: int = 0
    internal: int = 0
    broken: list[str] = field(default_factory=list)
    external: set[str] = field(default_factory=set)


def check(site: Path, base_path: str = "/") -> Report:
    """``base_path``: the path of site_url, which root-relative links (the 404 page's) start with."""
    report = Report()
    parsed: dict[Path, _Links] = {}

    def page(path: Path) -> _Links:
        if path not in parsed:
            parser = _Links()
            parser.feed(path.read_text(encoding="utf-8"))
            parsed[path] = parser
        return parsed[path]

    for html in sorted(site.rglob("*.html")):
        report.pages += 1
        for link in page(html).links:
            parts = urlsplit(link)
            if parts.scheme in ("http", "https", "mailto", "tel", "data", "javascript") or link.startswith("//"):
                if parts.scheme in ("http", "https"):
                    report.external.add(link)
                continue
            report.internal += 1
            if parts.path:
                target = Path(posixpath.normpath(posixpath.join(str(html.parent), unquote(parts.path))))
                if parts.path.startswith("/"):
                    if not parts.path.startswith(base_path):
                        report.broken.append(f"{html.relative_to(site)} -> {link}: outside the site's path {base_path}")
                        continue
                    target = site / unquote(parts.path)[len(base_path) :]
            else:
                target = html
            if target.is_dir():
                target = target / "index.html"
            where = f"{html.relative_to(site)} -> {link}"
            if not target.exists():
                report.broken.append(f"{where}: no such file")
                continue
            if parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in page(target).ids:
                report.broken.append(f"{where}: no #{parts.fragment} there")
    return report


def main() -> int:
    site = Path(sys.argv[1] if len(sys.argv) > 1 else "site")
    base_path = urlsplit(sys.argv[2]).path if len(sys.argv) > 2 else "/"
    report = check(site, base_path or "/")
    for line in report.broken:
        print("BROKEN", line)
    for url in sorted(report.external):
        print("external", url)
    print(
        f"{report.pages} pages, {report.internal} internal links, {len(report.broken)} broken, {len(report.external)} external (not fetched)"
    )
    return 1 if report.broken else 0


if __name__ == "__main__":
    sys.exit(main())
