"""A static-site generator's own markup in a Markdown post (Jekyll's Liquid and kramdown, Hugo's
shortcodes), rewritten to CommonMark before parsing, line for line (every line keeps its number):

- ``{% highlight css linenos %}`` … ``{% endhighlight %}`` (Hugo: ``{{< highlight go >}}`` …
  ``{{< /highlight >}}``) is a fenced code block;
- ``{% include figure image_path="…" alt="…" caption="…" %}`` (Hugo: ``{{< figure src="…" caption="…" >}}``)
  is an image with its caption;
- an embed shortcode (``{{< youtube ID >}}``, ``vimeo``, ``tweet``/``x``, ``instagram``, ``gist``) is a line
  naming the site over a link to what it shows, with a warning (a book cannot play or embed it);
- a note box shortcode (``{{% notice tip %}}`` … ``{{% /notice %}}``; ``alert``, ``callout``, ``hint``,
  ``admonition``) is a block quote under its title in bold (the title given, else its type's name), its
  closing tag removed;
- a link to another page of the site (``[이전 글]({{< ref "post.md" >}})``) is its text, with a warning;
- any other line of template tags only (``{% include share.html %}``, ``{{< share >}}``,
  ``{% raw %}``) is the site's, never the text: removed (``markdown.template``);
- a kramdown attribute list on a line of its own (``{: .notice--info}``, ``{:toc}``) or ending a line
  (``## 제목 {#intro}``) is styling: removed (``markdown.attributes``); the table of contents it marks
  (``* TOC`` over ``{:toc}``) is the site's too (``markdown.toc``).

Fenced code is left as it is."""

from __future__ import annotations

import re

from bookmaker.ir import Removal
from bookmaker.readers.doc_boxes import broken_off
from bookmaker.readers.obsidian import body_start

_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_HIGHLIGHT = re.compile(
    r"^\s*(?:\{%-?\s*highlight\s+(?P<lang>[\w+#.-]+)[^%]*-?%\}|\{\{<\s*highlight\s+(?P<hlang>[\w+#.-]+)[^>]*>\}\})\s*$"
)
_END_HIGHLIGHT = re.compile(r"^\s*(?:\{%-?\s*endhighlight\s*-?%\}|\{\{<\s*/highlight\s*>\}\})\s*$")
_FIGURE = re.compile(
    r"^\s*(?:\{%-?\s*include\s+figure(?:\.html)?\s(?P<liquid>[^%]*)-?%\}|\{\{<\s*figure\s(?P<hugo>[^>]*)>\}\})\s*$"
)
_ATTR = re.compile(r"""(?P<key>[\w-]+)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)')""")
_TAGS_ONLY = re.compile(r"^\s*(?:(?:\{%-?[^%]*-?%\}|\{\{[<%][^}]*[>%]\}\})\s*)+$")
_IAL_LINE = re.compile(r"^\s{0,3}(?:>\s*)*\{:[^{}]*\}\s*$")
_IAL_END = re.compile(r"\{(?::|#)[^{}\s][^{}]*\}\s*$")
"""Attributes closing a line (``… {: .note}``, ``## 제목 {#id}``); found without the spaces before them,
which a search would otherwise try again from every space of a long run (quadratic)."""
_HEADING_LINE = re.compile(r"^\s{0,3}#{1,6}\s+\S")
_PANDOC_ATTRS = re.compile(r"\{[.-][^{}]*\}")
_TOC_ITEM = re.compile(r"^\s*(?:[-*+]|1\.)\s+(?:TOC|목차)\s*$")
_TOC_MARK = re.compile(r"^\s*\{:\s*toc\s*\}\s*$")
_EMBED = re.compile(
    r"^\s*\{\{[<%]\s*(?P<name>youtube|vimeo|tweet|x|instagram|gist)\s(?P<args>[^}]*)[>%]\}\}\s*$",
    re.IGNORECASE,
)
_EMBED_ARG = re.compile(r"""(?:(?P<key>\w+)\s*=\s*)?["']?(?P<value>[\w.-]+)["']?""")
_EMBEDS = {  # a shortcode's name → the site's name and its address from the positional or named arguments
    "youtube": ("YouTube", "https://www.youtube.com/watch?v={id}"),
    "vimeo": ("Vimeo", "https://vimeo.com/{id}"),
    "tweet": ("X", "https://x.com/{user}/status/{id}"),
    "x": ("X", "https://x.com/{user}/status/{id}"),
    "instagram": ("Instagram", "https://www.instagram.com/p/{id}/"),
    "gist": ("GitHub Gist", "https://gist.github.com/{user}/{id}"),
}
_BOX = re.compile(
    r"^\s*\{\{[<%]\s*(?P<name>notice|alert|callout|hint|admonition)\b(?P<args>[^}]*)[>%]\}\}\s*$",
    re.IGNORECASE,
)
_BOX_END = re.compile(
    r"^\s*\{\{[<%]\s*/\s*(?:notice|alert|callout|hint|admonition)\s*[>%]\}\}\s*$", re.IGNORECASE
)
_BOX_ARG = re.compile(
    r"""(?:(?P<key>[\w-]+)\s*=\s*)?(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"'=]+))"""
)
_SITE_LINK = re.compile(r"\]\(\s*\{\{[<%]\s*(?:rel)?ref\s+[^}]{0,300}[>%]\}\}\s*\)")


