"""How large an image a build decodes: a few hundred kilobytes of PNG can claim gigabytes.

A 13000×13000 PNG is 531 KB on disk and 1.4 GB once decoded. Every image is measured from its
header (Pillow reads no pixels for that) before anything decodes it: over :data:`MAX_PIXELS` it
is left out with a warning saying why (a figure) or refused (a cover). Pillow's own
decompression-bomb warning never reaches the user: it is caught here and said in our words.
"""

from __future__ import annotations

import io
import warnings

MAX_PIXELS = 32_000_000  # 8000×4000: above any news photo; decoded RGBA ≈ 128 MB
MAX_IMAGE_BYTES = 20 * 1024 * 1024


def pixel_refusal(data: bytes) -> str | None:
    """Why the image ``data`` is too large to decode, or None (also for data that is no image)."""
    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                width, height = image.size
    except Image.DecompressionBombError:
        return f"the image has over {2 * (Image.MAX_IMAGE_PIXELS or 0):,} pixels, over the limit"
    except Exception:  # not an image Pillow knows (SVG, CSS, damaged): the caller decides
        return None
    if width * height > MAX_PIXELS:
        return f"the image is {width}×{height} pixels, over the {MAX_PIXELS // 1_000_000} megapixel limit"
    return None
