"""Failure kinds from held-out round 32 (pages and documents made into books: a Jekyll post, an
annals entry, a web novel episode, an X thread, a Wikisource poem), each on a small made-up input
shaped like the real ones."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import CodeBlock, Document, Figure, Footnote, ListBlock, Quote
from bookmaker.normalize import normalize
from bookmaker.raw import RawDocument
from bookmaker.readers import read
from tests.normalize.test_real_shapes import body, norm, removed


def _read(tmp_path: Path, name: str, text: str) -> Document:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    raw = read(path)
    assert isinstance(raw, RawDocument)
    return normalize(raw)


# --- a static-site generator's markup in a Markdown post -------------------------------------------

POST = """---
title: 사진 정리하는 법
---

* TOC
{:toc}

첫 문단입니다. 사진은 날짜별로 모은다.

{% include figure image_path="/img/a.png" alt="폴더 예시" caption="날짜별 폴더" %}

> 인용한 문장이다.
{: .notice--info}

## 스크립트 {#script}

{% highlight python linenos %}
print("안녕")
{% endhighlight %}

{{< highlight go >}}
fmt.Println("hi")
{{< /highlight >}}

{{< figure src="/img/b.png" caption="두 번째 그림" >}}

마지막 문단입니다.

{% include share.html %}
{{< youtube abc123 >}}
"""


def test_liquid_and_kramdown_markup_is_read_as_what_it_stands_for(tmp_path: Path) -> None:
    doc = _read(tmp_path, "post.md", POST)
    text = body(doc)
    assert "{%" not in text and "{{<" not in text and "{:" not in text and "TOC" not in text
    figures = [b for b in doc.blocks if isinstance(b, Figure)]
    assert [plain_caption(f) for f in figures] == ["날짜별 폴더", "두 번째 그림"]
    codes = [b for b in doc.blocks if isinstance(b, CodeBlock)]
    assert [c.text for c in codes] == ['print("안녕")', 'fmt.Println("hi")']
    assert [c.language for c in codes] == ["python", "go"]
    quote = next(b for b in doc.blocks if isinstance(b, Quote))
    assert quote.text == "인용한 문장이다."
    assert any(b.text == "스크립트" for b in doc.blocks)
    gone = removed(doc)
    assert gone["{:toc}"] == gone["* TOC"] == "markdown.toc"
    assert gone["{: .notice--info}"] == "markdown.attributes"
    assert gone["{#script}"] == "markdown.attributes"
    assert gone["{% include share.html %}"] == "markdown.template"
    # an embedded video is a link to it (round 58: never lost silently), not a removed tag
    assert "{{< youtube abc123 >}}" not in gone
    assert "YouTube: https://www.youtube.com/watch?v=abc123" in text


def test_template_tags_inside_fenced_code_stay(tmp_path: Path) -> None:
    doc = _read(
        tmp_path,
        "post.md",
        "# 글\n\n코드를 그대로 보여 준다.\n\n```liquid\n{% include share.html %}\n{: .x}\n```\n",
    )
    code = next(b for b in doc.blocks if isinstance(b, CodeBlock))
    assert code.text == "{% include share.html %}\n{: .x}"
    assert not doc.removed


def test_a_brace_in_ordinary_text_is_no_attribute_list(tmp_path: Path) -> None:
    doc = _read(tmp_path, "note.md", "# 글\n\n집합 {1, 2}를 본다.\n\n함수 f(x) {: 가 아니다\n")
    assert "집합 {1, 2}를 본다." in body(doc)
    assert not doc.removed


def plain_caption(figure: Figure) -> str:
    return "".join(getattr(run, "value", "") for run in figure.caption)


# --- a web novel's episode page scraped as text ----------------------------------------------------

EPISODE = [
    "노벨랜드",
    "홈 | 무료연재 | 유료연재 | 로그인",
    "바다로 가는 서점",
    "윤슬",
    "선호작 1,204 | 추천 880 | 글자수 120,311",
    "",
    "12화. 등대지기의 편지",
    "2026.11.30 21:00 조회 1,532 추천 77 글자 4,210",
    "",
    "그날 아침 바다는 잔잔했다. 서점 문을 열자 소금기 섞인 바람이 들어왔다.",
    "",
    "* * *",
    "",
    "“편지가 왔어요.” 소년이 말했다. 봉투에는 낯선 등대의 이름이 적혀 있었다.",
    "",
    "< 11화. 첫 손님 | 목록 | 13화. 안개 >",
    "다음화 보기",
    "추천 77 | 신고",
    "",
    "댓글 12",
    "등록순 | 최신순",
    "파도소리 2026.11.30 21:05",
    "오늘도 잘 읽었습니다",
    "답글 0 | 추천 5",
    "",
    "(주)노벨랜드 | 대표 김하늘 | 사업자등록번호 123-45-67890",
]


def test_an_episode_page_gives_the_episode_title_the_work_and_the_writer(tmp_path: Path) -> None:
    doc = _read(tmp_path, "episode.txt", "\n".join(EPISODE))
    assert doc.meta.title == "12화. 등대지기의 편지"
    assert doc.meta.series == ["바다로 가는 서점"]
    assert [a.name for a in doc.meta.authors] == ["윤슬"]
    assert doc.meta.date == "2026-11-30T21:00:00+09:00"
    gone = removed(doc)
    assert gone["추천 77 글자 4,210"] == "dates.views"
    assert gone["선호작 1,204 | 추천 880 | 글자수 120,311"] == "boilerplate.chrome"
    assert gone["< 11화. 첫 손님 | 목록 | 13화. 안개 >"] == gone["다음화 보기"] == "boilerplate.chrome"
    assert gone["추천 77 | 신고"] == "boilerplate.chrome"
    assert gone["오늘도 잘 읽었습니다"] == gone["답글 0 | 추천 5"] == "boilerplate.comments"
    assert gone["(주)노벨랜드 | 대표 김하늘 | 사업자등록번호 123-45-67890"] == "boilerplate.board"
    kinds = [type(b).__name__ for b in doc.blocks]
    assert kinds == ["Paragraph", "ThematicBreak", "Paragraph"]


def test_a_numbered_line_without_a_date_under_it_is_no_episode_title() -> None:
    _, doc = norm(
        "바다로 가는 서점",
        "윤슬",
        "",
        "3화 등대지기의 편지",
        "",
        "처음 이 이야기를 쓰기 시작한 것은 작년 겨울이었다.",
    )
    assert doc.meta.series == []
    assert doc.meta.title != "3화 등대지기의 편지"


def test_scene_breaks_are_thematic_breaks_and_other_star_lines_are_not(tmp_path: Path) -> None:
    lines = (
        "밤의 정류장",
        "",
        "버스는 오지 않았다. 나는 오래 기다렸다.",
        "",
        "***",
        "",
        "아침이 되자 첫차가 왔다. 나는 그 차에 올랐다.",
        "",
        "⁂",
        "",
        "그 뒤로 그 정류장에 다시 가지 않았다.",
        "",
        "* 이 글은 실화를 바탕으로 했다.",
    )
    doc = _read(tmp_path, "story.txt", "\n".join(lines))
    kinds = [type(b).__name__ for b in doc.blocks]
    assert kinds.count("ThematicBreak") == 2
    assert "이 글은 실화를 바탕으로 했다." in body(doc)


# --- an annals entry copied from its database --------------------------------------------------------

ANNALS = [
    "태종실록 1권, 태종 1년 1월 15일 갑술 1번째기사 1401년 명 건문(建文) 3년",
    "",
    "신문고를 설치하다",
    "",
    "처음으로 신문고(申聞鼓)[註 001]를 설치하였다. 백성이 억울한 일을 아뢸 곳이 없으면 북을 치게 하였다.",
    "",
    "【태백산사고본】 1책 1권 5장 A면【국편영인본】 1책 190면",
    "【분류】 사법-탄핵(彈劾)",
    "",
    "[註 001] 신문고(申聞鼓) : 대궐 문루에 달아 둔 북.",
    "",
    "원문",
    "",
    "始置申聞鼓。",
    "",
    "같은 날 기사",
    "태종 1년 1월 15일 갑술 1번째기사 / 신문고를 설치하다",
    "태종 1년 1월 15일 갑술 2번째기사 / 사헌부에서 상소하다",
]


def test_an_annals_entry_keeps_its_citation_as_deck_its_parts_notes_and_source_lines() -> None:
    _, doc = norm(*ANNALS)
    assert doc.meta.title == "신문고를 설치하다"
    assert doc.meta.subtitles == [ANNALS[0]]
    kinds = [(type(b).__name__, b.text.split()[0]) for b in doc.blocks]
    assert ("Heading", "원문") in kinds
    assert ("Paragraph", "【분류】") in kinds and ("Paragraph", "【태백산사고본】") in kinds
    assert ("Footnote", "신문고(申聞鼓)") in kinds
    assert "[註 001]" not in body(doc)
    gone = removed(doc)
    assert gone["같은 날 기사"] == gone[ANNALS[-1]] == "annals.same-day"


def test_a_classics_note_without_its_marker_in_the_text_stays_a_line() -> None:
    _, doc = norm(
        "서문을 읽다",
        "",
        "이 글은 서문을 처음부터 끝까지 소리 내어 읽은 기록이다. 낯선 말이 많았다.",
        "",
        "[주-D001] 서문(序文) : 책의 첫머리에 쓰는 글.",
        "",
        "읽고 나니 처음의 낯섦이 조금 가셨다.",
    )
    assert not any(isinstance(b, Footnote) for b in doc.blocks)


def test_one_word_원문_elsewhere_is_still_a_pages_button() -> None:
    _, doc = norm(
        "도서관 이용 안내가 바뀝니다",
        "원문",
        "",
        "다음 달부터 도서관 열람실은 밤 10시까지 문을 엽니다. 이용하실 때 참고하시기 바랍니다.",
    )
    assert removed(doc).get("원문") == "boilerplate.chrome"


# --- a Wikisource page of a work ---------------------------------------------------------------------

WORK_PAGE = """<!DOCTYPE html><html lang="ko">
<head><title>봄비 (김가람) - 위키문헌, 우리 모두의 도서관</title></head>
<body><h1 id="firstHeading"><span class="mw-page-title-main">봄비 (김가람)</span></h1>
<div id="mw-content-text"><div class="mw-parser-output">
<table id="headertemplate" class="headertemplate"><tbody><tr>
<td class="header_backlink"><a href="/wiki/%EB%AA%A9%EC%B0%A8">← 목차</a></td>
<td class="header_title"><b>봄비</b><br>
저자: <a href="/wiki/%EC%A0%80%EC%9E%90:%EA%B9%80%EA%B0%80%EB%9E%8C">김가람</a></td>
<td class="header_forelink"><a href="/wiki/%EB%B4%84%EB%B0%A4">봄밤 →</a></td></tr>
<tr><td colspan="3" class="header_notes">1930년에 쓴 시. 유고 시집의 첫머리에 실렸다.</td></tr>
</tbody></table>
<div class="poem"><p>봄비가 내린다<br>
마른 가지 끝에<br>
작은 잎이 돋고<br>
나는 창을 연다<br>
<br>
빗소리가 오래 머문다
</p></div>
<p style="text-align:right">(1930. 4. 2.)</p>
<div class="licenseContainer licenseBanner"><p><img alt="PD-icon" src="pd.png"></p>
<p>이 저작물은 저자가 사망한 지 70년이 넘었으므로 퍼블릭 도메인입니다.</p></div>
</div></div></body></html>
"""


def test_a_wikisource_work_page_gives_title_author_stanzas_and_dating(tmp_path: Path) -> None:
    doc = _read(tmp_path, "work.html", WORK_PAGE)
    assert doc.meta.title == "봄비"
    assert [a.name for a in doc.meta.authors] == ["김가람"]
    assert doc.meta.date == "1930-04-02"
    text = body(doc)
    assert "봄비가 내린다\n마른 가지 끝에\n작은 잎이 돋고\n나는 창을 연다" in text
    assert "← 목차" not in text and "봄밤 →" not in text and "퍼블릭 도메인" not in text
    roles = [getattr(b, "role", None) for b in doc.blocks]
    assert roles[0] == "editor-note" and roles[-1] == "signature"
    gone = removed(doc)
    assert gone["(김가람)"] == "title.author-suffix"
    assert gone["봄비 저자: 김가람"] == "html.work-header"
    assert gone["PD-icon"] == "html.license"


def test_a_title_keeps_a_parenthesis_that_names_no_hinted_author(tmp_path: Path) -> None:
    page = WORK_PAGE.replace("봄비 (김가람)", "봄비 (1930)")
    doc = _read(tmp_path, "work.html", page)
    assert doc.meta.title == "봄비 (1930)"


def test_a_short_br_paragraph_of_four_lines_is_one_stanza_with_no_headings(tmp_path: Path) -> None:
    page = (
        "<html lang='ko'><body><article><h1>겨울 편지</h1>"
        "<p>편지를 쓰는 일은 오래 미뤄 둔 숙제 같았다. 그래도 오늘은 써 보기로 했다.</p>"
        "<p>눈이 온다<br>너의 창에도<br>나의 창에도<br>같은 눈이 온다</p>"
        "<p>그렇게 적고 나서 한참을 창밖만 보았다. 편지는 끝내 부치지 못했다.</p>"
        "</article></body></html>"
    )
    doc = _read(tmp_path, "letter.html", page)
    assert [type(b).__name__ for b in doc.blocks] == ["Paragraph"] * 3
    assert "눈이 온다\n너의 창에도\n나의 창에도\n같은 눈이 온다" in body(doc)


def test_a_date_in_parentheses_under_an_essay_signs_it() -> None:
    _, doc = norm(
        "골목 끝 연탄가게의 마지막 겨울",
        "",
        "골목 끝 연탄가게는 올해도 문을 열었다. 가게 앞에는 벌써 까만 탑이 쌓였다.",
        "",
        "주인은 올겨울이 마지막이라고 했다. 나는 대답 대신 연탄 두 장을 샀다.",
        "",
        "(2026. 11. 30.)",
    )
    assert doc.blocks[-1].role == "signature"
    assert doc.meta.date == "2026-11-30"


def test_a_date_in_parentheses_inside_the_text_is_no_signature() -> None:
    _, doc = norm(
        "골목 끝 연탄가게의 마지막 겨울",
        "",
        "(2026. 11. 30.)",
        "",
        "골목 끝 연탄가게는 올해도 문을 열었다. 가게 앞에는 벌써 까만 탑이 쌓였다.",
        "",
        "주인은 올겨울이 마지막이라고 했다. 나는 대답 대신 연탄 두 장을 샀다.",
    )
    assert all(getattr(b, "role", None) != "signature" for b in doc.blocks)


# --- an X thread copied from the web page ------------------------------------------------------------


def _post(name: str, handle: str, *text: str, counters: tuple[str, ...] = ("3", "12", "40")) -> list[str]:
    return [name, f"@{handle}", "·", "12월 1일", *text, *counters]


THREAD = [
    "게시물",
    "대화",
    "한봄",
    "@hanbom_reads",
    "올해 읽은 책 가운데 오래 남은 세 권을 적어 봅니다. 타래로 이어 갑니다.",
    "오후 8:05 · 2026년 12월 1일",
    "·",
    "3.1만",
    " 조회수",
    "12",
    "답글을 게시하세요",
    "답글",
    *_post(
        "한봄", "hanbom_reads", "1. 첫 번째는 바다를 건너온 편지들을 모은 책입니다. 문장이 짧고 단단합니다."
    ),
    *_post("한봄", "hanbom_reads", "2. 두 번째는 동네 서점의 십 년을 기록한 책입니다. 사진도 좋습니다."),
    "관련성 높은 답글 보기",
    *_post("지나가던 독자", "reader_kim", "두 번째 책 저도 읽었어요!", counters=("1",)),
    "팔로우 추천",
    "이용약관",
    "|",
    "© 2026 X Corp.",
]


def test_an_x_thread_keeps_the_posters_posts_and_drops_the_page() -> None:
    _, doc = norm(*THREAD)
    text = body(doc)
    assert "오래 남은 세 권을 적어 봅니다" in text and "동네 서점의 십 년을" in text
    assert "@hanbom_reads" not in text and "조회수" not in text and "지나가던 독자" not in text
    assert "저도 읽었어요" not in text and "팔로우 추천" not in text and "X Corp" not in text
    assert [a.name for a in doc.meta.authors] == ["한봄"]
    assert doc.meta.date == "2026-12-01T20:05:00+09:00"
    assert doc.meta.publisher == "X"
    assert doc.meta.title == ""
    gone = removed(doc)
    assert gone["두 번째 책 저도 읽었어요!"] == "thread.reply"
    assert gone["3.1만"] == gone["답글을 게시하세요"] == "thread.counter"
    assert gone["팔로우 추천"] == gone["게시물"] == "thread.chrome"
    assert gone["12월 1일"] == "thread.head"
    assert any(isinstance(b, ListBlock) for b in doc.blocks)


def test_posts_embedded_in_an_article_are_no_thread() -> None:
    lines = [
        "배우 김가람, SNS에 근황 공개",
        "",
        "배우 김가람이 1일 자신의 SNS에 짧은 글과 함께 근황을 공개했다. 팬들의 응원이 이어졌다.",
        *_post("김가람", "garam_kim", "오늘도 촬영장에서 하루를 보냈습니다."),
        *_post("김가람", "garam_kim", "다들 감기 조심하세요."),
        *_post("김가람", "garam_kim", "고맙습니다."),
        "김가람은 내년 상반기 새 드라마로 돌아온다.",
    ]
    _, doc = norm(*lines)
    assert not any(r.rule and r.rule.startswith("thread.") for r in doc.removed)