def _figure(m: re.Match[str]) -> str:
    attrs = {
        a["key"]: a["dq"] if a["dq"] is not None else a["sq"]
        for a in _ATTR.finditer(m["liquid"] or m["hugo"] or "")
    }
    src = attrs.get("image_path") or attrs.get("src") or attrs.get("url") or ""
    alt = attrs.get("alt", "").replace("]", "")
    caption = (attrs.get("caption") or attrs.get("title") or "").replace('"', "'")
    if not src:
        return ""
    return f"![{alt}]({src.replace(' ', '%20')}" + (f' "{caption}")' if caption else ")")


def _heading_attrs(line: str) -> int | None:
    """Where a heading's closing Pandoc attributes (``{.unnumbered}``, ``{-}``) start, or None."""
    text = line.rstrip()
    if not text.endswith("}") or not _HEADING_LINE.match(text):
        return None
    start = text.rfind("{")
    return start if start > 0 and _PANDOC_ATTRS.fullmatch(text, start) and text[:start].strip("# ") else None


def _embed_link(m: re.Match[str]) -> tuple[str, str] | None:
    """An embed shortcode's site and the address of what it shows (``{{< youtube ID >}}``,
    ``{{< tweet user="…" id="…" >}}``, ``{{< gist user id >}}``), or None when an argument is missing."""
    site, form = _EMBEDS[m["name"].lower()]
    found = [(a["key"], a["value"]) for a in _EMBED_ARG.finditer(m["args"].strip()) if a["value"]]
    named = {key.lower(): value for key, value in found if key}
    bare = [value for key, value in found if not key]
    if "{user}" in form:
        user = named.get("user") or (bare[0] if len(bare) > 1 else None)
        ident = named.get("id") or (bare[-1] if bare else None)
        return (site, form.format(user=user, id=ident)) if user and ident else None
    ident = named.get("id") or (bare[0] if bare else None)
    return (site, form.format(id=ident)) if ident else None


def _box_title(args: str) -> str:
    """A note box's title: ``title="…"``, else a quoted argument after its type, else its type's name."""
    found = [
        (a["key"], next(v for v in (a["dq"], a["sq"], a["bare"]) if v is not None))
        for a in _BOX_ARG.finditer(args)
    ]
    named = {key.lower(): value for key, value in found if key}
    plain_args = [value for key, value in found if not key]
    kind = named.get("style") or named.get("type") or (plain_args[0] if plain_args else "")
    title = named.get("title") or (plain_args[1] if len(plain_args) > 1 else "")
    return title.strip() if title.strip() else (kind.strip() or "note").capitalize()


