"""Press releases (보도자료) of other issuers than the policy portal's ministry (held-out round 9):
the header is read by kind — the document-kind label, the issuing body, the release time — and
the ``- 부제 -`` decks lose their dashes. The inputs are made up, shaped like real releases."""

from __future__ import annotations

from tests.normalize.test_real_shapes import body, norm, removed

CITY_BODY = [
    "□ 수원시가 7월 8일부터 광교호수공원 일대에서 자율주행 셔틀버스를 시범 운행한다고 1일 밝혔다.",
    " ○ 셔틀은 광교중앙역에서 호수공원 정문까지 2.4㎞ 구간을 하루 12회 오가며, 누구나 무료로 탄다.",
    "□ 시는 9월까지 시범 운행 결과를 분석해 운행 구간을 늘릴 계획이다.",
]


def test_a_city_s_release_with_the_label_beside_the_issuer_and_a_release_time_without_a_date() -> None:
    _, doc = norm(
        "수원시 보도자료",
        "보도 시점 : 배포 즉시",
        "배포 일시 : 2024. 7. 1.(월) 10:00",
        "담당부서 : 교통정책과 / 담당자 : 주무관 최○○ (031-228-2000)",
        "수원시, 광교호수공원 앞 ‘자율주행 셔틀’ 시범 운행",
        "- 7월 8일부터 평일 하루 12회, 누구나 무료 탑승 -",
        *CITY_BODY,
        "붙임 : 운행 노선도 1부. 끝.",
    )
    m = doc.meta
    assert m.title == "수원시, 광교호수공원 앞 ‘자율주행 셔틀’ 시범 운행"
    assert m.subtitles == ["7월 8일부터 평일 하루 12회, 누구나 무료 탑승"]
    assert m.series == ["보도자료"]
    assert m.publisher == "수원시"
    assert m.date == "2024-07-01T10:00:00+09:00"  # distributed for immediate release
    assert body(doc).splitlines() == [line.strip() for line in CITY_BODY]
    gone = removed(doc)
    assert gone["보도 시점 : 배포 즉시"] == "release.time"
    assert gone["붙임 : 운행 노선도 1부. 끝."] == "boilerplate.release"


CORP_BODY = [
    "한국토지주택공사는 청년 매입임대주택 1,200호의 입주자를 모집한다고 5일 밝혔다.",
    "청년 매입임대주택은 도심 내 주택을 매입해 시세의 40~50% 수준 임대료로 공급하는 주택이다.",
    "신청은 6월 10일부터 14일까지 청약플러스 누리집에서 온라인으로 받는다.",
]


def test_a_public_corporation_s_release_with_an_embargo_and_two_decks() -> None:
    _, doc = norm(
        "한국토지주택공사",
        "[ 보 도 참 고 자 료 ]",
        "엠바고 : 2024. 6. 5.(수) 11:00 이후 보도",
        "청년 매입임대주택 1,200호 입주자 모집",
        "- 시세 40~50% 임대료로 최장 6년 거주 -",
        "ㅡ 10일부터 청약플러스에서 온라인 신청 ㅡ",
        *CORP_BODY,
        "담당자 : 청년주거부 차장 정○○ (055-922-3344)",
    )
    m = doc.meta
    assert m.title == "청년 매입임대주택 1,200호 입주자 모집"
    assert m.subtitles == ["시세 40~50% 임대료로 최장 6년 거주", "10일부터 청약플러스에서 온라인 신청"]
    assert m.series == ["보도참고자료"]
    assert m.publisher == "한국토지주택공사"
    assert m.date == "2024-06-05T11:00:00+09:00"
    assert body(doc).splitlines() == CORP_BODY
    assert removed(doc)["한국토지주택공사"] == "release.issuer"


def test_an_outlet_s_article_quoting_a_release_keeps_its_own_publisher() -> None:
    _, doc = norm(
        "보도자료",
        "수원시",
        "수원시, 광교호수공원 앞 ‘자율주행 셔틀’ 시범 운행",
        *CITY_BODY,
        "ⓒ 경기일보 무단전재 및 재배포 금지",
    )
    assert doc.meta.publisher == "경기일보"
    assert doc.meta.title == "수원시, 광교호수공원 앞 ‘자율주행 셔틀’ 시범 운행"


def test_a_deck_closed_by_a_dash_only_when_opened_by_one() -> None:
    _, doc = norm(
        "시, 버스 노선 12개→8개로 줄인다",
        "외곽 마을버스는 늘려 - 시민 설명회 -",
        "시는 이날 시청 대회의실에서 주민 설명회를 열고 새 버스 노선 개편안을 공개했다고 밝혔다.",
    )
    assert doc.meta.subtitles == ["외곽 마을버스는 늘려 - 시민 설명회 -"]


def test_a_ministry_s_explanation_whose_title_is_a_statement() -> None:
    _, doc = norm(
        "국토교통부 설명자료",
        "(총 2매, 사진 없음)",
        "보도시점 : 2024. 8. 2.(금) 조간 (온라인 8. 1.(목) 12:00 이후)",
        "“청년 주거비 지원 축소” 보도는 사실과 다릅니다",
        "- 내년 청년 월세 지원 예산은 올해보다 12% 늘어 -",
        *CITY_BODY,
    )
    m = doc.meta
    assert (m.title, m.subtitles) == (
        "“청년 주거비 지원 축소” 보도는 사실과 다릅니다",
        ["내년 청년 월세 지원 예산은 올해보다 12% 늘어"],
    )
    assert (m.series, m.publisher, m.date) == (["설명자료"], "국토교통부", "2024-08-02")
    assert removed(doc)["(총 2매, 사진 없음)"] == "release.note"
    assert body(doc).splitlines() == [line.strip() for line in CITY_BODY]


def test_a_short_headline_naming_a_city_is_no_issuer() -> None:
    _, doc = norm("보도자료", "수원시 교통정책과", "수원시 자율주행 셔틀", *CITY_BODY)
    assert (doc.meta.title, doc.meta.publisher) == ("수원시 자율주행 셔틀", "수원시")
    assert removed(doc)["수원시 교통정책과"] == "release.issuer"


def test_the_issuer_s_office_as_a_header_field_without_a_phone_is_no_title() -> None:
    """``담당부서 수원시 교통정책과`` between the release time and the headline was taken for the title
    (the field's form with a phone number was already a contact line)."""
    _, doc = norm(
        "보 도 자 료",
        "배포일시 2024. 7. 1.(월) 14:00",
        "담당부서 수원시 교통정책과",
        "광교호수공원 자율주행 셔틀버스 시범 운행",
        *CITY_BODY,
    )
    m = doc.meta
    assert m.title == "광교호수공원 자율주행 셔틀버스 시범 운행"
    assert m.publisher == "수원시"
    assert removed(doc)["담당부서 수원시 교통정책과"] == "release.office"


def test_an_office_field_alone_and_a_headline_naming_an_office() -> None:
    _, doc = norm(
        "보도자료",
        "주관부서: 교통정책과",
        "수원시 교통정책과, 광교호수공원 자율주행 셔틀버스 시범 운행",
        *CITY_BODY,
    )
    assert doc.meta.title == "수원시 교통정책과, 광교호수공원 자율주행 셔틀버스 시범 운행"
    assert removed(doc)["주관부서: 교통정책과"] == "release.office"
