"""The IR model: JSON round trip, schema file in step, clear validation errors, 1.x migration."""

from __future__ import annotations

import json

import pytest

from bookmaker.ir import (
    IR_VERSION,
    Author,
    Cell,
    Code,
    CodeBlock,
    Container,
    Document,
    Emphasis,
    Figure,
    Footnote,
    Heading,
    Identifier,
    IRError,
    LineBreak,
    Link,
    ListBlock,
    ListItem,
    Meta,
    NoteRef,
    Paragraph,
    Quote,
    Removal,
    Row,
    Ruby,
    Span,
    Strong,
    Subscript,
    Superscript,
    Table,
    Text,
    ThematicBreak,
    from_json,
    json_schema,
    plain,
    text_runs,
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
            Paragraph(content=text_runs("첫 문단."), lines=[3, 3]),
            Figure(caption=text_runs("사진 설명"), credit="연합뉴스", lines=[4, 4]),
            Heading(content=text_runs("소제목"), level=2, lines=[5, 5]),
            ListBlock(
                items=[
                    ListItem(blocks=[Paragraph(content=text_runs("가"))]),
                    ListItem(
                        blocks=[
                            Paragraph(content=text_runs("나")),
                            ListBlock(
                                items=[ListItem(blocks=[Paragraph(content=text_runs("다"))])], ordered=True
                            ),
                        ]
                    ),
                ],
                lines=[6, 7],
            ),
        ],
        removed=[Removal(text="첫 문단.", reason="duplicate of line 3", line=8, duplicate_of=3)],
    )


def _kitchen_sink() -> Document:
    runs = [
        Text(value="가 "),
        Strong(content=[Text(value="굵게")]),
        Emphasis(content=[Text(value="강조")]),
        Code(value="x = 1"),
        Link(href="https://example.com", title="예시", content=[Text(value="링크")]),
        Superscript(content=[Text(value="2")]),
        Subscript(content=[Text(value="2")]),
        LineBreak(),
        NoteRef(note="1"),
        Span(lang="en", content=[Text(value="an English phrase here")]),
        Ruby(base="漢字", annotation="한자"),
    ]
    table = Table(
        caption=text_runs("표 1"),
        head=[
            Row(
                cells=[
                    Cell(content=text_runs("구분"), header=True),
                    Cell(content=text_runs("값"), header=True),
                ]
            )
        ],
        body=[Row(cells=[Cell(content=text_runs("가"), colspan=2, align="right")])],
    )
    return Document(
        meta=Meta(title="모든 요소"),
        blocks=[
            Paragraph(content=runs),
            Quote(blocks=[Paragraph(content=text_runs("인용"))], attribution=text_runs("누군가")),
            table,
            CodeBlock(value="print(1)", language="python"),
            ThematicBreak(),
            Footnote(id="1", blocks=[Paragraph(content=text_runs("각주 내용"))]),
        ],
    )


def test_round_trip_is_lossless() -> None:
    for doc in (_sample(), _kitchen_sink()):
        assert from_json(to_json(doc)) == doc


def test_plain_text_of_every_kind() -> None:
    doc = _kitchen_sink()
    assert plain(doc.blocks[0].content) == "가 굵게강조x = 1링크22\nan English phrase here漢字"  # type: ignore[union-attr]
    assert doc.blocks[2].text == "표 1\n구분\t값\n가"
    assert doc.footnotes()["1"].text == "각주 내용"
    assert _sample().blocks[3].text == "가\n나\n다"


def test_json_has_the_documented_keys() -> None:
    data = json.loads(to_json(_sample()))
    assert data["ir_version"] == IR_VERSION == "2.2"
    assert set(data["meta"]) >= {"title", "subtitles", "authors", "publisher", "date", "language"}
    assert data["meta"]["authors"][1] == {"name": None, "role": None, "email": None, "affiliations": []}
    assert [b["type"] for b in data["blocks"]] == ["paragraph", "figure", "heading", "list"]
    assert data["blocks"][0]["content"] == [{"type": "text", "value": "첫 문단."}]
    assert data["blocks"][1]["caption"] == [{"type": "text", "value": "사진 설명"}]
    assert data["blocks"][1]["credit"] == "연합뉴스" and "text" not in data["blocks"][1]  # one fact, once
    nested = data["blocks"][3]["items"][1]["blocks"][1]
    assert nested["type"] == "list" and nested["ordered"] is True
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
        ('{"meta": {"title": "t"}, "blocks": [{"type": "poem", "content": []}]}', "poem"),
        ('{"meta": {"title": "t"}, "removed": [{"text": "x", "reason": "r", "line": 0}]}', "line"),
        ('{"blocks": []}', "meta"),
        ("{not json", "malformed JSON"),
        ("[1, 2]", "JSON object"),
    ],
)
def test_invalid_documents_name_the_problem(payload: str, fragment: str) -> None:
    with pytest.raises(IRError) as info:
        from_json(payload)
    assert fragment in str(info.value)


