"""Part of pass ``title``: a press release's (보도자료) header, read by kind before the title is
looked for.

Near the top, above the first line of prose, a release names its kind (``보도자료``, ``[ 보 도 참
고 자 료 ]``, ``수원시 보도자료`` → meta.series), its issuing body (``보건복지부``, ``한국토지주택공사``:
a publisher vote that wins only when no outlet is known) and its release time (``보도시점``,
``엠바고``, ``배포일시``: the ``dates`` pass takes those with a date; one without a date, ``보도 시점 :
배포 즉시``, is removed) and the office a header field names (``담당부서 수원시 교통정책과``: removed, its
issuer a vote). The title is then looked for below the kind label: what stands above it
is the portal's or the agency's page header. Rule tables: ``[release]`` in rules.toml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from bookmaker.normalize.blocks import structured
from bookmaker.normalize.context import Context, Evidence, Item
from bookmaker.normalize.rules import Rules
from bookmaker.normalize.text import is_prose

MAX_HEADER = 12
_EDGE = r"[\s\[\]<>【】〈〉《》()「」]*"
_SEPARATOR = re.compile(r"^[\s|ㅣ:：·/\-]+|[\s|ㅣ:：·/\-]+$")


@dataclass(frozen=True, slots=True)
class Release:
    """What a press release's header says: its kind, and where to look for the title."""

    kind: str
    after: int
    """The index in ``ctx.items`` of the first item below the kind label."""


def read_header(ctx: Context) -> Release | None:
    """Read a press release's header (None when the page does not call itself one)."""
    header = opening_lines(ctx)
    labels = [(item, named) for item in header if (named := _kind_line(ctx.rules, item.text))]
    if not labels:
        return None
    label, named = _page_label(ctx, labels)
    kind, issuers = named
    for name in issuers:
        ctx.vote_publisher(name, Evidence.ISSUER)
    ctx.to_meta(label, "series")
    for item in header:
        if item is label:
            continue
        body = issuer(ctx.rules, item.text) or _letterhead(ctx, item, label)
        office = _office(ctx.rules, item.text)
        if body:
            ctx.vote_publisher(body, Evidence.ISSUER)
            ctx.drop(item, ISSUER_REASON, "release.issuer")
        elif office is not None:
            if office:
                ctx.vote_publisher(office, Evidence.ISSUER)
            ctx.drop(item, "a press release's office, a field of its header", "release.office")
        elif _undated_time(ctx.rules, item):
            ctx.drop(item, "a press release's release time, without a date", "release.time")
        elif _only(ctx.rules.patterns("release", "notes"), item.text):
            ctx.drop(item, "a press release's note on its pages and attachments", "release.note")
    after = next((i for i, item in enumerate(ctx.items) if item.line > label.line), len(ctx.items))
    return Release(kind, after)


_MENU_WORD = re.compile(r"[^\d\s.:：|>]{1,8}(?:\s[^\d\s.:：|>]{1,8})?")


def _in_menu(ctx: Context, label: Item) -> bool:
    """A kind word among a site's menu words, one a line (``브리핑룸`` / ``보도자료`` / ``부처 브리핑``;
    two such source lines within two of it, one right by it): the portal's menu, no label of the page."""
    near = [ctx.source_text.get(label.line + d, "") for d in (-2, -1, 1, 2)]
    menu = [bool(_MENU_WORD.fullmatch(text)) for text in near]
    return (menu[1] or menu[2]) and sum(menu) >= 2


def _page_label(
    ctx: Context, labels: list[tuple[Item, tuple[str, list[str]]]]
) -> tuple[Item, tuple[str, list[str]]]:
    """The header's kind label: the first outside a site's menu; among menu words only, the one the
    breadcrumb ends with (``브리핑룸 > 해명자료``), the page's own kind; else the first."""
    own = [pair for pair in labels if not _in_menu(ctx, pair[0])]
    if own:
        return own[0]
    last = labels[-1][0].line
    crumbs = [t for line, t in ctx.source_text.items() if line <= last + 2 and ">" in t]
    for pair in labels:
        if any(re.search(rf">\s*{re.escape(pair[1][0])}\s*$", t) for t in crumbs):
            return pair
    return labels[0]


_LETTERHEAD = re.compile(r"[가-힣A-Za-z][가-힣A-Za-z&·]{1,14}")
_LEAD_MARK = re.compile(r"^\s*[□■○◎●▶▷◇◆\-]?\s*")


def _letterhead(ctx: Context, item: Item, label: Item) -> str | None:
    """A company's name alone above the kind label (``한빛에너지`` over ``보도참고자료``) whom the lead's
    first sentence is about (``□ 한빛에너지(대표 최윤석)는 …``): the issuer, though no public body."""
    name = item.text.strip()
    if item.line >= label.line or not _LETTERHEAD.fullmatch(name):
        return None
    lead = next((it for it in ctx.items if it.line > label.line and is_prose(it.text)), None)
    opening = _LEAD_MARK.sub("", lead.text, count=1) if lead is not None else ""
    return name if re.match(rf"{re.escape(name)}\s*(?:[(（]|[은는이가의와]\s)", opening) else None


