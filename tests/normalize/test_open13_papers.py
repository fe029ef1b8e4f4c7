"""A scholarly paper's own metadata: its DOI, journal issue and the authors' affiliations, from a
page's citation tags, from the lines a paper's page prints under its byline, and from a text copy's
opening lines — into meta.identifiers, meta.container and each author's affiliations."""

from __future__ import annotations

from pathlib import Path

import pytest

from bookmaker.errors import InputError
from bookmaker.ir import Container, Document
from bookmaker.normalize import normalize_source
from bookmaker.normalize.passes.papers import author_marks, split_affiliations

BODY = (
    "<p>이 연구는 작은도서관 이용자가 독서 모임에 참여하는 동기를 밝히고, 동기 유형에 따라 참여 지속 "
    "의향이 어떻게 달라지는지 분석하였다. 서울시 작은도서관 열두 곳의 참여자를 설문하였다.</p>\n"
    "<p>분석 결과 참여 동기는 지적 성장, 관계 형성, 생활 리듬의 세 유형으로 나뉘었다.</p>\n"
)
PROSE = [
    "이 연구는 작은도서관의 독서 모임이 오래 이어지는 까닭을 살폈다. 열두 곳의 모임을 한 해 동안 지켜보았다.",
    "모임을 이끄는 사람의 역할이 가장 컸다.",
]


def _page(tmp_path: Path, head: str, header: str) -> Document:
    html = (
        f'<!DOCTYPE html>\n<html lang="ko">\n<head>\n<title>논문 상세</title>\n{head}</head>\n<body>\n'
        f'<div class="paper">\n{header}\n<div class="article-body">\n{BODY}</div>\n</div>\n</body>\n</html>\n'
    )
    path = tmp_path / "paper.html"
    path.write_text(html, "utf-8")
    return normalize_source(path)


def _text(tmp_path: Path, *head: str) -> Document:
    path = tmp_path / "paper.txt"
    path.write_text("\n".join(["작은도서관 독서 모임의 지속 요인", "", *head, "", *PROSE]) + "\n", "utf-8")
    return normalize_source(path)


def _body(doc: Document) -> str:
    return "\n".join(b.text for b in doc.blocks)


def test_citation_tags_give_the_doi_the_journal_and_each_authors_institutions(tmp_path: Path) -> None:
    head = (
        '<meta name="citation_title" content="작은도서관 독서 모임 참여 동기">\n'
        '<meta name="citation_author" content="김서연">\n'
        '<meta name="citation_author_institution" content="성신여자대학교">\n'
        '<meta name="citation_author" content="박준호">\n'
        '<meta name="citation_author_institution" content="한빛대학교">\n'
        '<meta name="citation_author_institution" content="한빛연구소">\n'
        '<meta name="citation_doi" content="https://doi.org/10.16981/kliss.57.4.202612.123">\n'
        '<meta name="citation_issn" content="1225-598x">\n'
        '<meta name="citation_journal_title" content="한국도서관·정보학회지">\n'
        '<meta name="citation_volume" content="57"><meta name="citation_issue" content="4">\n'
        '<meta name="citation_firstpage" content="123"><meta name="citation_lastpage" content="148">\n'
    )
    doc = _page(tmp_path, head, '<h1 class="title">작은도서관 독서 모임 참여 동기</h1>')
    assert [(a.name, a.affiliations) for a in doc.meta.authors] == [
        ("김서연", ["성신여자대학교"]),
        ("박준호", ["한빛대학교", "한빛연구소"]),
    ]
    assert [(i.scheme, i.value) for i in doc.meta.identifiers] == [
        ("doi", "10.16981/kliss.57.4.202612.123"),
        ("issn", "1225-598X"),
    ]
    assert doc.meta.container == Container(
        title="한국도서관·정보학회지", volume="57", issue="4", pages="123-148"
    )


def test_dublin_core_identifiers_count_when_they_name_their_scheme(tmp_path: Path) -> None:
    head = (
        '<meta name="DC.identifier" content="https://example.org/paper/77">\n'
        '<meta name="DC.identifier" content="doi:10.5555/example.2026.77">\n'
        '<meta name="DC.identifier" content="ISBN 978-89-364-3426-7">\n'
    )
    doc = _page(tmp_path, head, '<h1 class="title">작은도서관 독서 모임 참여 동기</h1>')
    assert [(i.scheme, i.value) for i in doc.meta.identifiers] == [
        ("doi", "10.5555/example.2026.77"),
        ("isbn", "9788936434267"),
    ]


def test_an_invalid_identifier_in_the_tags_is_left_out(tmp_path: Path) -> None:
    head = (
        '<meta name="citation_isbn" content="978-89-364-3426-0">\n'
        '<meta name="citation_doi" content="kliss.57">\n'
    )
    doc = _page(tmp_path, head, '<h1 class="title">작은도서관 독서 모임 참여 동기</h1>')
    assert doc.meta.identifiers == []


def test_the_affiliations_and_doi_under_a_byline_go_to_the_metadata(tmp_path: Path) -> None:
    header = (
        '<h1 class="title">작은도서관 독서 모임 참여 동기</h1>\n'
        '<div class="author">김서연 <sup>1</sup>, 박준호 <sup>1,2</sup></div>\n'
        '<div class="author-note"><sup>1</sup> 성신여자대학교 문헌정보학과 <sup>2</sup> 한빛연구소</div>\n'
        '<div class="doi-line">DOI : 10.16981/kliss.57.4.202612.123</div>\n'
        '<div class="tools">원문보기 인용하기</div>'
    )
    doc = _page(tmp_path, "", header)
    assert [(a.name, a.affiliations) for a in doc.meta.authors] == [
        ("김서연", ["성신여자대학교 문헌정보학과"]),
        ("박준호", ["성신여자대학교 문헌정보학과", "한빛연구소"]),
    ]
    assert [i.value for i in doc.meta.identifiers] == ["10.16981/kliss.57.4.202612.123"]
    assert "성신여자대학교" not in _body(doc) and "10.16981" not in _body(doc)
    assert set(doc.meta.lines["identifiers"]) and len(doc.meta.lines["authors"]) == 2


