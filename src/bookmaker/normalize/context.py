"""The working state passes share: lines being classified, metadata found, removals."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from bookmaker.ir import Author, Block, Figure, Inline, Removal, ThematicBreak
from bookmaker.korean.romanize import loose_key
from bookmaker.normalize.rules import Rules
from bookmaker.normalize.text import initials_of


class Evidence:
    """What a publisher vote weighs. The publisher is the outlet that published the page — not an
    agency it quotes, a photo's source, or the portal showing it; the highest vote wins, the earlier
    one on a tie."""

    FRONT_MATTER = 10  # publisher: in a Markdown file's front matter, a paper page's citation_publisher
    DECISION = 9  # the court a decision's citation names, the body a statute's office line names, the
    # company a filing's cover names: over the database or disclosure system showing it
    COPYRIGHT = 8  # "Copyright ⓒ 헤럴드경제", "저작권자 © 일요시사"
    SITE_META = 7  # og:site_name, JSON-LD publisher naming a known outlet
    PAGE_DOMAIN = 6  # the page's own address, a copyright notice in the page's footer
    PROVIDER = 5  # "기사제공 스포티비뉴스"
    BYLINE_EMAIL = 5  # the reporter's e-mail domain
    SITE_LABEL = 3  # the outlet's name alone above the article; a site name not in the outlet table
    DATELINE = 2  # "(서울=연합뉴스)": the agency of a wire dateline
    BYLINE_OUTLET = 2  # "가람일보 최유나 기자": the outlet a byline names (it may be a wire's reprinted)
    ISSUER = 2  # "보건복지부" in a press release's header: the issuing body, when no outlet is known
    PHOTO_EMAIL = 1  # a photo credit's e-mail domain
    CONTACT = 1  # the body a release's contact line names ("담당 부서 행정안전부 …"): when nothing else does


@dataclass(slots=True, eq=False)
class Item:
    """One source line on its way to becoming a block (or metadata, or a removal). Items compare by
    identity, as each is its own line: finding one in the body (``index``, ``in``, ``remove``) does
    not compare every item's fields.

    ``role`` is decided by the passes: ``title``, ``subtitle``, ``heading``, ``paragraph``,
    ``figure``, ``quote``, ``list-item``; ``None`` means not decided yet.
    """

    text: str
    line: int
    source: str
    kind: str | None = None
    role: str | None = None
    attrs: dict[str, str] = field(default_factory=dict)
    credit: str | None = None
    last: int | None = None
    content: list[Inline] | None = None
    """The reader's inline runs for the line; passes edit ``text``, and the runs follow the edit."""
    block: Block | None = None
    """A block the reader gave whole; it stays as it is (tables, nested lists, code)."""


