"""Pass ``captions``: photo captions, recognised by a credit at the end (``연합뉴스 |``,
``/뉴시스``, ``[중앙포토]``, ``… 제공``, ``… 캡처``, ``[사진=…]``, ``뉴스1 © News1 … 기자``), by a
wire photo's own dateline and stamp (``【서울=뉴시스】홍길동 기자 = … 있다. 2018.05.16.
photo@newsis.com``), by a ``▲`` alone in front of it, or by markup; the credit is split off into
Figure.credit. A credit on a line of its own (``ⓒ 이영광``) joins the short caption line above it; a
credit with no caption at all (``[사진=연합뉴스]``, ``▲ © 뉴욕일보`` — the photo was not scraped) is
recorded as removed, and so is a video's caption credited ``(영상=…)``: the player is never kept."""

from __future__ import annotations

import re

from bookmaker.ir import Figure, Table
from bookmaker.normalize.blocks import structured
from bookmaker.normalize.context import Context, Evidence, Item
from bookmaker.normalize.list_marks import readings
from bookmaker.normalize.rules import Rules
from bookmaker.normalize.text import EMAIL, inline_entries, is_prose

_VIDEO_CAPTION = re.compile(
    r"^(?![^(\[]*[.!?]\s*[(\[]).{0,80}[(\[]\s*(?:영상|동영상)\s*[=:]\s*[^()\[\]=]{1,30}[)\]]\s*$"
)
"""A video's caption, its credit in brackets (``첫눈 내린 가람산 (영상=가람일보 유튜브)``): the player is
not kept, nor its caption (a sentence before the brackets is a story's, which cites a video)."""
_DANGLING = re.compile(r"[.!?]\s+([가-힣A-Za-z]{2,10})$")
_PIPE = re.compile(r"\s*\|\s*$")
_MARKED_CREDIT = re.compile(r"\s(?:ⓒ|©)\s*([^\sⓒ©|][^ⓒ©|]{0,19}?)\s*$")
"""A credit after the copyright mark ending a short caption (``… 금속활자 복원품 ⓒ 가람사진``)."""
MAX_MARKED_CAPTION = 120
_NEWS1 = re.compile(r"\s*((?:뉴스1\s*)?(?:©|ⓒ)\s*News1(?:\s*[가-힣]{2,4}\s*(?:기자|특파원))?)\s*$")
_BRACKET = re.compile(r"\s*[\[<〈(（【]\s*([^\[\]<>〈〉()（）【】]{1,60}?)\s*[\]>〉)）】]\s*$")
_PHOTO_EQ = re.compile(
    r"\s*\(?((?:사진\s*(?:제공|출처)|사진|그래픽|일러스트|삽화)\s*[=:]\s*[^=:()]{1,30}?)\)?\s*$"
)
_GIVEN = re.compile(r"(?<=[.)\s])\s*((?:[^\s.]+\s){0,2}[^\s.]+?\s*(?:제공|캡처|캡쳐|촬영))\s*$")
_ARCHIVE = re.compile(r"(?<=[.)])\s*((?:[가-힣A-Za-z0-9]{1,12}\s?){1,2}(?:DB|자료\s?사진))\s*$")
"""A photo from the outlet's own archive after the last sentence (``… 오지환. 스포츠조선DB``, ``…
보고 있다. 문화일보 자료사진``): the credit."""
_MARKED_HOLDER = re.compile(r"(?<=[.)])\s*(?:ⓒ|©)\s*([^\sⓒ©.][^ⓒ©.]{0,20}?)\s*$")
"""A copyright mark and its holder after the last sentence (``… 기다리고 있다. ⓒ연합뉴스``): the credit
is the holder."""
_VERB_OBJECT = re.compile(r"(?:[을를]|등)\s*(?:제공|캡처|캡쳐|촬영)$")
_LICENCE = re.compile(r"[.,]?\s*(?:재판매\s*및\s*DB\s*금지|무단\s*전재.*)$")
_PHOTO_LABEL = re.compile(
    r"^(?:사진\s*출처|사진\s*제공|사진|그래픽|일러스트|삽화|자료|출처|ⓒ|©)\s*[=:\-]?\s*"
)
_HOLDER_MARK = re.compile(r"저작권자\s*(?:\([cC]\)|ⓒ|©)\s*")
"""A copyright mark inside a credit (``(사진=저작권자(c) 연합뉴스, 무단 전재-재배포 금지)``, as a policy
portal credits an agency's photo): the credit is the name after it."""
_CAPTION_MARK = re.compile(r"^\s*▲\s*")
_SOURCE_NOTE = re.compile(r"^\s*(?:※\s*)?(?:자료|출처|자료\s*출처)\s*[:：]\s*\S")
"""A data source's note (``자료: 대검찰청 … / 그래픽: 뉴스타파``): under a table it is the table's note, not
a photo's caption, even when it names who drew the graphic."""
CREDIT_LABEL = re.compile(
    r"(?:사진|그래픽|일러스트|자료)\s*=\s*([^=\s][^=]{0,28}?\s*(?:제공|기자|캡처|캡쳐|촬영|DB|인스타그램|유튜브))"
)
"""A labelled credit standing alone, with no brackets: the photo or graphic it credits was not scraped."""
_LABEL_ONLY = re.compile(r"[/\s]*(?:사진|그래픽|일러스트|삽화)\s*=\s*([^=\s][^=]{0,28})")
"""A caption (so marked by the page) that is a labelled credit and nothing else."""


