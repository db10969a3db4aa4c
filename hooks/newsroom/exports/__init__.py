"""The machine-readable files written beside the pages, each from the corpus:

- ``annotations``: ``annotations.jsonld``, every link, date and note as W3C Web Annotations
- ``entities``: ``entities.json``, what the tooltips say
- ``feed``: ``feed.xml``, an Atom feed of the newest articles
- ``timeline``: ``timeline.json`` (TimelineJS3) and ``timeline.ics`` (iCalendar)
- ``report``: ``editor-report.json``, what the build could not link

(The search index, ``pagefind/``, is ``newsroom.search``; the notes' preview images are
``newsroom.cards``.)
"""
