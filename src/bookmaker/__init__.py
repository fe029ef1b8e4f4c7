"""bookmaker: Korean-first EPUB 3 and PDF builder (readers → normalize → IR → layout → writers)."""

__version__ = "0.1.0"
