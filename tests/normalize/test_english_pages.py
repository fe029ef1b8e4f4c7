"""English pages of Korean outlets (The Korea Herald, Yonhap's English service …): the language
is read from the text, and English bylines, dates, chrome and lists are known by their kind. The
inputs are made up, shaped like the outlets' pages; ``ho9-english`` is the Korea JoongAng Daily's."""

from __future__ import annotations

from bookmaker.ir import Source
from bookmaker.normalize import normalize
from bookmaker.normalize.english_bylines import parse_english_byline
from bookmaker.normalize.passes.dates import ENGLISH_DATE, _numeric
from bookmaker.normalize.passes.language import detect
from bookmaker.normalize.rules import load_rules
from bookmaker.raw import RawDocument, SourceLine
from tests.normalize.test_real_shapes import BODY, body, norm, removed

HERALD_BODY = [
    "Seoul will add eight night bus routes to its outer districts from next month, the city government"
    " said Wednesday, as more late-shift workers live far from the center.",
    "The new routes will run between midnight and 4 a.m. and connect Gangseo, Nowon and Songpa to"
    " central Seoul, according to the plan.",
    '"Late-shift workers have had to rely on taxis, which many of them cannot afford," a city official said.',
]
HERALD = [
    "The Korea Herald",
    "Subscribe",
    "Sign in",
    "National",
    "Social Affairs",
    "Seoul to expand night bus routes to outer districts",
    "City aims to cut waiting times by four minutes on average",
    "Published : Mar. 12, 2025 - 17:45   Updated : Mar. 12, 2025 - 18:02",
    "By Kim Ji-hoon",
    "Text size",
    "A+",
    "A-",
    *HERALD_BODY,
    "Kim Ji-hoon kjh@heraldcorp.com",
    "Most Viewed",
    "1 Seoul subway fares to rise in June",
    "2 Snow expected across central regions",
    "© The Korea Herald. All rights reserved.",
]

YONHAP_LEAD = (
    "SEOUL, March 12 (Yonhap) -- South Korea's exports rose 7 percent in February from a year earlier"
    " on the back of strong demand for memory chips, government data showed Wednesday."
)
YONHAP = [
    "Yonhap News Agency",
    "Home",
    "All News",
    "Economy",
    "(LEAD) S. Korea's exports rise 7 pct in February on chip demand",
    "Updated : 2025-03-12 17:45",
    "By Lee Soo-jin",
    YONHAP_LEAD,
    "Outbound shipments came to US$52.6 billion last month, compared with $49.2 billion a year earlier.",
    "Chip exports jumped 18 percent to $10.4 billion, marking the fifth consecutive month of growth.",
    "lsj@yna.co.kr",
    "(END)",
    "Related Articles",
    "S. Korea's chip exports hit record high in January",
    "Trade ministry to expand support for exporters",
    "(C) Yonhap News Agency. All Rights Reserved",
]


def _plain(text: str) -> str:
    return text.replace("“", '"').replace("”", '"').replace("’", "'")


def test_a_korea_herald_page() -> None:
    _, doc = norm(*HERALD)
    meta = doc.meta
    assert meta.language == "en"
    assert meta.title == "Seoul to expand night bus routes to outer districts"
    assert meta.subtitles == ["City aims to cut waiting times by four minutes on average"]
    assert meta.date == "2025-03-12T17:45:00+09:00"
    assert [(a.name, a.email) for a in meta.authors] == [("Kim Ji-hoon", "kjh@heraldcorp.com")]
    assert meta.publisher == "The Korea Herald"
    assert _plain(body(doc)).splitlines() == HERALD_BODY
    gone = removed(doc)
    assert gone["Sign in"] == gone["A+"] == gone["Social Affairs"] == "boilerplate.chrome"
    assert gone["1 Seoul subway fares to rise in June"] == "boilerplate.related"


