"""Failure kinds from held-out round 25 (documents: an Obsidian chapter, a notice saved from a word
processor with a box-drawn table, a poem submission), each on a small made-up input shaped like the
real ones."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import CodeBlock, Document, Figure, Heading, LineBreak, Paragraph, Quote, Table
from bookmaker.normalize import normalize
from bookmaker.raw import RawDocument
from bookmaker.readers import read
from tests.normalize.test_real_shapes import body, norm, removed


def _file(tmp_path: Path, name: str, text: str) -> Document:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    raw = read(path)
    assert isinstance(raw, RawDocument)
    return normalize(raw)


# --- Obsidian's Markdown ---------------------------------------------------------------------------

NOTE = """---
title: 기록의 습관
---

%% 교정 때 지울 것 %%

[[2장 읽기|앞 장]]에서 본 것처럼 [[습관 쌓기]]는 작게 시작한다. `[[코드 속 링크]]`는 그대로 둔다.

%% 여러 줄에 걸친
메모 %%

> [!tip] 해보기
> 오늘 밤 한 문장만 적어 보자.

> [!note]
> 제목 없는 알림.

![[loop.png|400]]

```
%% 코드 속 주석은 그대로 %%
```

## Backlinks
- [[2장 읽기]]
- [[목차]]
"""


def test_obsidian_comments_wiki_links_callouts_embeds_and_backlinks(tmp_path: Path) -> None:
    doc = _file(tmp_path, "note.md", NOTE)
    text = body(doc)
    assert "앞 장에서 본 것처럼 습관 쌓기는 작게 시작한다." in text  # a wiki link is its shown text
    assert "[[코드 속 링크]]" in text  # code is left as it is
    assert "교정 때" not in text and "여러 줄에 걸친" not in text and "메모" not in text
    gone = removed(doc)
    assert gone["%% 교정 때 지울 것 %%"] == gone["메모 %%"] == "markdown.comment"
    quotes = [b for b in doc.blocks if isinstance(b, Quote)]
    assert [q.text.split("\n")[0] for q in quotes] == ["해보기", "Note"]  # the marker goes, the title stays
    assert "[!" not in text
    figures = [b for b in doc.blocks if isinstance(b, Figure)]
    assert [f.src for f in figures] == ["loop.png"]
    code = next(b for b in doc.blocks if isinstance(b, CodeBlock))
    assert "%% 코드 속 주석은 그대로 %%" in code.text
    assert gone["## Backlinks"] == gone["- [[목차]]"] == "markdown.backlinks"
    assert not any(isinstance(b, Heading) and b.text == "Backlinks" for b in doc.blocks)


def test_a_backlinks_heading_over_prose_stays(tmp_path: Path) -> None:
    doc = _file(
        tmp_path,
        "note.md",
        "# 제목\n\n본문이다.\n\n## 백링크\n\n백링크는 다른 노트에서 이 노트로 오는 링크다.\n",
    )
    assert any(isinstance(b, Heading) and b.text == "백링크" for b in doc.blocks)


# --- a table drawn with box characters --------------------------------------------------------------

BOXED = [
    "□ 프로그램별 운영 시간",
    "┌──────────┬──────────┬──────┐",
    "│ 프로그램 │ 장소     │ 정원 │",
    "├──────────┼──────────┼──────┤",
    "│ 건강 요가│ 3층 강당 │ 25명 │",
    "│ 생활 영어│ 2층 강의실│ 15명 │",
    "└──────────┴──────────┴──────┘",
    "※ 수강료는 별도입니다.",
]


def test_box_drawn_table_is_a_table(tmp_path: Path) -> None:
    doc = _file(tmp_path, "notice.txt", "\n".join(BOXED) + "\n")
    table = next(b for b in doc.blocks if isinstance(b, Table))
    assert len(table.head) == 1 and len(table.body) == 2
    assert [c.content[0].text for c in table.body[1].cells] == ["생활 영어", "2층 강의실", "15명"]
    assert table.lines == [2, 7]
    assert "│" not in body(doc) and "┌" not in body(doc)


def test_box_table_ruled_between_rows_joins_wrapped_cells(tmp_path: Path) -> None:
    rows = [
        "┌────────┬──────────┐",
        "│ 구분   │ 내용     │",
        "├────────┼──────────┤",
        "│ 신청   │ 방문 접수│",
        "│        │ (선착순) │",
        "├────────┼──────────┤",
        "│ 문의   │ 주민자치 │",
        "└────────┴──────────┘",
    ]
    doc = _file(tmp_path, "notice.txt", "\n".join(rows) + "\n")
    table = next(b for b in doc.blocks if isinstance(b, Table))
    assert len(table.head) == 1 and len(table.body) == 2
    assert table.body[0].cells[1].content[0].text == "방문 접수 (선착순)"


def test_outline_marks_are_never_a_wrapped_lines_rest() -> None:
    long = "○ 모집 기간: 2026. 12. 14.(월) ~ 12. 24.(목) 09:00~18:00 행정복지센터 2층 주민자치 사무실"
    _, doc = norm(
        "2027년 상반기 주민자치 프로그램 수강생 모집 안내",
        "□ 모집 개요",
        long,
        "○ 교육 기간: 2027. 1. 5.(화) ~ 6. 26.(금), 6개월 동안 주 2회 운영합니다 수강료 별도",
        "○ 신청 방법: 방문 접수",
    )
    assert sum(b.text.startswith("○") for b in doc.blocks) == 3


def test_a_dashed_page_number_closing_a_one_page_text_goes() -> None:
    _, doc = norm("가람시 공고", "주민 여러분의 많은 참여 바랍니다.", "가람시 은빛동장", "- 1 -")
    assert removed(doc)["- 1 -"] == "pages.number"
    _, doc = norm("가람시 공고", "- 1 -", "주민 여러분의 많은 참여 바랍니다.")
    assert "- 1 -" not in removed(doc)  # not the last line: no page's foot


# --- verse -------------------------------------------------------------------------------------------

POEMS = """제12회 가람문학상 시 부문 응모작