_NAME_SLASH_CREDIT = re.compile(
    r"(?P<who>[^\s/][^/.!?]{0,28}?)\s+/\s+(?P<credit>[^\s/][^/.!?]{0,28}?\s*(?:제공|포토뱅크|HD포토|DB|자료\s?사진))"
)
"""An entertainment page's caption: the names of who is in the photo, a slash, the credit (``아이브
장원영 / 톱스타뉴스 HD포토뱅크``, ``아이브 / 스타쉽엔터테인먼트 제공``); short as the names are, a caption."""


def _agencies(rules: Rules) -> str:
    return rules.alternation(("credits", "agencies"))


def split_credit(rules: Rules, text: str) -> tuple[str, str | None] | None:
    """``(caption, credit)`` when ``text`` ends with a photo credit; None otherwise."""
    found = _split_credit(rules, text)
    if found is None:
        return None
    caption, credit = found[0].rstrip(" /|"), found[1]
    # "… 있다. 베르사유EPA연합뉴스": a lone place word after the last sentence joins the credit
    m = _DANGLING.search(caption)
    if credit and m:
        start = text.index(m.group(1), len(caption) - len(m.group(1)))
        return caption[: m.start(1)].rstrip(), _PIPE.sub("", text[start:]).strip()
    return caption, credit


def _credit_words(rules: Rules, inner: str) -> bool:
    """A bracket's text reads as a photo credit: ``사진=…``, ``… 제공``, ``… 기자``, ``자료사진`` —
    the word as a label or at the end, not inside another (``[청계천 옆 사진관]`` is a series); or
    ``사진`` and the source after a space, as some papers print it (``[사진 서울시]``)."""
    words = rules.alternation(("credits", "bracket_words"), longest_first=False)
    return bool(
        rules.pattern(rf"^(?:{words})\s*[=:/]|(?:{words})(?:\s*(?:사진|[.,].*))?$").search(inner.strip())
    ) or bool(_SPACED_CREDIT.fullmatch(inner.strip()))


_SPACED_CREDIT = re.compile(r"(?:사진|그래픽)\s+(?!설명|속|있음|없음)[^\s=:/]{2,12}(?:\s[^\s=:/]{1,10})?")


