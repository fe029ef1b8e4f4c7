"""Failure kinds from held-out round 32 (pages and documents made into books: a Jekyll post, an
annals entry, a web novel episode, an X thread, a Wikisource poem), each on a small made-up input
shaped like the real ones."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import CodeBlock, Document, Figure, Quote
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
    assert gone["{% include share.html %}"] == gone["{{< youtube abc123 >}}"] == "markdown.template"


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
