"""Failure kinds from held-out round 55 (near misses, third round): ordinary stories that quote the
shape of a special document — an X thread's posts, a voice recorder's turns, a diary's dated entries,
a platform post's head, a mailed article's note, a chat export's header, a fact-check's grades. Each
special pass leaves such a quote as printed, and still reads the real document (both tested)."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import Heading, Paragraph
from bookmaker.readers.verse import stanza_runs
from tests.normalize.test_real_shapes import body, norm, read_text_file, removed
from tests.normalize.test_round32_documents import THREAD
from tests.normalize.test_round33_news import LONG
from tests.normalize.test_round39_kinds import TALK, _chat
from tests.normalize.test_round43_kinds import _LETTER, _text_file
from tests.normalize.test_round47_kinds import _METER, _fact_check
from tests.normalize.test_round48_kinds import _ENTRIES, _TURNS, _note
from tests.normalize.test_round49_kinds import _TAIL
from tests.normalize.test_round49_kinds import _post as _platform_post

_TITLE = "구청장 SNS 글 논란…“주민 비하” 비판"
_AFTER = (
    "구청 관계자는 “개인 계정에 올린 사적인 글”이라며 “구정과는 관계가 없다”고 해명했다.",
    "",
    "주민들은 공식 사과를 요구하고 있다.",
    "",
    "이서준 기자 seojun@garamilbo.co.kr",
    "ⓒ 가람일보, 무단전재 및 재배포 금지",
)


def _story(*quoted: str, title: str = _TITLE) -> tuple[str, ...]:
    """A short story: outlet, title, date, byline, a lead and an introducing sentence, the quote."""
    return (
        "가람일보",
        title,
        "입력 2026.12.05 10:20",
        "이서준 기자",
        "",
        "가람구청장이 개인 계정에 올린 글이 주민을 비하했다는 비판을 받고 있다.",
        "",
        "논란이 된 글은 다음과 같다.",
        "",
        *quoted,
        "",
        *_AFTER,
    )


def _head_kept(doc_title: str, authors: list[str], date: str | None, text: str) -> None:
    assert doc_title == _TITLE
    assert authors == ["이서준"]
    assert date == "2026-12-05T10:20:00+09:00"
    assert "주민들은 공식 사과를 요구하고 있다." in text
    assert "논란이 된 글은 다음과 같다." in text


def _paragraphs(doc_blocks: list[object]) -> list[str]:
    return [b.text for b in doc_blocks if isinstance(b, Paragraph)]


# --- an X thread's posts ----------------------------------------------------------------------------

_X_POSTS = (
    *("김가람", "@garam_gu", "· 12월 3일", "민원 넣는 분들 시간 많으신가 봐요", "48", "1,203"),
    "",
    *("김가람", "@garam_gu", "· 12월 3일", "농담입니다 다들 진정하세요", "12", "301"),
    "",
    *("김가람", "@garam_gu", "· 12월 4일", "오해가 있었습니다"),
)


def test_x_posts_quoted_in_a_short_story_are_no_thread() -> None:
    """Before: the story's title, byline, lead and tail went as the thread page's chrome."""
    _, doc = norm(*_story(*_X_POSTS))
    _head_kept(doc.meta.title, [a.name for a in doc.meta.authors], doc.meta.date, body(doc))
    assert doc.meta.publisher == "가람일보"
    texts = _paragraphs(doc.blocks)
    assert texts.count("@garam_gu") == 3 and texts.count("김가람") == 3  # each head as printed, no copy
    assert "농담입니다 다들 진정하세요" in texts and "48" in texts
    assert not any(r.rule and r.rule.startswith("thread.") for r in doc.removed)


def test_a_quoted_posts_head_repeated_is_no_copy_and_its_last_line_no_heading() -> None:
    """A story whose lead runs long (the thread pass never fired): the repeated heads went as copies,
    and the last post's line, left alone between blanks, became a heading."""
    lead = (
        "가람구청장이 개인 X 계정에 민원인을 깎아내리는 듯한 글을 잇달아 올려 논란이 일고 있다."
        " 구청 앞 공사가 늦어지던 때다."
    )
    posts = ("김가람", "@garam_gu", "· 12월 3일")
    _, doc = norm(
        "가람일보",
        _TITLE,
        "이서준 기자",
        "",
        lead,
        "",
        *posts,
        "민원 넣는 분들 시간 많으신가 봐요",
        "",
        *posts,
        "농담입니다 다들 진정하세요",
        "",
        *_AFTER,
    )
    texts = _paragraphs(doc.blocks)
    assert texts.count("· 12월 3일") == 2
    assert "농담입니다 다들 진정하세요" in texts
    assert not any(isinstance(b, Heading) for b in doc.blocks)
    assert not any(r.rule and r.rule.startswith("dedupe.") for r in doc.removed)


