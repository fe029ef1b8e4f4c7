"""A readable text outline of a Document: metadata, blocks with their lines, removals."""

from __future__ import annotations

from collections import Counter

from bookmaker.ir import Document, Figure, Heading, Paragraph

WIDTH = 70


def _short(text: str) -> str:
    text = text.replace("\n", " / ")
    return text if len(text) <= WIDTH else text[: WIDTH - 1] + "…"


def _lines(lines: list[int]) -> str:
    if not lines:
        return "-"
    return str(lines[0]) if lines[0] == lines[-1] else f"{lines[0]}-{lines[-1]}"


def removal_summary(doc: Document) -> str | None:
    """One line: how many source lines normalization (or the reader) removed, by rule, most first
    (``removed 31 lines: boilerplate.chrome 22, dedupe.exact 6, …``); None when nothing was."""
    lines: dict[int, str] = {}
    for r in doc.removed:
        lines.setdefault(r.line, r.rule or "other")
    if not lines:
        return None
    counts = Counter(lines.values()).most_common()
    rules = ", ".join(f"{rule} {n}" for rule, n in counts)
    return f"removed {len(lines)} source line{'s' if len(lines) != 1 else ''}: {rules}"


def outline(doc: Document) -> str:
    """Metadata, then one line per block, then one line per removal (with reason and rule)."""
    m = doc.meta
    src = m.lines
    out = [f"title      {m.title}  [{', '.join(map(str, src.get('title', [])))}]"]
    for s in m.subtitles:
        out.append(f"subtitle   {s}")
    if m.series:
        out.append(f"series     {', '.join(m.series)}")
    for a in m.authors:
        parts = [p for p in (a.role, a.email) if p]
        places = f" — {'; '.join(a.affiliations)}" if a.affiliations else ""
        out.append(f"author     {a.name or '?'}" + (f" ({', '.join(parts)})" if parts else "") + places)
    for ident in m.identifiers:
        out.append(f"{ident.scheme:<10} {ident.value}")
    if m.container:
        c = m.container
        issue = " ".join(x for x in (c.volume and f"vol. {c.volume}", c.issue and f"no. {c.issue}") if x)
        out.append("journal    " + ", ".join(x for x in (c.title, issue, c.pages and f"pp. {c.pages}") if x))
    for label, value in (
        ("publisher", m.publisher),
        ("date", m.date),
        ("dateline", m.dateline),
        ("rights", m.rights),
        ("language", m.language),
    ):
        if value:
            out.append(f"{label:<10} {value}")
    if src:
        out.append("meta lines " + "; ".join(f"{k}: {', '.join(map(str, v))}" for k, v in src.items()))
    out.append("")
    out.append(f"blocks ({len(doc.blocks)})")
    for b in doc.blocks:
        if isinstance(b, Figure):
            tag = "figure"
            body = _short(b.text) + (f"  — {b.credit}" if b.credit else "")
        elif isinstance(b, Heading):
            tag, body = f"h{b.level}", _short(b.text)
        elif isinstance(b, Paragraph) and b.role:
            tag, body = (
                {"editor-note": "note", "correction": "fix", "signature": "sign", "verse": "verse"}[b.role],
                _short(b.text),
            )
        else:
            kind = str(type(b).__struct_config__.tag)
            tag, body = {"paragraph": "p"}.get(kind, kind), _short(b.text)
        out.append(f"  {_lines(b.lines):>7}  {tag:<7} {body}")
    out.append("")
    out.append(f"removed ({len(doc.removed)})")
    summary = removal_summary(doc)
    if summary:
        out.append(f"  {summary}")
    for r in doc.removed:
        out.append(f"  {r.line:>7}  {r.reason} [{r.rule}]: {_short(r.text)}")
    return "\n".join(out) + "\n"
