"""EPUB Accessibility 1.1 metadata (schema.org properties, conformance claim) for the OPF."""

from __future__ import annotations

CONFORMS_TO = "EPUB Accessibility 1.1 - WCAG 2.2 Level AA"
CERTIFIED_BY = "bookmaker (self-assessment: EPUBCheck and DAISY Ace in the build tests)"


def accessibility_metadata(*, has_images: bool) -> list[tuple[str, str]]:
    """``(property, value)`` pairs for ``<meta property=…>`` elements, in a stable order."""
    modes = [("schema:accessMode", "textual")]
    features = ["structuralNavigation", "tableOfContents", "readingOrder", "displayTransformability"]
    summary = (
        "이 전자책은 본문 전체가 텍스트로 되어 있으며, 제목과 소제목으로 구조화되어 있고 목차와 "
        "논리적인 읽기 순서를 제공합니다. 글자 크기와 글꼴을 바꿀 수 있습니다."
    )
    if has_images:
        modes.append(("schema:accessMode", "visual"))
        features.insert(0, "alternativeText")
        summary += " 모든 이미지에는 대체 텍스트가 있습니다."
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
