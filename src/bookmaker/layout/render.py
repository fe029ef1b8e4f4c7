"""Render an IR document with the theme's Jinja2 templates.

Two renditions share the same templates: ``epub`` keeps the text as it is (the reading system
applies ``word-break: keep-all``); ``print`` glues each word with word joiners for WeasyPrint.
Templates are looked up along a chain (user ``--templates`` folder → theme → parent theme, see
:mod:`bookmaker.layout.themes`); environments are built once per (style, rendition) and reused.
"""

from __future__ import annotations

import contextlib
import os
import re
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import jinja2
from jinja2.bccache import Bucket
from jinja2.exceptions import SecurityError
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup, escape

from bookmaker import __version__
from bookmaker.book import Book
from bookmaker.cache_folder import cache_root, generation_folder
from bookmaker.errors import UsageError
from bookmaker.fonts.fallback import with_fallbacks
from bookmaker.ir import Block, Collection, Document, Heading, Meta, Paragraph, Table
from bookmaker.korean.eojeol import keep_words
from bookmaker.korean.keep_all import join_words
from bookmaker.korean.runt import headline
from bookmaker.layout.dateline import with_dateline
from bookmaker.layout.inlines import (
    note_id,
    note_numbers,
    print_notes,
    ref_id,
    referenced_notes,
    render_inlines,
)
from bookmaker.layout.labels import article_count, css_label, label, other_languages, own_words
from bookmaker.layout.list_markers import lead_line, list_markers
from bookmaker.layout.pages import BLEED_MM, SLUG_MM, PageSpec
from bookmaker.layout.phone_table import phone_fit
from bookmaker.layout.style import Style, default_style
from bookmaker.layout.table_grid import aligns as cell_aligns
from bookmaker.layout.themes import DEFAULT_THEME

if TYPE_CHECKING:
    from bookmaker.chunked.plan import Part
    from bookmaker.layout.print_layout import PrintLayout

Rendition = Literal["epub", "print"]


def _block_type(block: Block) -> str:
    tag = type(block).__struct_config__.tag
    return str(tag)


_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _display_date(value: str, language: str = "ko") -> str:
    """ISO 8601 → the display form of the article's language: Korean ``2025년 11월 23일 14:07``,
    English ``November 23, 2025, 14:07``."""
    english = language == "en"
    try:
        day = datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
    except ValueError:
        return value
    shown = (
        f"{_MONTHS[day.month - 1]} {day.day}, {day.year}"
        if english
        else f"{day.year}년 {day.month}월 {day.day}일"
    )
    if isinstance(day, datetime):
        shown += f"{',' if english else ''} {day:%H:%M}"
    return shown


def bare_title_block(meta: Meta, masthead: bool = False) -> bool:
    """Whether an untitled article's title block shows nothing (its stand-in title is printed
    nowhere): no kicker, deck, byline or DOI, nor a publisher or date unless a ruled ``masthead`` shows
    them. Such a block draws no rule under nothing."""
    shown = (
        meta.series
        or meta.subtitles
        or meta.authors
        or meta.identifiers
        or (not masthead and (meta.publisher or meta.date))
    )
    return meta.title_stand_in is True and not shown


_LEAD_IN_CHARS = 60


def leads_into_table(blocks: list[Block], index: int) -> bool:
    """Whether the paragraph ``blocks[index]`` introduces the table after it, and so is kept on the
    table's page: the table follows it, or follows one more short line (a table's name over its
    unit line: ``[표 2-1] 지역 유형별 자료구입비 추이`` / ``(단위: 억원, %)``)."""
    after = blocks[index + 1 : index + 3]
    if not after or not isinstance(blocks[index], Paragraph):
        return False
    if isinstance(after[0], Table):
        return True
    lines = [blocks[index], after[0]]  # two short lines, then the table
    short = all(isinstance(block, Paragraph) and len(block.text) <= _LEAD_IN_CHARS for block in lines)
    return short and len(after) == 2 and isinstance(after[1], Table)


