"""The IR model: JSON round trip, schema file in step, clear validation errors."""

from __future__ import annotations

import json

import pytest

from bookmaker.ir import (
    Author,
    Document,
    Figure,
    Heading,
    IRError,
    ListBlock,
    Meta,
    Paragraph,
    Removal,
    from_json,
    json_schema,
    to_json,
)
from tests.conftest import ROOT


def _sample() -> Document:
    return Document(
        meta=Meta(
            title="‘제목’",
            subtitles=["부제 하나"],
            authors=[Author(name="홍길동", role="기자", email="hong@example.com"), Author()],
            publisher="한국일보",
            date="2025-11-23T14:07:00+09:00",
        ),
        blocks=[
            Paragraph(text="첫 문단.", lines=[3, 3]),
            Figure(text="사진 설명", caption="사진 설명", credit="연합뉴스", lines=[4, 4]),
            Heading(text="소제목", level=2, lines=[5, 5]),
            ListBlock(text="가\n나", items=["가", "나"], lines=[6, 7]),
        ],
        removed=[Removal(text="첫 문단.", reason="duplicate of line 3", line=8, duplicate_of=3)],
    )


def test_round_trip_is_lossless() -> None:
    doc = _sample()
    assert from_json(to_json(doc)) == doc


def test_json_has_the_documented_keys() -> None:
    data = json.loads(to_json(_sample()))
    assert data["ir_version"] == "1.0"
    assert set(data["meta"]) >= {"title", "subtitles", "authors", "publisher", "date", "language"}
    assert data["meta"]["authors"][1] == {"name": None, "role": None, "email": None}
    assert [b["type"] for b in data["blocks"]] == ["paragraph", "figure", "heading", "list"]
    assert data["blocks"][1]["caption"] == "사진 설명" and data["blocks"][1]["credit"] == "연합뉴스"
    assert data["blocks"][3]["items"] == ["가", "나"]
    assert data["removed"][0] == {
        "text": "첫 문단.",
        "reason": "duplicate of line 3",
        "line": 8,
        "rule": None,
        "duplicate_of": 3,
    }


def test_korean_text_is_not_escaped() -> None:
    assert "제목" in to_json(_sample())


def test_schema_file_matches_the_model() -> None:
    on_disk = json.loads((ROOT / "schema" / "ir.schema.json").read_text(encoding="utf-8"))
    assert on_disk == json_schema(), "regenerate with: bookmaker schema > schema/ir.schema.json"


@pytest.mark.parametrize(
    ("payload", "fragment"),
    [
        ('{"meta": {"title": 5}}', "$.meta.title"),
        ('{"meta": {"title": "t"}, "blocks": [{"type": "poem", "text": "x"}]}', "poem"),
        ('{"meta": {"title": "t"}, "removed": [{"text": "x", "reason": "r", "line": 0}]}', "line"),
        ('{"blocks": []}', "meta"),
        ("{not json", "malformed JSON"),
    ],
)
def test_invalid_documents_name_the_problem(payload: str, fragment: str) -> None:
    with pytest.raises(IRError) as info:
        from_json(payload)
    assert fragment in str(info.value)


def test_other_major_version_is_rejected() -> None:
    with pytest.raises(IRError, match=r"version 2\.0"):
        from_json('{"ir_version": "2.0", "meta": {"title": "t"}}')
