"""Pass ``patent``: a patent or utility-model gazette copied as text (KIPRIS, a 공보's PDF).

Its cover sets out bibliographic fields under their INID codes, each on its line: ``(19)
대한민국특허청(KR)``, ``(11) 공개번호 …``, ``(43) 공개일자 2026년11월20일``, ``(72) 발명자 윤서준, 한다은``,
``(54) 발명의 명칭 …``, ``(57) 요 약``. With four coded lines or more, (54) among them, the cover is
read here, before the date and byline passes: the (54) line is the title (its label goes with the
title pass's field labels), (57) heads the abstract, the other coded lines stay as one list of
fields; the inventors (72) are the authors, the publication day (45) or (43) the date, the office
(19) the publisher. In the specification, a bracketed label alone on its line (``【청구항 1】``,
``【기술분야】``) is a heading when there are three or more; a paragraph keeps its number
(``【0001】 …``). Under ``【부호의 설명】`` the reference signs (``100: 책장 정리 로봇``) are a list. A cover
under a sentence of running text (:func:`~bookmaker.normalize.text.quoted_in_article`) is quoted in a
story about the patent: its coded lines are one list, and nothing else is read.
"""

from __future__ import annotations

import re

from bookmaker.ir import Author
from bookmaker.normalize.blocks import unclaimed
from bookmaker.normalize.context import Context, Evidence, Item
from bookmaker.normalize.passes.dates import DATE_RE, to_iso
from bookmaker.normalize.text import quoted_in_article

_INID = re.compile(r"^\s*\((?P<code>\d{2})\)\s*(?P<rest>\S.*)$")
_INVENTORS = re.compile(r"^\s*(?:발명자|고안자|창작자)\s*(?P<names>\S.*)$")
_OFFICE = re.compile(r"^\s*(?:대한민국\s*)?(?P<office>특허청)\s*(?:\(\s*KR\s*\))?\s*$")
_LABEL = re.compile(r"^\s*【\s*[^【】\d][^【】]{0,30}】\s*$")
_SIGNS_LABEL = re.compile(r"^\s*【\s*부호의\s*설명\s*】\s*$")
_SIGN = re.compile(r"^\s*\d{1,4}[a-z']?\s*[:：]\s*\S")
_NAME = re.compile(r"^[가-힣]{2,5}$")
COVER = 40
FEWEST_CODES = 4
FEWEST_LABELS = 3
DAY_CODES = ("45", "43")  # registration, then publication: the gazette's own day


def run(ctx: Context) -> None:
    """Read a patent gazette's cover and its specification's labels."""
    if ctx.source_format != "text":
        return
    coded = [it for it in ctx.items[:COVER] if unclaimed(it) and _INID.match(it.text)]
    codes = {m["code"]: it for it in coded if (m := _INID.match(it.text))}
    if len(coded) < FEWEST_CODES or "54" not in codes:
        return
    first = ctx.items.index(coded[0])
    if quoted_in_article(it.text for it in ctx.items[:first]):
        _as_list(coded)  # a cover quoted in a story about the patent: its fields, not the page's meta
        return
    codes["54"].kind = "title"
    if "57" in codes:
        codes["57"].kind = "heading"
    _as_list([it for it in coded if it is not codes["54"] and it is not codes.get("57")])
    _cover_meta(ctx, codes)
    _specification(ctx)


def _as_list(fields: list[Item]) -> None:
    for it in fields:
        it.role, it.attrs["list"] = "list-item", str(fields[0].line)


def _value(item: Item) -> str:
    m = _INID.match(item.text)
    return m["rest"].strip() if m else ""


def _cover_meta(ctx: Context, codes: dict[str, Item]) -> None:
    if "72" in codes and (m := _INVENTORS.match(_value(codes["72"]))):
        for name in re.split(r"\s*[,、·ㆍ]\s*", m["names"].strip()):
            if _NAME.match(name):
                ctx.add_author(Author(name=name), codes["72"].line)
    day = next((codes[c] for c in DAY_CODES if c in codes), None)
    dated = DATE_RE.search(_value(day)) if day is not None else None
    iso = to_iso(dated) if dated else None
    if day is not None and iso and not ctx.meta.get("date"):
        ctx.meta["date"] = iso[0]
        ctx.note_line("date", day.line)
    if "19" in codes and (office := _OFFICE.match(_value(codes["19"]))):
        ctx.vote_publisher(office["office"], Evidence.DECISION)


def _specification(ctx: Context) -> None:
    labels = [it for it in ctx.items if unclaimed(it) and _LABEL.match(it.text)]
    if len(labels) < FEWEST_LABELS:
        return
    label_ids = {id(it) for it in labels}
    signs: Item | None = None
    for it in ctx.items:
        if id(it) in label_ids:
            signs = it if _SIGNS_LABEL.match(it.text) else None
            it.kind, it.text = "heading", it.text.strip().strip("【】").strip()  # the label's brackets
            continue
        if signs is not None and unclaimed(it) and _SIGN.match(it.text):
            it.role, it.attrs["list"] = "list-item", str(signs.line)
        elif signs is not None:
            signs = None
