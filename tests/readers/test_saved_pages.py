"""What saving tools add to a page: the Wayback Machine's toolbar and archived addresses, SingleFile's
notes and hidden layers, Firefox Reader View's frame — removed with their reasons, addresses unwrapped."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import Link, runs
from bookmaker.normalize import normalize
from bookmaker.raw import RawDocument
from bookmaker.readers import read
from bookmaker.readers.html_saved import unarchive

TEXT = "서울시가 내년부터 교통카드를 무료로 발급한다. 시는 약 160만 명이 혜택을 볼 것으로 내다봤다."


def _read(tmp_path: Path, html: str) -> RawDocument:
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    raw = read(path)
    assert isinstance(raw, RawDocument)
    return raw


def test_unarchive() -> None:
    assert unarchive("/web/20261205031544/https://a.kr/x?id=1") == "https://a.kr/x?id=1"
    assert (
        unarchive("https://web.archive.org/web/20261205031544im_/https://a.kr/p.jpg") == "https://a.kr/p.jpg"
    )
    assert unarchive("//web.archive.org/web/2026/http://a.kr/") == "http://a.kr/"
    assert unarchive("/web/20261205031544/a.kr/x") == "http://a.kr/x"
    assert unarchive("https://a.kr/web/page") == "https://a.kr/web/page"  # no capture time: not archived


WAYBACK = """<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><title>교통카드 무료</title>
<meta property="og:url" content="https://web.archive.org/web/20261205031544/https://a.kr/n/1">
</head><body>
<!-- BEGIN WAYBACK TOOLBAR INSERT -->
<script>__wm.rw(0);</script>
<div id="wm-ipp-base" style="display:none"></div>
<div id="wm-ipp"><div>3 captures 28 Nov 2026 - 05 Dec 2026</div>
<div><a href="#">Close</a> <a href="#">Help</a></div></div>
<!-- END WAYBACK TOOLBAR INSERT -->
<article><h1>교통카드 무료</h1>
<p>{text} <a href="/web/20261205031544/https://a.kr/n/0">지난 기사</a></p>
<p>{text}</p></article></body></html>
"""


def test_wayback_toolbar_removed_with_reason_and_links_unwrapped(tmp_path: Path) -> None:
    raw = _read(tmp_path, WAYBACK.format(text=TEXT))
    toolbar = [r for r in raw.removed if r.rule == "html.archive-toolbar"]
    assert [r.line for r in toolbar] == [7, 8]  # one removal per row of the toolbar, no script text
    assert "captures" in toolbar[0].text
    assert raw.hints["url"] == "https://a.kr/n/1"
    doc = normalize(raw)
    links = [
        run for b in doc.blocks for run in runs(getattr(b, "content", []) or []) if isinstance(run, Link)
    ]
    assert [link.href for link in links] == ["https://a.kr/n/0"]
    assert "2026-12-05" not in (doc.meta.date or "")


def test_archive_links_kept_on_a_page_that_is_no_snapshot(tmp_path: Path) -> None:
    page = WAYBACK.replace(" WAYBACK TOOLBAR INSERT ", "").replace('id="wm-ipp-base"', "")
    page = page.replace('id="wm-ipp"', 'class="box"').replace(
        '"https://web.archive.org/web/20261205031544/https://a.kr/n/1"', '"https://b.kr/cites"'
    )
    raw = _read(tmp_path, page.format(text=TEXT))
    assert not any(r.rule == "html.archive-toolbar" for r in raw.removed)
    doc = normalize(raw)
    links = [
        run for b in doc.blocks for run in runs(getattr(b, "content", []) or []) if isinstance(run, Link)
    ]
    assert [link.href for link in links] == ["https://b.kr/web/20261205031544/https://a.kr/n/0"]  # a citation


SINGLEFILE = """<!DOCTYPE html> <html lang="ko"><!--
 Page saved with SingleFile
 url: https://a.kr/n/7
 saved date: Sun Dec 06 2026 21:14:02 GMT+0900
