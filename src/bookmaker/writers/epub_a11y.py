"""EPUB Accessibility 1.1 metadata (schema.org properties, conformance claim) for the OPF."""

from __future__ import annotations

from bookmaker.layout.labels import label

CONFORMS_TO = "EPUB Accessibility 1.1 - WCAG 2.2 Level AA"
CERTIFIED_BY = "bookmaker (self-assessment: EPUBCheck and DAISY Ace in the build tests)"


def accessibility_metadata(*, has_images: bool, language: str = "ko") -> list[tuple[str, str]]:
    """``(property, value)`` pairs for ``<meta property=…>`` elements, in a stable order; the
    summary in the book's ``language``."""
    modes = [("schema:accessMode", "textual")]
    features = ["structuralNavigation", "tableOfContents", "readingOrder", "displayTransformability"]
    summary = label("a11y_summary", language)
    if has_images:
        modes.append(("schema:accessMode", "visual"))
        features.insert(0, "alternativeText")
        summary += label("a11y_images", language)
    pairs = [
        *modes,
        ("schema:accessModeSufficient", "textual"),
        *[("schema:accessibilityFeature", feature) for feature in features],
        ("schema:accessibilityHazard", "none"),
        ("schema:accessibilitySummary", summary),
        ("dcterms:conformsTo", CONFORMS_TO),
        ("a11y:certifiedBy", CERTIFIED_BY),
    ]
    return pairs
