"""Inline runs through normalization: the passes read and edit plain text; the runs follow.

A reader gives a line its plain ``text`` and, when the markup has them, its inline runs. Passes
clean punctuation, strip a byline glued to a sentence and so on, on the text alone;
:func:`follow_edit` then carries each edit into the runs (kept characters stay in their run, an
inserted one joins the run of the character before it, a deleted one leaves), so a bold word or a
link keeps its markup when the sentence around it changes. Code keeps its text as written unless
all of it was removed.
"""

from __future__ import annotations

import re

import msgspec

from bookmaker.ir import (
    Code,
    Document,
    Emphasis,
    Inline,
    LineBreak,
    Link,
    Ruby,
    Span,
    Strong,
    Subscript,
    Superscript,
    Text,
    map_inlines,
    plain,
)

_Container = Strong | Emphasis | Link | Superscript | Subscript | Span


def follow_edit(runs: list[Inline], text: str) -> list[Inline]:
    """``runs`` edited so that their plain text is ``text`` (see the module)."""
    old = plain(runs)
    if old == text:
        return runs
    owners = _owners(runs)  # leaf number of each character of ``old``
    kept: list[list[str]] = [[] for _ in range(_count_leaves(runs))]
    last = 0
    for op, i1, i2, j1, j2 in _opcodes(old, text):
        if op == "equal":
            for offset in range(i2 - i1):
                last = owners[i1 + offset]
                kept[last].append(text[j1 + offset])
        elif op in ("replace", "insert"):
            for offset, char in enumerate(text[j1:j2]):
                if op == "replace" and i1 + offset < i2:
                    last = owners[i1 + offset]
                elif op == "insert" and j1 == 0 and owners:
                    last = owners[0]
                kept[last].append(char)
        # "delete": the characters leave their runs
    if not owners:  # no text before: the new text is one run
        return [Text(value=text)] if text else []
    rebuilt, _ = _rebuild(runs, ["".join(chars) for chars in kept], 0)
    return rebuilt


EXACT_DIFF = 1_000_000
"""Above this product of the two texts' lengths (past their common ends) the diff lets difflib
treat very common characters as junk: near-linear instead of quadratic, and still exact for the
sparse edits passes make (a 23 KB paragraph took minutes; found by bench/fuzz.py)."""


def _opcodes(old: str, new: str) -> list[tuple[str, int, int, int, int]]:
    """difflib's opcodes turning ``old`` into ``new``, the common start and end matched first."""
    prefix = 0
    limit = min(len(old), len(new))
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    ops: list[tuple[str, int, int, int, int]] = [("equal", 0, prefix, 0, prefix)] if prefix else []
    middle_old, middle_new = old[prefix : len(old) - suffix], new[prefix : len(new) - suffix]
    exact = len(middle_old) * len(middle_new) <= EXACT_DIFF
    import difflib  # only here: most articles' passes never edit a run with markup (~2 ms import)

    matcher = difflib.SequenceMatcher(None, middle_old, middle_new, autojunk=not exact)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        ops.append((op, i1 + prefix, i2 + prefix, j1 + prefix, j2 + prefix))
    if suffix:
        ops.append(("equal", len(old) - suffix, len(old), len(new) - suffix, len(new)))
    return ops


def slice_runs(runs: list[Inline], start: int, end: int) -> list[Inline]:
    """The runs of characters ``start`` to ``end`` of ``plain(runs)`` (a footnote reference goes
    with the text before it)."""
    out, _ = _slice(runs, start, end, 0)
    return _merge_text(out)


def _slice(runs: list[Inline], start: int, end: int, position: int) -> tuple[list[Inline], int]:
    out: list[Inline] = []
    for run in runs:
        leaf = _leaf_text(run)
        if isinstance(run, _Container):
            content, after = _slice(run.content, start, end, position)
            if content:
                out.append(_with_content(run, content))
            position = after
            continue
        length = len(leaf) if leaf is not None else 0
        lo, hi = max(start, position), min(end, position + length)
        if isinstance(run, Text | Code) and lo < hi:
            piece = run.value[lo - position : hi - position]
            out.append(Text(value=piece) if isinstance(run, Text) else Code(value=piece))
        elif (lo < hi) if length else (start < position <= end or position == start == 0):
            out.append(run)  # a ruby or a line break whole; a reference with the text before it
        position += length
    return out, position


def _leaf_text(run: Inline) -> str | None:
    """The editable text of a leaf run (None: a container or a run without text)."""
    if isinstance(run, Text | Code):
        return run.value
    if isinstance(run, Ruby):
        return run.base
    if isinstance(run, LineBreak):
        return "\n"
    return None


