"""Ordinary stories that quote a shape a special pass reads (chat messages, an event's time field): the
story keeps its title, byline, date and every line it quotes."""

from __future__ import annotations

from bookmaker.ir import ListBlock
from tests.normalize.test_real_shapes import body, norm, removed

_HEAD = ["“입찰가 맞추자” 단톡방 대화 공개…건설사 담합 정황", "2026-12-04 10:20", "가람일보 이서준 기자", ""]


def test_chat_messages_quoted_in_a_story_stay_each_a_paragraph() -> None:
    messages = [
        "[김 부장] [오후 9:12] 내일 건은 한결이 가져가는 걸로",
        "[박 이사] [오후 9:13] 그럼 우리는 3% 높게 쓸게요",
        "[김 부장] [오후 9:15] 다들 확인했으면 이모티콘 하나씩",
    ]
    _, doc = norm(
        *_HEAD,
        "업체 관계자들은 입찰 전날 밤 단체 대화방에서 이렇게 대화를 나눴다.",
        *messages,
        "",
        "공정거래위원회는 이 대화를 근거로 조사에 착수했다.",
    )
    assert doc.meta.title == "“입찰가 맞추자” 단톡방 대화 공개…건설사 담합 정황"
    assert [a.name for a in doc.meta.authors] == ["이서준"]
    assert [b.text for b in doc.blocks][1:4] == messages
    assert not any(rule and rule.startswith("chat.") for rule in removed(doc).values())


def test_a_chat_copied_whole_without_its_export_header_is_still_read_as_one() -> None:
    """No sentence of a story above the messages: the chat around a long forwarded text goes."""
    _, doc = norm(
        "[관리사무소] [오전 9:02] [Web발신]",
        "[가람마을 3단지 관리사무소]",
        "12월 8일(월) 오전 10시부터 단수 예정입니다.",
        "저수조 청소로 오후 4시까지 물이 나오지 않습니다.",
        "미리 받아 두시기 바랍니다.",
        "[이웃] [오전 9:05] 감사합니다",
        "[이웃2] [오전 9:06] 네 확인했어요",
    )
    assert "감사합니다" not in body(doc)
    assert "저수조 청소로" in body(doc)


def test_an_events_time_field_in_a_dated_story_stays_in_the_text() -> None:
    _, doc = norm(
        "가람시장 “내년엔 교통 혁신”…신년 연설 예고",
        "2026-12-06 09:00",
        "가람일보 정하늘 기자",
        "",
        "가람시장이 내년 시정 방향을 밝히는 신년 연설을 한다고 시가 6일 밝혔다.",
        "",
        "시가 공개한 일정은 다음과 같다.",
        "연설자: 김가람 가람시장",
        "일시: 2027년 1월 2일 오전 10시",
        "장소: 가람시청 대회의실",
    )
    assert doc.meta.date == "2026-12-06T09:00:00+09:00"
    assert [a.name for a in doc.meta.authors] == ["정하늘"]
    assert "일시: 2027년 1월 2일 오전 10시" in body(doc)


def test_three_fields_opened_by_one_mark_are_a_list_wherever_they_stand() -> None:
    """A form's head quoted in a story (``■ 제목: …`` / ``■ 필자: …`` / ``■ 송고일: …``, the colon set
    close): a list whose items lose the mark (before: three paragraphs, each with its mark)."""
    story = [
        "기고 원고 게재 전 유출",
        "이도현 기자",
        "",
        "한 일간지에 보낸 외부 필자의 기고 원고가 신문에 실리기도 전에 온라인 단체방에 퍼진 사실이 확인됐다.",
        "",
        "유출된 파일의 첫머리에는 원고를 보낼 때 쓰는 양식이 그대로 남아 있었다.",
        "",
    ]
    fields = [
        "■ 제목: 빈집 13만 채, 청년 임대주택으로 바꾸자",
        "■ 필자: 이소영 국토연구원 연구위원",
        "■ 송고일: 2026. 12. 6.",
    ]
    tail = ["", "해당 일간지는 경위를 조사하고 있다며 게재를 보류했다."]
    _, doc = norm(*story, *fields, *tail)
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert [[i.blocks[0].text for i in b.items] for b in lists] == [[f.removeprefix("■ ") for f in fields]]
