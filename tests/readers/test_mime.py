"""Saved pages in MIME form (MHTML, .eml): found by content, the page part decoded and read as HTML,
image parts as data: images, the e-mail's headers as hints; hostile files refused in one line."""

from __future__ import annotations

import base64
import quopri
import time
import zipfile
from pathlib import Path

import pytest

from bookmaker import cli
from bookmaker.ir import Figure
from bookmaker.normalize import normalize
from bookmaker.raw import RawDocument
from bookmaker.readers import detect_format, read
from bookmaker.readers.mime import is_mime
from tests.conftest import run_cli

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)
TEXT = "서울시가 내년부터 교통카드를 무료로 발급한다. 시는 약 160만 명이 혜택을 볼 것으로 내다봤다."


def _page(title: str = "교통카드 무료 발급", image: str = "https://news.example.kr/photo/1.png") -> str:
    return (
        '<!DOCTYPE html>\n<html lang="ko"><head><meta charset="utf-8">\n'
        f"<title>{title}</title></head><body>\n<article>\n<h1>{title}</h1>\n"
        f'<figure><img src="{image}" alt="카드"><figcaption>새 교통카드. 사진=서울시</figcaption></figure>\n'
        f"<p>{TEXT}</p>\n<p>{TEXT}</p>\n</article>\n</body></html>\n"
    )


def _mhtml(
    html: str, *, charset: str = "utf-8", encoding: str = "quoted-printable", image: bool = True
) -> bytes:
    body = (
        quopri.encodestring(html.encode(charset)).decode("ascii")
        if encoding == "quoted-printable"
        else base64.encodebytes(html.encode(charset)).decode("ascii")
    )
    parts = [
        "From: <Saved by Blink>",
        "Snapshot-Content-Location: https://news.example.kr/a/1",
        "Subject: =?utf-8?q?x?=",
        "Date: Sun, 6 Dec 2026 21:40:12 +0900",
        "MIME-Version: 1.0",
        'Content-Type: multipart/related; type="text/html"; boundary="----B----"',
        "",
        "------B----",
        f"Content-Type: text/html; charset={charset}",
        f"Content-Transfer-Encoding: {encoding}",
        "Content-Location: https://news.example.kr/a/1",
        "",
        body,
    ]
    if image:
        parts += [
            "------B----",
            "Content-Type: image/png",
            "Content-Transfer-Encoding: base64",
            "Content-Location: https://news.example.kr/photo/1.png",
            "",
            base64.b64encode(PNG).decode(),
        ]
    return ("\r\n".join([*parts, "------B------", ""])).encode("ascii")


def _read(tmp_path: Path, name: str, data: bytes) -> RawDocument:
    path = tmp_path / name
    path.write_bytes(data)
    raw = read(path)
    assert isinstance(raw, RawDocument)
    return raw


def test_mhtml_is_found_by_content_under_any_name(tmp_path: Path) -> None:
    data = _mhtml(_page())
    for name in ("page.mhtml", "page.mht", "page.html", "page.txt", "page"):
        assert detect_format(Path(name), data) == "mime"
    assert not is_mime(b"From: a reporter\nSubject: a paste\n\nbody\n", ".txt")  # no MIME-Version
    assert detect_format(Path("page.mhtml"), _page().encode()) == "html"  # misnamed HTML


def test_mhtml_page_part_is_read_as_html_with_its_lines(tmp_path: Path) -> None:
    raw = _read(tmp_path, "page.mhtml", _mhtml(_page()))
    assert raw.source.format == "html"  # the page part's format: normalization reads it as HTML
    assert raw.source.url == "https://news.example.kr/a/1"
    assert raw.source.retrieved == "2026-12-06T12:40:12Z"  # the save time, not the article's date
    assert "date" not in raw.hints
    texts = {sl.text: sl.line for sl in raw.lines}
    assert texts[TEXT] == 8  # the 8th line of the decoded page, whatever the soft breaks
    assert not any("=EC" in sl.text or "=3D" in sl.text for sl in raw.lines)


def test_image_part_becomes_a_data_image(tmp_path: Path) -> None:
    doc = normalize(_read(tmp_path, "page.mhtml", _mhtml(_page())))
    figure = next(b for b in doc.blocks if isinstance(b, Figure))
    assert figure.src == "data:image/png;base64," + base64.b64encode(PNG).decode()


