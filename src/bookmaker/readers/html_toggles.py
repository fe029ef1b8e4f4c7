"""Content a page shows only when clicked, and interface rows inside the article.

* **Disclosure toggles** (an FAQ's accordion): a ``<button>`` (or ``role="button"``) that controls a
  panel — the element its ``aria-controls`` names, else the element right after it (or right after
  the heading that holds it) — is a question, and the panel's text is its answer, when the panel is
  hidden by the markup until clicked (``hidden``, ``display: none``) or the toggle says it is open
  (``aria-expanded="true"``). :func:`open_panels` opens such panels, as a reader clicking each
  question would, and returns the toggles, which the walk reads as headings. Interface toggles
  stay interface: a panel that is a menu, a dialog, a tooltip or a form, has a close button, or is
  mostly links (a site menu, share buttons, a cookie banner, a modal, a help popover), and a
  toggle of one word ("메뉴", "자동요약", "공유").
* **Folded sections** (나무위키's ``<dl class="wiki-folding">``): a ``<dt>`` saying "펼치기"/"접기" over a
  hidden ``<dd>``: :func:`open_folds` opens the ``<dd>`` and returns the ``<dt>``, whose words are
  the button's (a title beside them, "[ 역대 역장 펼치기 · 접기 ]", is lost with it).
* **Question and answer marks**: a toggle's or its panel's leading element (after a category
  label) whose whole text is a mark (``Q``, ``A.``, ``질문``, ``답변``) is a decoration the
  question heading says already.
* **Tab rows** (``role="tablist"``) and **page links** ("1 2 3 다음" under a list) are interface;
  so is a **prompt beside a button** (a box of one short line and button links: "원하는 답변을
  찾지 못하셨나요? [1:1 문의하기]").
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
from bs4.element import NavigableString, Tag

from bookmaker.readers.html_below import CONTROL, LINK, MEDIA, Below
from bookmaker.readers.html_dom import hides, names, visible_strings, visible_text

_LANDMARKS = frozenset({"nav", "header", "footer", "form", "dialog", "menu"})
_INTERFACE_ROLES = frozenset(
    {"navigation", "menu", "menubar", "dialog", "alertdialog", "listbox", "tablist", "tooltip"}
)
_CLOSE = re.compile(r"닫기|close", re.IGNORECASE)
"""A close button: the panel is a layer over the page (a popover, a guide), not an answer."""
_MARK = re.compile(r"^\s*(?:[QA]|질문|답변|문|답)\s*[.:)]?\s*$", re.IGNORECASE)
_HIDDEN_STYLE = re.compile(r"(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*;?", re.IGNORECASE)
MIN_ANSWER = 15
"""An answer's text outside links, in characters: a sentence, not a label."""


def _role(tag: Tag) -> str:
    return str(tag.get("role") or "").strip().lower()


def _is_button(tag: Tag) -> bool:
    return tag.name == "button" or _role(tag) == "button"


def _words(tag: Tag) -> int:
    return len(visible_text(tag).split())


def _link_text(tag: Tag) -> int:
    return sum(len(visible_text(a)) for a in tag.find_all("a"))


def _is_interface(panel: Tag) -> bool:
    """A panel that is a menu, a dialog, a form or mostly links, or sits in one."""
    for node in [panel, *panel.parents]:
        if isinstance(node, Tag) and (node.name in _LANDMARKS or _role(node) in _INTERFACE_ROLES):
            return True
    if panel.get("aria-modal") or panel.find(["form", "input", "select", "textarea", "nav"]) is not None:
        return True
    if panel.find(lambda t: _role(t) in _INTERFACE_ROLES) is not None:
        return True
    return any(_CLOSE.search(f"{visible_text(b)} {' '.join(names(b))}") for b in panel.find_all(_is_button))


def _panel(toggle: Tag, ids: dict[str, Tag]) -> Tag | None:
    """The element ``toggle`` opens: named by ``aria-controls`` (``ids``: the page's elements by
    id), else the next element after it or after the heading holding it."""
    controls = str(toggle.get("aria-controls") or "").split()
    if controls:
        return ids.get(controls[0])
    holder = (
        toggle.parent
        if isinstance(toggle.parent, Tag) and re.fullmatch(r"h[1-6]", toggle.parent.name)
        else None
    )
    found = (holder or toggle).find_next_sibling()
    return found if isinstance(found, Tag) else None