def test_a_real_x_thread_is_still_read() -> None:
    _, doc = norm(*THREAD)
    assert [a.name for a in doc.meta.authors] == ["한봄"] and doc.meta.publisher == "X"
    assert removed(doc)["12월 1일"] == "thread.head"


# --- a voice recorder's turns --------------------------------------------------------------------------

_QUOTED_TURNS = (
    *("참석자 1 03:12", "이번 평가는 한결건설이 1등 나오게 맞춰 놓으세요.", ""),
    *("참석자 2 03:20", "기술 점수를 조정하면 될 것 같습니다.", ""),
    *("참석자 1 03:41", "회의록에는 일반 검토라고만 쓰고요.", ""),
    *("참석자 3 03:55", "녹음은 남기지 마세요."),
)


def test_a_recorders_turns_quoted_in_a_story_keep_the_story_after_them() -> None:
    """Before: everything after the last turn — the story's tail, the byline — went as the app's footer."""
    _, doc = norm(*_story(*_QUOTED_TURNS))
    _head_kept(doc.meta.title, [a.name for a in doc.meta.authors], doc.meta.date, body(doc))
    assert doc.meta.authors[0].email == "seojun@garamilbo.co.kr"
    texts = _paragraphs(doc.blocks)
    assert "참석자 1 03:12" in texts and "녹음은 남기지 마세요." in texts  # each line as printed
    assert not any(r.rule and r.rule.startswith("recorder.") for r in doc.removed)


def test_a_real_recorders_note_is_still_read(tmp_path: Path) -> None:
    _, doc = read_text_file(tmp_path, *_note(*_TURNS))
    assert doc.meta.title == "한빛동 주민자치회 11월 회의"
    assert "이서준 00:02 네 시작하겠습니다. 첫 번째 안건부터 보죠." in _paragraphs(doc.blocks)
    assert removed(doc)["텍스트 내보내기"] == "recorder.footer"


# --- a diary's dated entries ---------------------------------------------------------------------------

_QUOTED_ENTRIES = (
    *("1951년 3월 2일 금요일", "아침부터 눈이 내렸다. 어머니 생각이 많이 났다.", ""),
    *("1951년 3월 5일 월요일", "고개를 넘었다. 동무 둘이 다쳤다.", ""),
    *("1951년 3월 9일 금요일", "편지를 썼지만 부칠 곳이 없다."),
)


def test_diary_entries_quoted_in_a_story_are_its_text_not_headings() -> None:
    """Before: the outlet's line was the title (the headline a subtitle), the dated heads headings."""
    _, doc = norm(*_story(*_QUOTED_ENTRIES))
    _head_kept(doc.meta.title, [a.name for a in doc.meta.authors], doc.meta.date, body(doc))
    assert doc.meta.subtitles == []
    assert not any(isinstance(b, Heading) for b in doc.blocks)
    texts = _paragraphs(doc.blocks)
    assert "1951년 3월 5일 월요일" in texts and "고개를 넘었다. 동무 둘이 다쳤다." in texts
    assert "이서준 기자 seojun@garamilbo.co.kr" not in texts  # the byline, not an entry's line


def test_a_real_diary_is_still_read(tmp_path: Path) -> None:
    _, doc = read_text_file(tmp_path, "봄 일기", "", *_ENTRIES)
    assert doc.meta.title == "봄 일기"
    assert next(b.text for b in doc.blocks if isinstance(b, Heading)) == "2026. 3. 2. (월) · 맑음"


# --- a platform post's head ----------------------------------------------------------------------------

_QUOTED_POST = (
    "24평 신혼집, 화이트 우드로 채운 첫 보금자리",
    "#신혼집 #화이트인테리어 #내돈내산",
    "하얀집",
    "2026.09.20",
    "팔로우",
    "좋아요 1,204",
    "스크랩 2,381",
    "댓글 46",
)