def test_other_major_version_is_rejected() -> None:
    with pytest.raises(IRError, match=r"version 3\.0"):
        from_json('{"ir_version": "3.0", "meta": {"title": "t"}}')


def test_a_1x_document_is_migrated() -> None:
    """Today's seed as IR 1.0 JSON (tests/fixtures/ir/seed.json) loads as 2.0 with the same text."""
    old = json.loads((ROOT / "tests" / "fixtures" / "ir" / "seed.json").read_text(encoding="utf-8"))
    assert old["ir_version"] == "1.0"
    doc = from_json(json.dumps(old))
    assert doc.ir_version == IR_VERSION
    assert [block.text for block in doc.blocks] == [
        block.get("caption") or block["text"] for block in old["blocks"]
    ]
    figure = next(block for block in doc.blocks if isinstance(block, Figure))
    assert figure.credit and figure.caption


def test_1x_quotes_and_lists_become_blocks() -> None:
    old = {
        "ir_version": "1.2",
        "meta": {"title": "t"},
        "blocks": [
            {"type": "quote", "text": "말", "cite": "누구", "attrs": {"x": "y"}},
            {"type": "list", "text": "가\n나", "items": ["가", "나"], "ordered": True},
        ],
    }
    doc = from_json(json.dumps(old))
    quote, listing = doc.blocks
    assert isinstance(quote, Quote) and quote.text == "말" and plain(quote.attribution) == "누구"
    assert (
        isinstance(listing, ListBlock) and listing.ordered and [i.text for i in listing.items] == ["가", "나"]
    )


def _paper() -> Document:
    return Document(
        meta=Meta(
            title="논문",
            authors=[Author(name="김서연", affiliations=["성신여자대학교 문헌정보학과", "한빛연구소"])],
            identifiers=[
                Identifier(scheme="doi", value="10.16981/kliss.57.4.202612.123"),
                Identifier(scheme="issn", value="1225-598X"),
            ],
            container=Container(title="한국도서관·정보학회지", volume="57", issue="4", pages="123-148"),
        )
    )


def test_a_papers_citation_metadata_round_trips() -> None:
    doc = _paper()
    data = json.loads(to_json(doc))
    assert data["meta"]["identifiers"][0] == {"scheme": "doi", "value": "10.16981/kliss.57.4.202612.123"}
    assert data["meta"]["container"] == {
        "title": "한국도서관·정보학회지",
        "volume": "57",
        "issue": "4",
        "pages": "123-148",
    }
    assert from_json(to_json(doc)) == doc
    assert doc.meta.identifiers[0].url == "https://doi.org/10.16981/kliss.57.4.202612.123"
    assert doc.meta.identifiers[1].url is None


def test_a_2_0_document_without_them_still_reads() -> None:
    old = {
        "ir_version": "2.0",
        "meta": {"title": "t", "authors": [{"name": "홍길동", "role": None, "email": None}]},
    }
    doc = from_json(json.dumps(old))
    assert (
        doc.meta.authors[0].affiliations == [] and doc.meta.identifiers == [] and doc.meta.container is None
    )


@pytest.mark.parametrize(
    ("scheme", "value", "fragment"),
    [
        ("doi", "https://doi.org/10.1000/x", "a bare DOI"),
        ("doi", "11.1000/x", "a bare DOI"),
        ("isbn", "978-89-364-3426-7", "without hyphens"),
        ("isbn", "9788936434260", "check digit"),
        ("issn", "1225-5981", "check digit"),
        ("orcid", "0000-0002-1825-0097", "scheme"),
    ],
)
def test_identifiers_are_validated_on_load(scheme: str, value: str, fragment: str) -> None:
    payload = {"meta": {"title": "t", "identifiers": [{"scheme": scheme, "value": value}]}}
    with pytest.raises(IRError) as info:
        from_json(json.dumps(payload))
    assert fragment in str(info.value) and "identifiers" in str(info.value)


def test_the_schema_checks_each_schemes_form() -> None:
    rules = json_schema()["$defs"]["Identifier"]["allOf"]  # type: ignore[index]
    doi = next(rule for rule in rules if rule["if"]["properties"]["scheme"]["const"] == "doi")
    assert doi["then"]["properties"]["value"]["pattern"].startswith("^10\\.")


def test_a_books_identity_does_not_change_with_the_ir_version_alone() -> None:
    """Same content, same identifier: a document with nothing of 2.1's is digested in its 2.0 form
    (this one's identifier is the one bookmaker gave it under IR 2.0)."""
    from bookmaker.writers.identity import content_digest, uuid_urn

    doc = Document(
        meta=Meta(title="제목", authors=[Author(name="홍길동")]),
        blocks=[Paragraph(content=text_runs("본문."))],
    )
    assert uuid_urn(content_digest(doc)) == "urn:uuid:16c4f3c8-321e-5eb3-beca-5ef2529fe687"
    with_doi = _paper()
    assert content_digest(with_doi) != content_digest(
        Document(meta=Meta(title="논문", authors=[Author(name="김서연")]))
    )
