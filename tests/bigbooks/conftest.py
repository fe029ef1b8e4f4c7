"""Builds the big-book tests compare: the five-article digest in one piece and in chunks, and a
long article in one piece and cut into runs of blocks."""

from __future__ import annotations

from pathlib import Path

import msgspec
import pytest

from bookmaker.ir import Document, Heading, Paragraph, Text, from_json, to_json
from tests.collections.collection_support import ARTICLES, EDITOR, FIXTURES, TITLE
from tests.conftest import run_cli

SMALL_CHUNKS = {"BOOKMAKER_CHUNK_CHARS": "9500"}
"""A budget that cuts the digest into four chunks, no article cut (they weigh 2–9 thousand)."""


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