def test_a_platform_posts_head_quoted_in_a_story_stays_as_printed() -> None:
    """Before: the post's tag line was the title, the writer an author, the story's head and tail gone."""
    _, doc = norm(*_story(*_QUOTED_POST))
    _head_kept(doc.meta.title, [a.name for a in doc.meta.authors], doc.meta.date, body(doc))
    texts = _paragraphs(doc.blocks)
    assert texts[texts.index("논란이 된 글은 다음과 같다.") + 1 :][: len(_QUOTED_POST)] == list(_QUOTED_POST)
    assert not any(r.rule and r.rule.startswith("post.") for r in doc.removed)


def test_a_real_platform_post_is_still_read() -> None:
    _, doc = norm(*_platform_post(*_TAIL))
    assert doc.meta.title == "24평 구축 아파트, 신혼부부의 수납 중심 리모델링"
    assert [a.name for a in doc.meta.authors] == ["솔솔하우스"]


# --- a mailed article's note, a chat export's header, a fact-check's grades ----------------------------


def test_a_mailed_articles_note_quoted_in_a_story_is_no_webmail_frame() -> None:
    """Before: every line above the note — title, date, byline, lead — went as the webmail's frame."""
    _, doc = norm(*_story("박준호님이 보내신 기사입니다.", "보낸 분의 메시지: 이거 꼭 확인해봐"))
    _head_kept(doc.meta.title, [a.name for a in doc.meta.authors], doc.meta.date, body(doc))
    assert "박준호님이 보내신 기사입니다." in body(doc) and "보낸 분의 메시지: 이거 꼭 확인해봐" in body(doc)


def test_a_real_mailed_article_still_loses_its_frame() -> None:
    _, doc = norm(
        "[디지털타임스] 데이터센터 전력 수요 2배",
        "받은편지함",
        "나에게",
        "박준호님이 보내신 기사입니다.",
        "데이터센터 전력 수요 5년 새 2배",
        "김나래 기자 narae@dt.co.kr",
        "",
        LONG,
    )
    assert doc.meta.title == "데이터센터 전력 수요 5년 새 2배"
    assert removed(doc)["박준호님이 보내신 기사입니다."] == "shared_mail.note"


_EXPORT = (
    "가람건설 현장팀 님과 카카오톡 대화",
    "저장한 날짜 : 2026-11-30 21:14",
    "",
    "--------------- 2026년 11월 3일 화요일 ---------------",
    "[김 소장] [오후 9:12] 내일 타설은 그냥 진행합시다",
    "[박 대리] [오후 9:13] 비 온다는데 괜찮을까요",
    "[김 소장] [오후 9:15] 괜찮아요 일정 밀리면 안 됩니다",
)


def test_a_chat_exports_header_quoted_with_its_messages_keeps_every_line() -> None:
    """Before: the export's header and all messages but the last went, the last one's text a heading."""
    _, doc = norm(*_story(*_EXPORT))
    _head_kept(doc.meta.title, [a.name for a in doc.meta.authors], doc.meta.date, body(doc))
    texts = _paragraphs(doc.blocks)
    assert all(line in texts for line in _EXPORT if line)
    assert not any(r.rule and r.rule.startswith("chat.") for r in doc.removed)


def test_a_real_chat_export_is_still_its_transcript() -> None:
    _, doc = norm(*_chat(*TALK))
    assert doc.meta.title == "책갈피 독서모임"


def test_a_fact_checks_grades_quoted_in_a_story_stay() -> None:
    """Before: the five grades a story lists went as a fact-check page's verdict meter."""
    grades = ("사실", "대체로 사실", "절반의 사실", "대체로 사실 아님", "사실 아님")
    _, doc = norm(*_story(*grades))
    texts = _paragraphs(doc.blocks)
    assert texts[texts.index("논란이 된 글은 다음과 같다.") + 1 :][:5] == list(grades)
    assert not any(r.rule == "factcheck.meter" for r in doc.removed)


def test_a_real_fact_checks_meter_still_goes() -> None:
    """The claim box's quoted claim ends a sentence above the meter: it is the page's, no story's."""
    _, doc = norm(*_fact_check(*_METER))
    assert removed(doc)["대체로 사실 아님"] == "factcheck.meter"