_SPACED_LABEL = re.compile(r"[가-힣]{2,6}")


def spaced_label(text: str) -> bool:
    """Whether a document-kind label is letter-spaced as Korean covers set one (보 고 서, 보 도 자 료):
    a short word of Hangul alone. A label with Latin letters, digits or several words (``국토정책
    Brief No.1024``, ``제422회 국회(정기회)``) is set as written: tracked out, it falls apart."""
    return _SPACED_LABEL.fullmatch(text.strip()) is not None


_OWN_NUMBER = re.compile(
    r"^\s*(?:(?:\d{1,2}(?:\.\d{1,2})*\.?|[가-하]\.|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+\.|\(\d{1,2}\)|[①-⑳])(?=\s)"
    r"|제\s*\d{1,3}\s*[편장절관조]|【)"
)
"""A heading's own number or label: ``1. 연구 개요``, ``1.1 연구 배경``, ``가.``, ``Ⅱ.``, ``(1)``, ``①``,
``제2장``, ``【주 문】``."""


def numbers_its_headings(doc: Document) -> bool:
    """Whether a heading of ``doc`` carries its own number or label: a theme that numbers sections
    (the report's 1., 1.1) then leaves every heading of the document as written."""
    return any(isinstance(block, Heading) and _OWN_NUMBER.match(block.text) for block in doc.blocks)


def _loader(style: Style, rendition: Rendition) -> jinja2.BaseLoader:
    """Search the user's folder, then the theme, then its ancestors (each with ``print/`` first
    in the print rendition); ``NAME:file`` reaches theme NAME's own file (for a child template
    that includes its parent's, e.g. ``{% include "book:print.css.j2" %}``). The user's folder is
    read through :class:`UserTemplates`."""

    def paths(folders: list[Path]) -> list[str]:
        found = []
        for folder in folders:
            if rendition == "print":
                found.append(str(folder / "print"))
            found.append(str(folder))
        return found

    by_name = {theme.name: jinja2.FileSystemLoader(paths(theme.folders())) for theme in style.theme.lineage()}
    themes = jinja2.FileSystemLoader(paths(style.theme.folders()))
    chain: list[jinja2.BaseLoader] = [themes, jinja2.PrefixLoader(by_name, delimiter=":")]
    if style.templates is not None:
        chain.insert(0, UserTemplates(style.templates, rendition))
    return jinja2.ChoiceLoader(chain)


MAX_TEMPLATE_BYTES = 1024 * 1024


class UserTemplates(jinja2.BaseLoader):
    """A ``--templates`` folder (its ``print/`` first in the print rendition): only regular files
    whose real path, symlinks followed, stays inside the folder; anything else is refused."""

    def __init__(self, folder: Path, rendition: Rendition) -> None:
        self.root = folder.resolve()
        self.searched = [self.root / "print", self.root] if rendition == "print" else [self.root]

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        from jinja2.loaders import split_template_path

        from bookmaker.files import read_regular, too_big

        pieces = split_template_path(template)  # refuses ``..``
        for folder in self.searched:
            path = folder.joinpath(*pieces)
            if not os.path.lexists(path):
                continue
            real = path.resolve()
            if self.root not in real.parents:
                raise UsageError(f"{path}: leads out of the templates folder {self.root}; refused")
            data = read_regular(path, MAX_TEMPLATE_BYTES, on_size=too_big(str(path), MAX_TEMPLATE_BYTES))
            try:
                source = data.decode("utf-8")
            except UnicodeDecodeError:
                raise UsageError(f"{path}: a template must be UTF-8 text") from None
            return source, str(path), _unchanged(path)
        raise jinja2.TemplateNotFound(template)


def _unchanged(path: Path) -> Callable[[], bool]:
    """Jinja2's ``uptodate`` check for ``path``: still there with the same modification time."""
    mtime = os.path.getmtime(path)
    return lambda: os.path.exists(path) and os.path.getmtime(path) == mtime


