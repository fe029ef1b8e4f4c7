"""Archive bundles: per article, the source bytes, IR JSON, EPUB, PDF/A-3b and a hashed manifest.

``assemble`` builds a bundle in memory, ``write_bundle`` stores it as a folder or a reproducible
zip, ``verify`` re-checks a stored bundle against its ``manifest.json``.
"""

from bookmaker.archive.bundle import Bundle, assemble, write_bundle
from bookmaker.archive.verify import VerifyReport, verify

__all__ = ["Bundle", "VerifyReport", "assemble", "verify", "write_bundle"]