def _shown_text(panel: Tag) -> str:
    """The panel's text as it shows when opened (elements inside it hiding theirs stay hidden)."""
    return " ".join(str(s) for c in panel.children for s in _strings(c))


def _strings(node: object) -> list[NavigableString]:
    if isinstance(node, NavigableString):
        return [node] if str(node).strip() else []
    if isinstance(node, Tag) and not hides(node):
        return visible_strings(node)
    return []


def _opens(toggle: Tag, panel: Tag) -> bool:
    """``panel`` is the answer ``toggle`` hides or shows (see the module)."""
    closed = hides(panel)
    if not closed and str(toggle.get("aria-expanded") or "").lower() != "true":
        return False
    if _words(toggle) < 2 or _is_interface(panel) or any(p is panel for p in toggle.parents):
        return False
    text = " ".join(_shown_text(panel).split())
    outside_links = len(text.replace(" ", "")) - _link_text(panel)
    return outside_links >= MIN_ANSWER and _link_text(panel) * 2 < len(text.replace(" ", ""))


def open_panels(soup: BeautifulSoup) -> tuple[set[int], list[Tag]]:
    """Open the panels disclosure toggles hide (see the module); returns the toggles (by ``id``)
    and the question and answer marks (elements) to record as removed."""
    toggles: set[int] = set()
    marks: list[Tag] = []
    ids: dict[str, Tag] = {}
    for element in soup.find_all(id=True):  # the first of an id, as find(id=) would: once, not per toggle
        ids.setdefault(str(element["id"]), element)
    for toggle in soup.find_all(_is_button):
        if any(hides(p) for p in toggle.parents if isinstance(p, Tag)):
            continue
        panel = _panel(toggle, ids)
        if panel is None or not _opens(toggle, panel):
            continue
        if panel.has_attr("hidden"):
            del panel["hidden"]
        style = panel.get("style")
        if isinstance(style, str):
            panel["style"] = _HIDDEN_STYLE.sub("", style)
        toggles.add(id(toggle))
        marks += [m for m in (_leading_mark(toggle), _leading_mark(panel)) if m is not None]
    return toggles, marks


_FOLD = re.compile(r"펼치기|접기|펼쳐\s*보기")


def open_folds(soup: BeautifulSoup) -> list[Tag]:
    """Open the hidden ``<dd>`` of each folded section (see the module); returns the fold labels."""
    labels: list[Tag] = []
    for term in soup.find_all("dt"):
        if len(visible_text(term)) > 60 or not _FOLD.search(visible_text(term)):
            continue
        body = term.find_next_sibling()
        if not isinstance(body, Tag) or body.name != "dd" or not hides(body):
            continue
        if body.has_attr("hidden"):
            del body["hidden"]
        style = body.get("style")
        if isinstance(style, str):
            body["style"] = _HIDDEN_STYLE.sub("", style)
        labels.append(term)
    return labels


def _leading_mark(box: Tag) -> Tag | None:
    """The element of ``box``'s first or second text (after a category label: "[회원] Q …") whose
    whole text is a question or answer mark."""
    for first in visible_strings(box)[:2]:
        for node in first.parents:
            if node is box:
                break
            if isinstance(node, Tag) and _MARK.match(visible_text(node)):
                return node
    return None


def is_tab_row(tag: Tag) -> bool:
    """A row of tabs (``role="tablist"``)."""
    return _role(tag) == "tablist"


def is_page_links(below: Below) -> bool:
    """A box of page links (``below``: its content): page numbers and 이전/다음 only, two numbers or
    more, and a link."""
    return below.numbers >= 2 and below.has(LINK) and below.page_words


def is_prompt_box(tag: Tag, below: Below) -> bool:
    """A box of one short line (40 characters at most) and button links, nothing else (no image);
    ``below``: its content."""
    if tag.name not in ("div", "section", "aside") or below.has(MEDIA) or not below.has(CONTROL):
        return False
    rest = below.free  # the text outside the buttons; None: longer than any such line
    if rest is None:
        return False
    text = " ".join(" ".join(str(s) for s in rest).split())
    return 0 < len(text) <= 40 and len({id(s.parent) for s in rest}) == 1
