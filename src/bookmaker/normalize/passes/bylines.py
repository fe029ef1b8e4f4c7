"""Pass ``bylines``: whole lines that credit reporters (``이름 기자 email``, bracketed, several
names, ``도시/이름 특파원``, e-mail only, broadcast sign-offs) → meta.authors.

A line is a byline only if *all* of it parses as names, roles, desks, places and e-mails, so a
sentence that mentions ``… 기자`` stays in the body.
"""

from __future__ import annotations

import re

from bookmaker.ir import Author
from bookmaker.normalize.blocks import structured
from bookmaker.normalize.context import Context, Item
from bookmaker.normalize.rules import Rules
from bookmaker.normalize.text import EMAIL, ends_sentence

_BRACKETS = re.compile(r"[\[\]<>〈〉【】()（）{}《》]")
_SPLIT = re.compile(r"\s*(?:,|·|ㆍ|\||\s/\s|;|&)\s*")
_LEAD = re.compile(r"^(?:글|사진|글·사진|사진·글|글\s*/\s*사진|취재|정리|기고|By)\s+")
_DESK = re.compile(
    r"^(?:[가-힣A-Za-z0-9]+(?:부|팀|국|실|센터|본부|데스크|전문|뉴스|닷컴|에디터|랩|일보|신문|경제|저널|데일리"
    r"|타임스|방송|미디어)|(?:월간|주간|계간)[가-힣]+|[A-Za-z0-9]+[가-힣]*)$"
)
_PHOTO_DATE = re.compile(r"^(?:19|20)\d{2}\.\d{1,2}\.\d{1,2}\.?\s+(?=\S+@)")
_SIGN_OFF = re.compile(
    r"^(?:지금까지\s+)?(?:(?:[A-Za-z0-9]+\s*)?뉴스\s+|[A-Za-z0-9]+\s+|[가-힣]+부\s+)?"
    r"(?P<name>[가-힣]{2,4})\s*(?P<role>기자|특파원|앵커)?(?:입니다|였습니다)\.?$"
)


def _roles(rules: Rules) -> str:
    names = sorted(rules.strings("roles", "names"), key=len, reverse=True)
    return "|".join(re.escape(n) for n in names)


def _segment(rules: Rules, seg: str, with_email: bool) -> list[Author] | None:
    """Parse one byline segment (``워싱턴/김원철 특파원``); None when it is not one."""
    seg = seg.strip(" =-:：/")
    if not seg:
        return []
    places = set(rules.strings("places", "names"))
    m = re.match(rf"^(?P<head>.*?)(?P<role>{_roles(rules)})$", seg)
    if m:
        head, role = m["head"].strip(), m["role"]
        if role in rules.strings("roles", "weak") and not with_email:
            return None
    else:
        head, role = seg, None
        if not with_email:
            return None
    head = re.sub(r"^[가-힣A-Za-z]{1,10}\s*[/=]\s*", "", head)
    tokens = head.split()
    if not tokens:
        return None
    # "정혜연 월간조선 기자": an organisation between the name and the role
    desk_words = set(rules.strings("desks", "names"))
    for _ in range(3):
        if len(tokens) > 1 and (_DESK.match(tokens[-1]) or tokens[-1] in desk_words):
            tokens.insert(0, tokens.pop())
    # glued "이름기자" leaves the name as the last token
    names: list[str] = []
    while tokens and re.fullmatch(r"[가-힣]{2,4}", tokens[-1]) and tokens[-1] not in places:
        if names and not (len(tokens[-1]) == 3 and all(len(n) == 3 for n in names)):
            break
        outlet = rules.outlet_in_text(tokens[-1])
        if outlet and outlet.name == tokens[-1]:
            break
        names.insert(0, tokens.pop())
    if not names:
        return None
    desks = set(rules.strings("desks", "names"))
    for tok in tokens:
        outlet = rules.outlet_in_text(tok)
        if not (tok in places or tok in desks or _DESK.match(tok) or outlet):
            return None
    return [Author(name=n, role=role) for n in names]


_LABELLED = re.compile(r"(글|기사|취재|정리|사진|편집|교정)\s*[:：]\s*([가-힣]{2,4})(?:\s*\([\w.@-]+\))?")


