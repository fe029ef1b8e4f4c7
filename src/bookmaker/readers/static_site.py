"""A static-site generator's own markup in a Markdown post (Jekyll's Liquid and kramdown, Hugo's
shortcodes), rewritten to CommonMark before parsing, line for line (every line keeps its number):

- ``{% highlight css linenos %}`` … ``{% endhighlight %}`` (Hugo: ``{{< highlight go >}}`` …
  ``{{< /highlight >}}``) is a fenced code block;
- ``{% include figure image_path="…" alt="…" caption="…" %}`` (Hugo: ``{{< figure src="…" caption="…" >}}``)
  is an image with its caption;
- any other line of template tags only (``{% include share.html %}``, ``{{< youtube … >}}``,
  ``{% raw %}``) is the site's, never the text: removed (``markdown.template``);
- a kramdown attribute list on a line of its own (``{: .notice--info}``, ``{:toc}``) or ending a line
  (``## 제목 {#intro}``) is styling: removed (``markdown.attributes``); the table of contents it marks
  (``* TOC`` over ``{:toc}``) is the site's too (``markdown.toc``).

Fenced code is left as it is."""

from __future__ import annotations

import re

from bookmaker.ir import Removal
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
_IAL_END = re.compile(r"\s*\{(?::|#)[^{}\s][^{}]*\}\s*$")
_TOC_ITEM = re.compile(r"^\s*(?:[-*+]|1\.)\s+(?:TOC|목차)\s*$")
_TOC_MARK = re.compile(r"^\s*\{:\s*toc\s*\}\s*$")


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


def desugar_templates(text: str) -> tuple[str, list[Removal]]:
    """``text`` as CommonMark, and what was taken out, each at its line."""
    lines = text.split("\n")
    removed: list[Removal] = []
    fence: str | None = None
    highlight = False
    body = body_start(lines)

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
        if h := _HIGHLIGHT.match(line):
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
        elif (
            (end := _IAL_END.search(line)) and line[: end.start()].strip() and "`" not in line[end.start() :]
        ):
            removed.append(
                Removal(text=end.group().strip(), reason=_STYLE, line=index + 1, rule="markdown.attributes")
            )
            lines[index] = line[: end.start()]
    return "\n".join(lines), removed


_TOC = "the site's table of contents (kramdown's {:toc}), which the book makes itself"
_STYLE = "a kramdown attribute list: the site's styling, not the text"