@dataclass(slots=True)
class Context:
    """Everything passes read and write. ``items`` is the body: the items not (yet) dropped."""

    body: list[Item]
    """The body as last compacted: :attr:`items` leaves out the items dropped since."""
    rules: Rules
    hints: dict[str, object] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)
    authors: list[Author] = field(default_factory=list)
    meta_lines: dict[str, list[int]] = field(default_factory=dict)
    removed: list[Removal] = field(default_factory=list)
    publisher_votes: list[tuple[int, str]] = field(default_factory=list)
    author_lines: dict[int, int] = field(default_factory=dict)
    source_text: dict[int, str] = field(default_factory=dict)
    duplicates: list[tuple[Item, Item]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    """Degradations the user should hear about (text that could not be repaired …)."""
    dropped: set[Item] = field(default_factory=set)
    """Every item dropped or moved to the metadata (and not given back by setting :attr:`items`): a
    drop is constant work, and the body is rebuilt once, when next read."""
    stale: bool = False
    """:attr:`body` still holds items dropped since it was last compacted."""
    source_format: str | None = None
    """The reader's format (``text``, ``html``, ``markdown``); None when unknown."""
    date_in_text: bool = False
    """meta.date was read from the text (a shown time given no zone, taken as Korea's); an outlet
    that dates its pages elsewhere re-reads it in its own zone (pass ``publisher``)."""
    paginated: bool = False
    """The text came from a paginated source (``pages`` found its page numbers): its lines were
    justified, so a line may end anywhere inside a word."""

    @property
    def items(self) -> list[Item]:
        """The body without the dropped items. A pass holding the list it read before a drop keeps
        that list as it was, as the body is rebuilt, never edited in place, by a drop."""
        if self.stale:
            self.body = [it for it in self.body if it not in self.dropped]
            self.stale = False
        return self.body

    @items.setter
    def items(self, items: list[Item]) -> None:
        self.body = items
        self.dropped.difference_update(items)
        self.stale = False

    def is_dropped(self, item: Item) -> bool:
        """Whether ``item`` was dropped or moved to the metadata (constant work: a pass walking its own
        snapshot asks this)."""
        return item in self.dropped

    def hinted_list(self, name: str) -> list[object]:
        """The reader's hint ``name`` when it is a list, else an empty one."""
        value = self.hints.get(name)
        return value if isinstance(value, list) else []

    def drop(self, item: Item, reason: str, rule: str, duplicate_of: int | None = None) -> None:
        """Remove ``item`` from the body and record why."""
        self.dropped.add(item)
        self.stale = True
        self._record_drop(item, reason, rule, duplicate_of)

    def drop_all(
        self, drops: Iterable[tuple[Item, str, str]], duplicate_of: Iterable[int | None] = ()
    ) -> None:
        """Remove each ``(item, reason, rule)``'s item and record why (and the line it copies, from
        ``duplicate_of`` in the same order), in order."""
        copied = iter(duplicate_of)
        for item, reason, rule in drops:
            self.dropped.add(item)
            self.stale = True
            self._record_drop(item, reason, rule, next(copied, None))

    def _record_drop(self, item: Item, reason: str, rule: str, duplicate_of: int | None) -> None:
        last = item.last or item.line
        recorded = len(self.removed)
        for line in range(item.line, last + 1):
            text = item.source if last == item.line else self.source_text.get(line)
            if text:
                self.removed.append(
                    Removal(text=text, reason=reason, line=line, rule=rule, duplicate_of=duplicate_of)
                )
        if len(self.removed) == recorded and isinstance(item.block, Figure):  # an image: no text line
            text = item.block.text or item.block.alt or item.block.src or ""
            self.removed.append(Removal(text=text, reason=reason, line=item.line, rule=rule))
        elif len(self.removed) == recorded and isinstance(item.block, ThematicBreak):  # a rule: no text
            self.removed.append(Removal(text="---", reason=reason, line=item.line, rule=rule))

    def record(self, text: str, reason: str, line: int, rule: str) -> None:
        """Record a piece of source ``line`` taken out of the text (a label, a widget …) while the
        line itself stays, or a line no item holds."""
        self.removed.append(Removal(text=text, reason=reason, line=line, rule=rule))

    def restore(self, item: Item) -> None:
        """Undo the removal of ``item`` (put it back in source order)."""
        body = self.items  # rebuilt first: the item leaves it, if it was still there
        self.dropped.discard(item)
        self.removed = [
            r
            for r in self.removed
            if not (item.line <= r.line <= (item.last or item.line))
            or r.rule is None
            or not r.rule.startswith("dedupe")
        ]
        body.append(item)
        body.sort(key=lambda it: it.line)

    def to_meta(self, item: Item, key: str) -> None:
        """Take ``item`` out of the body: its content now lives in metadata field ``key`` (constant
        work, as a drop)."""
        self.dropped.add(item)
        self.stale = True
        for line in range(item.line, (item.last or item.line) + 1):
            self.note_line(key, line)

    def note_line(self, key: str, line: int) -> None:
        """Record that metadata ``key`` came (partly) from source ``line``."""
        lines = self.meta_lines.setdefault(key, [])
        if line not in lines:
            lines.append(line)

    def vote_publisher(self, name: str, weight: int) -> None:
        """Offer ``name`` as publisher; the highest weight wins, earlier wins ties."""
        self.publisher_votes.append((weight, name))

    def add_author(self, author: Author, line: int = 0) -> None:
        """Add an author seen at source ``line``, merging with a known one of the same name
        or e-mail."""
        for known in self.authors:
            same_name = author.name and known.name == author.name
            same_mail = author.email and known.email == author.email
            if same_name or same_mail:
                known.name = known.name or author.name
                known.role = known.role or author.role
                known.email = known.email or author.email
                known.affiliations = known.affiliations or author.affiliations
                return
        lacking = [a for a in self.authors if not a.email]
        if author.email and not author.name and len(self.authors) == 1 and lacking:
            lacking[0].email = author.email  # "min22@yna.co.kr" under a one-reporter dateline
            return
        self.authors.append(author)
        self.author_lines[id(author)] = line

    def finish_authors(self) -> list[Author]:
        """Authors in source order; a lone e-mail-only entry joins the one author without one."""
        authors = sorted(self.authors, key=lambda a: self.author_lines.get(id(a), 0))
        mail_only = [a for a in authors if a.email and not a.name]
        lacking = [a for a in authors if a.name and not a.email]
        if len(mail_only) == 1 and len(lacking) == 1:
            lacking[0].email = mail_only[0].email
            authors.remove(mail_only[0])
        elif len(mail_only) == 1 and lacking:  # "ljm@yna.co.kr" under 이정민 and 김도현: by its initials,
            email = mail_only[0].email or ""  # or "yuna@…" under 최유나 and 김도윤: by the given name
            local = email.split("@")[0]
            owners = [
                a for a in lacking if a.name and (initials_of(a.name, local) or _mail_names(email, a.name))
            ]
            if len(owners) == 1:
                owners[0].email = mail_only[0].email
                authors.remove(mail_only[0])
        return authors


def _mail_names(email: str, name: str | None) -> bool:
    """The e-mail's local part spells the Korean writer's given name (``yuna@…``, ``choi.yuna@…``
    for 최유나): three Latin letters or more of it."""
    if not name or not 3 <= len(name) <= 4 or not all("가" <= c <= "힣" for c in name):
        return False
    given = loose_key(name[1:])
    return len(given) >= 3 and given in loose_key(email.split("@", 1)[0])
