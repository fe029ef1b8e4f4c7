"""English text hyphenates as a last resort, as a careful English typesetter sets it: English
paragraphs (no Hangul) and the English passages (four words or more) of Korean paragraphs; a Latin
term in Korean text never splits."""

from __future__ import annotations

import itertools
import re
import subprocess
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from bookmaker.fonts.shaping import shaper
from bookmaker.ir import Document, Meta, Paragraph, text_runs
from bookmaker.korean.hyphenation import (
    LEFT,
    MIN_WORD,
    RIGHT,
    hyphenation_language,
    hyphenation_opportunities,
    in_english_passages,
)
from bookmaker.korean.linebreak import Line, Run, Tuning, set_runs, widest_gap
from bookmaker.layout.pages import page_spec
from bookmaker.layout.print_layout import PrintLayout, latin_tuning
from bookmaker.writers.pdf import print_html, write_pdf

PROSE = (
    "Advanced packaging technologies determine how efficiently semiconductor manufacturers assemble"
    " high-performance processors, and industry analysts increasingly consider these capabilities"
    " essential for maintaining competitiveness throughout the international marketplace. Consequently,"
    " manufacturers are expanding production facilities considerably, although construction schedules"
    " remain uncertain because equipment suppliers continue experiencing substantial delivery difficulties."
)
NARROW_PT = 150.0  # a column about 15 body em wide: an English line cannot set well without hyphens


def _narrow(text: str, language: str | None = "en") -> list[Line]:
    layout = PrintLayout(page_spec("46"))
    return layout.lines(text, indent=False, inset_pt=layout.measure_pt - NARROW_PT, language=language)


def _hyphenated(lines: list[Line]) -> list[tuple[str, str]]:
    """(the part before the hyphen, the part after) of each hyphenated line."""
    return [
        (above.text.split()[-1], below.text.split()[0])
        for above, below in itertools.pairwise(lines)
        if above.hyphen
    ]


def test_an_english_paragraph_at_a_narrow_measure_hyphenates_between_words_of_the_source():
    lines = _narrow(PROSE)
    pairs = _hyphenated(lines)
    assert pairs, [line.text for line in lines]
    words = set(re.findall(r"[A-Za-z]+", PROSE))
    for left, right in pairs:
        word = re.sub(r"\W", "", left + right)
        assert word in words and word.islower() and len(word) >= MIN_WORD
        assert len(re.sub(r"\W", "", left)) >= LEFT and len(re.sub(r"\W", "", right)) >= RIGHT
    assert all(line.hyphen == "-" and not line.space_after for line in lines if line.hyphen)
    assert not lines[-1].hyphen
    assert "".join(line.text for line in lines).replace(" ", "") == PROSE.replace(" ", "")


def test_hyphenation_is_a_last_resort():
    """A paragraph that sets well at spaces keeps its words whole (A5); at another measure, where it
    would be clearly loose (46판), it hyphenates."""
    text = (
        "Hyphenation was treated as a remedy rather than a habit. When a line could not be filled without"
        " stretching its spaces beyond what the eye would accept, the compositor looked for a syllable"
        " boundary in a long word near the end of the line, preferably one that left a recognizable"
        " fragment on both sides."
    )
    layout = PrintLayout(page_spec("a5"))
    whole = layout.lines(text, indent=True, language="de")  # not English: never hyphenated
    assert widest_gap(whole, latin_tuning(layout.tune)) <= layout.tune.split_trigger
    assert layout.lines(text, indent=True, language="en") == whole
    assert _hyphenated(PrintLayout(page_spec("46")).lines(text, indent=True, language="en"))


def test_two_hyphenated_lines_in_a_row_cost_more():
    measure = shaper("Noto Serif CJK KR")

    def doubles(double_hyphen_cost: float) -> int:
        tune = replace(latin_tuning(Tuning()), double_hyphen_cost=double_hyphen_cost)
        runs = [Run(PROSE)]
        lines = set_runs(
            runs, lambda text, _: measure.width(text), measure.space(), 24.0, 0.0, tune, hyphenate="en_US"
        )
        return sum(bool(above.hyphen and below.hyphen) for above, below in itertools.pairwise(lines))

    assert doubles(0.0) > 0
    assert doubles(Tuning().double_hyphen_cost) <= doubles(0.0)
    assert doubles(1e15) == 0


@pytest.mark.parametrize(
    "token",
    [
        "HBM",
        "NASDAQ-listed",
        "Chungcheong,",  # a name: English patterns would break romanized Korean names badly
        "Wednesday.",
        "iPhone",
        "COVID-19",
        "semiconductor2",
        "park.eunjee@joongang.co.kr",
        "https://koreajoongangdaily.joins.com/news/2025",
        "high-bandwidth",
        "packaging/assembly",
        "short",
    ],
)
def test_names_acronyms_numbers_addresses_and_hyphenated_words_are_not_hyphenated(token):
    assert hyphenation_opportunities(token, "en_US") == []


def test_opportunities_leave_two_letters_before_and_three_after():
    found = hyphenation_opportunities("“understanding,", "en_US")
    assert found and all(o.hyphen and o.kind == "hyphenation" for o in found)
    assert ("“understanding,"[: found[0].at], "“understanding,"[found[0].at :]) == ("“un", "derstanding,")
    for token in ("packaging", "competition", "memorandum", "provincial", "company's"):
        for o in hyphenation_opportunities(token, "en_US"):
            word = re.match(r"[a-z]+", token)
            assert word and LEFT <= o.at <= len(word.group(0)) - RIGHT


