"""Unit tests of the total-fit breaker and kinsoku."""

from __future__ import annotations

import itertools
import json
import re
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from bookmaker.fonts.shaping import shaper
from bookmaker.ir import from_json
from bookmaker.korean import linebreak, wordbreaks
from bookmaker.korean.kinsoku import can_break
from bookmaker.korean.linebreak import Tuning, set_paragraph, share, widest_gap
from bookmaker.korean.morphology import shared_analyzer
from bookmaker.layout.pages import page_spec
from bookmaker.layout.print_layout import PrintLayout, paragraph_lines
from bookmaker.writers.pdf import write_pdf
from tests.pdf.conftest import DOCS, FIXTURES, PRESETS

MOMENT = datetime(2025, 11, 23, tzinfo=UTC)


def _measure(text: str) -> float:
    return sum(0.5 if c.isascii() else 1.0 for c in text)


def test_kinsoku_pairs():
    assert not can_break("70", "%가량")
    assert not can_break("말했다", "…")
    assert not can_break("“", "서로")
    assert can_break("말했다.", "그러나")
    assert not can_break("1", "000")  # a number grouped with spaces stays whole
    # ... but two numbers may part: "하나은행 K리그1 2026 37라운드" was one unbreakable run, and the
    # line before it was left 1.4 em loose at 46판 (a held-out match report)
    assert can_break("K리그1", "2026") and can_break("2026", "37라운드")


def test_lines_keep_words_whole_and_fit():
    text = " ".join(["가나다라", "마바사", "아자차카타", "파하"] * 12)
    lines = set_paragraph(text, _measure, 0.5, 20.0, 1.0)  # a space measures 0.5 here too
    assert " ".join(line.text for line in lines).split() == text.split()
    for line in lines:
        spacing = line.letter_spacing * len(line.text) + line.word_spacing * line.text.count(" ")
        assert _measure(line.text) + spacing <= 20.0 + 1e-6
        assert abs(line.letter_spacing) <= Tuning().last_retry_track + 1e-9


def _long_enough(line: str) -> bool:
    return len(line.split()) >= 2 or sum(c.isalnum() for c in line) >= 4


def _widest_gap(layout: PrintLayout, lines) -> float:
    space = shaper(layout.scale.body_font).space()
    return max((space + ln.word_spacing + 2 * ln.letter_spacing for ln in lines if not ln.last), default=0)