MAX_REPEAT = 1_000_000  # items or characters a template may make with * (a user template's)


class UserSandbox(ImmutableSandboxedEnvironment):
    """The environment for a ``--templates`` folder: Jinja2's immutable sandbox (no attribute
    starting with ``_``, no Python internals, no changing lists or dicts), with ``*`` and ``**``
    bounded so one expression cannot ask for gigabytes (and without ``lipsum``). It guards what
    a template may reach, not how long it runs: see the README's trust model."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(right, int) and abs(right) > 64:
            raise SecurityError(f"exponent {right} is too large for a template")
        if operator == "*":
            for sequence, count in ((left, right), (right, left)):
                sized = isinstance(sequence, str | list | tuple) and isinstance(count, int)
                if sized and len(sequence) * count > MAX_REPEAT:
                    raise SecurityError(f"repeating makes over {MAX_REPEAT:,} items")
        return super().call_binop(context, operator, left, right)


_AUTOESCAPE = ("html", "html.j2", "xhtml")


class _TemplateCache(jinja2.FileSystemBytecodeCache):
    """Jinja2's on-disk cache of compiled templates (a template whose source changed is compiled
    again); an entry that cannot be read or written is only compiled again, never an error."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # a damaged entry
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


_CONTEXT_FILTERS = ("set_lines", "headline")
"""The filters that take the template's context: compiled code calls a filter as it was when compiled
(with or without the context), so a change here must name another cache folder."""


def _template_cache(env: jinja2.Environment) -> jinja2.BytecodeCache | None:
    """The compiled-template cache for ``env``, in a private folder of the user cache named for the
    options the compiled code depends on; None when caches are off or the folder is not safe to use."""
    root = cache_root()
    if root is None:
        return None
    options = (
        _AUTOESCAPE,
        env.trim_blocks,
        env.lstrip_blocks,
        env.keep_trailing_newline,
        env.sandboxed,
        _CONTEXT_FILTERS,
    )
    tag = zlib.crc32(repr(options).encode())
    folder = generation_folder(root, f"templates-{tag:08x}")
    return None if folder is None else _TemplateCache(str(folder))


