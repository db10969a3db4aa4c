"""Preview images for shared links: one 1200 × 630 PNG per editor's note (``og:image``).

Drawn with Pillow and the font Pillow carries (``ImageFont.load_default``), so nothing is
downloaded and no system library is needed; the same words give the same bytes.
"""

from __future__ import annotations

import functools
import io

WIDTH, HEIGHT = 1200, 630
MARGIN = 72
BACKGROUND = (40, 53, 147)  # Material's indigo 800: the site's header, darker
TEXT = (255, 255, 255)
MUTED = (197, 202, 233)  # indigo 100
ACCENT = (255, 138, 101)  # deep orange 300: the site's accent


@functools.lru_cache(maxsize=16)
def _font(size: int):
    from PIL import ImageFont

    return ImageFont.load_default(size=size)


def _wrap(draw, text: str, font, width: int, max_lines: int) -> list[str]:
    """``text`` in lines no wider than ``width``; the last line ends with … if it had to be cut."""
    words, lines, line = text.split(), [], ""
    for word in words:
        trial = f"{line} {word}".strip()
        if draw.textlength(trial, font=font) <= width:
            line = trial
            continue
        if line:
            lines.append(line)
        line = word
    if line:
        lines.append(line)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and draw.textlength(last + " …", font=font) > width:
            last = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
        lines[-1] = last + " …"
    return lines


def note_card(label: str, quote: str, article: str, byline: str, site_name: str) -> bytes:
    """The card: the note's kind, the quoted passage, the article, its publisher and date, the site."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    width = WIDTH - 2 * MARGIN
    draw.rectangle((0, 0, 16, HEIGHT), fill=ACCENT)
    y = MARGIN - 8
    draw.text((MARGIN, y), label.upper(), font=_font(30), fill=ACCENT)
    y += 64
    size = 58 if len(quote) < 90 else 48 if len(quote) < 180 else 40
    font = _font(size)
    for line in _wrap(draw, f"“{quote}”", font, width, 5 if size < 58 else 4):
        draw.text((MARGIN, y), line, font=font, fill=TEXT)
        y += int(size * 1.25)
    small = _font(28)
    bottom = HEIGHT - MARGIN
    draw.text((MARGIN, bottom - 28), site_name, font=small, fill=MUTED)
    lines = _wrap(draw, article, _font(30), width, 2)
    top = bottom - 28 - 24 - 38 * (len(lines) + 1)
    for line in lines:
        draw.text((MARGIN, top), line, font=_font(30), fill=TEXT)
        top += 38
    draw.text((MARGIN, top), byline, font=small, fill=MUTED)
    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=3)
    return out.getvalue()