_QUOTED_LETTER = (
    "가  람  시",
    "수신  각 읍·면·동장",
    "(경유)",
    "제목  2026 가람 겨울축제 참여 협조 요청",
    "1. 읍·면·동별로 주민 50명 이상이 참여하도록 협조하여 주시기 바랍니다.",
    "가 람 시 장",
    "수신자  각 읍·면·동장",
    "시행  문화관광과-2430 (2026. 11. 24.)",
)


def test_an_official_letter_quoted_in_a_short_story_stays_as_printed() -> None:
    """Before: the story's head and lead went as the letter's slogan, its tail and byline as the
    letter's routing footer; the letter's subject was the title and its enforcement line the date."""
    _, doc = norm(*_story(*_QUOTED_LETTER))
    _head_kept(doc.meta.title, [a.name for a in doc.meta.authors], doc.meta.date, body(doc))
    assert doc.meta.publisher == "가람일보"
    texts = _paragraphs(doc.blocks)
    for line in (
        "가 람 시",
        "수신 각 읍·면·동장",
        "제목 2026 가람 겨울축제 참여 협조 요청",
        "시행 문화관광과-2430 (2026. 11. 24.)",
    ):
        assert line in texts
    assert not any(isinstance(b, Heading) for b in doc.blocks)
    assert not any(
        r.rule and r.rule.startswith(("official_letter.", "boilerplate.chrome")) for r in doc.removed
    )


def test_a_real_official_letter_is_still_read(tmp_path: Path) -> None:
    doc = _text_file(tmp_path, _LETTER)
    assert doc.meta.title == "2027년 군립도서관 겨울 독서교실 참가자 모집 안내"
    assert doc.meta.publisher == "누리군"


# --- site chrome -----------------------------------------------------------------------------------------


def test_the_text_size_tool_named_for_the_article_is_chrome() -> None:
    _, doc = norm(_TITLE, "이서준 기자", "본문 글자 크기 조정", "공유하기", "", LONG)
    assert removed(doc)["본문 글자 크기 조정"] == "boilerplate.chrome"
    assert doc.meta.subtitles == []


# --- verse: a poem quoted in prose, a brief's short runs ------------------------------------------------

_STANZAS = (
    "나 보기가 역겨워",
    "가실 때에는",
    "말없이 고이 보내 드리우리다",
    "",
    "영변에 약산",
    "진달래꽃",
    "아름 따다 가실 길에 뿌리우리다",
)


def _verses(doc_blocks: list[object]) -> list[str]:
    return [b.text for b in doc_blocks if isinstance(b, Paragraph) and b.role == "verse"]


def test_a_poem_quoted_in_a_blog_post_keeps_its_stanzas(tmp_path: Path) -> None:
    """Before: two stanzas under the poem's title and poet in the middle of a post, with three prose
    paragraphs of commentary, were read line by line as prose."""
    _, doc = read_text_file(
        tmp_path,
        "겨울에 읽는 시 한 편 – 김소월 「진달래꽃」",
        "2026. 12. 5. 21:10",
        "",
        "오늘은 오랜만에 소월의 시를 꺼내 읽었다. 겨울 밤에 읽는 봄의 시는 묘하게 따뜻하다.",
        "",
        "진달래꽃",
        "김소월",
        "",
        *_STANZAS,
        "",
        "첫 연의 ‘역겨워’는 요즘 말의 뜻과 다르다. 싫증이 나서 보기 괴롭다는 뜻에 가깝다.",
        "",
        "둘째 연에서 시인은 떠나는 사람의 길에 꽃을 뿌리겠다고 한다. 체념인지 원망인지 읽을 때마다 다르다.",
        "",
        "여러분은 이 시를 어떻게 읽으셨는지 궁금하다. 댓글로 남겨 주시면 좋겠다.",
    )
    assert doc.meta.title == "겨울에 읽는 시 한 편 – 김소월 「진달래꽃」"
    assert _verses(doc.blocks) == ["\n".join(_STANZAS[:3]), "\n".join(_STANZAS[4:])]
    assert "첫 연의 ‘역겨워’는 요즘 말의 뜻과 다르다. 싫증이 나서 보기 괴롭다는 뜻에 가깝다." in _paragraphs(
        doc.blocks
    )