def _split_credit(rules: Rules, text: str) -> tuple[str, str | None] | None:
    had_pipe = bool(_PIPE.search(text))
    body = _HOLDER_MARK.sub("", _PIPE.sub("", text))
    agencies = _agencies(rules)
    m = _NEWS1.search(body)
    if m and m.start() > 0:
        return body[: m.start()].strip(), m.group(1).strip()
    m = _MARKED_CREDIT.search(body)
    if m and m.start() > 0 and len(body) <= MAX_MARKED_CAPTION:  # "… 금속활자 복원품 ⓒ 가람사진"
        return body[: m.start()].strip(), m.group(1).strip()
    m = _BRACKET.search(body)
    if m and m.start() > 0:
        inner = m.group(1)
        if _credit_words(rules, inner) or rules.pattern(agencies).search(inner):
            credit = _PHOTO_LABEL.sub("", _LICENCE.sub("", inner)).strip()
            return body[: m.start()].strip(), credit or inner.strip()
    m = _PHOTO_EQ.search(body)
    if m and m.start() > 0:
        return body[: m.start()].strip(), _PHOTO_LABEL.sub("", m.group(1)).strip()
    m = rules.pattern(
        rf"(?:(?<=[.\s])|(?<=[가-힣]))\s*/\s*((?:[A-Za-z가-힣]+\s?)?(?:{agencies}))\s*$"
    ).search(body)
    if m is None:
        m = re.search(r"(?<=\.)\s*/\s*([^\s/][^/]{0,20})\s*$", body)
    if m and m.start() > 0:
        return body[: m.start()].strip(), m.group(1).strip()
    # "… 기뻐하고 있다. 런던=AP 연합뉴스": where the photo was taken, then the agencies
    m = rules.pattern(
        rf"(?<=[.)])\s*([가-힣]{{1,10}}\s?=\s?(?:(?:AP|AFP|EPA|로이터|UPI|신화|교도)\s*)?(?:{agencies}))\s*$"
    ).search(body)
    if m and m.start() > 0:
        return body[: m.start()].strip(), m.group(1).strip()
    m = rules.pattern(
        rf"(?<=[.\s])\s*((?:(?:AP|AFP|EPA|로이터|UPI|신화|교도)\s*=?\s*)?(?:{agencies}))\s*$"
    ).search(body)
    if m is None:
        m = re.search(r"(?<=\S)((?:AP|AFP|EPA|로이터|UPI)\s*연합뉴스)\s*$", body)
    if m is None:
        m = _ARCHIVE.search(body) or _MARKED_HOLDER.search(body)
        if m and m.start() > 0:
            return body[: m.start()].strip(), m.group(1).strip()
        m = None
    before = body[: m.start()].rstrip() if m else ""
    dated = bool(re.search(r"[.)]\s*(?:19|20)\d{2}[./]\d{1,2}[./]\d{1,2}\.?$", before))
    if m and before and (before.endswith((".", ")")) or had_pipe or dated or _DANGLING.search(before)):
        return body[: m.start()].strip(), m.group(1).strip()
    m = _GIVEN.search(body)
    if m and _VERB_OBJECT.search(m.group(1)):
        m = None  # "… 노래·퀴즈 등을 제공": a verb's object, not who gave the photo
    if m and m.start() > 0 and len(body) <= 200:
        return body[: m.start()].strip(), m.group(1).strip()
    m = re.search(r"(?<=[.)])\s*(?:ⓒ|©)\s*([^\sⓒ©.][^ⓒ©.]{0,20}?)\s*$", body)  # "… 무성하다. ⓒ시사IN 신선영"
    if m and len(body) <= 320:
        return body[: m.start()].strip(), m.group(1).strip()
    # "… 하고 있다. 윤창원기자", "… 기다리고 있다. 청양=윤서진 기자" (where the photo was taken, first),
    # "… 돕고 있다. 정지윤 선임기자" (a photographer's rank before 기자), "… 항구. 통영=박민수
    # 여행전문기자" (a beat glued before the rank)
    m = re.search(
        r"(?<=[.)])\s*((?:[가-힣]{2,6}\s?=\s?)?[가-힣]{2,4}\s?(?:[가-힣]{0,4}(?:선임|수석|사진|전문)\s?)?"
        r"(?:기자|특파원))\s*$",
        body,
    )
    if m and len(body) <= 320:
        return body[: m.start()].strip(), m.group(1).strip()
    if had_pipe and body.rstrip().endswith((".", "다", ")")):
        return body.strip(), None
    return None


