"""Builds the big-book tests compare: the five-article digest in one piece and in chunks, and a
long article in one piece and cut into runs of blocks."""

from __future__ import annotations

from pathlib import Path

import msgspec
import pytest

from bookmaker.ir import Document, Footnote, Heading, NoteRef, Paragraph, Text, from_json, to_json
from tests.collections.collection_support import ARTICLES, EDITOR, FIXTURES, TITLE
from tests.conftest import run_cli

SMALL_CHUNKS = {"BOOKMAKER_CHUNK_CHARS": "12000"}
"""A budget that cuts the digest into four chunks, no article cut (they weigh 2.5–12 thousand:
:func:`bookmaker.limits.layout_cost`)."""


def build(out: Path, *inputs: Path | str, env: dict[str, str] | None = None) -> Path:
    """The PDF of ``inputs`` built by the CLI into ``out``."""
    proc = run_cli("build", *inputs, "--to", "pdf", "-o", out, env=env)
    assert proc.returncode == 0, proc.stderr
    return Path(proc.stdout.split()[-1])


def digest_inputs() -> list[Path | str]:
    return [*(FIXTURES / f"{name}.json" for name in ARTICLES), "--title", TITLE, "--editor", EDITOR]


@pytest.fixture(scope="session")
def whole_digest(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("whole"), *digest_inputs())


@pytest.fixture(scope="session")
def chunked_digest(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("chunked"), *digest_inputs(), "--jobs", "2", env=SMALL_CHUNKS)


def long_article() -> Document:
    """One article of ~40 sections: the fixtures' paragraphs under numbered headings."""
    sources = [from_json((FIXTURES / f"{name}.json").read_bytes()) for name in ARTICLES]
    paragraphs = [block for doc in sources for block in doc.blocks if isinstance(block, Paragraph)]
    blocks: list[object] = []
    for number in range(40):
        blocks.append(Heading(content=[Text(f"{number + 1}장 긴 기사의 마디")], level=2, lines=[1, 1]))
        blocks += paragraphs[number * 3 % len(paragraphs) :][:4]
    meta = msgspec.structs.replace(sources[0].meta, title="아주 긴 기사 하나")
    return msgspec.structs.replace(sources[0], meta=meta, blocks=blocks)


@pytest.fixture(scope="session")
def long_article_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("long") / "long.json"
    path.write_text(to_json(long_article()), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def long_whole(tmp_path_factory: pytest.TempPathFactory, long_article_file: Path) -> Path:
    return build(tmp_path_factory.mktemp("long-whole"), long_article_file)


@pytest.fixture(scope="session")
def long_chunked(tmp_path_factory: pytest.TempPathFactory, long_article_file: Path) -> Path:
    env = {"BOOKMAKER_CHUNK_CHARS": "6000"}
    return build(tmp_path_factory.mktemp("long-chunked"), long_article_file, "--jobs", "2", env=env)


def noted_article() -> Document:
    """The long article with footnotes: references in its 2nd, 20th and 38th sections, the notes
    defined after its last block (as readers put them), so a cut article refers across chunks."""
    doc = long_article()
    blocks = list(doc.blocks)
    notes = []
    for number, section in enumerate((2, 20, 38), 1):
        index = next(i for i, block in enumerate(blocks) if block.text.startswith(f"{section}장 ")) + 1
        paragraph = blocks[index]
        assert isinstance(paragraph, Paragraph)
        note = f"n{number}"
        blocks[index] = msgspec.structs.replace(paragraph, content=[*paragraph.content, NoteRef(note=note)])
        text = f"각주 {number}번의 설명: {section}장에서 말한 자료의 출처."
        notes.append(Footnote(id=note, blocks=[Paragraph(content=[Text(text)], lines=[1, 1])]))
    return msgspec.structs.replace(doc, blocks=[*blocks, *notes])


@pytest.fixture(scope="session")
def noted_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The noted article's PDF in one piece, and cut into runs of blocks."""
    path = tmp_path_factory.mktemp("noted") / "noted.json"
    path.write_text(to_json(noted_article()), encoding="utf-8")
    whole = build(tmp_path_factory.mktemp("noted-whole"), path)
    env = {"BOOKMAKER_CHUNK_CHARS": "6000"}
    return whole, build(tmp_path_factory.mktemp("noted-chunked"), path, "--jobs", "2", env=env)