def test_missing_image_part_is_recorded(tmp_path: Path) -> None:
    raw = _read(tmp_path, "page.mhtml", _mhtml(_page(), image=False))
    assert any(r.rule == "html.image" and "photo/1.png" in r.text for r in raw.removed)


def test_cid_image_resolves(tmp_path: Path) -> None:
    html = _page(image="cid:photo1@example")
    mail = (
        'MIME-Version: 1.0\r\nSubject: s\r\nContent-Type: multipart/related; boundary="R"\r\n\r\n--R\r\n'
        "Content-Type: text/html; charset=utf-8\r\n\r\n" + html + "\r\n--R\r\nContent-Type: image/png\r\n"
        "Content-ID: <photo1@example>\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + base64.b64encode(PNG).decode()
        + "\r\n--R--\r\n"
    )
    doc = normalize(_read(tmp_path, "mail.eml", mail.encode()))
    assert any(isinstance(b, Figure) and (b.src or "").startswith("data:image/png") for b in doc.blocks)


def test_euc_kr_part_is_read_as_cp949(tmp_path: Path) -> None:
    html = _page().replace("내년부터", "내년부터 똠얌꿍 가게").replace('charset="utf-8"', 'charset="euc-kr"')
    raw = _read(
        tmp_path,
        "page.mht",
        _mhtml(html, charset="cp949", encoding="base64").replace(b"charset=cp949", b'charset="euc-kr"'),
    )
    assert any("똠얌꿍" in sl.text for sl in raw.lines)
    assert raw.source.encoding == "euc-kr"


@pytest.mark.parametrize("label", ["x-klingon", "rot13", "hex", "base64"])
def test_unknown_charset_warns_and_detects(tmp_path: Path, label: str) -> None:
    data = _mhtml(_page()).replace(b"charset=utf-8", b"charset=" + label.encode())
    raw = _read(tmp_path, "page.mhtml", data)
    assert any(TEXT in sl.text for sl in raw.lines)
    assert raw.warnings and label in raw.warnings[0] and "page.mhtml" in raw.warnings[0]


