"""Building from a URL: fetch an article page and its images from public hosts only.

``policy`` says which addresses may be reached, ``client`` fetches within timeouts, a size cap and
a bounded number of redirects (each re-checked), connecting only to the address it checked;
``page`` turns a fetched page into a Document through the ordinary HTML reader.
"""

from bookmaker.fetch.policy import is_url

__all__ = ["is_url"]