def test_a_yonhap_english_page() -> None:
    _, doc = norm(*YONHAP)
    meta = doc.meta
    assert meta.language == "en"
    assert (meta.series, meta.title) == (["LEAD"], "S. Korea’s exports rise 7 pct in February on chip demand")
    assert meta.dateline == "SEOUL, March 12 (Yonhap) --"
    assert meta.date == "2025-03-12T17:45:00+09:00"
    assert [(a.name, a.email) for a in meta.authors] == [("Lee Soo-jin", "lsj@yna.co.kr")]
    assert meta.publisher == "Yonhap News Agency"  # an e-mail at yna.co.kr: 연합뉴스's English name
    assert meta.rights == "(C) Yonhap News Agency. All Rights Reserved"
    assert _plain(body(doc)).splitlines()[0] == YONHAP_LEAD.split(" -- ", 1)[1]
    assert len(doc.blocks) == 3
    assert removed(doc)["(END)"] == "boilerplate.policy"


def test_english_bylines() -> None:
    rules = load_rules()

    def parse(text: str, bare: bool = False) -> list[tuple[str | None, str | None, str | None]] | None:
        found = parse_english_byline(rules, text, bare=bare)
        return None if found is None else [(a.name, a.role, a.email) for a in found]

    assert parse("BY LEE SOO-JIN [lee.soojin@joongang.co.kr]") == [
        ("Lee Soo-jin", None, "lee.soojin@joongang.co.kr")
    ]
    assert parse("By Kim Ji-hoon and Lee Soo-jin") == [
        ("Kim Ji-hoon", None, None),
        ("Lee Soo-jin", None, None),
    ]
    assert parse("Reporter : Choi Min-ho") == [("Choi Min-ho", None, None)]
    assert parse("By John Power, Staff Reporter") == [("John Power", "Staff Reporter", None)]
    assert parse("By Kim Ji-hoon, The Korea Herald") == [("Kim Ji-hoon", None, None)]
    # a name alone is a byline only where the caller expects one, and only a Korean name
    assert parse("Park Eun-jee") is None
    assert parse("Park Eun-jee", bare=True) == [("Park Eun-jee", None, None)]
    assert parse("Samsung Electronics", bare=True) is None
    # sentences are not bylines
    assert parse("By contrast, prices rose 2 percent.") is None
    assert parse("By 2030, Seoul will add 20 routes.") is None


def test_english_dates_read_as_numbers() -> None:
    cases = {
        "Published: 12 Mar. 2025, 17:45": "Published: 2025.03.12 17:45",
        "Published : Mar. 12, 2025 - 17:45": "Published : 2025.03.12 17:45",
        "Posted on March 12, 2025 at 5:45 p.m.": "Posted on 2025.03.12 PM 5:45",
        "Updated : 2025-03-12 17:45": "Updated : 2025-03-12 17:45",
        "The Mayor 12 2025 plan": "The Mayor 12 2025 plan",
    }
    assert {text: ENGLISH_DATE.sub(_numeric, text) for text in cases} == cases


def test_the_language_comes_from_the_letters() -> None:
    assert detect(HERALD_BODY) == "en"
    assert detect(BODY) == "ko"
    # a Korean article full of English terms stays Korean
    mixed = "삼성전자는 HBM3E 12H 제품을 NVIDIA에 공급한다고 밝혔다. AI data center 수요가 늘었다."
    assert detect([mixed] * 3) == "ko"
    assert detect(["AI", "HBM"]) is None  # too little to tell: the default (Korean) holds
    _, doc = norm("시, 버스 노선 12개→8개로 줄인다", *BODY)
    assert doc.meta.language == "ko"


def test_a_page_declared_korean_with_english_text_is_english_and_says_so() -> None:
    lines = [SourceLine(t, i) for i, t in enumerate(["Seoul to expand night bus routes", *HERALD_BODY], 1)]
    raw = RawDocument(lines, Source(format="html"), hints={"language": "ko", "authors": ["By Kim Ji-hoon"]})
    doc = normalize(raw)
    assert doc.meta.language == "en"
    assert any("English" in w for w in raw.warnings)
    assert [a.name for a in doc.meta.authors] == ["Kim Ji-hoon"]  # the markup's "By …" read as a byline
    raw = RawDocument(lines, Source(format="html"), hints={"language": "fr"})
    assert normalize(raw).meta.language == "fr"  # any other declared language stands
