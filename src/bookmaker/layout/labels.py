"""The book's own words (contents, landmarks, cover text, licence page, …) in the book's language.

Korean is the default and the fallback; a language without its own table (or a key missing from
it) gets the Korean words. A label may take named values (``{title}``), filled by :func:`label`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

LabelKey = Literal[
    "contents",
    "landmarks",
    "cover",
    "cover_alt",
    "body",
    "font_license",
    "colophon",
    "collection_kind",
    "edited_by",
    "article_count",
    "article_count_one",
    "collection_description",
    "more_articles",
    "titled_after_first",
    "untitled",
    "footnotes",
    "editor_note",
    "correction",
    "figure",
    "folio",
    "report",
    "a11y_summary",
    "a11y_images",
]

KOREAN: dict[LabelKey, str] = {
    "contents": "차례",
    "landmarks": "길잡이",
    "cover": "표지",
    "cover_alt": "표지: {title}",
    "body": "본문",
    "font_license": "글꼴 라이선스",
    "colophon": (
        "이 전자책에는 {serif}과 {sans} 글꼴의 일부가 포함되어 있습니다. "
        "글꼴은 SIL Open Font License 1.1에 따라 배포됩니다. 라이선스 전문"
    ),
    "collection_kind": "기사 모음",
    "edited_by": "{editor} 엮음",
    "article_count": "기사 {count}편",
    "article_count_one": "기사 1편",
    "collection_description": "기사 모음 {count}편: {titles}",
    "more_articles": "외 {count}편",
    "titled_after_first": "{first} 외 {count}편",
    "untitled": "제목 없음",
    "footnotes": "각주",
    "editor_note": "편집자 주",
    "correction": "바로잡습니다",
    "figure": "그림 {n}.",
    "folio": "{page}면",
    "report": "보고서",
    "a11y_summary": (
        "이 전자책은 본문 전체가 텍스트로 되어 있으며, 제목과 소제목으로 구조화되어 있고 목차와 "
        "논리적인 읽기 순서를 제공합니다. 글자 크기와 글꼴을 바꿀 수 있습니다."
    ),
    "a11y_images": " 모든 이미지에는 대체 텍스트가 있습니다.",
}

ENGLISH: dict[LabelKey, str] = {
    "contents": "Contents",
    "landmarks": "Landmarks",
    "cover": "Cover",
    "cover_alt": "Cover: {title}",
    "body": "Start",
    "font_license": "Font License",
    "colophon": (
        "This ebook contains subsets of the {serif} and {sans} fonts. "
        "The fonts are distributed under the SIL Open Font License 1.1. Full license text"
    ),
    "collection_kind": "Collected Articles",
    "edited_by": "Edited by {editor}",
    "article_count": "{count} articles",
    "article_count_one": "1 article",
    "collection_description": "A collection of {count} articles: {titles}",
    "more_articles": "and {count} more",
    "titled_after_first": "{first} and {count} more",
    "untitled": "Untitled",
    "footnotes": "Footnotes",
    "editor_note": "Editor’s note",
    "correction": "Correction",
    "figure": "Figure {n}.",
    "folio": "{page}",
    "report": "Report",
    "a11y_summary": (
        "This ebook is fully textual, structured with headings and subheadings, and provides "
        "a table of contents and a logical reading order. Text size and fonts can be changed."
    ),
    "a11y_images": " All images have alternative text.",
}

LABELS: dict[str, dict[LabelKey, str]] = {"ko": KOREAN, "en": ENGLISH}


def label(key: LabelKey, language: str = "ko", **values: object) -> str:
    """The words for ``key`` in ``language`` (a BCP 47 tag; ``en-US`` reads as ``en``), with
    ``values`` filled in; Korean when the language has no table."""
    table = LABELS.get(language.split("-")[0].lower(), KOREAN)
    text = table.get(key, KOREAN[key])
    return text.format(**values) if values else text


def article_count(count: int, language: str = "ko") -> str:
    """``기사 3편`` / ``3 articles`` (``1 article``)."""
    return label("article_count_one" if count == 1 else "article_count", language, count=count)


def common_language(languages: list[str], default: str = "ko") -> str:
    """The language every item shares, else ``default`` (a collection's book language)."""
    distinct = set(languages)
    return distinct.pop() if len(distinct) == 1 else default


def own_words(language: str) -> str:
    """The language whose table ``language`` reads (``en-US`` → ``en``; Korean when none)."""
    primary = language.split("-")[0].lower()
    return primary if primary in LABELS else "ko"


def other_languages(languages: Iterable[str]) -> tuple[str, ...]:
    """The languages among ``languages`` with words of their own other than Korean (``("en",)``):
    the stylesheets add rules for these only, so a Korean book's CSS stays as it was."""
    return tuple(sorted({own_words(language) for language in languages} - {"ko"}))


def css_label(key: LabelKey, language: str = "ko", **expressions: str) -> str:
    """The label as a CSS ``content`` value: its text quoted, each ``{name}`` replaced by the CSS
    expression given for it (``css_label("figure", "en", n="counter(fig)")`` →
    ``"Figure " counter(fig) "."``)."""
    out: list[str] = []
    for index, piece in enumerate(re.split(r"\{(\w+)\}", label(key, language))):
        if index % 2:
            out.append(expressions[piece])
        elif piece:
            out.append('"' + piece.replace("\\", "\\\\").replace('"', '\\"') + '"')
    return " ".join(out)
