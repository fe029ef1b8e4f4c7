"""Rule families on single lines, safety cases, and the user rules file."""

from __future__ import annotations

from pathlib import Path

import pytest

from bookmaker.errors import InputError
from bookmaker.ir import Source
from bookmaker.normalize import normalize
from bookmaker.normalize.passes.bylines import parse_byline
from bookmaker.normalize.passes.captions import split_credit
from bookmaker.normalize.passes.clean import nfc
from bookmaker.normalize.passes.dates import DATE_RE, to_iso
from bookmaker.normalize.rules import load_rules
from bookmaker.raw import RawDocument, SourceLine

RULES = load_rules()
BODY = "정부는 이날 새로운 정책을 발표했다. 관계자는 이번 조치가 시장 안정에 도움이 될 것이라고 설명했다."


def raw_of(*lines: str) -> RawDocument:
    return RawDocument([SourceLine(t, i) for i, t in enumerate(lines, 1)], Source(format="text"))


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("권경성 기자 ficciones@hankookilbo.com", [("권경성", "기자", "ficciones@hankookilbo.com")]),
        ("정동현 기자(dhjeong@skyedaily.com)", [("정동현", "기자", "dhjeong@skyedaily.com")]),
        ("이동근기자 foto@etnews.com", [("이동근", "기자", "foto@etnews.com")]),
        ("이종원 선임기자 jongwon@seoul.co.kr", [("이종원", "선임기자", "jongwon@seoul.co.kr")]),
        ("워싱턴/김원철 특파원 wonchul@hani.co.kr", [("김원철", "특파원", "wonchul@hani.co.kr")]),
        ("[이옥진 기자 june12@chosun.com]", [("이옥진", "기자", "june12@chosun.com")]),
        ("<정대웅 기자> photo@ilyoseoul.co.kr", [("정대웅", "기자", "photo@ilyoseoul.co.kr")]),
        ("min22@yna.co.kr", [(None, None, "min22@yna.co.kr")]),
        ("newsdesk@fnnews.com 최지훈 기자", [("최지훈", "기자", "newsdesk@fnnews.com")]),
        ("글 정혜연 월간조선 기자 hychung@chosun.com", [("정혜연", "기자", "hychung@chosun.com")]),
        ("동아닷컴 IT전문 윤서준 기자(tech@itdonga.com)", [("윤서준", "기자", "tech@itdonga.com")]),
        (
            "정덕현 칼럼니스트 thekian1@entermedia.co.kr",
            [("정덕현", "칼럼니스트", "thekian1@entermedia.co.kr")],
        ),
        ("안주영 전문기자", [("안주영", "전문기자", None)]),
        ("광주=이영희 기자", [("이영희", "기자", None)]),
        ("윤서준 인턴기자·강민아 기자", [("윤서준", "인턴기자", None), ("강민아", "기자", None)]),
        ("KBS 뉴스 계현우입니다.", [("계현우", "기자", None)]),
    ],
)
def test_byline_forms(line: str, want: list[tuple[str | None, str | None, str | None]]) -> None:
    got = parse_byline(RULES, line)
    assert got is not None
    assert [(a.name, a.role, a.email) for a in got] == want


@pytest.mark.parametrize(
    "line",
    [
        "현장을 취재한 김철수 기자는 상황이 심각하다고 전했다.",
        "이 사건을 처음 보도한 기자",
        "한국기자협회는 성명을 냈다.",
        "서울 강남구 부장 회의",
        "회의는 오후 3시에 끝났다.",
    ],
)
def test_sentences_are_not_bylines(line: str) -> None:
    assert parse_byline(RULES, line) is None


def test_reporter_names_in_body_stay() -> None:
    doc = normalize(
        raw_of(
            "제목입니다 테스트 기사",
            BODY,
            "이 소식을 전한 박민수 기자는 현장에 있었다고 말했다.",
            "홍길동 기자 hong@hani.co.kr",
        )
    )
    assert [b.text for b in doc.blocks][-1].startswith("이 소식을 전한 박민수 기자는")
    assert [a.name for a in doc.meta.authors] == ["홍길동"]


@pytest.mark.parametrize(
    ("line", "caption", "credit"),
    [
        ("시민들이 걷고 있다. 연합뉴스 |", "시민들이 걷고 있다.", "연합뉴스"),
        ("시민들이 걷고 있다. AFP 연합뉴스", "시민들이 걷고 있다.", "AFP 연합뉴스"),
        ("시민들이 걷고 있다./뉴시스", "시민들이 걷고 있다.", "뉴시스"),
        (
            "시민들이 걷고 있다. 2019.10.3/뉴스1 © News1 홍길동 기자",
            "시민들이 걷고 있다. 2019.10.3",
            "뉴스1 © News1 홍길동 기자",
        ),
        ("이해찬 대표가 말하고 있다. [중앙포토]", "이해찬 대표가 말하고 있다.", "중앙포토"),
        ("불상이 공개됐다. 문화재청 제공", "불상이 공개됐다.", "문화재청 제공"),
        ("공연 장면. [사진=마노엔터테인먼트]", "공연 장면.", "마노엔터테인먼트"),
        ("관저 골프 연습시설 [감사원 제공. 재판매 및 DB 금지]", "관저 골프 연습시설", "감사원 제공"),
        ("한동훈 법무부 장관. 뉴시스", "한동훈 법무부 장관.", "뉴시스"),
        ("공지문./온라인커뮤니티", "공지문.", "온라인커뮤니티"),
    ],
)
def test_caption_credits(line: str, caption: str, credit: str) -> None:
    assert split_credit(RULES, line) == (caption, credit)