def test_an_affiliation_box_named_so_is_everyones_when_unmarked(tmp_path: Path) -> None:
    header = (
        '<h1 class="title">작은도서관 독서 모임 참여 동기</h1>\n'
        '<div class="author">김서연, 박준호</div>\n<div class="affiliation">성신여자대학교 문헌정보학과</div>'
    )
    doc = _page(tmp_path, "", header)
    assert [a.affiliations for a in doc.meta.authors] == [["성신여자대학교 문헌정보학과"]] * 2


def test_a_text_copys_marked_names_over_marked_affiliations(tmp_path: Path) -> None:
    doc = _text(
        tmp_path,
        "홍길동*, 김철수**",
        "*서울대학교 교육학과 **고려대학교 국어교육과",
        "DOI: https://doi.org/10.1234/abcd.2026.1",
    )
    assert [(a.name, a.affiliations) for a in doc.meta.authors] == [
        ("홍길동", ["서울대학교 교육학과"]),
        ("김철수", ["고려대학교 국어교육과"]),
    ]
    assert [i.value for i in doc.meta.identifiers] == ["10.1234/abcd.2026.1"]
    assert doc.meta.subtitles == [] and [b.text for b in doc.blocks] == PROSE


def test_names_with_their_institutions_in_brackets(tmp_path: Path) -> None:
    doc = _text(tmp_path, "홍길동(서울대학교 교육학과), 김철수(고려대학교)")
    assert [(a.name, a.affiliations) for a in doc.meta.authors] == [
        ("홍길동", ["서울대학교 교육학과"]),
        ("김철수", ["고려대학교"]),
    ]


def test_brackets_that_name_no_institution_are_not_affiliations(tmp_path: Path) -> None:
    doc = _text(tmp_path, "홍길동(사진), 김철수(글)")
    assert all(not a.affiliations for a in doc.meta.authors)


def test_a_doi_in_the_references_stays_in_the_body(tmp_path: Path) -> None:
    references = [f"{n}. 참고 문헌 {n}번의 저자와 제목, 학술지, 2020." for n in range(1, 16)]
    doc = _text(tmp_path, *references, "https://doi.org/10.1234/ref.2020.15")
    assert doc.meta.identifiers == []
    assert "10.1234/ref.2020.15" in _body(doc)


def test_affiliations_split_by_their_marks() -> None:
    assert split_affiliations("¹ 가대학교 ² 나연구소") == [("1", "가대학교"), ("2", "나연구소")]
    assert split_affiliations("*가대학교 교육학과 **나대학교") == [
        ("*", "가대학교 교육학과"),
        ("**", "나대학교"),
    ]
    assert split_affiliations("1 가대학교 2 나대학교") == [("1", "가대학교"), ("2", "나대학교")]
    assert split_affiliations("가대학교 3학년") == [(None, "가대학교 3학년")]
    assert author_marks("김서연 ( Seo-yeon Kim ) 1 ; 박준호 ( Junho Park ) 2", "박준호") == ["2"]
    assert author_marks("홍길동¹,², 김철수²", "홍길동") == ["1", "2"]
    assert author_marks("홍길동*, 김철수**", "김철수") == ["**"]


def test_front_matter_names_the_doi_the_journal_and_affiliations(tmp_path: Path) -> None:
    path = tmp_path / "paper.md"
    path.write_text(
        "---\ntitle: 작은도서관 독서 모임\nauthors:\n  - name: 김서연\n    affiliation: 성신여자대학교\n"
        "  - 박준호\ndoi: https://doi.org/10.16981/kliss.57.4.202612.123\njournal: 한국도서관·정보학회지\n"
        "volume: 57\nissue: 4\npages: 123-148\n---\n\n본문 첫 문단이다.\n",
        "utf-8",
    )
    doc = normalize_source(path)
    assert [(a.name, a.affiliations) for a in doc.meta.authors] == [
        ("김서연", ["성신여자대학교"]),
        ("박준호", []),
    ]
    assert [i.value for i in doc.meta.identifiers] == ["10.16981/kliss.57.4.202612.123"]
    assert doc.meta.container == Container(
        title="한국도서관·정보학회지", volume="57", issue="4", pages="123-148"
    )


def test_a_mistyped_isbn_in_front_matter_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "book.md"
    path.write_text("---\ntitle: 책\nisbn: 978-89-364-3426-0\n---\n\n본문.\n", "utf-8")
    with pytest.raises(InputError, match="isbn"):
        normalize_source(path)


def test_a_doi_line_in_a_pages_article_text_is_not_the_pages_own(tmp_path: Path) -> None:
    body = "<p>연구진은 이 결과를 국제 학술지에 실었다.</p>\n<p>DOI: 10.1038/s41586-026-01234-5</p>\n"
    path = tmp_path / "news.html"
    path.write_text(
        f'<html lang="ko"><head><title>기사</title></head><body><article><h1>연구 결과</h1>\n{body}{BODY}'
        "</article></body></html>\n",
        "utf-8",
    )
    doc = normalize_source(path)
    assert doc.meta.identifiers == [] and "10.1038/s41586-026-01234-5" in _body(doc)