@pytest.mark.parametrize("preset", PRESETS)
def test_last_lines_not_lone_fragments(preset):
    """Every fixture paragraph ends on ≥ 2 words or ≥ 4 syllables, unless that forces a loose line."""
    layout = PrintLayout(page_spec(preset))
    strict = PrintLayout(page_spec(preset), tune=Tuning(short_last_penalty=1e12), break_style="word")
    allowed = 0
    for name in DOCS:
        doc = from_json((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
        for block in doc.blocks:
            if type(block).__name__ != "Paragraph":
                continue
            lines = layout.lines(block.text, indent=True)
            if _long_enough(lines[-1].text):
                continue
            forced = strict.lines(block.text, indent=True)
            assert _long_enough(forced[-1].text)
            assert _widest_gap(strict, forced) > 0.5, (lines[-1].text, _widest_gap(strict, forced))
            allowed += 1
    assert allowed <= 3  # of ~100 paragraphs per preset


def _loose_lines(layout: PrintLayout) -> int:
    """Set lines of the fixture paragraphs whose word gap, as drawn, exceeds 0.45 em."""
    space, safety = shaper(layout.scale.body_font).space(), layout.tune.safety
    count = 0
    for name in DOCS:
        doc = from_json((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
        for block in doc.blocks:
            if type(block).__name__ != "Paragraph":
                continue
            for line in layout.lines(block.text, indent=True):
                spaces = line.text.count(" ")
                if not line.last and spaces >= 2:
                    gap = space + line.word_spacing + 2 * line.letter_spacing + safety / spaces
                    count += gap > 0.45
    return count


def test_breaker_counts_loose_lines():
    """A gap past ``loose_limit`` costs a fixed amount once: fewer loose lines in the narrow 46판."""
    counting = _loose_lines(PrintLayout(page_spec("46")))
    smooth_only = _loose_lines(PrintLayout(page_spec("46"), tune=Tuning(loose_line_cost=0.0)))
    assert counting < smooth_only


def test_share_balances_gap_and_tracking():
    gap_spacing, track, cost = share(1.0, 6, 30, Tuning())
    assert 0 < track <= 0.05 and cost < 100
    assert gap_spacing * 6 + track * 30 == pytest.approx(1.0)


LONG_WORD = "한국반도체산업협회공급망안정화특별위원회는"  # 21 syllables, one eojeol


def _long_word_text() -> str:
    return " ".join(
        ["반도체 업계의 관계자들은 이번 발표를 두고", LONG_WORD, "새로운 대책을 내놓았다고 밝혔다."] * 3
    )


def _seams(layout: PrintLayout, text: str) -> list[tuple[str, str]]:
    """(end of a line, start of the next) wherever a line break falls inside a word."""
    lines = layout.lines(text, indent=True)
    return [
        (a.text.split()[-1], b.text.split()[0]) for a, b in itertools.pairwise(lines) if not a.space_after
    ]


def test_word_style_never_splits_and_ranked_splits_only_at_compound_seams():
    text = _long_word_text()
    assert not _seams(PrintLayout(page_spec("46"), break_style="word"), text)
    seams = _seams(PrintLayout(page_spec("46")), text)
    assert seams  # the 21-syllable word leaves no acceptable layout at spaces alone
    morphs = shared_analyzer().analyze([LONG_WORD])[LONG_WORD]
    allowed = {o.at for o in wordbreaks.ranked(LONG_WORD, morphs)}
    for left, right in seams:
        assert LONG_WORD.startswith(left) and LONG_WORD.endswith(right)
        assert len(left) in allowed, (left, right)


def test_words_stay_whole_when_spaces_set_well():
    """The ranked style breaks inside a word only for a paragraph that sets badly at spaces."""
    text = "반도체 업계의 관계자들은 이번 발표를 두고 새로운 대책을 내놓았다고 밝혔다. " * 6
    assert not _seams(PrintLayout(page_spec("46")), text)


def test_syllable_style_may_break_between_any_two_syllables():
    text = "제1정책조정위원장(정무·기재·예결), 연금개혁특별위원회 위원장, 국민의힘 박수영 의원은 " * 4
    for left, right in _seams(PrintLayout(page_spec("46"), break_style="syllable"), text):
        tail, head = re.search(r"[가-힣]*$", left), re.match(r"[가-힣]*", right)
        assert tail and head and len(tail.group()) != 1 and len(head.group()) != 1  # no syllable alone


def test_url_breaks_after_slash_and_dot_without_splitting_korean():
    text = (
        "보고서 원문은 https://www.example.com/reports/2025/semiconductor-outlook.pdf 에서 볼 수 있다. " * 3
    )
    lines = PrintLayout(page_spec("46")).lines(text, indent=True)
    ends = [line.text.split()[-1] for line in lines if not line.space_after]
    assert ends and all(end[-1] in "/.-" for end in ends)
    assert "".join(line.text for line in lines).replace(" ", "") == text.replace(" ", "")


def test_a_line_ending_inside_a_url_is_set_ragged_rather_than_spaced_out():
    """A link line (a mark, a space, a URL that ends in a number no rule breaks): the URL fits on
    no line with the mark, breaks after its last slash, and the one gap before it was justified to
    3.9 em (a telegram digest, report A5). Such a line is set at its natural width, not justified;
    a line ending inside a URL that justifies within the limits stays justified."""
    url = "https://n.news.example.com/article/001/0015012345"
    lines = set_paragraph(f"▶ {url}", _measure, 0.3, 24.0)
    assert [line.text for line in lines] == ["▶ https://n.news.example.com/article/001/", "0015012345"]
    assert lines[0].ragged and not lines[0].space_after
    assert (lines[0].letter_spacing, lines[0].word_spacing) == (0.0, 0.0)
    assert widest_gap(lines, Tuning()) == 0.0  # not loose: not a justified line
    words = "가 나 다 라 마 바 사 아 자 차 카 타 "
    tight = set_paragraph(f"{words}{url} 끝", _measure, 0.3, 24.0)
    inside = [line for line in tight if not line.space_after]
    assert inside and not any(line.ragged for line in tight)
    # the markup: a ragged line is drawn as a last line is (class "end"), at no spacing
    from bookmaker.korean.linebreak import Run
    from bookmaker.layout.print_layout import _markup

    html = str(_markup(lines, [Run(f"▶ {url}")], indent=False))
    assert html.startswith('<span class="ln end">▶ https://')


def test_a_file_name_glued_to_a_particle_breaks_after_its_dot_rather_than_leave_a_loose_line():
    """CONTRIBUTING.md와 after a Korean line: a break after the dot (as a URL breaks) instead of a
    line with 1.3 em gaps; never inside a number (4.25, v1.2) and never where the line sets well."""
    text = "버그 제보와 풀 리퀘스트를 환영합니다. 자세한 내용은 CONTRIBUTING.md와 이슈 게시판을 보세요."
    layout = PrintLayout(page_spec("a5"))
    lines = layout.lines(text, indent=True)
    assert [(line.text.split()[-1], line.space_after) for line in lines[:1]] == [("CONTRIBUTING.", False)]
    assert widest_gap(lines, layout.tune) < layout.tune.split_trigger
    assert linebreak._path_cuts("4.25~4.50%로") == linebreak._path_cuts("v1.2.3") == []
    assert linebreak._path_cuts("hangul_sort.bench로") == [7, 12]
    roomy = "자세한 내용은 CONTRIBUTING.md와 이슈 게시판을 보세요."
    assert all(line.space_after for line in layout.lines(roomy, indent=True))


def test_break_style_option_in_the_pdf(tmp_path):
    """`--break-style word` keeps the very long word whole in the PDF; the default breaks it at a
    compound seam, which `bookmaker check` judges principled."""
    from bookmaker.check import check_pdf

    data = json.loads((FIXTURES / "seed-excerpt.json").read_text(encoding="utf-8"))
    data["blocks"][0]["text"] = _long_word_text()
    source = tmp_path / "long-word.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    doc = from_json(source.read_text(encoding="utf-8"))
    splits = {}
    for style in ("word", "ranked"):
        path = tmp_path / f"{style}.pdf"
        path.write_bytes(write_pdf(doc, created=MOMENT, page=page_spec("46"), break_style=style).data)
        report = check_pdf(path, source)
        assert report.kinsoku == 0 and report.overflows == 0
        splits[style] = (report.splits, report.bad_splits)
    assert splits["word"] == (0, 0)
    assert splits["ranked"][0] >= 1 and splits["ranked"][1] == 0


def _pairs(layout: PrintLayout) -> tuple[int, int]:
    """(neighbouring justified lines, those whose letter-spacing differs by 0.05 em or more) over
    the fixture paragraphs."""
    pairs = jumps = 0
    for name in DOCS:
        doc = from_json((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
        for block in doc.blocks:
            if type(block).__name__ != "Paragraph":
                continue
            lines = [line for line in layout.lines(block.text, indent=True) if not line.last]
            for above, below in itertools.pairwise(lines):
                pairs += 1
                jumps += abs(above.letter_spacing - below.letter_spacing) >= 0.0495
    return pairs, jumps


def test_tracking_chosen_with_the_breaks_keeps_neighbours_even():
    """Tracking is a state of the total fit: neighbouring lines rarely differ by 0.05 em (a jump
    costs about a loose line), where choosing it line by line would jump often."""
    pairs, jumps = _pairs(PrintLayout(page_spec("46")))
    _, free_jumps = _pairs(PrintLayout(page_spec("46"), tune=Tuning(jump_cost=0.0)))
    assert pairs > 200 and jumps <= 0.05 * pairs and free_jumps > 3 * jumps, (pairs, jumps, free_jumps)


def test_seed_sets_without_the_analyzer(monkeypatch):
    """The analyzer is loaded only for a paragraph with no acceptable layout: never for the seed."""
    import bookmaker.korean.morphology as morphology

    def refuse() -> None:
        raise AssertionError("the analyzer was asked for")

    monkeypatch.setattr(morphology, "shared_analyzer", refuse)
    paragraph_lines.cache_clear()  # every paragraph set here, none taken from an earlier test
    doc = from_json((FIXTURES / "seed.json").read_text(encoding="utf-8"))
    for preset in PRESETS:
        layout = PrintLayout(page_spec(preset))
        for block in doc.blocks:
            if type(block).__name__ == "Paragraph":
                layout.lines(block.text, indent=True)


@pytest.mark.parametrize(
    ("word", "seams"),
    [
        ("연금개혁특별위원회", {"연금개혁|특별위원회"}),  # between the nouns of a compound
        ("고령지농업연구소장", {"고령지농업|연구소장"}),  # a name beside known nouns
        ("전성시대였다", {"전성|시대였다"}),  # a known word: between well-known common nouns
        ("확인해야한다", {"확인해야|한다"}),  # an auxiliary verb may be spaced
        ("먹어보았다", {"먹어|보았다"}),  # ... after -어 too, when the two are no dictionary verb
        ("확인해보겠다", {"확인해|보겠다"}),
        ("정무·기재·예결", {"정무·|기재·예결", "정무·기재·|예결"}),
        ("4.25~4.50%로", {"4.25~|4.50%로"}),
        ("(1588-7500)로", {"(1588-|7500)로"}),  # after a hyphen between digits or letters
        ("단행했습니다.연구정책국장에는", {"단행했습니다.|연구정책국장에는"}),  # a space left out ...
        ("자리를옮긴다", {"자리를|옮긴다"}),  # ... after a particle
        ("적합한인재”라며“공직사회", {"적합한|인재”라며“공직사회", "적합한인재”라며|“공직사회"}),  # ending
        ("APEC하우스에서", {"APEC|하우스에서"}),  # Latin letters glued to a Hangul noun
        ("GPT모델을", {"GPT|모델을"}),
        ("고대역폭메모리(HBM4E)", {"고대역폭|메모리(HBM4E)"}),  # a left part read as 대역+폭
        ("서울시공무원", {"서울시|공무원"}),
        ("1만1260원으로", {"1만|1260원으로"}),  # after a number's unit of ten thousands (맞춤법 제44항)
        ("12억3456만7898원", {"12억|3456만7898원", "12억3456만|7898원"}),
        # after the dot of a list of numbers of three digits or more (zip codes, years)
        (
            "(우편번호90005·90006·90010)의",
            {"(우편번호90005·|90006·90010)의", "(우편번호90005·90006·|90010)의"},
        ),
        ("2019·2020년", {"2019·|2020년"}),
    ],
)
def test_ranked_seams_found(word, seams):
    analyzer = shared_analyzer()
    found = {
        word[: o.at] + "|" + word[o.at :]
        for o in wordbreaks.ranked(word, analyzer.analyze([word])[word], lexicon=analyzer)
    }
    assert seams <= found


@pytest.mark.parametrize(
    "split",
    [
        "로스앤젤|레스는",
        "작물과|학원장",
        "포토레지|스트처럼",
        "국민연금|을",
        "의원|들이",
        "미·|중",
        "5·|18민주화운동",  # a short number pair is a name, not a list
        "1·|2학년",
        "20·|30대",
        "20|24년",
        "국민의|힘에서는",
        "조직”|이라면서",
        "돌아|가다",
        "D램익스|체인지에",
        "말했다.”|라고",
        "AI|가",  # Latin letters before a particle ...
        "IT|화를",  # ... a suffix ...
        "PC|방에서",  # ... a noun of one syllable
        "3|개를",  # a number and its counter
        "5|G네트워크",
        "5G|네트워크",  # one letter after a digit: a unit, not a word
        "K|리그",
        "1|만원",  # a digit and its unit
        "1만|원",  # a unit of ten thousands before its counter, not before digits
        "백만|1000",  # a unit written in Hangul: no digit before it
        "1만1|260원",
        "이뤄|졌으며,",  # -어지다 is written attached (an auxiliary never spaced) ...
        "만들어|졌다",
        "싫어|하는",  # ... and -어하다
        "살펴|보겠다”고",  # a compound verb of the dictionary, not a verb and an auxiliary
        "“지켜|보겠다",
    ],
)
def test_never_a_bad_seam(split):
    """Inside a word the dictionary knows whole (a name, a compound verb), a torn noun, a guessed
    loanword, before a particle or suffix or an auxiliary written attached, one syllable alone,
    inside a number."""
    word = split.replace("|", "")
    analyzer = shared_analyzer()
    found = {
        o.at
        for o in wordbreaks.ranked(word, analyzer.analyze([word])[word], syllables=False, lexicon=analyzer)
    }
    assert split.index("|") not in found


def test_a_line_before_latin_letters_glued_to_a_noun_breaks_after_the_letters():
    """A short paragraph's first line before ``APEC하우스에서``, a word no rule let break: 2 em
    loose at this measure. The seam between the Latin letters and the Hangul noun is a compound's."""
    text = "정상들은 오늘 APEC하우스에서 만났다."
    whole = set_paragraph(text, _measure, 0.5, 9.0, 0.0, style="word")
    assert widest_gap(whole, Tuning()) > 2.0
    lines = set_paragraph(text, _measure, 0.5, 9.0, 0.0, analyzer=shared_analyzer())
    assert [line.text for line in lines] == ["정상들은 오늘 APEC", "하우스에서 만났다."]
    assert widest_gap(lines, Tuning()) < 0.1


def test_a_line_before_a_number_glued_to_its_unit_of_ten_thousands_breaks_after_the_unit():
    """A wire story's first line before ``1만1260원으로``, a number no rule let break, was 0.7 em loose
    at 46판. 한글 맞춤법 (제44항) spaces a number after 만, 억 and 조 (12억 3456만 7898): the seam
    after ``1만`` is a space left out, and breaks without the analyzer."""
    text = "최저임금이 시간당 1만1260원으로 확정됐다."
    whole = set_paragraph(text, _measure, 0.5, 13.0, 0.0, style="word")
    assert widest_gap(whole, Tuning()) > 1.0
    lines = set_paragraph(text, _measure, 0.5, 13.0, 0.0)
    assert lines[0].text.endswith("1만")
    assert widest_gap(lines, Tuning()) < widest_gap(whole, Tuning())


def test_a_glued_ellipsis_is_a_last_resort_in_a_word_too_wide_for_the_line():
    """After the ellipsis of ``회담…“셔틀외교`` only in a word wider than the measure: dearer than
    every ranked seam, cheaper than a cut inside a morpheme, as the headline setter takes it."""
    cuts = {cut.at: cut for cut in wordbreaks.fallback_cuts("회담…“셔틀외교")}
    assert cuts[3].kind == "ellipsis" and cuts[3].penalty == wordbreaks.GLUED_ELLIPSIS_PENALTY
    assert cuts[5].penalty == wordbreaks.FALLBACK_PENALTY  # 셔|틀
    assert wordbreaks.glued_ellipses("고시...월세") == [5] and wordbreaks.glued_ellipses("좋다…”라고") == []
    ranked = wordbreaks.ranked(
        "회담…“셔틀외교", shared_analyzer().analyze(["회담…“셔틀외교"])["회담…“셔틀외교"]
    )
    assert 3 not in {o.at for o in ranked}
    assert all(o.penalty < wordbreaks.GLUED_ELLIPSIS_PENALTY < wordbreaks.FALLBACK_PENALTY for o in ranked)
    lines = set_paragraph("그 정상회담…“셔틀외교”", _measure, 0.5, 7.0, 0.0, style="word")
    assert [line.text for line in lines] == ["그 정상회담…", "“셔틀외교”"]


def test_ragged_lines_cut_an_over_long_word_only_at_a_ranked_seam():
    from bookmaker.korean.linebreak import Run
    from bookmaker.korean.ragged import set_ragged

    def lines(text: str, width: float) -> list[str]:
        return [line.text for line in set_ragged([Run(text)], lambda part, _run: _measure(part), 0.5, width)]

    assert lines("기타 업체", 4.0) == ["기타", "업체"]
    assert lines("디램 점유율(%)", 6.0) == ["디램", "점유율(%)"]  # the word fits its line: whole
    assert lines("창신메모리(CXMT)", 6.0) == ["창신메모리", "(CXMT)"]  # before a glued "("
    assert lines("연금개혁특별위원회", 6.0) == ["연금개혁", "특별위원회"]  # the analyzer's seam


def test_a_tracking_jump_between_lines_is_told():
    from bookmaker.korean.linebreak import Line, tracking_jump

    def lines(*tracks: float) -> list[Line]:
        return [Line("가 나", track, 0.0, False) for track in tracks] + [Line("끝", 0.0, 0.0, True)]

    tune = Tuning()
    assert not tracking_jump(lines(0.02, -0.01, 0.01, 0.04), tune)  # within three classes
    assert tracking_jump(lines(-0.03, 0.03), tune)  # a dense line beside an airy one
    assert not tracking_jump(lines(0.06), tune)  # the last line joins any class


def test_a_paragraph_still_loose_is_set_again_with_wider_tracking():
    """A paragraph left with a gap past ``loose_limit`` is set again with letter-spacing up
    to ``retry_max_track`` and keeps that setting when its widest gap is narrower; one that sets
    well keeps the narrower limit."""
    tune = Tuning()
    text = (
        "정부는 19일 대규모 경제부처 인사를 단행했다. "
        "정부는 재정경제부기획관리실장에 윤대희 열린우리당 수석전문위원을 임명했다."
    )
    no_retry = replace(
        tune, retry_max_track=tune.max_track, last_retry_track=tune.max_track, retry_squeeze=tune.max_track
    )
    narrow = set_paragraph(text, _measure, 0.5, 14.0, 1.0, no_retry)
    assert widest_gap(narrow, tune) > tune.loose_limit
    wider = set_paragraph(text, _measure, 0.5, 14.0, 1.0, tune)
    assert "".join(line.text for line in wider).replace(" ", "") == text.replace(" ", "")
    assert widest_gap(wider, tune) < widest_gap(narrow, tune) - 0.1
    assert max(line.letter_spacing for line in wider) > tune.max_track  # wider, never tighter
    assert all(
        -tune.max_track - 1e-9 <= line.letter_spacing <= tune.last_retry_track + 1e-9 for line in wider
    )
    calm_text = " ".join(["가나", "다라마", "바사", "아자차", "카타파하"] * 12)
    calm = set_paragraph(calm_text, _measure, 0.5, 16.0, 1.0)
    assert widest_gap(calm, tune) <= tune.loose_limit
    assert all(abs(line.letter_spacing) <= tune.max_track + 1e-9 for line in calm)


def test_a_lone_short_last_word_is_told():
    """The retry never takes a setting that leaves a short word alone on the last line."""
    from bookmaker.korean.linebreak import Line, lone_last

    def lines(*texts: str) -> list[Line]:
        return [Line(text, 0.0, 0.0, number == len(texts) - 1) for number, text in enumerate(texts)]

    assert lone_last(lines("가나다 라마바", "했다."))
    assert not lone_last(lines("가나다 라마바", "당부했습니다."))  # four syllables or more
    assert not lone_last(lines("가나다 라마바", "그는 말했다."))
    assert not lone_last(lines("말했다."))  # a one-line paragraph


def test_the_retry_widens_letter_spacing_and_squeezes_only_with_the_spaces_beside_latin_kept_open():
    """The widening retries of a loose paragraph letter-space up to ``last_retry_track`` and never
    squeeze past ``max_track``: seed-excerpt's first paragraph at 신국판 (no indent), whose best
    setting at ±8 % squeezed a line to -8 % (and was thrown away, keeping a 0.57 em line), takes a
    setting with its first line at +8 %. The last retry's squeeze (round fifteen) was refused here
    while the spaces beside ``SK`` and ``AI`` would be drawn narrower; drawn as wide as the others
    (``beside_margin``, round sixteen), it sets the paragraph in three lines, no gap loose."""
    text = (
        "삼성전자와 SK하이닉스가 미국 정부의 ‘미국산 인공지능(AI)’ 구상에 동참하겠다는 뜻을 밝혔다."
        " 한국을 대표하는 두 반도체 기업은 이미 시장을 주도하는 미국의 주요 AI 기업과 떼려야 뗄 수 없는"
        " 관계라, 업계에선 불가피한 선택으로 보고 있다."
    )
    tune = PrintLayout(page_spec("sinkuk")).tune
    widening = PrintLayout(page_spec("sinkuk"), tune=replace(tune, retry_squeeze=tune.max_track))
    lines = widening.lines(text, indent=False)
    assert all(
        -tune.max_track - 1e-9 <= line.letter_spacing <= tune.last_retry_track + 1e-9 for line in lines
    )
    assert max(line.letter_spacing for line in lines) > tune.max_track
    assert widest_gap(lines, tune) < 0.2  # 0.26 em wider than natural before
    assert Tuning(wide_track=0.08).widest_track == 0.08 and Tuning().widest_track == tune.max_track
    tight = PrintLayout(page_spec("sinkuk")).lines(text, indent=False)
    assert len(tight) == len(lines) - 1 and widest_gap(tight, tune) < widest_gap(lines, tune)
    squeezed = [line for line in tight if line.letter_spacing < -tune.max_track - 1e-9]
    assert squeezed and all(
        line.beside_margin == pytest.approx(-line.letter_spacing / 2, abs=1e-4) for line in squeezed
    )
    assert all(line.letter_spacing >= -tune.retry_squeeze - 1e-9 for line in tight)


def test_a_paragraph_whose_splits_are_spent_breaks_only_a_word_too_wide_for_a_line():
    """``split_words=False`` (a document's split budget spent): no break after a file name's dot or
    at a compound; a word wider than the measure still breaks; English words still hyphenate."""
    layout = PrintLayout(page_spec("a5"))
    whole = replace(layout.tune, split_words=False)
    text = "버그 제보와 풀 리퀘스트를 환영합니다. 자세한 내용은 CONTRIBUTING.md와 이슈 게시판을 보세요."
    faces = (layout.scale.body_font, layout.scale.heading_font)
    lines = paragraph_lines((linebreak.Run(text),), faces, 24.0, 1.0, whole, "ranked")
    assert linebreak.word_splits(lines) == 0 and all(line.space_after for line in lines)
    wide = "가" * 40
    cut = paragraph_lines((linebreak.Run(f"{wide} 나"),), faces, 24.0, 0.0, whole, "ranked")
    assert linebreak.word_splits(cut) == 1


def test_a_document_spends_a_split_only_where_it_lowers_its_worst_line():
    """Past the document's split budget, a paragraph is set again whole when that leaves no line
    looser than the document's loosest; a split that is what keeps the worst line down is kept."""
    split = "버그 제보와 풀 리퀘스트를 환영합니다. 자세한 내용은 CONTRIBUTING.md와 이슈 게시판을 보세요."
    alone = PrintLayout(page_spec("a5"))
    assert linebreak.word_splits(alone.lines(split, indent=True)) == 1
    assert alone.over_budget() == set()  # its own worst line: the split is worth it
    layout = PrintLayout(page_spec("a5"))
    loose = "이 글은 다음 제목의 문서를 옮긴 것이다: 大韓民國臨時政府樹立宣言文朗讀大會參加者名單이다."
    assert widest_gap(layout.lines(loose, indent=True), layout.tune) > 1.5  # no rule lets it break
    layout.lines(split, indent=True)
    dropped = layout.over_budget()
    assert len(dropped) == 1
    layout.whole_words |= dropped
    lines = layout.lines(split, indent=True)
    assert linebreak.word_splits(lines) == 0 and lines[1].text.startswith("CONTRIBUTING.md와")


def test_a_paragraph_still_loose_at_8_percent_is_letter_spaced_up_to_9_percent():
    """yonhap-straight-1 at 4·6판: the first line before 기원하는 (the line cannot take it, and
    no seam breaks 정상회담의 or 성공을 at a price worth a split) keeps 0.52 em gaps at +8 %; a last
    retry up to +9 % narrows them, its neighbour following within the tracking window (the squeeze
    of the retry after it switched off: since round sixteen it takes 기원하는 back onto the line)."""
    text = (
        "특히 올해 우리나라에서 열리는 G20 정상회담의 성공을 기원하는 의미에서 관광객 2천10명이 참가하는"
        " G20 성공기원 플래시몹(Flash Mob) 행사가 열려 눈길을 끌었다."
    )
    base = PrintLayout(page_spec("46")).tune
    layout = PrintLayout(page_spec("46"), tune=replace(base, retry_squeeze=base.max_track))
    tune = layout.tune
    capped = PrintLayout(page_spec("46"), tune=replace(tune, last_retry_track=tune.retry_max_track))
    before = capped.lines(text, indent=True)
    lines = layout.lines(text, indent=True)
    assert [line.text for line in lines] == [line.text for line in before]
    assert widest_gap(before, tune) > tune.loose_limit + 0.05
    assert widest_gap(lines, tune) < widest_gap(before, tune) - 0.02
    assert tune.retry_max_track < lines[0].letter_spacing <= tune.last_retry_track
    assert not linebreak.tracking_jump(lines, tune)
    tight = PrintLayout(page_spec("46")).lines(text, indent=True)
    assert tight[0].text.endswith("기원하는") and widest_gap(tight, base) <= base.loose_limit


def test_a_paragraph_still_loose_after_widening_pulls_the_next_word_back_by_squeezing():
    """A short paragraph whose first line stays loose at +9 % (the word after it cannot come up at
    -6 %, and no seam breaks it) is set once more squeezing down to ``-retry_squeeze``: the word
    comes back onto the line, whose gaps stay within the shrink limit."""
    tune = Tuning()
    text = "우리 마을 이장 김씨가 방문했습니다 그리고 돌아갔다"
    old = replace(tune, retry_squeeze=tune.max_track)  # widening only, as before
    before = set_paragraph(text, _measure, 0.5, 15.6, 0.0, old)
    assert before[0].text == "우리 마을 이장 김씨가"
    assert widest_gap(before, tune) > 1.0
    lines = set_paragraph(text, _measure, 0.5, 15.6, 0.0, tune)
    assert [line.text for line in lines] == ["우리 마을 이장 김씨가 방문했습니다", "그리고 돌아갔다"]
    assert widest_gap(lines, tune) <= tune.loose_limit
    assert -tune.retry_squeeze - 1e-9 <= lines[0].letter_spacing < -tune.max_track
    assert lines[0].word_spacing + 2 * lines[0].letter_spacing >= -tune.max_space_shrink - 1e-9
    calm = " ".join(
        ["가나", "다라마", "바사", "아자차", "카타파하"] * 12
    )  # sets well: never squeezed past 6 %
    assert all(
        line.letter_spacing >= -tune.max_track - 1e-9 for line in set_paragraph(calm, _measure, 0.5, 16.0)
    )


def test_a_squeezed_line_keeps_its_spaces_beside_digits_readable():
    """Squeezed past ``max_track`` with gaps shrunk past ``soft_space_shrink``, a space beside a
    Latin letter or digit (drawn narrower than between two syllables) would read as none: such a
    setting is refused; beside syllables only, or within the soft shrink, it is not."""
    from bookmaker.korean.linebreak import Line, thin_gaps

    tune = Tuning()
    deep = -tune.max_track - 0.02
    tight = -tune.soft_space_shrink - 0.03 - 2 * deep  # word spacing: a gap 0.13 em narrower than natural
    soft = -tune.soft_space_shrink + 0.02 - 2 * deep
    assert thin_gaps(
        [Line("서점은 2015년 2116곳에서", deep, tight, False), Line("줄었다.", 0.0, 0.0, True)], tune
    )
    assert thin_gaps([Line("타율 0.281, 19홈런,", deep, tight, False)], tune)
    assert not thin_gaps([Line("우리 마을 이장 김씨가", deep, tight, False)], tune)
    assert not thin_gaps([Line("서점은 2015년 2116곳에서", deep, soft, False)], tune)
    assert not thin_gaps([Line("서점은 2015년 2116곳에서", -tune.max_track, tight, False)], tune)
    assert thin_gaps(
        [Line("서점은 2015년 2116곳에서 줄었다.", deep, tight, True)], tune
    )  # a last line squeezed
    assert not thin_gaps(
        [Line("서점은 2015년 2116곳에서 줄었다.", 0.0, 0.0, True)], tune
    )  # ... or at its width


def test_a_squeeze_draws_the_spaces_beside_a_number_as_wide_as_the_others():
    """A paragraph whose loose first line ends before a number's counter word (12명 방문했습니다)
    pulls the word back by squeezing past ``max_track`` even when its gaps then shrink past
    ``soft_space_shrink``: the markup gives the number's box back the half letter-spacing the space
    beside it loses (``beside_margin``), so that space is drawn as counted."""
    from bookmaker.korean.linebreak import kept_open, thin_gaps

    tune = Tuning()
    text = "우리 마을 이장 12명 방문했습니다 그리고 돌아갔다"
    old = set_paragraph(text, _measure, 0.5, 14.8, 0.0, replace(tune, retry_squeeze=tune.max_track))
    assert old[0].text == "우리 마을 이장 12명" and widest_gap(old, tune) > 1.0  # refused before
    lines = set_paragraph(text, _measure, 0.5, 14.8, 0.0, tune)
    assert [line.text for line in lines] == ["우리 마을 이장 12명 방문했습니다", "그리고 돌아갔다"]
    first = lines[0]
    assert first.letter_spacing < -tune.max_track
    assert first.beside_margin == pytest.approx(-first.letter_spacing / 2)
    gap = first.word_spacing + 2 * first.letter_spacing
    assert -tune.max_space_shrink - 1e-9 <= gap < -tune.soft_space_shrink
    bare = replace(first, beside_margin=0.0)
    assert kept_open(bare) == first  # the word-spacing stays: the margins only give back what is lost
    assert not thin_gaps(lines, tune) and thin_gaps([bare], tune)


def test_every_letter_spaced_line_with_word_spacing_draws_its_spaces_beside_a_number_as_counted():
    """Not only a squeezed line: any line with letter- and word-spacing and a space beside a Latin
    letter or digit takes ``beside_margin`` (minus half its letter-spacing, negative when widened);
    a line with no word-spacing, no letter-spacing or no such space takes none."""
    from bookmaker.korean.linebreak import Line, kept_open

    for track in (-0.08, -0.03, 0.04, 0.09):
        line = Line("전국 서점은 2015년 2116곳에서", track, 0.02, False)
        assert kept_open(line) == replace(line, beside_margin=round(-track / 2, 4))
        assert kept_open(kept_open(line)) == kept_open(line)  # once only
    for line in (
        Line("우리 마을 이장 김씨가", -0.08, 0.01, False),
        Line("이장 12명 방문", -0.08, 0.0, False),
        Line("이장 12명 방문", 0.0, 0.05, False),
        Line("이장12명", 0.04, 0.02, False),
    ):
        assert kept_open(line) == line
    text = (
        "가나다 라마바 사아자 " * 4
        + "전국 서점은 2015년 2116곳에서 책이 몇 권 "
        + "가나다 라마바 사아자 " * 4
    )
    lines = set_paragraph(text.strip(), _measure, 0.5, 13.3)
    marked = [line for line in lines if line.beside_margin]
    assert marked and all(
        line.beside_margin == pytest.approx(-line.letter_spacing / 2, abs=1e-4) and line.word_spacing
        for line in marked
    )
    assert all(
        not line.letter_spacing or not line.word_spacing or not re.search(r"[0-9] | [0-9]", line.text)
        for line in lines
        if not line.beside_margin
    )


def test_a_number_beside_a_space_takes_back_its_margin_on_that_side_in_the_markup():
    """The line markup gives a Latin letters' or digits' span ``beside_margin`` on each side where
    it meets a space inside the line (between two such spans too), none at the line's edges."""
    from bookmaker.korean.linebreak import Line, Run
    from bookmaker.layout.print_layout import _markup

    text = "이장 12명 G20 회의, 2015 2116곳 끝"
    line = Line(text, -0.08, 0.02, False, True, 0.0, 0, len(text) - 2, "", 0.04)
    html = str(_markup([line], [Run(text)], False))
    assert html.count("margin-left:0.0400em") == 4 and html.count("margin-right:0.0400em") == 2
    assert '이장 <span class="nt" style="margin-left:0.0400em">12</span>명' in html
    assert '<span class="nt" style="margin-left:0.0400em;margin-right:0.0400em">G20</span> 회의' in html
    assert (
        '<span class="nt" style="margin-left:0.0400em;margin-right:0.0400em">2015</span>'
        ' <span class="nt" style="margin-left:0.0400em">2116</span>곳'
    ) in html
    plain = str(_markup([replace(line, beside_margin=0.0)], [Run(text)], False))
    assert "margin-left" not in plain and '<span class="nt">12</span>' in plain
    edge = Line("12명 가나 G20", -0.08, 0.02, False, True, 0.0, 0, 11, "", 0.04)
    assert str(_markup([edge], [Run("12명 가나 G20")], False)).count("margin") == 1  # G20's left only
    ragged = str(_markup([line], [Run(text)], False, justify=False))  # word-spacing dropped: no margin
    assert "margin-left" not in ragged


@pytest.mark.parametrize(("track", "spacing"), [(-0.08, 0.03), (-0.04, -0.02), (0.04, 0.03), (0.09, -0.02)])
def test_a_letter_spaced_line_is_drawn_with_its_spaces_beside_numbers_as_counted(tmp_path, track, spacing):
    """Drawn by WeasyPrint and read back with pdfplumber: with letter- and word-spacing, a space
    meeting a number's ``span.nt`` is ``letter_spacing / 2`` narrower than counted per box it meets
    (after, before or between two numbers) and the line as much shorter; with ``beside_margin`` each
    gap, and the line's width, is as counted (within 0.01 em): the gap with no word-spacing plus the
    word-spacing."""
    import pdfplumber
    import weasyprint

    from bookmaker.korean.linebreak import Line, Run
    from bookmaker.layout.print_layout import _markup

    text = "전국 서점은 2015년 G20 회의, 2015 2116곳 몇 권"
    css = (
        "@page{size:250mm 40mm;margin:5mm} body{font-family:'Noto Serif CJK KR';font-size:10pt}"
        " .ln{display:block;text-align:left} .ln .nt{letter-spacing:0}"
    )

    def drawn(word: float, margin: float) -> tuple[float, dict[str, float]]:
        line = Line(text, track, word, False, True, 0.0, 0, len(text), "", margin)
        html = f"<html><style>{css}</style><body><p>{_markup([line], [Run(text)], False)}</p></body></html>"
        pdf = tmp_path / f"line-{word}-{margin}.pdf"
        weasyprint.HTML(string=html).write_pdf(pdf)
        with pdfplumber.open(pdf) as opened:
            row = sorted((c for c in opened.pages[0].chars if c["text"].strip()), key=lambda c: c["x0"])
        size = row[0]["size"]
        pairs = {a["text"] + b["text"]: (b["x0"] - a["x1"]) / size for a, b in itertools.pairwise(row)}
        return (row[-1]["x1"] - row[0]["x0"]) / size, pairs

    width, counted = drawn(0.0, 0.0)  # no word-spacing: drawn as counted
    lost_width, lost = drawn(spacing, 0.0)
    kept_width, kept = drawn(spacing, -track / 2)
    spaces = text.count(" ")
    for pair, boxes in (("은2", 1), ("0회", 1), ("52", 2), ("국서", 0)):
        assert lost[pair] == pytest.approx(counted[pair] + spacing + boxes * track / 2, abs=0.01)
        assert kept[pair] == pytest.approx(counted[pair] + spacing, abs=0.01)
    assert lost_width == pytest.approx(width + spacing * spaces + 6 * track / 2, abs=0.01)
    assert kept_width == pytest.approx(width + spacing * spaces, abs=0.01)


def test_a_lone_short_last_word_is_pulled_up_by_squeezing():
    """A paragraph that sets well but ends on a short word alone (것이다.) is set once more squeezing
    down to ``-retry_squeeze``; the word comes up when no line gets looser than the paragraph's
    loosest or the loose limit (a typesetter's tightening to save a line)."""
    from bookmaker.korean.linebreak import lone_last

    text = (
        "정부는 내년 예산안을 국회에 제출하고 경제 회복에 힘쓰겠다고 밝혔다. "
        "태풍이나 홍수처럼 눈에 띄는 피해를 남기지 않아 대비가 늦어지기 쉽다는 것이다."
    )
    layout = PrintLayout(page_spec("a5"))
    tune = layout.tune
    old = PrintLayout(page_spec("a5"), tune=replace(tune, retry_squeeze=tune.max_track))
    before = old.lines(text, indent=True)
    assert lone_last(before) and before[-1].text == "것이다."
    assert widest_gap(before, tune) <= tune.loose_limit  # no loose line: only the lone word asked for it
    lines = layout.lines(text, indent=True)
    assert not lone_last(lines) and lines[-1].text.endswith("쉽다는 것이다.")
    assert widest_gap(lines, tune) <= tune.loose_limit
    assert all(line.letter_spacing >= -tune.retry_squeeze - 1e-9 for line in lines)
    assert not linebreak.tracking_jump(lines, tune)
