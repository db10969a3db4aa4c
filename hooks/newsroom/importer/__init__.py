"""``python hooks/newsroom import SOURCE...``: saved web pages, links and feeds into
``docs/articles/`` in the archive's article format, and ``python hooks/newsroom drafts``: the
names the build reported as unknown, as draft knowledge-base entries.

- ``read``: each SOURCE (a file, a folder, a URL, a feed) as pages, their bytes decoded;
- ``extract``: one page into an article (trafilatura for the body and the metadata), or the one
  reason it is not one;
- ``write``: the article file, never over an existing one unless asked, with the difference shown;
- ``cli``: the command, its messages and its progress bar; ``drafts``: the drafts file.

Nothing here imports MkDocs: the importer writes sources, and any generator builds them."""