def _credit_only(rules: Rules, text: str) -> str | None:
    body = _PIPE.sub("", text).strip()
    m = re.fullmatch(r"(?:ⓒ|©)\s*(\S.{0,20})", body)
    if m:
        return m.group(1).strip()
    m = re.fullmatch(r"[\[(<〈]\s*사진\s*[=:]\s*([^\])>〉]{1,30})\s*[\])>〉]", body)
    if m:
        return m.group(1).strip()
    m = CREDIT_LABEL.fullmatch(body)  # "사진=별빛엔터테인먼트 제공", "그래픽=김대훈 기자"
    if m:
        return m.group(1).strip()
    m = _BRACKET.fullmatch(body)
    inner = m.group(1) if m else body
    agencies = _agencies(rules)
    if rules.pattern(
        rf"(?:사진\s*[=:]\s*)?(?:(?:AP|AFP|EPA|로이터)\s*)?(?:{agencies})(?:\s*제공)?"
    ).fullmatch(inner):
        return _PHOTO_LABEL.sub("", inner)
    return None


_WIRE_TAG = re.compile(r"^\s*[\[(][^\])=]{1,12}=[^\])]{1,12}[\])]\s*")
_PHOTO_TAIL = re.compile(
    r"\s*(?:(?:19|20)\d{2}\.\s?\d{1,2}\.\s?\d{1,2}\.?)?\s*[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\s*$"
)


def _strip_photo_marks(text: str) -> str:
    """Drop a wire tag before a caption and the photo date/e-mail after it, if that leaves a
    captioned line (``[서울=뉴시스] … 있다. (사진=서울시 제공) 2024.03.04. photo@newsis.com``, a
    paper's ``… 뿌옇다. 김혜윤 기자 unique@hani.co.kr``)."""
    tail = re.search(
        r"[.)]\s*(?:\d|[A-Za-z0-9._%+-]+@|[가-힣]{2,4}\s?(?:기자|특파원)\s+[A-Za-z0-9._%+-]+@)", text
    )
    bare = _PHOTO_TAIL.sub("", text) if tail else text
    if bare != text:
        bare = _WIRE_TAG.sub("", bare)
    return bare


_USE_TERMS = r"\[[^\[\]]*(?:국내에서만|재배포\s*금지|Redistribution|For\s+Use\s+Only)[^\[\]]*\]"
"""An agency's terms of use in brackets after a relayed photo's caption (``[국내에서만 사용가능. 재배포 금지.
DB 금지. For Use Only in the Republic of Korea. Redistribution Prohibited]``)."""
_WIRE_PHOTO = re.compile(
    r"^\s*[\[(【](?P<place>[^\])】=]{1,12})=(?P<agency>[^\])】=]{1,12})[\])】]\s*"
    r"(?:(?P<who>[가-힣]{2,4})\s*(?:기자|특파원)|(?P<pool>(?:사진\s*)?공동\s*취재(?:단|사진)))?"
    r"\s*=\s*(?P<caption>.+?[.)])"
    rf"(?P<terms>(?:\s*{_USE_TERMS})*)"
    r"\s*(?:(?:19|20)\d{2}\.\s?\d{1,2}\.\s?\d{1,2}\.?)?\s*(?:\[[^\[\]]{1,16}\]\s*)?"
    r"(?:[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+)?\s*$"
)
"""A wire photo's caption: its own dateline with the photographer (``【서울=뉴시스】홍길동 기자 =``), a
pool's (``[부산=뉴시스] 사진공동취재단 =``) or none when the agency relays another's photo (``(평양
노동신문=뉴스1) =``, credited to both), the caption, the agency's terms of use, the date, a pool's tag
(``[공동취재]``, ``[대통령실통신사진기자단]``), the e-mail."""


def wire_photo(ctx: Context, item: Item, text: str) -> tuple[str, str] | None:
    """``(caption, credit)`` of a wire photo's caption ``text`` (the text of ``item``), which carries
    its own dateline and ends with the photo's date and/or the photographer's e-mail — in an article
    with prose of its own (a photo story whose whole text is its caption stays a paragraph)."""
    m = _WIRE_PHOTO.match(text)
    if m is None or m.end("caption") == len(text.rstrip()):
        return None  # no date or e-mail after it: a lead paragraph, not a caption
    if not (m["who"] or m["pool"] or m["terms"] or len(m["place"].split()) >= 2):
        return None  # "(서울=연합뉴스) = … 밝혔다. e-mail": a brief with no reporter, unless a source's photo
    if not any(it is not item and is_prose(it.text) for it in ctx.items):  # after the match: per line
        return None  # it made the pass quadratic in a text without prose
    if m["pool"]:  # "[부산=뉴시스] 사진공동취재단 = …": a press pool's photo, credited to the pool
        return m["caption"].strip(), "".join(m["pool"].split())
    if not m["who"]:  # "(평양 노동신문=뉴스1) = …": the source's photo relayed by the agency
        return m["caption"].strip(), f"{m['place'].strip()}={m['agency'].strip()}"
    return m["caption"].strip(), f"{m['agency'].strip()} {m['who']} 기자"


