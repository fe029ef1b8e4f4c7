"""Pass ``boilerplate``: copyright footers (→ meta.rights), promos, tip lines, notices,
portal/site chrome, menus and lists of other articles. Every removal is recorded."""

from __future__ import annotations

import re

from bookmaker.normalize.blocks import structured
from bookmaker.normalize.context import Context, Item
from bookmaker.normalize.text import ends_sentence

_COPYRIGHT_MARK = re.compile(r"ⓒ|©|\([cC]\)|copyright|저작권자|all rights reserved", re.IGNORECASE)
_EDGE = re.compile(r"^[\s|<>\[\]〈〉()*]+|[\s|<>\[\]〈〉()*]+$")


def is_copyright(ctx: Context, text: str) -> bool:
    """A copyright footer line (not a body sentence that mentions copying)."""
    if len(text) > 220:
        return False
    if not any(p.search(text) for p in ctx.rules.patterns("copyright", "patterns")):
        return False
    if re.fullmatch(r"\W{0,3}(?:ⓒ|©)\s*\S.{0,14}", text) and not ctx.rules.outlet_in_text(text):
        return False  # "ⓒ 김도윤": a photo credit under a caption
    if _COPYRIGHT_MARK.search(text) or not ends_sentence(text):
        return True
    return bool(re.search(r"금지\W*$", text))


_MARKER = re.compile(r"^\s*[※*▶▷☞■□◆◇●○\[<(【]")


_HOLDER = re.compile(
    r"(?:ⓒ|©|\([cC]\))\s*(?:(?:19|20)\d{2}(?:\s*[-~]\s*(?:19|20)\d{2})?\s*)?(?:㈜\s*)?([^\s,.<>()\[\]&|]+)"
)


def copyright_holder(ctx: Context, text: str) -> str | None:
    """The publisher a copyright line names: the token after ⓒ when it is (or extends) a known
    outlet (``한국경제TV``), else any known outlet mentioned in the line."""
    m = _HOLDER.search(text)
    if m:
        token = m.group(1).strip("'\"‘’“”")
        for outlet in ctx.rules.outlets:
            if token == outlet.name or token in outlet.aliases:
                return outlet.name
        known = ctx.rules.outlet_in_text(token)
        if known and token != known.name and len(token) <= 12 and token.startswith(known.name):
            return token
    named = ctx.rules.outlet_in_text(text)
    return named.name if named else None


def _family(ctx: Context, text: str) -> str | None:
    for family in ("promo", "tipline", "policy"):
        limit = 160 if family != "promo" else 100
        if len(text) <= limit and any(p.search(text) for p in ctx.rules.patterns("boilerplate", family)):
            return family
    loose = ctx.rules.patterns("boilerplate", "tipline_loose")
    plain_sentence = ends_sentence(text) and not _MARKER.match(text)
    if len(text) <= 160 and not plain_sentence and any(p.search(text) for p in loose):
        return "tipline"
    return None


def is_chrome(ctx: Context, text: str) -> bool:
    """A whole line of portal or site interface text."""
    bare = _EDGE.sub("", text)
    if len(bare) > 80:
        return False
    pats = ctx.rules.patterns("boilerplate", "chrome", whole=True)
    return any(p.match(text) or p.match(bare) for p in pats) or is_menu(ctx, text)


def is_menu(ctx: Context, text: str) -> bool:
    """A navigation line: several short items between separators (``홈 > 사회 > 사건``)."""
    seps = "".join(re.escape(s) for s in ctx.rules.strings("boilerplate", "menu_separators"))
    parts = [p.strip() for p in re.split(f"[{seps}]", text)]
    parts = [p for p in parts if p]
    return len(parts) >= 3 and all(len(p) <= 8 for p in parts) and not ends_sentence(text)


def _is_list_header(ctx: Context, text: str) -> bool:
    bare = _EDGE.sub("", text)
    return any(p.match(bare) for p in ctx.rules.patterns("boilerplate", "list_headers", whole=True))


def _headline_like(text: str) -> bool:
    return len(text) <= 90 and not (ends_sentence(text) and len(text) > 50)


def run(ctx: Context) -> None:
    """Remove boilerplate lines, recording each with its family."""
    in_list = False
    for item in list(ctx.items):
        if structured(item):  # a table, a list …: never boilerplate as a whole
            in_list = False
            continue
        if item.kind in ("title", "date", "byline", "caption"):
            continue
        text = item.text
        if is_copyright(ctx, text):
            ctx.meta.setdefault("rights", _EDGE.sub("", text))
            ctx.note_line("rights", item.line)
            holder = copyright_holder(ctx, text)
            if holder:
                ctx.vote_publisher(holder, 6)
            _drop(ctx, item, "copyright footer (moved to meta.rights)", "boilerplate.copyright")
            in_list = False
            continue
        if _is_list_header(ctx, text):
            _drop(ctx, item, "list of other articles (header)", "boilerplate.related")
            in_list = True
            continue
        if in_list and _headline_like(text) and item.kind not in ("caption", "heading"):
            _drop(ctx, item, "list of other articles (item)", "boilerplate.related")
            continue
        in_list = False
        family = _family(ctx, text)
        if family:
            reasons = {
                "promo": "promotion or related link",
                "tipline": "tip line",
                "policy": "site notice",
            }
            _drop(ctx, item, reasons[family], f"boilerplate.{family}")
        elif is_chrome(ctx, text):
            _drop(ctx, item, "portal or site interface text", "boilerplate.chrome")
        elif _is_production_credit(text):
            _drop(ctx, item, "production credits", "boilerplate.production")


_PRODUCTION = re.compile(
    r"^\(?\s*(?:(?:구성|촬영기자|촬영|영상편집|영상취재|영상그래픽|그래픽|제작|편집|CG|취재지원|진행)\s*[:：]\s*[^/:]{1,20}"
    r"(?:\s*/\s*|\s*$|\s*\)\s*$))+"
)


def _is_production_credit(text: str) -> bool:
    return len(text) <= 120 and bool(_PRODUCTION.match(text))


def _drop(ctx: Context, item: Item, reason: str, rule: str) -> None:
    ctx.drop(item, reason, rule)