def test_no_hyphenation_of_names_acronyms_or_addresses_in_a_paragraph():
    text = (
        "Executives from SAMSUNG, NASDAQ, Chungcheong, Gyeonggi-do, Pyeongchang and Daejeon wrote to"
        " park.eunjee@joongang.co.kr and https://koreajoongangdaily.joins.com/business/2025 about HBM3E"
        " and COVID-19 in Seongnam, Incheon, Hwaseong, Cheongju and Gwangju on Wednesday."
    )
    assert not any(line.hyphen for line in _narrow(text))


def test_the_dictionary_follows_the_document_language():
    assert hyphenation_language("en-GB") == "en_GB"
    assert hyphenation_language("en") == "en_US"
    assert hyphenation_language("en-US") == "en_US"
    assert hyphenation_language("ko") == "en_US"  # an English paragraph in a Korean book
    assert hyphenation_language(None) == "en_US"
    assert hyphenation_language("de") is None  # not English: its words are not hyphenated
    assert not any(line.hyphen for line in _narrow(PROSE, "de"))


def test_a_korean_paragraph_never_splits_its_latin_words():
    text = (
        "SK하이닉스는 international semiconductor manufacturers 가운데 처음으로 high-bandwidth memory를"
        " 양산했다고 밝혔다. 회사 측은 packaging technologies와 manufacturing capabilities를 강화해"
        " competitiveness를 높이겠다고 했다. 업계에서는 SK하이닉스의 결정이 시장에 영향을 줄 것으로 본다."
    )
    for language in ("ko", "en"):
        lines = _narrow(text, language)
        assert not any(line.hyphen for line in lines)
        for above, below in itertools.pairwise(lines):
            if not above.space_after:  # a break inside a word: never between two Latin letters
                # (between Latin letters and the Hangul noun they are glued to, SK|하이닉스, is a
                # compound's seam, a last resort of the breaker)
                latin = above.text[-1].isascii() and above.text[-1].isalpha()
                assert not (latin and below.text[0].isascii() and below.text[0].isalpha())


def test_the_hyphen_is_drawn_in_the_pdf_and_fits_the_column(tmp_path):
    from bookmaker.check import check_pdf

    doc = Document(meta=Meta(title="Packaging", language="en"), blocks=[Paragraph(content=text_runs(PROSE))])
    pdf = tmp_path / "english.pdf"
    pdf.write_bytes(write_pdf(doc, created=datetime(2025, 11, 23, tzinfo=UTC), page=page_spec("46")).data)
    # -layout: as drawn (pdftotext's default joins a word hyphenated at a line's end again)
    layout = ["pdftotext", "-layout", str(pdf), "-"]
    text = subprocess.run(layout, capture_output=True, text=True, check=True).stdout
    rows = [row.strip() for row in text.splitlines() if row.strip()]
    hyphenated = [
        (a.split()[-1], b.split()[0]) for a, b in itertools.pairwise(rows) if re.search(r"[a-z]-$", a)
    ]
    words = set(re.findall(r"[a-z]+", PROSE))
    drawn = [(a, b) for a, b in hyphenated if re.sub(r"\W", "", a + b) in words]
    assert drawn, rows
    source = tmp_path / "english.txt"
    source.write_text("Packaging\n\n" + PROSE + "\n", encoding="utf-8")
    report = check_pdf(pdf, source)
    assert report.overflows == 0 and report.kinsoku == 0


def test_the_document_language_reaches_the_breaker_through_the_templates():
    """The paragraph template's ``set_lines`` takes the language of the document it renders."""
    text = PROSE.replace("high-performance", "powerful")  # no hyphen of its own
    drawn = {}
    for language in ("en-GB", "ko", "de"):
        doc = Document(
            meta=Meta(title="Packaging", language=language), blocks=[Paragraph(content=text_runs(text))]
        )
        html = print_html(doc, created=datetime(2025, 11, 23, tzinfo=UTC), page=page_spec("46"))
        drawn[language] = len(
            re.findall(r'[a-z](?:</span>)?(?:<span class="nt">)?-(?:</span>)?</span>', html)
        )
    assert drawn["en-GB"] > 0 and drawn["ko"] > 0 and drawn["de"] == 0


def test_an_english_quotation_in_a_korean_paragraph_leaves_no_loose_line():
    """hanja-latin's first paragraph at A5: once a loose English line (0.9 em gaps), cured by a hyphen
    in the quotation's words; since round seventeen draws its gaps beside Latin words as counted, a
    squeeze sets it in three lines with no hyphen. Any hyphen is inside an English word; the Korean
    words and the Latin names stay whole."""
    text = (
        "미국 연방준비제도(Fed·연준)가 기준금리를 연 4.25~4.50%로 동결했다. 제롬 파월(Jerome Powell) 의장은"
        " 기자회견에서 “We need greater confidence that inflation is moving sustainably toward 2 percent”라고"
        " 말했다."
    )
    layout = PrintLayout(page_spec("a5"))
    lines = layout.lines(text, indent=True, language="ko")
    pairs = _hyphenated(lines)
    assert all(re.sub(r"\W", "", a + b) in text for a, b in pairs), [line.text for line in lines]
    if not pairs:
        assert " ".join(line.text for line in lines).split() == text.split()  # every word whole
    assert widest_gap(lines, layout.tune) < layout.tune.loose_limit
    assert all(line.space_after or line.hyphen for line in lines)


def test_english_passages_are_four_words_or_more_without_hangul():
    text = "파월(Jerome Powell) 의장은 “We need greater confidence that”이라며 high-bandwidth memory를"
    tokens = text.split(" ")
    english = [t for t, yes in zip(tokens, in_english_passages(tokens), strict=True) if yes]
    assert english == ["“We", "need", "greater", "confidence"]  # not the name, not the term
    assert not any(in_english_passages(["1", "2", "3", "4", "5", "가"]))  # numbers alone are not English
