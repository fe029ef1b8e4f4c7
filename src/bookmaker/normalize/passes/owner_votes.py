"""Votes for the publisher or issuing office from a page's footers: a press release's contact box
and office, a board's postal footer, an organization's masthead, a site notice naming the site."""

from __future__ import annotations

import re

from bookmaker.ir import Table
from bookmaker.normalize.context import Context, Evidence
from bookmaker.normalize.passes.chrome_lines import line_family
from bookmaker.normalize.passes.contact_box import contact_rows
from bookmaker.normalize.passes.release import issuer


def is_contact_table(ctx: Context, table: Table) -> bool:
    """A press release's 담당 부서 box set as a table: its first row, read as a line, is a release
    contact line (``담당 부서 … 책임자 과장 김○○ (044-201-5510)``), or it labels the box's columns over
    rows that each give a phone (``담당 부서 | 책임자 | 담당자 | 전화``)."""
    rows = [*table.head, *table.body]
    first = " ".join(" ".join(cell.text for cell in rows[0].cells).split()) if rows else ""
    cells = [[cell.text for cell in row.cells] for row in rows]
    return bool(first) and (line_family(ctx, first) == "release" or contact_rows(cells[0], cells[1:]))


def vote_office(ctx: Context, table: Table) -> None:
    """The issuing body the contact box names in its first row (``문화체육관광부 도서관정책기획단``)
    votes for the publisher, as a release's header would."""
    rows = [*table.head, *table.body]
    for cell in rows[0].cells if rows else []:
        body = issuer(ctx.rules, " ".join(cell.text.split()))
        if body:
            ctx.vote_publisher(body, Evidence.ISSUER)
            return


_CONTACT_OFFICE = re.compile(r"\s*담당\s*부서\s*[:：]?\s*(?P<office>\S+(?:\s+\S+)?)")
"""A release's contact line as text (``담당 부서 행정안전부 기후재난대응과 책임자 …``): its office."""


def vote_contact_office(ctx: Context, text: str) -> None:
    """The issuing body a release's contact line names first votes for the publisher, as the same
    box set as a table does (a co-office's ``<공동>`` row after it does not)."""
    match = _CONTACT_OFFICE.match(text)
    body = issuer(ctx.rules, match["office"]) if match else None
    if body:
        ctx.vote_publisher(body, Evidence.CONTACT)


_POSTAL_FOOTER = re.compile(
    r"^\s*[(（]\d{5}[)）]\s.{4,120}?\s(?P<owner>[^\s|ㅣ]{2,20})\s+(?:대표\s*전화|전화|TEL|Tel|☎)"
)
"""A site's address footer, its postal code first, whose address ends with the name of whoever is
there before its phone (``(30128) 세종특별자치시 도움6로 42 정부세종청사 행정안전부  대표전화 …``)."""


def vote_address_owner(ctx: Context, text: str) -> None:
    """A public body closing a site's address footer before its phone votes for the publisher, at
    a contact line's weight (when nothing else names one)."""
    match = _POSTAL_FOOTER.match(text)
    body = issuer(ctx.rules, match["owner"]) if match else None
    if body:
        ctx.vote_publisher(body, Evidence.CONTACT)


_MASTHEAD_OWNER = re.compile(r"^\s*(?P<owner>[가-힣A-Za-z][가-힣A-Za-z ]{1,20}?)\s*\|.*(?:☎|TEL|Tel|전화)")
"""An organization's footer opening with its name before the bars, a phone after it (``새빛동산교회 |
서울특별시 … | ☎ 02-745-3300``)."""


def vote_masthead_owner(ctx: Context, text: str) -> None:
    """The organization naming itself first in its footer votes for the publisher, at a contact
    line's weight (when nothing else names one)."""
    match = _MASTHEAD_OWNER.match(text)
    if match:
        ctx.vote_publisher(match["owner"].strip(), Evidence.CONTACT)


def vote_self_notice(ctx: Context, text: str) -> None:
    """A site notice in which the site names itself (``나무위키는 백과사전이 아니며 …``) votes for it."""
    for pattern in ctx.rules.patterns("boilerplate", "self_notices"):
        m = pattern.search(text)
        if m:
            outlet = ctx.rules.outlet_in_text(m["name"])
            ctx.vote_publisher(outlet.name if outlet else m["name"], Evidence.SITE_LABEL)
            return