def _labelled(text: str) -> list[Author] | None:
    """``글: 김도윤(dykim) 편집: 박정훈(jhpark)`` → the writer (editors are not authors)."""
    matches = list(_LABELLED.finditer(text))
    if not matches or _LABELLED.sub("", text).strip(" /|,·l"):
        return None
    roles = {"사진": "사진"}
    return [Author(name=m[2], role=roles.get(m[1])) for m in matches if m[1] not in ("편집", "교정")]


def parse_byline(rules: Rules, text: str) -> list[Author] | None:
    """Authors credited by the whole of ``text``, or None if it is not a byline."""
    if len(text) > 120 or not text.strip():
        return None
    m = _SIGN_OFF.match(text.strip())
    if m:
        return [Author(name=m["name"], role=m["role"] or "기자")]
    labelled = _labelled(text)
    if labelled is not None:
        return labelled
    body = _LEAD.sub("", _BRACKETS.sub(" ", text).strip())
    body = _PHOTO_DATE.sub("", body)
    pieces: list[tuple[str, str]] = []  # ("email"|"text", value)
    pos = 0
    for em in EMAIL.finditer(body):
        pieces.append(("text", body[pos : em.start()]))
        pieces.append(("email", em.group(0).rstrip(".")))
        pos = em.end()
    pieces.append(("text", body[pos:]))
    emails = [v for k, v in pieces if k == "email"]
    authors: list[Author] = []
    pending: list[str] = []
    for kind, value in pieces:
        if kind == "email":
            target = next((a for a in reversed(authors) if not a.email), None)
            if target is None:
                pending.append(value)
            else:
                target.email = value
            continue
        segs = [s for s in _SPLIT.split(value) if s.strip(" =-:：/")]
        for seg in segs:
            parsed = _segment(rules, seg, with_email=bool(emails))
            if parsed is None:
                return None
            for a in parsed:
                if pending and not a.email:
                    a.email = pending.pop(0)
            authors.extend(parsed)
    authors.extend(Author(email=e) for e in pending)
    return authors or None


_NAME_ROLE = re.compile(r"([가-힣]{2,4})\s*(기자|특파원|선임기자|전문기자|논설위원|칼럼니스트)")


def _from_markup(text: str) -> list[Author] | None:
    """Names in byline markup that carries extra words (``김지훈 기자 다른기사 보기``)."""
    found = [Author(name=m[1], role=m[2]) for m in _NAME_ROLE.finditer(text)]
    return found or None


def _caption_credit(ctx: Context, item: Item) -> bool:
    """A reporter credit glued after a photo caption in mid-article (``… 하고 있다. 김혜윤 기자
    email`` followed by more body text) is the photo credit, not a byline: it becomes the
    caption's credit."""
    if not item.attrs.get("glued"):
        return False
    index = ctx.items.index(item)
    prev = ctx.items[index - 1] if index else None
    later = [
        it
        for it in ctx.items[index + 1 :]
        if it.kind is None and ends_sentence(it.text) and parse_byline(ctx.rules, it.text) is None
    ]
    if prev is None or prev.line != item.line or not later:
        return False
    if not re.search(r"(?:있다|모습|장면|전경|이다)\.$", prev.text) or len(prev.text) > 200:
        return False
    if parse_byline(ctx.rules, item.text) is None:
        return False
    prev.role, prev.credit = "figure", item.text
    ctx.items.remove(item)
    return True


def run(ctx: Context) -> None:
    """Move byline lines to meta.authors; e-mail domains vote for the publisher."""
    for item in list(ctx.items):
        if item.role or item.kind in ("title", "caption", "heading", "quote") or structured(item):
            continue
        if _caption_credit(ctx, item):
            continue
        authors = parse_byline(ctx.rules, item.text)
        if authors is None and item.attrs.get("date_residue") and re.fullmatch(r"[가-힣]{2,4}", item.text):
            authors = [Author(name=item.text)]
        if authors is None and item.kind == "byline":
            authors = _from_markup(item.text)
            if authors is None:
                ctx.drop(item, "byline markup without a reporter name", "bylines.markup")
                continue
        if authors is None:
            continue
        for a in authors:
            ctx.add_author(a, item.line)
            domain = a.email.split("@", 1)[1] if a.email and "@" in a.email else ""
            outlet = ctx.rules.outlet_by_domain(domain) if domain else None
            if outlet:
                ctx.vote_publisher(outlet.name, 5)
        ctx.to_meta(item, "authors")