def wire_photo_terms(text: str) -> str | None:
    """The agency's terms of use after a wire photo's caption ``text``, if it carries any."""
    m = _WIRE_PHOTO.match(text)
    return (m["terms"].strip() or None) if m else None


def _caption_like(item: Item | None) -> bool:
    """A short line that could caption a photo (a credit may follow it on its own line)."""
    return (
        item is not None
        and item.role is None
        and item.kind is None
        and 2 <= len(item.text) <= 120
        and not item.text.endswith("다.")
    )


def _lettered_item(items: list[Item], index: int) -> bool:
    """``items[index]`` is an outline's item between its siblings (``가. …`` / ``나. … 무상 제공`` /
    ``다. …``): lettered or numbered next to the line above or below it in the same rank."""
    own = readings(items[index].text)
    if not own:
        return False
    for at, step in ((index - 1, 1), (index + 1, -1)):
        if 0 <= at < len(items):
            theirs = readings(items[at].text)
            if any(x.family == y.family and x.number + step == y.number for x in theirs for y in own):
                return True
    return False


def run(ctx: Context) -> None:
    """Mark captions as figures and split their credits."""
    prev: Item | None = None
    items = list(ctx.items)
    for index, item in enumerate(items):
        if item.role is None and item.kind in (None, "caption") and _VIDEO_CAPTION.match(item.text):
            ctx.drop(item, "a video's caption (the video is no part of the book)", "captions.video")
            continue
        if item.role is None and item.kind in (None, "caption") and not structured(item):
            wire = wire_photo(ctx, item, item.text)
            if wire is not None:
                terms = wire_photo_terms(item.text)
                if terms:
                    ctx.record(terms, "a relayed photo's terms of use", item.line, "captions.use-terms")
                item.role, (item.text, item.credit) = "figure", wire
                prev = item
                continue
        if item.role is not None or item.kind in ("title", "heading", "byline") or structured(item):
            prev = item
            continue
        if prev is not None and isinstance(prev.block, Table) and _SOURCE_NOTE.match(item.text):
            prev = item  # the table's source note stays a paragraph
            continue
        label_only = _LABEL_ONLY.fullmatch(item.text.strip()) if item.kind == "caption" else None
        if label_only:  # a caption that is its credit alone ("그래픽=김현국"): a figure credited, no text
            item.role, item.text, item.credit = "figure", "", label_only.group(1).strip()
            prev = item
            continue
        if item.attrs.get("credit") and item.kind == "caption":
            item.role, item.credit = "figure", _PHOTO_LABEL.sub("", item.attrs.pop("credit")).strip()
            prev = item
            continue
        if len(item.text) <= 320:
            credit_alone = _credit_only(ctx.rules, _CAPTION_MARK.sub("", item.text))
            above = prev is not None and not any(
                ctx.source_text.get(line) for line in range((prev.last or prev.line) + 1, item.line)
            )  # the line right above (blank lines between): not a title with a byline between
            if (
                credit_alone
                and prev is not None
                and above
                and not prev.credit
                and (prev.role == "figure" or _caption_like(prev))
            ):
                prev.role, prev.credit = "figure", credit_alone
                prev.last = item.line
                ctx.items = [it for it in ctx.items if it is not item]
                continue
            if credit_alone and item.kind is None:
                ctx.drop(item, "photo credit without its photo or caption", "captions.orphan-credit")
                continue
            if (
                credit_alone and item.kind == "caption"
            ):  # a figcaption that is its credit alone: "[게티이미지뱅크]"
                item.role, item.text, item.credit = "figure", "", credit_alone
                prev = item
                continue
            named = _NAME_SLASH_CREDIT.fullmatch(item.text.strip()) if item.kind is None else None
            if named:  # "아이브 / 스타쉽엔터테인먼트 제공": who is in the photo, then its credit
                item.role, item.text, item.credit = "figure", named["who"], named["credit"]
                prev = item
                continue
            if _lettered_item(items, index):
                prev = item  # "나. 창업 공간: … 1년간 무상 제공" between 가. and 다.: an item, no credit
                continue
            split = split_credit(ctx.rules, _strip_photo_marks(item.text))
            nxt = items[index + 1] if index + 1 < len(items) else None
            marked = bool(_CAPTION_MARK.match(item.text))
            alone = marked and not (
                (nxt is not None and _CAPTION_MARK.match(nxt.text))
                or (prev is not None and _CAPTION_MARK.match(prev.text))
                or inline_entries(item.text)
            )  # one ▲ line; several in a row, or several ▲ entries on one line, are a list
            labelled = bool(split) and bool(_PHOTO_EQ.search(item.text))  # "하린. 사진=하린 인스타그램"
            if split and (len(split[0]) >= 5 or (labelled and len(split[0]) >= 2)):
                item.role, item.text, item.credit = "figure", split[0], split[1]
                item.text = _CAPTION_MARK.sub("", item.text)
            elif (
                item.kind == "caption"
                or (marked and nxt is not None and _credit_only(ctx.rules, nxt.text))
                or (alone and len(item.text) <= 150 and not item.text.endswith("다."))
            ):
                item.role = "figure"
                item.text = _CAPTION_MARK.sub("", item.text)
                if split:
                    item.text, item.credit = split[0] or item.text, split[1]
        elif item.kind == "caption":
            item.role = "figure"
        prev = item
    _merge_image_captions(ctx)
    for item in ctx.items:  # a staff photographer's e-mail is weak evidence of the publisher
        found = EMAIL.search(item.credit or "") if item.role == "figure" else None
        outlet = (
            ctx.rules.outlet_by_domain(found.group(0).split("@", 1)[1])
            if found and "@" in found.group(0)
            else None
        )
        if outlet:
            ctx.vote_publisher(outlet.name, Evidence.PHOTO_EMAIL)