밤의 부엌 외 1편

응모자: 한여름

1. 밤의 부엌

어머니는 불을 끄지 않고
냄비 뚜껑을 조금 열어 두었다

나는 그 틈으로 새어 나오는
김을 오래 보았다

2. 겨울 정류장

버스는 오지 않고
전광판의 숫자만
한 칸씩 내려앉는다
"""


def test_stanzas_keep_their_line_breaks_under_numbered_titles(tmp_path: Path) -> None:
    doc = _file(tmp_path, "poems.txt", POEMS)
    stanzas = [b for b in doc.blocks if isinstance(b, Paragraph)]
    assert [s.text for s in stanzas] == [
        "어머니는 불을 끄지 않고\n냄비 뚜껑을 조금 열어 두었다",
        "나는 그 틈으로 새어 나오는\n김을 오래 보았다",
        "버스는 오지 않고\n전광판의 숫자만\n한 칸씩 내려앉는다",
    ]
    assert any(isinstance(r, LineBreak) for r in stanzas[0].content)
    assert {s.role for s in stanzas} == {"verse"}  # set unindented, a blank line's space around each
    assert [b.text for b in doc.blocks if isinstance(b, Heading)] == ["1. 밤의 부엌", "2. 겨울 정류장"]


def test_short_prose_lines_are_no_verse(tmp_path: Path) -> None:
    prose = "안내\n\n회의는 3시에 합니다.\n장소는 2층입니다.\n\n자료를 챙기세요.\n늦지 마세요.\n\n"
    prose += "문의는 총무과로.\n감사합니다.\n"
    doc = _file(tmp_path, "memo.txt", prose)
    assert not any(isinstance(r, LineBreak) for b in doc.blocks for r in getattr(b, "content", []))
    assert not any(isinstance(b, Paragraph) and b.role == "verse" for b in doc.blocks)


# --- a video transcript pasted with its page ----------------------------------------------------------


def _transcript(*lines: str) -> Document:
    return norm(*lines)[1]


PAGE = [
    "별빛 아래 도시 산책 | 밤 이야기 | 별보는과학자 EP.3",
    "별보는과학자",
    "구독자 8.7만명",
    "1.2천  공유  저장  ...",
    "조회수 3,512회  2026. 11. 20.",
    "오늘은 밤 산책 이야기입니다. 링크는 고정 댓글에.",
    "...더보기",
    "스크립트",
    "0:00",
    "도입",
    "0:00",
    "안녕하세요, 오늘은 도시의",
    "0:03",
    "밤길을 함께 걸어 보겠습니다.",
    "0:06",
    "[음악]",
    "1:10",
    "걷기 좋은 길",
    "1:10",
    "강변 산책로는 가로등이",
    "1:13",
    "낮게 달려 있습니다.",
    "댓글 21개",
    "별헤는밤 2주 전",
    "좋은 영상 감사합니다",
    "좋아요 3",
    "답글",
    "다음 동영상",
]


def test_transcript_times_chapters_and_captions() -> None:
    doc = _transcript(*PAGE)
    assert [type(b).__name__ for b in doc.blocks] == ["Heading", "Paragraph", "Heading", "Paragraph"]
    assert doc.blocks[1].text == "안녕하세요, 오늘은 도시의 밤길을 함께 걸어 보겠습니다."
    assert doc.blocks[3].text == "강변 산책로는 가로등이 낮게 달려 있습니다."
    gone = removed(doc)
    assert gone["0:03"] == "transcript.timestamp"
    assert gone["[음악]"] == "transcript.sound"
    assert gone["스크립트"] == "transcript.chrome"
    assert gone["...더보기"] == "transcript.description"
    assert gone["좋은 영상 감사합니다"] == "boilerplate.comments"  # "댓글 21개" … "답글"
    assert gone["다음 동영상"] == gone["1.2천  공유  저장  ..."] == "boilerplate.chrome"
    assert doc.meta.date == "2026-11-20" and "회" not in [b.text for b in doc.blocks]
    assert doc.meta.publisher == "별보는과학자"
    assert doc.meta.title == "별빛 아래 도시 산책"
    assert doc.meta.subtitles == ["밤 이야기"] and doc.meta.series == ["별보는과학자 EP.3"]


def test_a_view_count_with_its_unit_leaves_nothing_behind() -> None:
    _, doc = norm(
        "밤 산책", "조회수 34,512회 2026. 11. 20. 장소: 강변", "강변 산책로는 가로등이 낮게 달려 있습니다."
    )
    assert removed(doc)["조회수 34,512회"] == "dates.views"


def test_a_few_times_in_prose_are_no_transcript() -> None:
    doc = _transcript("회의 일정", "10:00", "개회", "11:30", "폐회", "12:00", "점심")
    assert "transcript.timestamp" not in removed(doc).values()


# --- a sermon page --------------------------------------------------------------------------------


def test_sermon_page_menu_bar_preacher_and_verses() -> None:
    _, doc = norm(
        "교회소개  예배안내  말씀과 찬양  교회학교",
        "감사의 자리로 돌아가라",
        "본문: 누가복음 17장 11~19절",
        "설교: 김은호 목사",
        "[본문 말씀]",
        "11 예수께서 예루살렘으로 가실 때에 사마리아와 갈릴리 사이로 지나가시다가",
        "12 한 마을에 들어가시니 나병환자 열 명이 예수를 만나 멀리 서서",
        "13 소리를 높여 이르되 예수 선생님이여 우리를 불쌍히 여기소서 하거늘",
        "",
        "사랑하는 성도 여러분, 한 해의 끝자락에 서 있습니다. 감사할 일이 참 많습니다.",
    )
    assert doc.meta.title == "감사의 자리로 돌아가라"
    assert removed(doc)["교회소개  예배안내  말씀과 찬양  교회학교"] == "boilerplate.chrome"
    assert [(a.name, a.role) for a in doc.meta.authors] == [("김은호", "목사")]
    assert doc.meta.subtitles == ["본문: 누가복음 17장 11~19절"]  # the label below is no deck
    verses = [b.text for b in doc.blocks if b.text[:2] in ("11", "12", "13")]
    assert len(verses) == 3  # one line each, never joined as wrapped lines
    assert not any(isinstance(b, Heading) and b.text.startswith("13") for b in doc.blocks)


def test_spaced_words_with_brackets_or_digits_are_no_menu() -> None:
    _, doc = norm(
        "판결",
        "상고를 기각한다. 상고비용은 피고가 부담한다.",
        "대법관   노민재(재판장)   김선영   이도윤(주심)",
        "(   )학년 (   )반 (   )번  이름: (          )",
    )
    assert "boilerplate.chrome" not in removed(doc).values()