def _eml(html: str | None, plain: str | None) -> bytes:
    parts = []
    if plain is not None:
        parts.append("--A\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + plain)
    if html is not None:
        parts.append(
            "--A\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + html
        )
    head = (
        "From: =?UTF-8?B?" + base64.b64encode("새벽편지".encode()).decode() + "?= <letter@example.kr>\r\n"
        "Subject: =?UTF-8?B?" + base64.b64encode("겨울 교통 소식".encode()).decode() + "?=\r\n"
        "Date: Thu, 03 Dec 2026 07:00:00 +0900\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/alternative; boundary="A"\r\n\r\n'
    )
    return (head + "\r\n".join(parts) + "\r\n--A--\r\n").encode()


def test_email_prefers_html_and_gives_subject_sender_and_date(tmp_path: Path) -> None:
    html = f"<html><body><table><tr><td><p>{TEXT}</p><p>{TEXT}</p></td></tr></table></body></html>"
    raw = _read(tmp_path, "letter.eml", _eml(html, "평문 판입니다."))
    assert raw.source.format == "html"
    assert raw.hints["title"] == "겨울 교통 소식"
    assert raw.hints["site_name"] == "새벽편지"
    assert raw.hints["date"] == "2026-12-03T07:00:00+09:00"
    assert not any("평문" in sl.text for sl in raw.lines)
    doc = normalize(raw)
    assert doc.meta.title == "겨울 교통 소식"
    assert doc.meta.date == "2026-12-03T07:00:00+09:00"


def test_email_without_html_reads_its_plain_text(tmp_path: Path) -> None:
    raw = _read(tmp_path, "letter.eml", _eml(None, f"{TEXT}\r\n\r\n{TEXT}\r\n"))
    assert [sl.line for sl in raw.lines if sl.text.strip()] == [1, 3]
    assert raw.source.format == "text"  # normalized as a text scrape
    assert raw.hints["title"] == "겨울 교통 소식"


def test_email_page_title_wins_over_subject(tmp_path: Path) -> None:
    raw = _read(tmp_path, "letter.eml", _eml(_page("페이지 제목입니다"), None))
    assert raw.hints["title"] == "페이지 제목입니다"


def _one_error(capsys: pytest.CaptureFixture[str], path: Path) -> str:
    assert cli.main(["normalize", str(path)]) == 2
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("bookmaker: error: "), err
    assert path.name in lines[0]
    return lines[0]


H = b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="B"\r\n\r\n'
PAGE = (
    b"Content-Type: text/html; charset=utf-8\r\n\r\n<html><body><p>"
    + TEXT.encode()
    + b"</p></body></html>\r\n"
)


def test_hostile_many_parts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    part = b"--B\r\nContent-Type: image/png\r\nContent-Location: http://x/%d.png\r\n\r\nAAAA\r\n"
    path = tmp_path / "many.mhtml"
    path.write_bytes(H + b"--B\r\n" + PAGE + b"".join(part % i for i in range(100_000)) + b"--B--\r\n")
    start = time.perf_counter()
    assert "MIME parts, over the 5,000 limit" in _one_error(capsys, path)
    assert time.perf_counter() - start < 10


def test_hostile_deep_nesting(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = PAGE
    for i in range(1000):
        data = (
            b'Content-Type: multipart/mixed; boundary="b%d"\r\n\r\n--b%d\r\n' % (i, i)
            + data
            + b"\r\n--b%d--\r\n" % i
        )
    path = tmp_path / "deep.mhtml"
    path.write_bytes(b"MIME-Version: 1.0\r\n" + data)
    assert "multipart containers" in _one_error(capsys, path)


def test_hostile_broken_boundary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "broken.mhtml"
    path.write_bytes(H.replace(b'"B"', b'"NOPE"') + b"--B\r\n" + PAGE + b"--B--\r\n")
    assert "no HTML or text part" in _one_error(capsys, path)


def test_large_image_part_is_left_out_not_embedded(tmp_path: Path) -> None:
    big = base64.encodebytes(PNG + bytes(6 * 1024 * 1024))
    data = _mhtml(_page(), image=False).replace(
        b"------B------",
        b"------B----\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
        b"Content-Location: https://news.example.kr/photo/1.png\r\n\r\n" + big + b"------B------",
    )
    raw = _read(tmp_path, "page.mhtml", data)
    assert any(r.rule == "html.image" and "over 5 MB" in r.reason for r in raw.removed)
    assert not any("base64" in str(sl.attrs) for sl in raw.lines)


def test_build_mhtml_gives_epub_and_pdf(tmp_path: Path) -> None:
    source = tmp_path / "saved.mhtml"
    source.write_bytes(_mhtml(_page()))
    proc = run_cli("build", source, "-o", tmp_path / "out")
    assert proc.returncode == 0, proc.stderr
    epub, pdf = tmp_path / "out" / "saved.epub", tmp_path / "out" / "saved.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    with zipfile.ZipFile(epub) as book:
        assert any(name.endswith(".png") for name in book.namelist())  # the image part, packaged


def test_batch_lists_saved_pages(tmp_path: Path) -> None:
    from bookmaker.batch.inputs import discover

    for name in ("a.mhtml", "b.mht", "c.eml", "d.txt", "e.png"):
        (tmp_path / name).write_bytes(b"x")
    assert [p.name for p in discover(tmp_path)] == ["a.mhtml", "b.mht", "c.eml", "d.txt"]


def test_email_headline_cell_repeating_the_subject_is_the_title_line(tmp_path: Path) -> None:
    html = (
        "<html><body><table>\n<tr><td style='font-size:24px'>겨울 교통 소식</td></tr>\n"
        f"<tr><td><p>{TEXT}</p><p>{TEXT}</p></td></tr></table></body></html>"
    )
    raw = _read(tmp_path, "letter.eml", _eml(html, None))
    assert [(sl.line, sl.kind) for sl in raw.lines if sl.text == "겨울 교통 소식"] == [(2, "title")]
    assert not any(r.text == "겨울 교통 소식" for r in raw.removed)


def test_email_whose_html_shows_no_text_reads_its_plain_alternative(tmp_path: Path) -> None:
    html = "<html><body><img src='https://a.kr/banner.png' alt=''></body></html>"
    raw = _read(tmp_path, "letter.eml", _eml(html, f"{TEXT}\r\n"))
    assert raw.source.format == "text"
    assert [sl.text for sl in raw.lines if sl.text.strip()] == [TEXT]
    assert "plain text alternative" in raw.warnings[0]
