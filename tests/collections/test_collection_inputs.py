"""Assembling a collection: duplicates, date order, book files (TOML, YAML) and their errors."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from bookmaker.collection import prepare_collection, read_book_file
from bookmaker.collection.assemble import Article, drop_duplicates, in_order, make_collection
from bookmaker.errors import InputError, UsageError
from bookmaker.ir import Document, Meta, Paragraph, collection_from_json, text_runs, to_json
from tests.collections.collection_support import ARTICLES, FIXTURES, title_of
from tests.conftest import run_cli


def _doc(title: str, text: str, date: str | None = None) -> Document:
    return Document(meta=Meta(title=title, date=date), blocks=[Paragraph(content=text_runs(text))])


def _article(name: str, doc: Document) -> Article:
    return Article(Path(f"/in/{name}.json"), doc)


def test_same_content_and_same_text_are_left_out_with_reasons():
    original = _doc("금리 동결", "한국은행이 기준금리를 동결했다.")
    respaced = _doc(
        "금리  동결", "한국은행이 기준금리를\n동결했다.", date="2025-01-01"
    )  # other meta, same text
    other = _doc("다른 기사", "전혀 다른 내용이다.")
    kept, duplicates = drop_duplicates(
        [_article("a", original), _article("b", original), _article("c", respaced), _article("d", other)]
    )
    assert [a.path.name for a in kept] == ["a.json", "d.json"]
    assert [(d.path, d.duplicate_of, d.reason) for d in duplicates] == [
        ("/in/b.json", "/in/a.json", "same content"),
        ("/in/c.json", "/in/a.json", "same title and text"),
    ]


def test_date_order_is_oldest_first_undated_last_and_stable():
    articles = [
        _article("undated-1", _doc("u1", "하나")),
        _article("late", _doc("l", "둘", "2026-03-14T09:30:00+09:00")),
        _article("early", _doc("e", "셋", "2025-10-09")),
        _article("undated-2", _doc("u2", "넷")),
        _article("same-day", _doc("s", "다섯", "2025-10-09")),
        _article("utc", _doc("z", "여섯", "2026-03-14T00:29:00Z")),  # 09:29 KST: before "late"
    ]
    ordered = [a.path.stem for a in in_order(articles, "date")]
    assert ordered == ["early", "same-day", "utc", "late", "undated-1", "undated-2"]
    assert [a.path.stem for a in in_order(articles, "as-given")] == [a.path.stem for a in articles]


def test_collection_json_round_trip_and_default_title():
    notes: list[str] = []
    articles = [_article("a", _doc("첫 기사", "가")), _article("b", _doc("둘째 기사", "나", "2025-05-05"))]
    collection, kept = make_collection(articles, title=None, notes=notes)
    assert collection.meta.title == "첫 기사 외 1편"
    assert any("no --title" in note for note in notes)
    assert collection.meta.date == "2025-05-05"
    assert collection_from_json(to_json(collection)) == collection
    assert kept == [a.path for a in articles]


def _book(tmp_path: Path, name: str, text: str, articles: tuple[str, ...] = ARTICLES) -> Path:
    for article in articles:
        shutil.copy(FIXTURES / f"{article}.json", tmp_path / f"{article}.json")
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


TOML_BOOK = """
title = "주간 묶음"
editor = "문화부"
order = "date"
articles = [{entries}]
"""


def test_toml_book_file_with_date_order(tmp_path):
    given = ARTICLES[::-1]  # hanja-latin (2026-05-02) first … long-climate (2025-10-09) last
    entries = ", ".join(f'"{name}.json"' for name in given)
    book = _book(tmp_path, "weekly.toml", TOML_BOOK.format(entries=entries))
    prepared = prepare_collection([book])
    meta = prepared.collection.meta
    assert (meta.title, meta.editor, prepared.slug) == ("주간 묶음", "문화부", "weekly")
    titles = [doc.meta.title for doc in prepared.collection.articles]
    # the three 2025-10-09 articles keep their given order, then 2026-03-14, then 2026-05-02
    expected = ["long-semiconductor", "long-culture", "long-climate", "many-headings", "hanja-latin"]
    assert titles == [title_of(n) for n in expected]
    as_given = prepare_collection([book], order="as-given")
    assert [d.meta.title for d in as_given.collection.articles] == [title_of(n) for n in given]


def test_yaml_book_file_and_command_line_overrides(tmp_path):
    text = (
        "title: 주말판\neditor: 편집부\n"
        "articles:\n  - hanja-latin.json\n  - long-climate.json\n  - ./long-climate.json\n"
    )
    book = _book(tmp_path, "weekend.yaml", text, ("hanja-latin", "long-climate"))
    prepared = prepare_collection([book], title="다른 제목", order="date")
    assert prepared.collection.meta.title == "다른 제목"
    assert [d.meta.title for d in prepared.collection.articles] == [
        title_of("long-climate"),
        title_of("hanja-latin"),
    ]
    assert len(prepared.collection.duplicates) == 1
    assert any("left out" in warning for warning in prepared.warnings)


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("bad.toml", "title = \n", "not valid TOML"),
        ("bad.yaml", "title: [unclosed\n", "not valid YAML"),
        ("keys.toml", 'title = "x"\nchapters = ["a.json"]\n', "unknown key 'chapters'"),
        ("empty.toml", 'title = "x"\narticles = []\n', "'articles' must be a non-empty list"),
        ("order.toml", 'order = "random"\narticles = ["a.json"]\n', "'order' is one of"),
        ("list.yaml", "- a.json\n", "a book file is a table"),
    ],
)
def test_bad_book_files_are_one_clear_error(tmp_path, name, text, message):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_book_file(path)


def test_missing_article_names_the_article_and_the_book(tmp_path):
    book = _book(
        tmp_path, "book.toml", 'title = "x"\narticles = ["hanja-latin.json", "gone.txt"]\n', ("hanja-latin",)
    )
    with pytest.raises(InputError, match=r"book\.toml: article 'gone\.txt': .*no such file"):
        prepare_collection([book])


def test_article_outside_the_book_folder_is_refused(tmp_path):
    inner = tmp_path / "book"
    inner.mkdir()
    shutil.copy(FIXTURES / "no-meta.json", tmp_path / "outside.json")
    book = _book(inner, "book.toml", 'title = "x"\narticles = ["../outside.json"]\n', ())
    with pytest.raises(InputError, match="outside the book file's folder"):
        prepare_collection([book])
    assert prepare_collection([book], resource_paths=[tmp_path]).collection.articles


def test_book_file_with_articles_is_a_usage_error(tmp_path):
    book = _book(tmp_path, "book.toml", 'articles = ["hanja-latin.json"]\n', ("hanja-latin",))
    with pytest.raises(UsageError):
        prepare_collection([book, tmp_path / "hanja-latin.json"])


def test_cli_book_file_builds_epub_in_order(tmp_path):
    entries = '"hanja-latin.json", "list-quote.json"'
    book = _book(
        tmp_path,
        "digest.toml",
        f'title = "작은 묶음"\narticles = [{entries}]\n',
        ("hanja-latin", "list-quote"),
    )
    proc = run_cli("build", book, "-o", tmp_path / "out", "--to", "epub", "--no-embed-fonts")
    assert proc.returncode == 0, proc.stderr
    epub = tmp_path / "out" / "digest.epub"
    assert proc.stdout.split() == [str(epub)]
    with zipfile.ZipFile(epub) as archive:
        nav = etree.fromstring(archive.read("EPUB/nav.xhtml"))
    links = nav.xpath("//*[local-name()='nav'][@role='doc-toc']/*/*/*[local-name()='a']/text()")
    assert links == [title_of("hanja-latin"), title_of("list-quote")]


def test_untitled_article_of_a_collection_gets_the_stand_in_title(tmp_path):
    """The contents page and the nav name every article (an empty nav link is invalid EPUB)."""
    titled = tmp_path / "titled.json"
    titled.write_text(to_json(_doc("금리 동결", "한국은행이 기준금리를 동결했다.")), encoding="utf-8")
    untitled = tmp_path / "untitled.json"
    untitled.write_text(to_json(_doc("", "제목 없이 사진 설명만 남은 기사다.")), encoding="utf-8")
    out = tmp_path / "out"
    options = ("--title", "묶음", "-o", out, "--to", "epub", "--no-embed-fonts")
    proc = run_cli("build", titled, untitled, *options)
    assert proc.returncode == 0, proc.stderr
    assert "article 2 has no title; titled '제목 없음' in the book" in proc.stderr
    with zipfile.ZipFile(out / "묶음.epub") as archive:
        nav = etree.fromstring(archive.read("EPUB/nav.xhtml"))
    links = nav.xpath("//*[local-name()='nav'][@role='doc-toc']/*/*/*[local-name()='a']/text()")
    assert links == ["금리 동결", "제목 없음"]


def test_cli_errors_are_one_line(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('title = "x"\narticles = ["missing.md"]\n', encoding="utf-8")
    proc = run_cli("build", bad, "-o", tmp_path / "out")
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "missing.md" in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "out").exists()


def test_single_article_still_builds_alone(tmp_path):
    proc = run_cli("build", FIXTURES / "no-meta.json", "-o", tmp_path, "--to", "epub", "--no-embed-fonts")
    assert proc.returncode == 0, proc.stderr
    with zipfile.ZipFile(tmp_path / "no-meta.epub") as archive:
        assert "EPUB/article.xhtml" in archive.namelist()


def test_api_builds_a_book_file_as_the_cli_does(tmp_path):
    """The book file's theme reaches the API's build (one preparation path for both)."""
    import bookmaker

    entries = '"hanja-latin.json", "list-quote.json"'
    book = _book(
        tmp_path,
        "digest.toml",
        f'title = "작은 묶음"\ntheme = "report"\narticles = [{entries}]\n',
        ("hanja-latin", "list-quote"),
    )
    via_cli = tmp_path / "cli"
    proc = run_cli("build", book, "-o", via_cli, "--to", "epub", "--no-embed-fonts")
    assert proc.returncode == 0, proc.stderr
    result = bookmaker.build_collection([book], tmp_path / "api", formats="epub", embed_fonts=False)
    [epub] = result.outputs
    assert epub.name == "digest.epub"
    with zipfile.ZipFile(epub) as api_book, zipfile.ZipFile(via_cli / "digest.epub") as cli_book:
        names = api_book.namelist()
        assert names == cli_book.namelist()
        assert all(api_book.read(name) == cli_book.read(name) for name in names if name.endswith(".css"))
        css = b"".join(api_book.read(name) for name in names if name.endswith(".css"))
    articles = [tmp_path / "hanja-latin.json", tmp_path / "list-quote.json"]
    plain = bookmaker.build_collection(articles, tmp_path / "plain", formats="epub", embed_fonts=False)
    with zipfile.ZipFile(plain.outputs[0]) as book_theme:
        assert css != b"".join(book_theme.read(name) for name in names if name.endswith(".css"))
