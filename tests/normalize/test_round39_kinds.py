"""Failure kinds from held-out round 39 (a 국민동의청원 page, a KakaoTalk conversation exported as text,
a music site's lyrics page, a Korean-American daily's page, OCR of an old newspaper clipping), each
on a small made-up input shaped like the real ones."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import Document, Figure, Heading, Paragraph, Source
from bookmaker.normalize import normalize
from bookmaker.normalize.passes.clean import ocr_ones
from bookmaker.raw import RawDocument, SourceLine
from bookmaker.readers import read
from tests.normalize.test_real_shapes import body, norm, read_page, removed

LONG = "정부는 내년 상반기 중 구체적인 지원책을 내놓을 계획이라고 이날 밝혔다. 업계의 기대도 크다."
LATER = "전문가들은 성과 주장을 그대로 받아들이기는 어렵다고 본다. 더 지켜봐야 한다는 지적이 나온다."


def _text_file(tmp_path: Path, *lines: str) -> Document:
    """``lines`` as a text file read by the text reader (its verse reading included) and normalized."""
    path = tmp_path / "doc.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    raw = read(path)
    assert isinstance(raw, RawDocument)
    return normalize(raw)


def _paragraphs(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks if isinstance(b, Paragraph)]


# --- a US date and an outlet dated in its own zone ---------------------------------------------------


def test_a_month_first_us_date_with_its_time_is_read() -> None:
    _, doc = norm(
        "한인 마켓 계란값 또 올라", "입력 03/05/2026 07:12 PM  수정 03/06/2026 09:30 AM", LONG, LATER
    )
    assert doc.meta.date == "2026-03-05T19:12:00+09:00"  # no outlet known to date elsewhere: as given
    assert not doc.meta.subtitles


def test_a_korean_american_dailys_time_is_its_own_zones_summer_time_too() -> None:
    for shown, iso in (
        ("03/05/2026 07:12 PM", "2026-03-05T19:12:00-08:00"),
        ("07/10/2026 09:05 AM", "2026-07-10T09:05:00-07:00"),
    ):
        _, doc = norm(
            "LA 한인타운 렌트 또 올라", "김재원 기자 kim.jaewon@koreadaily.com", f"입력 {shown}", LONG, LATER
        )
        assert doc.meta.publisher == "미주중앙일보"
        assert doc.meta.date == iso


def test_koreatimes_com_is_the_los_angeles_daily_not_the_seoul_english_paper() -> None:
    _, doc = norm(
        "LA 한인회장 선거 열기", "박민수 기자 mspark@koreatimes.com", "입력 07/10/2026 09:05 AM", LONG, LATER
    )
    assert doc.meta.publisher == "미주한국일보"
    assert doc.meta.date == "2026-07-10T09:05:00-07:00"
    _, doc = norm(
        "서울시 규제 완화", "이효진 기자 hyojin@koreatimes.co.kr", "입력 2026.07.10 09:05", LONG, LATER
    )
    assert doc.meta.publisher == "The Korea Times"
    assert doc.meta.date == "2026-07-10T09:05:00+09:00"


def test_a_korean_outlets_time_stays_korean() -> None:
    _, doc = norm(
        "전세 사기 피해 지원 확대", "입력 2026.03.05 19:12", "한지훈 기자 hoon@yna.co.kr", LONG, LATER
    )
    assert doc.meta.date == "2026-03-05T19:12:00+09:00"


def test_a_fraction_like_number_in_a_sentence_is_no_date() -> None:
    said = "응답자 12/31/2026 기준이라는 표현은 쓰이지 않았다고 조사팀은 이날 밝혔다."
    _, doc = norm("설문 결과 나와", LONG, said, LATER)
    assert said in body(doc)


# --- a petition page --------------------------------------------------------------------------------


def _petition(*tail: str) -> tuple[str, ...]:
    return (
        "국민동의청원",
        "청원하기 청원목록 청원안내 나의청원",
        "동의진행중 청원",
        "초등학교 늘봄학교 강사 처우 개선에 관한 청원",
        "청원번호 8F2A1C0D4E7B4A6C9D3E5F1A2B7C8D90",
        "청원분야 교육",
        "청원인 김**",
        "청원기간 2026-11-20 ~ 2026-12-20",
        "동의현황 38,214 명 / 50,000 명 (76%)",
        "동의하기",
        "",
        LONG,
        LATER,
        *tail,
    )


def test_a_petitions_fields_counter_status_and_menu_are_the_sites() -> None:
    _, doc = norm(*_petition())
    assert doc.meta.title == "초등학교 늘봄학교 강사 처우 개선에 관한 청원"
    gone = removed(doc)
    for line in ("청원번호 8F2A1C0D4E7B4A6C9D3E5F1A2B7C8D90", "청원분야 교육", "청원인 김**", "동의하기"):
        assert gone[line] == "boilerplate.chrome"
    assert gone["동의현황 38,214 명 / 50,000 명 (76%)"] == "boilerplate.chrome"
    assert gone["동의진행중 청원"] == "boilerplate.chrome"
    assert not doc.meta.subtitles and not doc.meta.authors


def test_a_petitions_period_dates_it_from_its_start() -> None:
    _, doc = norm(*_petition())
    assert doc.meta.date == "2026-11-20"


def test_a_period_named_in_a_sentence_stays_text() -> None:
    said = "청원기간 2026-11-20 ~ 2026-12-20 동안 5만 명이 동의하면 위원회가 심사한다고 국회는 설명했다."
    _, doc = norm("국민동의청원 제도 바뀐다", LONG, said, LATER)
    assert said in body(doc)


def test_a_petition_sites_rules_of_consent_go() -> None:
    rules = [
        "※ 청원 공개 후 30일 이내에 5만 명의 동의를 받으면 소관위원회에 회부됩니다.",
        "※ 동의는 본인인증 후 1회만 가능하며, 동의 후에는 취소할 수 없습니다.",
    ]
    _, doc = norm(*_petition(*rules))
    assert all(removed(doc)[r] == "boilerplate.chrome" for r in rules)


def test_a_sentence_about_consents_stays() -> None:
    said = "청원은 공개 후 30일 안에 5만 명의 동의를 받아 위원회에 넘겨졌다고 관계자는 전했다."
    _, doc = norm("늘봄 강사 청원 5만 명 넘어", LONG, said, LATER)
    assert said in body(doc)


def test_a_reference_header_over_attached_files_only_goes_with_them() -> None:
    _, doc = norm(*_petition("", "참고자료", "늘봄학교_강사_근무실태_설문결과.pdf (1.2MB)"))
    assert removed(doc)["참고자료"] == "boilerplate.board"
    assert "참고자료" not in body(doc)


def test_a_reference_header_over_text_stays() -> None:
    sources = "국회입법조사처, 「늘봄학교 운영 현황과 과제」, 2026."
    _, doc = norm(*_petition("", "참고자료", sources))
    assert "참고자료" in body(doc) and sources in body(doc)


def test_an_address_footer_with_a_bare_postal_code_goes() -> None:
    footer = "07233 서울특별시 영등포구 의사당대로 1 국회사무처"
    _, doc = norm("늘봄 강사 처우 개선", LONG, LATER, footer)
    assert removed(doc)[footer] == "boilerplate.board"


def test_a_sentence_with_a_postal_code_stays() -> None:
    said = "07233 서울특별시 영등포구로 주소를 옮긴 사무처는 다음 달 문을 연다."
    _, doc = norm("국회사무처 이전", LONG, said, LATER)
    assert said in body(doc)


def test_a_two_word_hangul_copyright_holder_is_whole() -> None:
    _, doc = norm("늘봄 강사 처우 개선", LONG, LATER, "Copyright(c) 대한민국 국회. All Rights Reserved.")
    assert doc.meta.publisher == "대한민국 국회"


def test_a_copyright_line_with_its_reprint_ban_names_one_word() -> None:
    _, doc = norm("늘봄 강사 처우 개선", LONG, LATER, "ⓒ 가람일보 무단전재 및 재배포 금지")
    assert doc.meta.publisher == "가람일보"


# --- a KakaoTalk conversation exported as text --------------------------------------------------------


def _chat(*messages: str) -> tuple[str, ...]:
    return (
        "책갈피 독서모임 님과 카카오톡 대화",
        "저장한 날짜 : 2026-12-06 23:41:07",
        "",
        "--------------- 2026년 12월 5일 토요일 ---------------",
        *messages,
    )


TALK = (
    "정민호님이 들어왔습니다.",
    "[한지원] [오후 8:02] 다음 모임은 12월 19일 토요일 오후 3시예요",
    "[정민호] [오후 8:05] 네 좋아요",
    "[정민호] [오후 8:05] 이모티콘",
    "[박서연] [오후 8:11] 기억에 남는 말 적어 둘게요",
    "기억하는 일이 곧 애도라는 말이 오래 남았어요.",
    "[박서연] [오후 8:12] 사진",
    "[한지원] [오후 8:15] 삭제된 메시지입니다.",
    "--------------- 2026년 12월 6일 일요일 ---------------",
    "[정민호] [오전 10:24] 발제문 초안 올려 봅니다",
    "[한지원] [오전 10:40] 감사해요",
    "박서연님이 나갔습니다.",
)


def test_a_conversation_is_its_transcript_under_the_rooms_name() -> None:
    _, doc = norm(*_chat(*TALK))
    assert doc.meta.title == "책갈피 독서모임"
    assert doc.meta.date == "2026-12-05"
    headings = [b.text for b in doc.blocks if isinstance(b, Heading)]
    assert headings == ["2026년 12월 5일 토요일", "2026년 12월 6일 일요일"]
    text = body(doc)
    assert "[한지원] [오후 8:02] 다음 모임은 12월 19일 토요일 오후 3시예요" in text
    assert "오래 남았어요" in text and "발제문 초안" in text


def test_a_conversations_placeholders_and_room_notices_go() -> None:
    _, doc = norm(*_chat(*TALK))
    gone = removed(doc)
    assert gone["[정민호] [오후 8:05] 이모티콘"] == "chat.placeholder"
    assert gone["[박서연] [오후 8:12] 사진"] == "chat.placeholder"
    assert gone["[한지원] [오후 8:15] 삭제된 메시지입니다."] == "chat.placeholder"
    assert gone["정민호님이 들어왔습니다."] == "chat.system"
    assert gone["박서연님이 나갔습니다."] == "chat.system"
    assert gone["저장한 날짜 : 2026-12-06 23:41:07"] == "chat.export"


def test_a_messages_next_line_is_the_same_paragraph() -> None:
    _, doc = norm(*_chat(*TALK))
    said = next(p for p in _paragraphs(doc) if "기억에 남는 말" in p)
    assert "오래 남았어요" in said


def test_a_long_message_among_many_is_no_forwarded_text() -> None:
    questions = ("1. 첫 질문입니다?", "2. 둘째 질문입니다?", "3. 셋째 질문입니다?")
    _, doc = norm(*_chat(*TALK[:-1], "[정민호] [오전 11:00] 질문 세 개로 잡았어요", *questions))
    assert doc.meta.title == "책갈피 독서모임"
    assert "다음 모임은 12월 19일" in body(doc)
    assert not any(r.rule == "chat.message" for r in doc.removed)


# --- a song's lyrics: stanzas in a generic container, a refrain, a song page's metadata ---------------

CHORUS = "첫눈이 오면 만나자던<br>\n그 약속 아직 기억하니<br>\n네 이름을 적어 볼게<br>\n"
LYRICS = (
    "<div class='lyric'>\n눈이 올 거라고 했던<br>\n너의 말이 생각나서<br>\n창밖을 자꾸 보게 돼<br>\n<br>\n"
    + CHORUS
    + "<br>\n버스 창에 맺힌 입김<br>\n손가락으로 그린 하트<br>\n<br>\n"
    + CHORUS
    + "<br>\n네 이름을 적어 볼게\n</div>"
)
SONG_TITLE = "<meta property='og:title' content='첫눈이 오면'>"


def test_lines_of_a_song_in_a_div_are_stanzas(tmp_path: Path) -> None:
    _, doc = read_page(tmp_path, LYRICS, SONG_TITLE)
    stanzas = _paragraphs(doc)
    assert stanzas[0] == "눈이 올 거라고 했던\n너의 말이 생각나서\n창밖을 자꾸 보게 돼"
    assert len(stanzas) == 5
    assert {b.role for b in doc.blocks if isinstance(b, Paragraph)} == {"verse"}


def test_a_chorus_sung_again_is_kept(tmp_path: Path) -> None:
    _, doc = read_page(tmp_path, LYRICS, SONG_TITLE)
    chorus = "첫눈이 오면 만나자던\n그 약속 아직 기억하니\n네 이름을 적어 볼게"
    assert _paragraphs(doc).count(chorus) == 2
    assert _paragraphs(doc)[-1] == "네 이름을 적어 볼게"
    assert not any((r.rule or "").startswith("dedupe") for r in doc.removed)


def test_a_box_the_page_marks_as_a_poem_is_verse_with_one_stanza(tmp_path: Path) -> None:
    page = (
        "<div class='poem'><p>죽는 날까지 하늘을 우러러<br>\n한 점 부끄럼이 없기를,<br>\n"
        "잎새에 이는 바람에도<br>\n나는 괴로워했다.<br>\n<br>\n오늘 밤에도 별이 바람에 스치운다.</p></div>"
    )
    _, doc = read_page(tmp_path, page, "<meta property='og:title' content='서시'>")
    verse = [b for b in doc.blocks if isinstance(b, Paragraph)]
    assert [b.text for b in verse] == [
        "죽는 날까지 하늘을 우러러\n한 점 부끄럼이 없기를,\n잎새에 이는 바람에도\n나는 괴로워했다.",
        "오늘 밤에도 별이 바람에 스치운다.",
    ]
    assert {b.role for b in verse} == {"verse"}


def test_sentences_parted_by_breaks_in_a_div_are_no_verse(tmp_path: Path) -> None:
    page = f"<div class='article'>{LONG}<br><br>{LATER}<br><br>{LONG[:40]}다.<br><br>{LATER[:38]}다.</div>"
    _, doc = read_page(tmp_path, page)
    assert all("\n" not in p for p in _paragraphs(doc))
    assert {b.role for b in doc.blocks if isinstance(b, Paragraph)} == {None}


def test_a_repeated_stanza_of_a_poem_in_text_is_kept(tmp_path: Path) -> None:
    doc = _text_file(
        tmp_path,
        "제1회 가람문학상 시 부문 응모작",
        "",
        "겨울 노래 외 1편",
        "",
        "응모자: 한여름",
        "",
        "1. 겨울 노래",
        "",
        "눈이 온다 밤새",
        "골목에 눈이 쌓인다",
        "",
        "돌아오라 돌아오라",
        "겨울이 가기 전에",
        "",
        "창문을 열면",
        "하얀 길이 보인다",
        "",
        "돌아오라 돌아오라",
        "겨울이 가기 전에",
    )
    assert body(doc).count("돌아오라 돌아오라\n겨울이 가기 전에") == 2


def test_the_one_line_over_a_poems_stanzas_is_its_title_and_no_stanza_is_a_deck(tmp_path: Path) -> None:
    doc = _text_file(
        tmp_path,
        "겨울 노래",
        "",
        "눈이 온다 밤새",
        "골목에 눈이 쌓인다",
        "",
        "돌아오라 돌아오라",
        "겨울이 가기 전에",
        "",
        "창문을 열면",
        "하얀 길이 보인다",
    )
    assert doc.meta.title == "겨울 노래" and doc.meta.subtitles == [] and doc.removed == []
    assert [b.text for b in doc.blocks] == [
        "눈이 온다 밤새\n골목에 눈이 쌓인다",
        "돌아오라 돌아오라\n겨울이 가기 전에",
        "창문을 열면\n하얀 길이 보인다",
    ]


def test_a_prose_paragraph_pasted_twice_is_still_a_copy() -> None:
    _, doc = norm("새 정책 발표", LONG, LATER, LONG)
    assert body(doc).count(LONG) == 1


SONG_HEAD = (
    "<meta property='og:title' content='첫눈이 오면 - 윤하린'>"
    "<meta property='og:description' content='가사 보기'>"
)
SONG_INFO = (
    "<div class='song_info'><div class='artist'><a href='/artist/882301'>윤하린</a></div>"
    "<dl><dt>앨범</dt><dd>겨울 편지</dd><dt>발매일</dt><dd>2026.11.27</dd></dl></div>"
)


def test_a_song_pages_title_names_the_song_and_its_artist(tmp_path: Path) -> None:
    _, doc = read_page(tmp_path, SONG_INFO + LYRICS, SONG_HEAD)
    assert doc.meta.title == "첫눈이 오면"
    assert [a.name for a in doc.meta.authors] == ["윤하린"]
    assert doc.meta.date == "2026-11-27"


def test_a_title_with_a_dash_and_no_artist_link_stays_whole(tmp_path: Path) -> None:
    head = "<meta property='og:title' content='겨울 - 첫눈'>"
    _, doc = read_page(tmp_path, "<div class='artist'>첫눈</div>" + LYRICS, head)
    assert doc.meta.title == "겨울 - 첫눈"
    assert not doc.meta.authors


# --- OCR of an old newspaper clipping -------------------------------------------------------------------


def test_an_ocrs_l_for_one_in_numbers_is_one() -> None:
    assert ocr_ones("東亞日報 l978年 3月 5日") == "東亞日報 1978年 3月 5日"
    assert ocr_ones("학생 요금은 l5원에서, 교통비만 l천5백원") == "학생 요금은 15원에서, 교통비만 1천5백원"


def test_latin_words_with_an_l_and_digits_stay() -> None:
    for text in ("html5 문서를 읽는다", "l2tp 설정을 바꿨다", "Level 5 단계로 올렸다", "only l 하나"):
        assert ocr_ones(text) == text


COLUMN = (
    "",
    "市는 이번 인상이 유류값과 인",
    "건비 상승으로 버스업계의 적자",
    "가 누적된 데 따른 것이라고 밝",
    "혔다. 학생 요금은 15원에서 20",
    "원으로 오른다.",
    "",
    "그러나 市民들은 지난해 9월에",
    "도 요금이 올랐다며 불만을 나",
    "타냈다.",
)


def test_a_narrow_printed_column_is_joined_inside_words() -> None:
    _, doc = norm("市內버스料金 30원으로", "", "來月부터 5원 올려", *COLUMN)
    text = body(doc)
    assert "유류값과 인건비 상승으로 버스업계의 적자가 누적된 데 따른 것이라고 밝혔다." in text
    assert "15원에서 20원으로 오른다." in text
    assert "지난해 9월에도 요금이 올랐다며 불만을 나타냈다." in text


def test_a_headline_over_its_deck_in_a_column_is_not_joined() -> None:
    _, doc = norm("市內버스料金 30원으로", "來月부터 5원 올려", *COLUMN)
    assert doc.meta.title == "市內버스料金 30원으로"


def test_wide_wrapped_text_keeps_its_spaces() -> None:
    lines = (
        "",
        "정부는 내년 상반기 중 구체적인 지원책을 내놓을",
        "계획이라고 이날 밝혔다. 업계의 기대도 크지만 우려도",
        "나온다. 전문가들은 성과 주장을 그대로 받아들이기는",
        "어렵다고 본다. 더 지켜봐야 한다는 지적이 나온다.",
    )
    _, doc = norm("지원책 발표", *lines)
    assert "내놓을 계획이라고" in body(doc) and "우려도 나온다." in body(doc)


def test_an_old_papers_header_dates_it_and_names_the_paper() -> None:
    _, doc = norm("東亞日報  1978年 3月 5日 (日曜日)  第7面", "", "市內버스料金 30원으로", "", LONG, LATER)
    assert doc.meta.date == "1978-03-05"
    assert doc.meta.publisher == "동아일보"


def test_a_jump_line_to_another_page_goes() -> None:
    for jump in ("▲(3面에서 계속)", "<5면에 계속>"):
        _, doc = norm("버스 요금 오른다", LONG, LATER, jump)
        assert removed(doc)[jump] == "boilerplate.chrome"
        assert not any(isinstance(b, Figure) for b in doc.blocks)


def test_raw_lines_of_an_ocr_text_keep_their_numbers_in_the_record() -> None:
    raw = RawDocument([SourceLine("학생 요금은 l5원에서 20원으로 오른다.", 1)], Source(format="text"))
    doc = normalize(raw)
    assert "15원에서" in body(doc)


CREDITS = (
    "<div class='section_credit'><h3>참여 정보</h3>"
    "<dl><dt>작사</dt><dd>한서윤</dd><dt>작곡</dt><dd>한서윤, 이도현</dd>"
    "<dt>편곡</dt><dd>이도현</dd></dl></div>"
)
LINKS = "<p class='lyric_report'><a href='/report'>가사 오류 신고</a></p>"


def test_a_song_pages_credits_box_is_kept(tmp_path: Path) -> None:
    page = f"{SONG_INFO}<div class='section_lyric'>{LYRICS}{LINKS}</div>{CREDITS}"
    _, doc = read_page(tmp_path, page, SONG_HEAD)
    assert "참여 정보" in [b.text for b in doc.blocks if isinstance(b, Heading)]
    assert "작곡: 한서윤, 이도현" in body(doc)


def test_a_credits_box_on_a_page_of_no_song_is_left_to_the_page(tmp_path: Path) -> None:
    page = f"<div class='section_lyric'>{LYRICS}{LINKS}</div>{CREDITS}"
    _, doc = read_page(tmp_path, page, SONG_TITLE)
    assert "이도현" not in body(doc)