def opening_lines(ctx: Context) -> list[Item]:
    """The lines above the first line of prose (at most ``MAX_HEADER``) that no pass gave a role:
    where a release's, a minutes' or a decision's header stands."""
    out: list[Item] = []
    for item in ctx.items[:MAX_HEADER]:
        if item.role == "figure" and not item.text:
            continue  # the issuer's emblem over the header (a word processor's layout table)
        if structured(item) or is_prose(item.text):
            break
        if item.role is None:
            out.append(item)
    return out


@cache
def _kind_pattern(kinds: tuple[str, ...]) -> re.Pattern[str]:
    """A kind label alone or beside other words, its letters maybe spaced (``보 도 자 료``)."""
    spaced = "|".join(r"\s*".join(map(re.escape, k)) for k in sorted(kinds, key=len, reverse=True))
    return re.compile(rf"^(?P<pre>.{{0,24}}?){_EDGE}(?P<kind>{spaced}){_EDGE}(?P<post>.{{0,24}})$")


def _kind_line(rules: Rules, text: str) -> tuple[str, list[str]] | None:
    """The kind a label line names and the issuers beside it (``수원시 보도자료``), or None when
    the line is not a kind label (``브리핑룸 > 보도자료``)."""
    m = _kind_pattern(tuple(rules.strings("release", "kinds"))).match(text.strip())
    if m is None:
        return None
    issuers: list[str] = []
    for side in (m["pre"], m["post"]):
        words = _SEPARATOR.sub("", side)
        if not words or _only(rules.patterns("release", "time_words"), words):
            continue  # "보도자료 | 보도일시: … 조간": the edition the dates pass left
        name = issuer(rules, words)
        if name is None:
            return None
        issuers.append(name)
    return re.sub(r"\s+", "", m["kind"]), issuers


@cache
def _ending_pattern(endings: tuple[str, ...]) -> re.Pattern[str]:
    """A Hangul word ending in one of ``endings`` (and longer than it)."""
    alternatives = "|".join(map(re.escape, sorted(endings, key=len, reverse=True)))
    return re.compile(rf"[가-힣]+(?:{alternatives})")


RELEASE_WIRE = re.compile(
    r"^\s*(?P<loc>[가-힣A-Za-z]{2,10})\s*--\s*\(뉴스와이어\)\s*"
    r"(?:(?:19|20)\d{2}년\s*\d{1,2}월\s*\d{1,2}일\s*)?--\s*(?P<rest>\S.*)$"
)
"""A release distributed by 뉴스와이어: ``서울--(뉴스와이어)--`` (older: ``… 2026년 12월 03일 --``) before the
issuer's text; the distributor is no publisher, so no vote for it."""
ISSUER_REASON = "the issuing body of a press release (a publisher vote)"


def issuer(rules: Rules, text: str) -> str | None:
    """The issuing body a short header line names, or None: every word is a public body's or an
    office's name or an abbreviation (``보건복지부``, ``LH 한국토지주택공사``, ``서울특별시
    기후환경본부``), and the first body's name is the issuer. A headline (``경기도 공공기관 이전``)
    is none."""
    words = text.strip().split()
    if not 1 <= len(words) <= 3 or len(text.strip()) > 24:
        return None
    body = _ending_pattern(tuple(rules.strings("release", "issuer_endings")))
    office = _ending_pattern(tuple(rules.strings("release", "office_endings")))
    if not all(body.fullmatch(w) or office.fullmatch(w) or re.fullmatch(r"[A-Z]{2,5}", w) for w in words):
        return None
    return next((w for w in words if body.fullmatch(w)), None)


def _office(rules: Rules, text: str) -> str | None:
    """For a header field naming the issuer's office (``담당부서 가람시 교통정책과``): its issuer, or ``""``
    when it names an office alone (``담당부서: 교통정책과``); None for any other line."""
    labels = "|".join(rules.strings("release", "office_labels"))
    m = re.fullmatch(rf"\s*(?:{labels})\s*[:：]?\s*(?P<rest>\S.{{0,30}})", text)
    if m is None:
        return None
    words = m["rest"].split()
    office = _ending_pattern(tuple(rules.strings("release", "office_endings")))
    if not office.fullmatch(words[-1]):
        return None
    return issuer(rules, m["rest"]) or ""


def _only(patterns: list[re.Pattern[str]], text: str) -> bool:
    """``text`` holds matches of ``patterns`` and nothing else but spaces and punctuation."""
    rest = text
    for p in patterns:
        rest = p.sub(" ", rest)
    return rest != text and not re.search(r"\w", rest)


def _undated_time(rules: Rules, item: Item) -> bool:
    """A release-time line left with no date (``보도 시점 : 배포 즉시``)."""
    if "date_residue" in item.attrs or len(item.text) > 40:
        return False
    return any(p.match(item.text.strip()) for p in rules.patterns("release", "time_labels"))