def _owners(runs: list[Inline]) -> list[int]:
    owners: list[int] = []

    def visit(items: list[Inline], counter: list[int]) -> None:
        for run in items:
            leaf = _leaf_text(run)
            if leaf is not None:
                owners.extend([counter[0]] * len(leaf))
                counter[0] += 1
            elif isinstance(run, _Container):
                visit(run.content, counter)

    visit(runs, [0])
    return owners


def _count_leaves(runs: list[Inline]) -> int:
    total = 0
    for run in runs:
        if _leaf_text(run) is not None:
            total += 1
        elif isinstance(run, _Container):
            total += _count_leaves(run.content)
    return total


def _rebuild(runs: list[Inline], texts: list[str], index: int) -> tuple[list[Inline], int]:
    """The runs with leaf ``index``… given their new texts; empty runs dropped."""
    out: list[Inline] = []
    for run in runs:
        if _leaf_text(run) is not None:
            new = texts[index]
            index += 1
            if isinstance(run, Text) and new:
                out.append(Text(value=new))
            elif isinstance(run, Code) and new:
                out.append(run)  # code keeps its text as written (quotes are not curled in code)
            elif isinstance(run, Ruby) and new:
                out.append(Ruby(base=new, annotation=run.annotation))
            elif isinstance(run, LineBreak):
                out.extend([run] if new == "\n" else _text_without_breaks(new))
        elif isinstance(run, _Container):
            content, index = _rebuild(run.content, texts, index)
            if content:
                out.append(_with_content(run, content))
        else:  # a footnote reference: no text to edit, it stays
            out.append(run)
    return _merge_text(out), index


def _text_without_breaks(value: str) -> list[Inline]:
    """A :class:`Text` run of ``value`` without its line breaks' newlines, or nothing."""
    value = value.replace("\n", "")
    return [Text(value=value)] if value else []


def _with_content(run: _Container, content: list[Inline]) -> Inline:
    if isinstance(run, Strong):
        return Strong(content=content)
    if isinstance(run, Emphasis):
        return Emphasis(content=content)
    if isinstance(run, Link):
        return Link(href=run.href, title=run.title, content=content)
    if isinstance(run, Superscript):
        return Superscript(content=content)
    if isinstance(run, Subscript):
        return Subscript(content=content)
    return Span(lang=run.lang, content=content)


def _merge_text(runs: list[Inline]) -> list[Inline]:
    """Neighbouring :class:`Text` runs as one."""
    out: list[Inline] = []
    for run in runs:
        if isinstance(run, Text) and out and isinstance(out[-1], Text):
            out[-1] = Text(value=out[-1].value + run.value)
        else:
            out.append(run)
    return out


# runs of four or more Latin-script words (a quoted English sentence): WCAG 3.1.2 Language of Parts
_LATIN_WORD = r"[A-Za-z][A-Za-z'’.\-]*"
_LATIN_RUN = re.compile(rf"(?<![\w&#;]){_LATIN_WORD}(?:[ ,;:]+(?:{_LATIN_WORD}|\d+)){{3,}}")


def mark_languages(runs: list[Inline], language: str = "ko") -> list[Inline]:
    """``runs`` with each run of four or more Latin-script words in a Korean text in a
    ``Span(lang="en")`` (such runs in Korean news are English in practice); runs already in a
    language span, code and links' targets are left as they are."""
    if language != "ko":
        return runs
    out: list[Inline] = []
    for run in runs:
        if isinstance(run, Text):
            out.extend(_split_latin(run.value))
        elif isinstance(run, Span | Code):
            out.append(run)
        elif isinstance(run, _Container):
            out.append(_with_content(run, mark_languages(run.content, language)))
        else:
            out.append(run)
    return out


def _split_latin(value: str) -> list[Inline]:
    out: list[Inline] = []
    position = 0
    for match in _LATIN_RUN.finditer(value):
        if match.start() > position:
            out.append(Text(value=value[position : match.start()]))
        out.append(Span(lang="en", content=[Text(value=match.group(0))]))
        position = match.end()
    if position < len(value):
        out.append(Text(value=value[position:]))
    return out


def with_languages(doc: Document) -> Document:
    """``doc`` with :func:`mark_languages` applied to every block's inline runs (an IR 1.x document
    had no language spans)."""
    language = doc.meta.language
    blocks = [map_inlines(block, lambda runs: mark_languages(runs, language)) for block in doc.blocks]
    return msgspec.structs.replace(doc, blocks=blocks)