--><head><meta charset="utf-8"><title>교통카드 무료</title>
<style>.sf-hidden{{display:none!important}}</style></head>
<body><div class="layer sf-hidden">로그인이 필요합니다 <div class="sf-hidden">안쪽</div></div>
<article><h1>교통카드 무료</h1><p>{text}</p><p>{text}</p></article></body></html>
"""


def test_singlefile_url_and_hidden_layer(tmp_path: Path) -> None:
    raw = _read(tmp_path, SINGLEFILE.format(text=TEXT))
    assert raw.hints["url"] == "https://a.kr/n/7"
    hidden = [r for r in raw.removed if r.rule == "html.saved-hidden"]
    assert [(r.text, r.line) for r in hidden] == [("로그인이 필요합니다", 7), ("안쪽", 7)]
    assert not any("로그인" in sl.text for sl in raw.lines)


def test_page_url_wins_over_singlefile_note(tmp_path: Path) -> None:
    page = SINGLEFILE.replace("<head>", '<head><meta property="og:url" content="https://a.kr/n/8">')
    assert _read(tmp_path, page.format(text=TEXT)).hints["url"] == "https://a.kr/n/8"


READER = """<!DOCTYPE html><html lang="ko"><head><meta charset="UTF-8"><title>교통카드 무료</title></head>
<body><div class="toolbar reader-toolbar"><button class="close-button"><span>닫기</span></button></div>
<div class="container"><div class="header reader-header">
<a class="domain reader-domain" href="https://a.kr/n/9">a.kr</a>
<h1 class="reader-title">교통카드 무료</h1>
<div class="credits reader-credits">김서울 기자</div>
<div class="meta-data"><div class="reader-estimated-time">3–4분</div></div></div><hr>
<div class="content"><div class="moz-reader-content"><div class="page">
<p>{text}</p><p>{text}</p></div></div></div></div></body></html>
"""


def test_reader_view_frame(tmp_path: Path) -> None:
    raw = _read(tmp_path, READER.format(text=TEXT))
    assert raw.hints["url"] == "https://a.kr/n/9"
    reader = {r.line: r.text for r in raw.removed if r.rule == "html.reader-view"}
    assert reader == {4: "a.kr", 7: "3–4분"}
    doc = normalize(raw)
    assert [a.name for a in doc.meta.authors] == ["김서울"]
    assert doc.meta.title == "교통카드 무료"


def test_reader_classes_mean_nothing_outside_a_reader_view(tmp_path: Path) -> None:
    page = READER.replace("moz-reader-content", "content-box")
    raw = _read(tmp_path, page.format(text=TEXT))
    assert not any(r.rule == "html.reader-view" for r in raw.removed)


def test_signed_info_list_with_approval_date(tmp_path: Path) -> None:
    page = (
        '<html lang="ko"><head><meta charset="utf-8"><title>t</title></head><body><article>'
        '<h1 class="heading">교통카드 무료</h1>\n<ul class="infomation"><li>김서울 기자</li> '
        "<li>승인 2026.12.01 15:47</li></ul>\n"
        f'<div id="article-view-content-div"><p>{TEXT}</p><p>{TEXT}</p></div></article></body></html>'
    )
    doc = normalize(_read(tmp_path, page))
    assert [a.name for a in doc.meta.authors] == ["김서울"]
    assert doc.meta.date == "2026-12-01T15:47:00+09:00"


def test_saving_tools_chrome_in_linear_time() -> None:
    import time

    from bs4 import BeautifulSoup

    from bookmaker.readers.html_saved import saved_chrome

    nested = '<div class="sf-hidden">숨김 ' * 400 + "</div>" * 400
    hidden = "\n".join(f'<p class="sf-hidden">숨김 {i}</p>' for i in range(15_000))
    page = SINGLEFILE.format(text=TEXT).replace("<article>", nested + hidden + "<article>")
    links = "\n".join(
        f'<p><a href="/web/20261205031544/https://a.kr/n/{i}">{i}</a></p>' for i in range(20_000)
    )
    snapshot = WAYBACK.format(text=TEXT).replace("<article>", links + "<article>")
    for html, removals in ((page, 15_002), (snapshot, 2)):
        soup = BeautifulSoup(html, "html.parser")
        start = time.perf_counter()
        found = saved_chrome(soup)  # element identity, never bs4's tree equality (deep and slow)
        assert time.perf_counter() - start < 10
        assert len(found.removals) == removals
