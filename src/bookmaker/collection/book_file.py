"""Book files: a small TOML or YAML file that lists a collection's articles and settings.

::

    title = "주간 뉴스 묶음"        # required (or --title)
    editor = "편집부"               # optional
    date = "2025-11-23"             # optional; default: the newest article's date
    cover = "cover.png"             # optional image; default: a generated cover
    page_size = "a5"                # optional PDF page preset
    order = "as-given"              # or "date"
    theme = "book"
    articles = ["a.txt", "b.html", "c.md"]   # paths relative to the book file

Unknown keys, wrong types and an empty article list are one-line input errors naming the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from bookmaker.errors import InputError
from bookmaker.files import read_regular, too_big
from bookmaker.language_tag import bad_language, is_language_tag

SUFFIXES = (".toml", ".yaml", ".yml")
ORDERS = ("as-given", "date")
_TEXT_KEYS = ("title", "editor", "date", "language", "cover", "page_size", "order", "theme")
KEYS = (*_TEXT_KEYS, "articles")
MAX_BYTES = 1024 * 1024  # a book file lists articles: a megabyte is thousands of them


@dataclass(frozen=True, slots=True)
class BookFile:
    """A parsed book file; ``articles`` and ``cover`` are resolved against its folder."""

    path: Path
    articles: tuple[Path, ...]
    title: str | None = None
    editor: str | None = None
    date: str | None = None
    language: str | None = None
    cover: Path | None = None
    page_size: str | None = None
    order: str | None = None
    theme: str | None = None

    @property
    def folder(self) -> Path:
        """The folder article paths are relative to."""
        return self.path.parent


def is_book_file(path: Path) -> bool:
    """Whether ``path`` names a book file (by its suffix) rather than an article."""
    return path.suffix.lower() in SUFFIXES


def _parse(path: Path, text: str) -> Any:
    if path.suffix.lower() == ".toml":
        import tomllib

        try:
            return tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise InputError(f"{path}: not valid TOML ({exc})") from None
    from bookmaker.yaml_input import load_yaml

    return load_yaml(text, str(path))


def _text_value(path: Path, key: str, value: Any) -> str | None:
    if value is None:
        return None
    if hasattr(value, "isoformat"):  # TOML/YAML dates
        return str(value.isoformat())
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        raise InputError(f"{path}: {key!r} must be text, not {type(value).__name__}")
    text = str(value).strip()
    return text or None


def _is_date(text: str) -> bool:
    try:
        datetime.fromisoformat(text)
    except ValueError:
        return False
    return True


def read_book_file(path: Path) -> BookFile:
    """Parse and check the book file at ``path``."""
    if not path.exists():
        raise InputError(f"{path}: no such book file")
    raw = read_regular(path, MAX_BYTES, on_size=too_big(f"{path}: the book file", MAX_BYTES))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{path}: a book file must be UTF-8 text") from None
    data = _parse(path, text)
    if not isinstance(data, dict):
        raise InputError(f"{path}: a book file is a table of keys ({', '.join(KEYS)})")
    unknown = sorted(str(key) for key in data if key not in KEYS)
    if unknown:
        raise InputError(f"{path}: unknown key {unknown[0]!r}; valid keys: {', '.join(KEYS)}")
    entries = data.get("articles")
    if not isinstance(entries, list) or not entries:
        raise InputError(f"{path}: 'articles' must be a non-empty list of article paths")
    if not all(isinstance(entry, str) and entry.strip() for entry in entries):
        raise InputError(f"{path}: every entry of 'articles' must be a path (text)")
    values = {key: _text_value(path, key, data.get(key)) for key in _TEXT_KEYS}
    if values["date"] is not None and not _is_date(values["date"]):
        raise InputError(f"{path}: 'date' {values['date']!r} is not a date (YYYY-MM-DD)")
    language = values["language"]
    if language is not None and not is_language_tag(language):
        raise InputError(bad_language(language, f"{path}: 'language'"))
    if values["order"] is not None and values["order"] not in ORDERS:
        raise InputError(f"{path}: 'order' is one of {', '.join(ORDERS)}, not {values['order']!r}")
    folder = path.parent
    cover = values.pop("cover")
    return BookFile(
        path=path,
        articles=tuple(folder / entry.strip() for entry in entries),
        cover=folder / cover if cover else None,
        **values,
    )