def _unlinked_site_pages(line: str) -> tuple[str, int]:
    """``line`` with its links to the site's own pages (``[글]({{< ref "…" >}})``) as their text."""
    count = 0
    while (m := _SITE_LINK.search(line)) is not None:
        opening = line.rfind("[", 0, m.start())
        if opening < 0:
            break
        line = line[:opening] + line[opening + 1 : m.start()] + line[m.end() :]
        count += 1
    return line, count


def desugar_templates(text: str) -> tuple[str, list[Removal], list[str]]:
    """``text`` as CommonMark, what was taken out, each at its line, and warnings."""
    lines = text.split("\n")
    removed: list[Removal] = []
    warnings: list[str] = []
    fence: str | None = None
    highlight = False
    box = False
    body = body_start(lines)
    last_box_end = max((i for i, line in enumerate(lines) if _BOX_END.match(line)), default=-1)

    def drop(index: int, rule: str, reason: str) -> None:
        removed.append(Removal(text=lines[index].strip(), reason=reason, line=index + 1, rule=rule))
        lines[index] = ""

    for index, line in enumerate(lines):
        if index < body:
            continue
        if highlight:
            if _END_HIGHLIGHT.match(line):
                lines[index], highlight = "```", False
            continue
        m = _FENCE.match(line)
        if fence is not None or m:
            if m and (fence is None or m.group(1) == fence):
                fence = None if fence else m.group(1)
            continue
        if box and _BOX_END.match(line):
            drop(index, "markdown.template", "the end of a note box's template tag, markup, not the text")
            box = False
            continue
        if box:
            lines[index] = "> " + line if line.strip() else ">"
            continue
        if (e := _EMBED.match(line)) and (embed := _embed_link(e)) is not None:
            site, url = embed
            lines[index] = f"{site}: <{url}>"
            warnings.append(f"line {index + 1}: an embedded {site} item is kept as a link to it ({url})")
        elif (b := _BOX.match(line)) and index < last_box_end:
            lines[index], box = f"> **{_box_title(b['args'])}**" + broken_off(lines, index + 1), True
        elif h := _HIGHLIGHT.match(line):
            lines[index], highlight = "```" + (h["lang"] or h["hlang"] or ""), True
        elif f := _FIGURE.match(line):
            lines[index] = _figure(f)
            if not lines[index]:
                lines[index] = line
                drop(index, "markdown.template", "a site template's tag, not the text")
        elif _TOC_MARK.match(line) and index > body and _TOC_ITEM.match(lines[index - 1]):
            removed.append(
                Removal(text=lines[index - 1].strip(), reason=_TOC, line=index, rule="markdown.toc")
            )
            lines[index - 1] = ""
            drop(index, "markdown.toc", _TOC)
        elif _TAGS_ONLY.match(line):
            drop(index, "markdown.template", "a site template's tag, not the text")
        elif _IAL_LINE.match(line):
            drop(index, "markdown.attributes", _STYLE)
        elif (start := _heading_attrs(line)) is not None:
            removed.append(
                Removal(
                    text=line[start:].strip(),
                    reason=_HEADING_STYLE,
                    line=index + 1,
                    rule="markdown.attributes",
                )
            )
            lines[index] = line[:start].rstrip()
        elif (
            (end := _IAL_END.search(line)) and line[: end.start()].strip() and "`" not in line[end.start() :]
        ):
            removed.append(
                Removal(text=end.group().strip(), reason=_STYLE, line=index + 1, rule="markdown.attributes")
            )
            lines[index] = line[: end.start()].rstrip()
        if "ref" in lines[index]:
            lines[index], count = _unlinked_site_pages(lines[index])
            if count:
                warnings.append(f"line {index + 1}: a link to another page of the site is kept as its text")
    return "\n".join(lines), removed, warnings


_TOC = "the site's table of contents (kramdown's {:toc}), which the book makes itself"
_HEADING_STYLE = "a heading's attributes (Pandoc's {.class}, {-}): the site's styling, not the text"
_STYLE = "a kramdown attribute list: the site's styling, not the text"
