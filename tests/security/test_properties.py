"""Property tests (hypothesis): any input reads to an IR that keeps every line, or to one clear
error; any text builds to an EPUB that EPUBCheck accepts and a PDF that carries the text.

CI runs a fixed, derandomized set (profile ``ci``: a few hundred reader cases, two dozen builds
checked by one EPUBCheck JVM). ``HYPOTHESIS_PROFILE=deep`` explores more; ``bench/fuzz.py``
runs the same properties for hours.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from bookmaker.ir import Document
from tests.security.properties import build_outputs, check_pdf_text, read_and_normalize
from tests.support.epub_tools import run_epubcheck_many

settings.register_profile(
    "ci",
    derandomize=True,
    deadline=None,
    print_blob=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile("deep", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

HANGUL = st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3)
LETTERS = st.one_of(
    HANGUL,
    HANGUL,
    HANGUL,
    st.characters(min_codepoint=0x20, max_codepoint=0x7E),
    st.sampled_from(list("“”‘’…·《》「」ⓒ©▶■→漢字\u3000\u00a0\u200b\ufeff")),
)
HOSTILE_CHARS = st.one_of(
    LETTERS,
    st.characters(max_codepoint=0x1F),
    st.characters(min_codepoint=0x7F, max_codepoint=0x9F),
    st.sampled_from(["\ufffe", "\uffff", "\u202e", "\u2028", "\u0301", "😀", "\U0002f800", "\ufdd0"]),
)
WORD = st.text(LETTERS, min_size=1, max_size=8)
LINE = st.lists(WORD, min_size=1, max_size=14).map(" ".join)
TAGS = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<div>",
        "</div>",
        "<br>",
        "<h2>",
        "</h2>",
        "<blockquote>",
        "<li>",
        "<figcaption>",
        "<script>x()</script>",
        "<style>@import url(http://127.0.0.1/x.css)</style>",
        '<img src="../x.png" alt="긴 대체 텍스트가 있는 사진입니다">',
        '<a href="javascript:alert(1)">',
        "&amp;",
        "&#0;",
        "&#x202e;",
        "<!--",
        "-->",
        "<![CDATA[",
        "<svg><image href='/etc/passwd'/></svg>",
    ]
)


@st.composite
def text_inputs(draw: st.DrawFn) -> tuple[bytes, str]:
    """Plain text, Markdown or an unknown extension, with hostile characters, in some encoding."""
    lines = draw(st.lists(st.one_of(LINE, st.text(HOSTILE_CHARS, max_size=40), st.just("")), max_size=25))
    text = draw(st.sampled_from(["\n", "\r\n", "\r"])).join(lines)
    codec = draw(st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp949"]))
    data = text.encode(codec, errors="replace" if codec == "cp949" else "surrogatepass")
    return _damaged(draw, data), draw(st.sampled_from([".txt", ".md", ""]))


def _damaged(draw: st.DrawFn, data: bytes) -> bytes:
    """``data``, sometimes cut short or with a byte changed (a broken download, a bad disk)."""
    damage = draw(st.sampled_from(["none", "none", "cut", "byte"]))
    if damage == "cut" and data:
        return data[: draw(st.integers(0, len(data) - 1))]
    if damage == "byte" and data:
        index = draw(st.integers(0, len(data) - 1))
        return data[:index] + bytes([draw(st.integers(0, 255))]) + data[index + 1 :]
    return data


@st.composite
def html_inputs(draw: st.DrawFn) -> tuple[bytes, str]:
    """HTML soup: tags, text and hostile markup in any order."""
    parts = draw(st.lists(st.one_of(TAGS, LINE, st.text(HOSTILE_CHARS, max_size=20)), max_size=40))
    body = "".join(parts)
    page = draw(st.sampled_from(["{}", "<html><body>{}</body></html>", "<html><body><article>{}</article>"]))
    return _damaged(draw, page.format(body).encode("utf-8", errors="surrogatepass")), ".html"


@st.composite
def json_inputs(draw: st.DrawFn) -> tuple[bytes, str]:
    """IR-shaped JSON with any strings, some fields of the wrong type."""
    import json

    value = st.one_of(st.text(HOSTILE_CHARS, max_size=30), st.integers(), st.none(), st.booleans())
    block = st.fixed_dictionaries(
        {
            "type": st.sampled_from(["paragraph", "heading", "quote", "figure", "list", "table"]),
            "text": value,
        },
        optional={"level": st.integers(-1, 9), "items": st.lists(value, max_size=3), "src": value},
    )
    doc = st.fixed_dictionaries(
        {"meta": st.fixed_dictionaries({"title": value}), "blocks": st.lists(block, max_size=6)}
    )
    return json.dumps(draw(doc)).encode(), ".json"


@given(
    st.one_of(
        text_inputs(), html_inputs(), json_inputs(), st.tuples(st.binary(max_size=300), st.just(".txt"))
    )
)
@settings(max_examples=int(os.environ.get("BOOKMAKER_PROPERTY_CASES", "400")))
def test_any_input_reads_to_a_conserving_ir_or_one_clear_error(case: tuple[bytes, str]) -> None:
    data, suffix = case
    with tempfile.TemporaryDirectory() as tmp:
        read_and_normalize(data, suffix, Path(tmp))


ARTICLE = st.lists(st.one_of(LINE, LINE, st.text(HOSTILE_CHARS, max_size=60)), min_size=1, max_size=12)
BUILDS = int(os.environ.get("BOOKMAKER_PROPERTY_BUILDS", "24"))


@given(st.lists(ARTICLE, min_size=BUILDS, max_size=BUILDS))
@settings(max_examples=1, phases=[Phase.generate])  # one batch: EPUBCheck runs once, in one JVM
def test_any_text_builds_a_valid_epub_and_a_readable_pdf(articles: list[list[str]]) -> None:
    built: list[tuple[list[str], Document, Path, Path]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for index, lines in enumerate(articles):
            folder = Path(tmp) / str(index)
            folder.mkdir()
            outcome = read_and_normalize("\n\n".join(lines).encode("utf-8", "surrogatepass"), ".txt", folder)
            if outcome.doc is None:
                continue  # nothing readable (only control characters): the error path, tested above
            epub, pdf = build_outputs(outcome.doc, folder)
            check_pdf_text(outcome.doc, pdf)
            built.append((lines, outcome.doc, epub, pdf))
        assert len(built) >= BUILDS // 2, "the generator made too few readable articles"
        results = run_epubcheck_many([epub for _, _, epub, _ in built])
        for lines, _, epub, _ in built:
            result = results[epub]
            assert result.counts["fatal"] == result.counts["error"] == result.counts["warning"] == 0, (
                f"EPUBCheck rejects the book of {lines!r}: {[m.text for m in result.messages][:3]}"
            )