def test_a_quoted_poem_needs_its_title_over_the_poets_name() -> None:
    """Under a sentence, a title over the poet's name opens two stanzas when the text names the poet
    or the poem again; a label over another short line does not (short runs a story lists are prose),
    nor do stanzas under no sentence."""
    sentence = ["가람시가 연말을 맞아 시민회관에서 무료 공연을 연다고 5일 밝혔다. 공연은 모두 여섯 차례다."]
    longer = [[sentence[0] + " 입장은 무료다. 좌석은 선착순이다. 주차장은 없다."]]
    stanzas = [["나 보기가 역겨워", "가실 때에는"], ["영변에 약산", "진달래꽃"]]
    assert stanza_runs([sentence, ["진달래꽃", "김소월"], *stanzas, *longer]) == {2, 3}
    assert stanza_runs([sentence, ["진달래꽃"], ["김소월"], *stanzas, *longer]) == {3, 4}
    assert stanza_runs([sentence, ["공연 안내", "시민회관 1층"], *stanzas, *longer]) is None
    assert stanza_runs([sentence, ["공연 안내", "문의처"], *stanzas, *longer]) is None  # named nowhere else
    other = [["겨울 밤", "눈이 내리고"], ["불을 끄고", "너를 본다"]]
    assert stanza_runs([sentence, ["겨울밤", "김소월"], *other, *longer]) is None
    assert stanza_runs(
        [sentence, ["겨울밤", "김소월"], *other, ["김소월의 시는 짧다. 그래서 오래 남는다."]]
    ) == {2, 3}
    assert stanza_runs([["공연 안내"], ["진달래꽃", "김소월"], *stanzas, *longer]) is None


def test_a_poem_opening_with_its_title_and_poet_is_still_a_poem(tmp_path: Path) -> None:
    """Before: the title's word said again in the last stanza (``진달래꽃``) made the first line a site's
    name coming back at its foot: the title went as an outlet, with the stanza's line."""
    _, doc = read_text_file(tmp_path, "진달래꽃", "김소월", "", *_STANZAS)
    assert doc.meta.title == "진달래꽃"
    assert [a.name for a in doc.meta.authors] == ["김소월"]
    assert _verses(doc.blocks) == ["\n".join(_STANZAS[:3]), "\n".join(_STANZAS[4:])]
    assert not any(r.rule == "boilerplate.outlet" for r in doc.removed)


def test_a_briefs_head_and_quoted_turns_are_no_stanzas(tmp_path: Path) -> None:
    """Before: a short story's head run (outlet, title, time stamp, byline) and its quoted recorder
    turns were a poem's stanzas: the title came again in the body as a verse."""
    _, doc = read_text_file(tmp_path, *_story(*_QUOTED_TURNS))
    assert _verses(doc.blocks) == []
    assert _TITLE not in _paragraphs(doc.blocks)
    assert "참석자 1 03:12" in body(doc)


# --- a text without blank lines ---------------------------------------------------------------------------


def test_a_quoted_blocks_last_short_line_is_no_heading_without_blank_lines() -> None:
    """Before: in a text without blank lines, a quoted post's date under its text became a heading."""
    _, doc = norm(
        "가람일보",
        _TITLE,
        "이서준 기자",
        "가람구청장이 개인 X 계정에 올린 글이 주민을 비하했다는 비판을 받고 있다.",
        "논란이 된 게시물은 다음과 같다.",
        "김가람 @garam_gu",
        "민원 넣는 분들 시간 많으신가 봐요",
        "· 12월 3일",
        "구청 관계자는 “개인 계정의 글”이라며 “구청의 공식 입장과는 무관하다”고 밝혔다.",
    )
    assert not any(isinstance(b, Heading) for b in doc.blocks)
    assert "· 12월 3일" in _paragraphs(doc.blocks)


def test_a_subhead_under_a_paragraphs_last_sentence_is_still_a_heading_without_blank_lines() -> None:
    _, doc = norm(
        "가람시 겨울축제 개막",
        "이서준 기자",
        "가람시 겨울축제가 5일 개막했다. 축제는 31일까지 이어진다.",
        "얼음 조각 전시",
        "올해는 얼음 조각 40점이 전시된다. 작가 12명이 참여했다.",
        "먹거리 장터",
        "장터에는 지역 농가 30곳이 참여한다.",
    )
    assert [b.text for b in doc.blocks if isinstance(b, Heading)] == ["얼음 조각 전시", "먹거리 장터"]