def _bare_image(ctx: Context, image: Item, caption: Item) -> bool:
    """``image`` is a picture the reader gave whole, with no caption or credit (a Markdown clipping's
    ``![](…)`` on a line of its own), and ``caption`` a credited caption below it with only blank
    lines between: the picture's caption, on a paragraph of its own."""
    block = image.block
    return (
        isinstance(block, Figure)
        and not block.caption
        and not block.credit
        and caption.role == "figure"
        and caption.block is None
        and not caption.attrs.get("src")
        and bool(caption.credit)
        and not any(
            ctx.source_text.get(n, "").strip() for n in range((image.last or image.line) + 1, caption.line)
        )
    )


def _merge_image_captions(ctx: Context) -> None:
    """An image (figure with ``src``) directly followed by a caption without one is one figure:
    the caption text and credit come from the caption, ``alt`` from the image."""
    out: list[Item] = []
    for item in ctx.items:
        prev = out[-1] if out else None
        if prev is not None and _bare_image(ctx, prev, item):  # "![](…)", a blank line, its caption
            assert isinstance(prev.block, Figure)
            prev.attrs["src"] = prev.block.src or ""
            if prev.block.alt:
                prev.attrs["alt"] = prev.block.alt
            prev.block, prev.role = None, "figure"
            prev.text, prev.credit, prev.content = item.text, item.credit, item.content
            prev.last = item.last or item.line
            continue
        if (
            prev is not None
            and prev.role == "figure"
            and prev.attrs.get("src")
            and item.role == "figure"
            and not item.attrs.get("src")
            and not prev.credit
        ):
            if prev.text:  # an image with no caption of its own has no text to keep as alt
                prev.attrs.setdefault("alt", prev.text)
            prev.text, prev.credit, prev.content = item.text, item.credit, item.content
            prev.last = item.last or item.line
            continue
        out.append(item)
    ctx.items = out
