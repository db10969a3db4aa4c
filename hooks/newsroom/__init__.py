"""The annotated-archive engine: importable and testable without MkDocs."""