@pytest.mark.parametrize("line", [BODY, "그는 연합뉴스와의 통화에서 사실이라고 말했다.", "2024.3.5/6 일정"])
def test_not_captions(line: str) -> None:
    assert split_credit(RULES, line) is None


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2024. 3. 5. 14:07", "2024-03-05T14:07:00+09:00"),
        ("2020.07.13. 오후 5:04", "2020-07-13T17:04:00+09:00"),
        ("2008년 12월 4일 02시 56분", "2008-12-04T02:56:00+09:00"),
        ("2022-01-22 10:00:01", "2022-01-22T10:00:01+09:00"),
        ("2024.05.28 (21:15)", "2024-05-28T21:15:00+09:00"),
        ("2025-12-26", "2025-12-26"),
        ("2020.07.13. 오전 12:10", "2020-07-13T00:10:00+09:00"),
        ("2024-03-05T14:07:00+09:00", "2024-03-05T14:07:00+09:00"),
        ("24.01.15 11:20", "2024-01-15T11:20:00+09:00"),
    ],
)
def test_date_formats(text: str, iso: str) -> None:
    m = DATE_RE.search(text)
    assert m is not None
    assert to_iso(m) == (iso, "T" in iso)


def test_nfc_keeps_compatibility_ideographs() -> None:
    decomposed = "\u1112\u1161\u11ab"  # 한 as conjoining jamo
    assert nfc(decomposed + "\uf95c\U0002f8a6") == "한\uf95c\U0002f8a6"


def test_copyright_line_goes_to_rights_and_removed() -> None:
    doc = normalize(
        raw_of(
            "정부, 새 정책 발표",
            BODY,
            "Copyright ⓒ 서울신문. All rights reserved. 무단 전재-재배포, AI 학습 및 활용 금지",
        )
    )
    assert doc.meta.rights and doc.meta.rights.startswith("Copyright ⓒ 서울신문")
    assert doc.meta.publisher == "서울신문"
    assert [(r.line, r.rule) for r in doc.removed] == [(3, "boilerplate.copyright")]


def test_body_mentioning_copying_is_kept() -> None:
    line = "법원은 그가 기사를 무단 전재하고 재배포해 저작권법 금지 조항을 어겼다며 벌금형을 선고했다."
    doc = normalize(raw_of("정부, 새 정책 발표", BODY, line))
    assert doc.blocks[-1].text == line and not doc.removed


def test_user_rules_file(tmp_path: Path) -> None:
    rules = tmp_path / "my.toml"
    rules.write_text(
        '[boilerplate]\nchrome = ["우리 신문 앱 받기"]\n'
        '[[outlets]]\nname = "가상일보"\ndomains = ["gasang.example"]\n',
        encoding="utf-8",
    )
    raw = raw_of("정부, 새 정책 발표", BODY, "우리 신문 앱 받기", "김가상 기자 kim@gasang.example")
    plain = normalize(raw)
    assert plain.meta.publisher is None and any("앱 받기" in b.text for b in plain.blocks)
    custom = normalize(raw, rules=rules)
    assert custom.meta.publisher == "가상일보"
    assert [(r.line, r.rule) for r in custom.removed] == [(3, "boilerplate.chrome")]


def test_bad_user_rules(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[boilerplate\n", encoding="utf-8")
    with pytest.raises(InputError, match="not valid TOML"):
        normalize(raw_of("x"), rules=bad)
    worse = tmp_path / "worse.toml"
    worse.write_text('[boilerplate]\nchrome = ["(unclosed"]\n', encoding="utf-8")
    with pytest.raises(InputError, match="bad pattern"):
        normalize(raw_of("x"), rules=worse)
    with pytest.raises(InputError, match=r"missing\.toml: no such file"):
        normalize(raw_of("x"), rules=tmp_path / "missing.toml")


def test_near_duplicates_and_first_occurrence() -> None:
    para = "카카오가 올해 3분기 연결 기준 영업이익이 1500억원으로 지난해 같은 기간보다 5% 늘었다고 공시했다."
    near = para.replace("늘었다고", "늘었다며")
    doc = normalize(raw_of("카카오 실적 발표 기사", para, BODY, near))
    assert [r.rule for r in doc.removed] == ["dedupe.near"]
    assert doc.removed[0].duplicate_of == 2 and doc.removed[0].reason == "near-duplicate of line 2"


def test_tip_words_in_sentences_stay() -> None:
    line = "경찰은 시민의 제보 전화를 받고 현장에 출동해 용의자를 붙잡았다고 밝혔다."
    doc = normalize(
        raw_of("정부, 새 정책 발표", BODY, line, "※ 제보는 카카오톡 okjebo 또는 전화 02-398-3655")
    )
    assert doc.blocks[-1].text == line
    assert [(r.line, r.rule) for r in doc.removed] == [(4, "boilerplate.tipline")]


def test_wrapped_text_is_reflowed() -> None:
    doc = normalize(
        raw_of(
            "정부, 새 정책 발표",
            "",
            "첫 문단의 첫 줄이 여기서",
            "끊겼다가 이어집니다.",
            "",
            "둘째 문단입니다.",
        )
    )
    assert [(b.text, b.lines) for b in doc.blocks] == [
        ("첫 문단의 첫 줄이 여기서 끊겼다가 이어집니다.", [3, 4]),
        ("둘째 문단입니다.", [6, 6]),
    ]


def test_example_user_rules_file_loads() -> None:
    example = Path(__file__).resolve().parents[2] / "src/bookmaker/normalize/data/user-rules.example.toml"
    rules = load_rules(example)
    assert rules.outlet_by_domain("news.gasang.example") is not None
    assert "가상포토" in rules.strings("credits", "agencies")