@cache
def _environment(style: Style, rendition: Rendition) -> jinja2.Environment:
    """The built-in themes' templates are trusted; with a ``--templates`` folder every template
    renders in :class:`UserSandbox` (README: "Templates you did not write")."""
    kind = jinja2.Environment if style.templates is None else UserSandbox
    env = kind(
        loader=_loader(style, rendition),
        autoescape=jinja2.select_autoescape(_AUTOESCAPE, default=False),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.bytecode_cache = _template_cache(env)
    if env.sandboxed:
        del env.globals["lipsum"]  # lipsum(10**6) would write hundreds of megabytes
    if rendition == "print":
        from bookmaker.layout.print_runs import set_cell, set_lines
        from bookmaker.layout.print_tables import table_fit
        from bookmaker.layout.report_cover import COVER, cover_fit

        env.filters["t"] = lambda text: Markup(escape(join_words(text)))

        @jinja2.pass_context
        def set_lines_in(context: Context, content: Any, *args: Any, **kwargs: Any) -> Markup:
            """``set_lines`` in the language of the document being rendered (its hyphenation)."""
            return set_lines(content, *args, language=_document_language(context), **kwargs)

        env.filters["set_lines"] = set_lines_in
        env.filters["headline"] = _print_headline
        env.filters["set_cell"] = set_cell
        env.filters["lead_line"] = lead_line
        env.globals["table_fit"] = table_fit
        env.globals["running_head"] = _print_running_head
        env.globals["cover"] = COVER  # the report cover's sizes, and the space above its label
        env.globals["cover_fit"] = cover_fit
    else:
        env.filters["t"] = lambda text: Markup(keep_words(text))
    env.filters["inlines"] = lambda content, notes=None, prefix="": render_inlines(
        content, rendition, notes, prefix
    )
    env.filters["display_date"] = _display_date
    env.filters.setdefault("headline", _headline)
    env.globals["block_type"] = _block_type
    env.globals["bare_title_block"] = bare_title_block
    env.globals["numbers_its_headings"] = numbers_its_headings
    env.globals["spaced_label"] = spaced_label
    env.globals["leads_into_table"] = leads_into_table
    env.globals["cell_aligns"] = cell_aligns
    env.globals["phone_fit"] = phone_fit
    env.globals["list_markers"] = list_markers  # a numbered list's markers as text (가., ①), or None
    env.globals["label"] = label  # the book's own words in a language: label("contents", book.language)
    env.globals["article_count"] = article_count
    env.globals["css_label"] = css_label  # a label as a CSS content value, in the stylesheets
    # print: the numbers carry the notes too, set at the foot of the page of their first reference
    env.globals["note_numbers"] = print_notes if rendition == "print" else note_numbers
    env.globals["note_id"] = note_id
    env.globals["ref_id"] = ref_id
    env.globals["referenced_notes"] = referenced_notes
    env.globals["version"] = __version__
    return env


@jinja2.pass_context
def _headline(context: Context, title: str, size_pt: float | None = None) -> str:
    """A headline as the EPUB sets it (the reading system breaks its lines): only bound
    (:func:`~bookmaker.korean.runt.headline`). Takes the context as the print filter does: the
    templates both renditions share are compiled once."""
    return headline(title)


@jinja2.pass_context
def _print_headline(context: Context, title: str, size_pt: float | None = None) -> str:
    """A headline as the print rendition sets it: its breaks chosen (:mod:`.print_headline`) for
    the text block of the template's ``layout``, at the title's size or ``size_pt``."""
    from bookmaker.layout.print_layout import PrintLayout

    layout = context.get("layout")
    if not isinstance(layout, PrintLayout):
        return headline(title)
    return layout.headline(title, size_pt)


RUNNING_HEAD_PT = 8.0  # the largest size a theme sets its running head in (book 7.5, report 8)
RUNNING_HEAD_ROOM = 0.95  # of the text block: its margin box spans it (the other boxes of the row are empty)


@jinja2.pass_context
def _print_running_head(context: Context, title: str) -> str:
    """The title as the print rendition's running head shows it (:mod:`.running_head`): one line
    of the template's ``layout``."""
    from bookmaker.fonts.shaping import shaper
    from bookmaker.layout.print_layout import PrintLayout
    from bookmaker.layout.running_head import running_head

    layout = context.get("layout")
    if not isinstance(layout, PrintLayout):
        return title
    face = shaper(layout.scale.heading_font)
    room = layout.text_width_pt * RUNNING_HEAD_ROOM
    return running_head(title, lambda text: face.width(text) * RUNNING_HEAD_PT, room)


def _document_language(context: Context) -> str | None:
    """The language of the document a template is rendering (its ``doc``), if any."""
    doc = context.get("doc")
    return doc.meta.language if isinstance(doc, Document) else None


def _style(theme: str, style: Style | None) -> Style:
    """``style``, or ``theme`` with its own defaults."""
    return style if style is not None else default_style(theme)


def render_article(
    doc: Document, rendition: Rendition, theme: str = DEFAULT_THEME, *, style: Style | None = None
) -> str:
    """The article (title block + body) as an HTML fragment."""
    chosen = _style(theme, style)
    template = _environment(chosen, rendition).get_template("article.html.j2")
    return template.render(doc=with_dateline(doc), style=chosen)


@dataclass(frozen=True, slots=True)
class PrintSetup:
    """What every print document template needs: the environment, the line-setting layout, the
    effective style and the rendered page stylesheet."""

    env: jinja2.Environment
    layout: PrintLayout
    style: Style
    page_css: Markup


def print_setup(
    page: PageSpec,
    *,
    theme: str = DEFAULT_THEME,
    style: Style | None = None,
    print_ready: bool = False,
    break_style: str = "ranked",
    languages: tuple[str, ...] = (),
    book_language: str = "ko",
) -> PrintSetup:
    """Resolve the style, build the layout for ``page`` and render ``print.css.j2`` once; ``languages``
    are the book's languages other than Korean with words of their own (labels the CSS generates,
    :func:`~bookmaker.layout.labels.other_languages`), ``book_language`` the page furniture's."""
    from bookmaker.layout.print_layout import PrintLayout, break_style_of

    chosen = _style(theme, style)
    env = _environment(chosen, "print")
    layout = PrintLayout.for_style(chosen, page, break_style=break_style_of(break_style))
    page_css = env.get_template("print.css.j2").render(
        page=page,
        layout=layout,
        print_ready=print_ready,
        print_margin_mm=BLEED_MM + SLUG_MM,
        style=chosen,
        languages=languages,
        book_language=own_words(book_language),
    )
    return PrintSetup(env, layout, chosen, Markup(with_fallbacks(page_css)))


def render_print_html(
    source: Document | Collection | Book,
    page: PageSpec,
    *,
    created: str | None = None,
    theme: str = DEFAULT_THEME,
    print_ready: bool = False,
    style: Style | None = None,
    break_style: str = "ranked",
    part: Part | None = None,
) -> str:
    """A complete HTML document for WeasyPrint, with the page stylesheet inlined: an article, or a
    collection with its title page, contents and one chapter per article; with ``part``, only that
    part of the book (a book rendered in chunks, :mod:`bookmaker.chunked`).

    ``style`` (default: ``theme`` with its defaults) gives the templates and typography; ``page``
    is the trim size and margins to use; ``break_style`` is ``ranked`` (default), ``word`` or
    ``syllable`` (:data:`bookmaker.korean.linebreak.BREAK_STYLES`). A document whose paragraphs
    break inside words more often than its budget allows
    (:meth:`~bookmaker.layout.print_layout.PrintLayout.over_budget`) is rendered once more, the
    paragraphs whose splits buy least set whole.
    """
    book = Book.of(source)
    book = book.with_chapters([with_dateline(doc) for doc in book.chapters])
    setup = print_setup(
        page,
        theme=theme,
        style=style,
        print_ready=print_ready,
        break_style=break_style,
        languages=other_languages(doc.meta.language for doc in book.chapters),
        book_language=book.language,
    )
    env = setup.env
    collection_css = ""
    if book.collection is not None:
        collection_css = with_fallbacks(
            env.get_template("collection.css.j2").render(page=page, layout=setup.layout, style=setup.style)
        )
    template = env.get_template("print.html.j2")

    def render() -> str:
        return template.render(
            book=book,
            collection=book.collection,
            page_css=setup.page_css,
            collection_css=Markup(collection_css),
            created=created,
            layout=setup.layout,
            style=setup.style,
            part=part,
        )

    html = render()
    spaced = len(setup.layout.spaced_headlines)
    dropped = setup.layout.over_budget()
    if not dropped and len(setup.layout.spaced_headlines) == spaced:
        return html
    setup.layout.whole_words |= dropped  # splits over the document's budget: set those paragraphs whole
    return render()


@cache
def epub_stylesheet(
    theme: str = DEFAULT_THEME, *, style: Style | None = None, languages: tuple[str, ...] = ()
) -> str:
    """The theme's EPUB stylesheet: ``epub.css.j2`` rendered (in ``book`` it includes ``epub.css``,
    a child theme's ``epub-theme.css.j2`` and ``epub-settings.css.j2``); ``languages`` as for
    :func:`print_setup`."""
    chosen = _style(theme, style)
    env = _environment(chosen, "epub")
    try:
        css = env.get_template("epub.css.j2").render(style=chosen, languages=languages)
    except jinja2.TemplateNotFound:
        css = env.loader.get_source(env, "epub.css")[0]  # type: ignore[union-attr]
    return with_fallbacks(css)
