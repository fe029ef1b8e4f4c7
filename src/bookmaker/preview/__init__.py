"""``bookmaker preview``: the EPUB and PDF renditions of an article in a browser, rebuilt on each edit."""
