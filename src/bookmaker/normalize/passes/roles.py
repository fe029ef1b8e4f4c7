"""Pass ``roles``: body lines that are not running text, told by kind once the roles are known.

- An **editor's note** (``[편집자말]``, ``[편집자 주]``, ``편집자주:``, ``<편집자 주>``,
  ``Editor's note:`` …): a labelled paragraph that opens or closes the article (only figures
  before it, or nothing but other notes after it) gets ``attrs["paragraph_role"] =
  "editor-note"``. The label itself is taken off the text (the themes print their own, in the
  book's language) and recorded in ``removed`` (``roles.editor_note_label``); a label alone on
  its line goes to ``removed`` and marks the paragraph below it. A labelled paragraph in the
  middle of the text stays running text, label and all. A callout (Markdown's ``<aside>``, as
  Notion exports it) above the first paragraph of prose is an editor's note too, and so is a
  quotation opening the text or a section that says how the transcript was made (``이 스크립트는
  음성 인식으로 만든 뒤 사람이 다듬었습니다``), without a label.
- A **correction** notice at the article's edge (``바로잡습니다``, ``[정정]``, ``[알려왔습니다]`` over
  its paragraph or opening it) gets ``"correction"``, its label removed as a note's is
  (``roles.correction_label``).
- A statement's **signature** (성명서, 입장문, 호소문 …: a kind named in the series or the
  title; a notice, ``[알림]``/``[사고]``/``[공지]``, in the series only; a numbered notice or letter,
  ``가정통신문 제2026-78호``, in the series): the date line and the issuing body's name after the last
  paragraph, above the cut line when a reply slip follows (``2020년 7월 13일`` / ``한국기자협회``,
  ``연합뉴스 콘텐츠융합국``) become ``signature`` lines; so does a letter's sign-off ending the text
  (``박지현 드림``, ``… 올림``); nothing else does, and only at the very end.
- A broadcast transcript's **segment title** (``< 빨갛게 빨갛게 >``, ``〈 … 〉``), on a line of its
  own or glued to the start of a paragraph, becomes a level-2 heading without its brackets; only
  in a transcript (speaker labels were removed, or sound bites ``[이름/직함 : …]`` are quoted).
  A bracketed sound bite that pass ``structure`` took for a heading (it is short) is a paragraph, and
  so is a sound bite's speaker line (``[인터뷰] 박정숙 / 창동 상인회장``), its label taken off.

No text is lost: labels go to ``removed`` with their rule, brackets of a segment title are the
title's decoration (as a heading's ``■`` marker is, pass ``structure``)."""

from __future__ import annotations

import re

from bookmaker.ir import Paragraph, Quote
from bookmaker.normalize.blocks import structured
from bookmaker.normalize.context import Context, Evidence, Item
from bookmaker.normalize.inlines import follow_edit, slice_runs
from bookmaker.normalize.passes.chrome_lines import is_speaker_label
from bookmaker.normalize.passes.dates import WRITTEN_ON, iso_from_hint
from bookmaker.normalize.passes.title import NOTICE_NUMBER
from bookmaker.normalize.text import (
    EDITOR_NOTE_ALONE,
    EDITOR_NOTE_CLOSE,
    EDITOR_NOTE_OPEN,
    EDITOR_NOTE_WORD,
    ends_sentence,
    is_prose,
)

# --- editor's notes ------------------------------------------------------------------------------

_OPEN, _CLOSE, _WORD = EDITOR_NOTE_OPEN, EDITOR_NOTE_CLOSE, EDITOR_NOTE_WORD
_LABEL_START = re.compile(
    rf"^\s*(?:[※*]\s*)?(?:{_OPEN}\s*{_WORD}\s*{_CLOSE}\s*[:：\-–]?|{_WORD}\s*[:：)\-–])\s*", re.IGNORECASE
)
_LABEL_END = re.compile(rf"\s*{_OPEN}\s*{_WORD}\s*{_CLOSE}\s*$", re.IGNORECASE)
_LABEL_ALONE = EDITOR_NOTE_ALONE
_TRANSLATED = re.compile(
    r"^\s*(?P<open>[(（]\s*)?(?:[※*]\s*)?(?=(?:이|본)\s*기사는\s.{0,100}번역"
    r"|(?:이|본)\s*(?:글|칼럼|기고문?)(?:은|는)\s.{0,100}?번역"
    r"(?:한\s*것|했습니다|하였습니다|해\s*(?:실|싣|옮기|옮겼|소개))"
    r"|(?:이|본)\s*(?:기사|글|칼럼|기고)(?:은|는)\s.{0,60}(?:계약|제휴|협약)에\s*따라.{0,40}(?:게재|싣|실리|실립|실었)"
    r"|(?:이|본)\s*(?:기사|글|칼럼)(?:은|는)\s.{0,60}(?:먼저|처음)\s*(?:실렸|실린|게재(?:됐|되었|된)|발행(?:됐|되었|된))"
    r".{0,60}(?:옮|고쳐\s*쓴|다듬은|수정한|보완한)"
    r"|(?:이|본)\s*(?:기사|글|칼럼)(?:은|는)\s.{0,60}(?:블로그|브런치(?:\s*스토리)?|뉴스레터|페이스북|SNS|누리집|홈페이지)"
    r"\S{0,4}\s*(?:실린|게재된|올린|쓴)\s*글을\s.{0,60}(?:옮겨|고쳐|다듬어|수정해|재구성|보완해)"
    r"|(?:이|본)\s*(?:기사|글|칼럼|기고)(?:은|는)\s.{0,60}(?:함께|공동(?:으로)?)\s*기획(?:한|된|하는|으로)?\s"
    r".{0,60}(?:연재|연속\s*기고|기획\s*(?:기사|보도)|시리즈|기고)"
    r"|(?:이|본)\s*기사는\s.{0,60}(?:기금|지원)[을를]?\s*(?:지원\s*)?받아\s*(?:작성|취재|제작)"
    r"|(?:이|본)\s*기사는\s.{0,40}(?:공동\s*취재단?|풀\s*(?:취재|기사)|pool).{0,40}(?:바탕|토대|기초)[으로]{0,2}\s*작성"
    r"|(?i:this\s+(?:article|story|column)\s+was\s+(?:originally\s+)?(?:written|published)\s+in\s+Korean"
    r"\s.{0,80}translat)"
    r")"
)
"""A translator's note (``※ 이 기사는 … 이코노미스트의 기사를 경향신문이 번역한 것입니다``, ``※ 이 글은 …
뉴욕타임스에 실린 … 칼럼을 번역한 것입니다``: a column's or a piece's, what it translated named; a
syndicated column's ``※ 이 칼럼은 가디언과의 독점 계약에 따라 … 게재됩니다``), an English
edition's ``This article was originally written in Korean and translated by …``), or a
republisher's (``이 글은 필자의 브런치에 먼저 실렸고, 필자의 동의를 얻어 옮겼습니다``, ``… 먼저 실린
글을 고쳐 쓴 것입니다``, ``… 개인 블로그에 실린 글을 요즘IT의 형식에 맞게 고쳐 실은 것입니다``): an
editor's note on where the text comes from, though it carries no label; so
is a press pool's (``(*이 기사는 공동취재단 기사를 바탕으로 작성됐습니다.)``, its brackets and mark
decoration); so is a joint series' (``*이 글은 … 프레시안이 함께 기획한 … 연속 기고의 세 번째
글입니다``) and a fund's (``이 기사는 지역신문발전위원회 기금을 지원받아 작성됐습니다``)."""
_MADE = re.compile(
    r"^\s*(?:[※*]\s*)?(?:이|본)\s*(?:스크립트|녹취록?|대본|자막|속기록|받아쓰기)\s*(?:은|는)\s"
    r".{0,80}?(?:음성\s*인식|자동\s*(?:생성|변환|받아쓰기)|받아\s*적|녹취|인공지능|AI|다듬)"
)
"""A note on how a transcript was made (``이 스크립트는 음성 인식으로 만든 뒤 사람이 다듬었습니다``):
set apart as a quotation at the head of the transcript (right under its heading), an editor's note."""

# --- signatures ----------------------------------------------------------------------------------

STATEMENT_KINDS = (
    "성명",
    "성명서",
    "공동성명",
    "입장문",
    "호소문",
    "결의문",
    "선언문",
    "담화문",
    "기자회견문",
    "발표문",
    "논평",
    "규탄문",
    "촉구문",
    "공고",
    "고시",
)
NOTICE_KINDS = ("알림", "알립니다", "공지", "사고", "社告")
"""A publisher's or an organisation's own notice, signed like a statement; only as the series tag
(``[알림] …``, ``[알립니다] 정정·반론보도문``): in a title's last word ``사고`` is an accident and
``알림`` a reminder."""
_KINDS = "|".join(sorted(STATEMENT_KINDS, key=len, reverse=True))
_KIND_IN_TITLE = re.compile(
    rf"^\s*{_OPEN}\s*(?:{_KINDS})\s*{_CLOSE}|(?:{_KINDS})\s*$|^\s*(?:{_KINDS})\s*[:：]"
)
_DATE_LINE = re.compile(
    r"^\s*(?:\d{4}\s*년\s*\d{1,2}\s*월\s*\d{1,2}\s*일|\d{4}\s*[.\-/]\s*\d{1,2}\s*[.\-/]\s*\d{1,2}\s*\.?)"
    r"\s*(?:\(\s*[월화수목금토일]\s*\))?\s*$"
)
_BODY_NAME = re.compile(
    r"(?:일동|협회|위원회|노동조합|노조|본부|지부|지회|연대|연합|연맹|회의|학회|모임|단체|조합|재단|협의회|"
    r"공동체|센터|네트워크|행동|시민|의원|의원단|당|회|원|부|국|실|팀|청|처|대학교|총학생회|주민|"
    r"(?:일보|신문|방송|통신|출판|언론|경제)사)$"
)
MAX_SIGNATURE_LINES = 4
MAX_SIGNATURE = 40

# --- segment titles ------------------------------------------------------------------------------

_SEGMENT = re.compile(
    r"^\s*(?P<mark>[<〈＜](?P<inner>\s*)(?P<title>[^<>〈〉＜＞\[\]:：/]{1,30}?)\s*[>〉＞])(?P<gap>\s*)(?P<rest>.*)$",
    re.S,
)
_SOUND_BITE = re.compile(r"^\s*\[[^\]:：]{2,40}[:：]")
_BRACKETED_BITE = re.compile(r"^\s*[<〈＜\[][^<>〈〉＜＞\[\]:：]{2,40}[:：].*[>〉＞\]]\s*$", re.S)
_HTMLISH = re.compile(r"^/?[A-Za-z][\w-]*(?:\s|$|/)")
_BITE_LABEL = re.compile(
    r"^\s*[\[<〈【◀]\s*(?:인터뷰|싱크|녹취|SYNC|INT)\s*[\]>〉】▶]\s*[:：]?\s*"
    r"(?=[가-힣A-Za-z]{2,10}(?:\s[가-힣]{1,4})?\s*(?:/\s*\S.{0,40})?$)"
)
"""A transcript's sound-bite label before its speaker (``[인터뷰] 박정숙 / 창동 상인회장``, MBC's ``◀ INT ▶
이름 / 직함`` and ``◀ SYNC ▶ 마을 주민``, the quote on the next line): the label is production markup, as
``[리포트]`` is; the speaker (and title) are the text's."""
_BITE_REASON = "a transcript's sound-bite label (the speaker's name and title stay)"


_LABEL_REASON = "an editor's note label (the theme prints its own before the note)"
_CORRECTION_WORD = r"(?:바로\s*잡습니다|정정(?:\s*(?:합니다|알림|보도))?|수정\s*알림|알려\s*왔습니다)"
_CORRECTION_ALONE = re.compile(rf"^\s*(?:[※*■□◆]\s*)?{_OPEN}?\s*{_CORRECTION_WORD}\s*{_CLOSE}?\s*[:：]?\s*$")
_CORRECTION_START = re.compile(
    rf"^\s*(?:[※*■□◆]\s*)?(?:{_OPEN}\s*{_CORRECTION_WORD}\s*{_CLOSE}|{_CORRECTION_WORD}\s*[:：])\s*(?=\S)"
)
"""A correction's label (``바로잡습니다``, ``[정정]``, ``※ 바로잡습니다:``, ``[알려왔습니다]``) at an
article's edge: the newsroom's note on its own error (or a party's reply it prints), set apart as an
editor's note is, under the theme's own label (the source's goes as an editor's note's does)."""
_CORRECTION_REASON = "a correction notice's label (the note is kept, set apart as a correction)"


def _body(item: Item) -> bool:
    return not structured(item) and item.role == "paragraph"


def _strip(item: Item, start: int, end: int) -> None:
    """Keep ``item.text[start:end]`` (its runs follow)."""
    if item.content is not None:
        item.content = slice_runs(follow_edit(item.content, item.text), start, end)
    item.text = item.text[start:end]


def _note_like(text: str) -> bool:
    """Whether one of :func:`_editor_notes`'s rules may take the line (a label, a correction, a
    translation's note)."""
    return bool(
        _LABEL_ALONE.match(text)
        or _CORRECTION_ALONE.match(text)
        or _CORRECTION_START.match(text)
        or _TRANSLATED.match(text)
        or _LABEL_START.match(text)
        or _LABEL_END.search(text)
    )


def _editor_notes(ctx: Context) -> None:
    where: dict[int, int] = {}  # each item's position in ctx.items, remade when that changes
    for item in list(ctx.items):
        position = where.get(id(item))
        if position is None or position >= len(ctx.items) or ctx.items[position] is not item:
            where = {id(kept): i for i, kept in enumerate(ctx.items)}  # a search per item: quadratic
            position = where.get(id(item))
        if position is None or not _body(item):
            continue  # a label line dropped before it came up, or not running text
        if not (item.attrs.get("callout") or _note_like(item.text)):
            continue  # no rule below can take it: the lists around it are not copied for it
        before, after = ctx.items[:position], ctx.items[position + 1 :]
        if item.attrs.get("callout") and not any(is_prose(it.text) for it in before if not structured(it)):
            item.attrs["paragraph_role"] = "editor-note"  # a callout above the text (<aside>): a note on it
            continue
        if _LABEL_ALONE.match(item.text):
            below = after[0] if after else None
            if (
                below is not None
                and _body(below)
                and not _LABEL_ALONE.match(below.text)
                and _at_edge(before, after[1:])
            ):
                ctx.drop(item, _LABEL_REASON, "roles.editor_note_label")
                below.attrs["paragraph_role"] = "editor-note"
            continue
        if _correction(ctx, item, before, after):
            continue
        translated = _TRANSLATED.match(item.text)
        if translated and _at_edge(before, after):
            closed = translated["open"] and item.text.rstrip().endswith((")", "）"))
            _strip(
                item, translated.end(), len(item.text.rstrip()) - 1 if closed else len(item.text)
            )  # its ※ is decoration, as a heading's ■ is
            item.attrs["paragraph_role"] = "editor-note"
            continue
        start, end = _LABEL_START.match(item.text), _LABEL_END.search(item.text)
        if (start is None and end is None) or not _at_edge(before, after):
            continue
        first = start.end() if start else 0
        last = end.start() if end and end.start() > first else len(item.text)
        if not item.text[first:last].strip():
            continue
        for label in (item.text[:first], item.text[last:]):
            if label.strip():
                ctx.record(label.strip(), _LABEL_REASON, item.line, "roles.editor_note_label")
        _strip(item, first, last)
        item.attrs["paragraph_role"] = "editor-note"


def _correction(ctx: Context, item: Item, before: list[Item], after: list[Item]) -> bool:
    """A correction notice at the text's edge (``바로잡습니다`` over its paragraph, or ``[바로잡습니다]
    애초 기사에서 …`` on one line): the note becomes a correction (role ``correction``), its label is
    removed."""
    if _CORRECTION_ALONE.match(item.text):
        below = after[0] if after else None
        if below is None or not _body(below) or not _at_edge(before, after[1:]):
            return False
        ctx.drop(item, _CORRECTION_REASON, "roles.correction_label")
        below.attrs["paragraph_role"] = "correction"
        return True
    start = _CORRECTION_START.match(item.text)
    if start is None or not _at_edge(before, after):
        return False
    ctx.record(item.text[: start.end()].strip(), _CORRECTION_REASON, item.line, "roles.correction_label")
    _strip(item, start.end(), len(item.text))
    item.attrs["paragraph_role"] = "correction"
    return True


def _making_notes(ctx: Context) -> None:
    """A quotation that says how the transcript below it was made (:data:`_MADE`), opening the text
    or a section (right after a heading), is an editor's note: a paragraph, no longer a quotation."""
    for position, item in enumerate(ctx.items):
        paragraph = _quoted_paragraph(item)
        if paragraph is None or not _MADE.match(item.text):
            continue
        above = next((it for it in reversed(ctx.items[:position]) if it.role != "figure"), None)
        if above is not None and above.role != "heading":
            continue
        if item.block is not None:  # a quotation the reader gave whole: its one paragraph's runs
            item.content, item.block = list(paragraph.content), None
        item.role = "paragraph"
        item.attrs["paragraph_role"] = "editor-note"


def _quoted_paragraph(item: Item) -> Paragraph | None:
    """The paragraph of a quotation of one paragraph (the reader's whole block, or a quoted line)."""
    if item.block is None:
        return Paragraph(content=list(item.content or [])) if item.role == "quote" else None
    block = item.block
    if isinstance(block, Quote) and not block.attribution and len(block.blocks) == 1:
        only = block.blocks[0]
        return only if isinstance(only, Paragraph) and only.role is None else None
    return None


def _at_edge(before: list[Item], after: list[Item]) -> bool:
    """Nothing but figures before, or nothing but other editor's notes (or their labels) after."""
    opens = all(it.role == "figure" for it in before)
    closes = all(
        it.attrs.get("paragraph_role") in ("editor-note", "correction")
        or bool(_LABEL_START.match(it.text) or _LABEL_END.search(it.text) or _LABEL_ALONE.match(it.text))
        for it in after
        if not structured(it) and it.role != "figure"
    )
    return opens or closes


def _statement(ctx: Context) -> bool:
    """The text calls itself a statement (성명서, 입장문 …) in its series or its title."""
    series = [str(s) for s in ctx.meta.get("series", [])]
    title = str(ctx.meta.get("title", ""))
    kinds = {*STATEMENT_KINDS, *NOTICE_KINDS}
    numbered = any(NOTICE_NUMBER.match(s) for s in series)  # "가정통신문 제2026-78호": a signed letter
    return (
        numbered
        or any(re.sub(r"\s+", "", s).strip("[]<>【】()") in kinds for s in series)
        or bool(_KIND_IN_TITLE.search(title))
    )


def _signature_line(text: str) -> bool:
    text = text.strip()
    if _DATE_LINE.match(text) or WRITTEN_ON.match(text):
        return True
    return 2 <= len(text) <= MAX_SIGNATURE and not ends_sentence(text) and len(text.split()) <= 6


_OFFICE_HEAD = re.compile(r"[가-힣]{2,}(?:장|소장|관리사무소장|위원장|대표)$")
"""A signing office's head (``가람마을 3단지 관리사무소장``, ``은빛동장``)."""


_SIGN_OFF = re.compile(r"^(?:[가-힣]{2,10}\s+)?[가-힣]{2,4}\s*(?:드림|올림|배상)\.?$")
"""A letter's sign-off (``박지현 드림``, ``편집부 박지현 올림``)."""


_STAFF_SIGN = re.compile(
    r"^[가-힣]{2,20}(?:학교|유치원|어린이집|센터|도서관|복지관)\s+"
    r"(?:[가-힣]{0,4}교사|교장|교감|원장|원감|관장|센터장|담당자?)$"
)
"""A notice signed by the staff member who wrote it, no date over it (``서울한빛초등학교 영양교사``)."""


_STAMP = re.compile(r"\s*[(\[]\s*(?:직인\s*생략|직인|인|서명|서명\s*생략)\s*[)\]]\s*$")
"""The stamp's place after a signing head (``… 관리사무소장 (직인생략)``, ``… 학교장 (인)``)."""


def _signed_notice(tail: list[Item]) -> bool:
    """A notice of no named kind signed as one: a date line, then its office's head (``2026. 12. 5.``
    over ``가람마을 3단지 관리사무소장``, a stamp's place ``(직인생략)`` after it or not)."""
    lines = [line.strip() for item in tail for line in item.text.split("\n")]
    head = _STAMP.sub("", lines[-1]) if lines else ""
    return 2 <= len(lines) <= 3 and bool(_DATE_LINE.match(lines[0])) and bool(_OFFICE_HEAD.search(head))


_SIGNING_BODY = re.compile(r"(?P<body>\S.{1,30}?(?:관리사무소|학교|센터|도서관|복지관))장")
"""The body whose head signs a notice (``가람마을 3단지 관리사무소장`` → ``가람마을 3단지 관리사무소``)."""


def _vote_signing_body(ctx: Context, head: str) -> None:
    """The body a notice's signing head names published it, over the portal or board showing it (a
    hosting portal's footer ``© Apartment i.``), as a statute's office line is over its database."""
    found = _SIGNING_BODY.fullmatch(_STAMP.sub("", head).strip())
    if found:
        ctx.vote_publisher(found["body"], Evidence.DECISION)


_SIGNERS = re.compile(r"^\s*(?:[^()㊞\s][^()㊞]{1,24}?\s*(?:\(\s*(?:서명|인|날인)\s*\)|㊞)\s*){1,4}$")
"""The text's last line made of its signers, each with the place of a signature or a stamp after
them (minutes' ``회 장 김 ○ ○ (서명)   감 사 박 ○ ○ (서명)``, ``위원장 한정민 ㊞``)."""


def _signers(ctx: Context) -> bool:
    """The last paragraph is a line of signers (:data:`_SIGNERS`): it is a signature (above a cut
    line, as a reply slip below it is its sender's)."""
    cut = next((i for i in range(len(ctx.items) - 1, -1, -1) if ctx.items[i].attrs.get("cut")), None)
    last = next((it for it in reversed(ctx.items[:cut]) if not structured(it)), None)
    if last is None or not _body(last) or "paragraph_role" in last.attrs or "\n" in last.text:
        return False
    if not _SIGNERS.match(last.text) or len([it for it in ctx.items if _body(it)]) < 2:
        return False
    last.attrs["paragraph_role"] = "signature"
    return True


_LETTER_SPACED = re.compile(r"^[가-힣](?: [가-힣]){2,}$")
_SIGNING_HEAD = re.compile(r"[가-힣]{2,}(?:장|군수|지사|교육감|대표)$")
"""The head of the office that signs a notice (``가람시장``, ``가람군수``, ``가람도지사``, ``교육감``)."""


def _signed_under_preamble(ctx: Context) -> bool:
    """A numbered notice signed under its opening sentence, above the body it announces (a 공고's
    ``… 다음과 같이 공고합니다.`` / ``2027. 2. 3.`` / ``가 람 시 장`` / ``Ⅰ. 사업 개요``): the date and
    the office's head there are its signature, the date its date (a date the ``dates`` pass took
    already stays in the metadata)."""
    body = ctx.items[:4]
    if len(body) < 3 or not _body(body[0]) or not ends_sentence(body[0].text):
        return False
    dated = len(body) >= 4 and _body(body[1]) and bool(_DATE_LINE.match(body[1].text.strip()))
    head = body[2] if dated else body[1]
    between = range(body[0].line + 1, head.line)
    taken = any(_DATE_LINE.match(ctx.source_text.get(line, "")) for line in between)
    if head.role not in ("paragraph", "heading") or structured(head) or not (dated or taken):
        return False
    if not _SIGNING_HEAD.search(_STAMP.sub("", head.text).replace(" ", "")):
        return False
    signed = [body[1], head] if dated else [head]
    head.role = "paragraph"  # "가 람 군 수" over the body's list: no heading of it, its signer
    for item in signed:
        item.attrs["paragraph_role"] = "signature"
    if _LETTER_SPACED.match(head.text.strip()):  # "가 람 시 장": the office's name, its spacing the layout's
        closed = head.text.replace(" ", "").strip()
        head.content = follow_edit(head.content, closed) if head.content is not None else None
        head.text = closed
    day = iso_from_hint(body[1].text) if dated else None
    if day and not ctx.meta.get("date"):
        ctx.meta["date"] = day
        ctx.note_line("date", body[1].line)
    return True


def _signatures(ctx: Context) -> None:
    """The date and the issuing body after a statement's last paragraph (or a notice's date and
    its office's head); a line of signers ending the text (:func:`_signers`)."""
    if _signers(ctx):
        return
    formal = _statement(ctx)
    if formal and _signed_under_preamble(ctx):
        return
    tail: list[Item] = []
    cut = next((i for i in range(len(ctx.items) - 1, -1, -1) if ctx.items[i].attrs.get("cut")), None)
    for item in reversed(ctx.items[:cut]):  # a reply slip below a cut line is signed by its sender
        if structured(item) and tail:
            break  # a table or a list above the date closes the text the signature signs
        if structured(item) or (item.role == "figure" and not tail):
            continue
        if not _body(item) or "paragraph_role" in item.attrs or len(tail) == MAX_SIGNATURE_LINES:
            break
        lines = item.text.split("\n")
        if not all(_signature_line(line) for line in lines):
            break
        tail.insert(0, item)
    if not tail or len(tail) == len([it for it in ctx.items if _body(it)]):
        return  # nothing but short lines: no paragraph for a signature to close
    written = WRITTEN_ON.match(tail[-1].text)
    if not formal and (_SIGN_OFF.match(tail[-1].text.strip()) or _STAFF_SIGN.match(tail[-1].text.strip())):
        # a letter's "박지현 드림"; a school notice's "서울한빛초등학교 영양교사"
        tail[-1].attrs["paragraph_role"] = "signature"
        return
    if not formal and written:  # "(1941. 11. 20.)" under a poem or an essay: the day it was written
        tail[-1].attrs["paragraph_role"] = "signature"
        dated = iso_from_hint(written["date"])
        if dated and not ctx.meta.get("date"):
            ctx.meta["date"] = dated
            ctx.note_line("date", tail[-1].line)
        return
    if not formal:
        while tail and not _DATE_LINE.match(tail[0].text.split("\n")[0].strip()):
            tail.pop(0)  # a notice's signature opens with its date
        if not _signed_notice(tail):
            return
    lines = [line.strip() for item in tail for line in item.text.split("\n")]
    if any(_DATE_LINE.match(line) for line in lines) or _BODY_NAME.search(lines[-1]):
        _vote_signing_body(ctx, lines[-1])
        for item in tail:
            item.attrs["paragraph_role"] = "signature"
            dated = iso_from_hint(item.text) if _DATE_LINE.match(item.text) else None
            if dated and not ctx.meta.get("date"):  # a notice dated only where it is signed
                ctx.meta["date"] = dated
                ctx.note_line("date", item.line)


def _transcript(ctx: Context) -> bool:
    return any(r.rule == "boilerplate.speaker" for r in ctx.removed) or any(
        _SOUND_BITE.match(it.text) for it in ctx.items if not structured(it)
    )


def _segment_title(ctx: Context, m: re.Match[str]) -> bool:
    """A segment title: not a speaker label (``<기자>``), a sound bite (``<홍길동/시민 : …>``), a tag
    (``<br>``) or a sentence; glued to text only in the spaced form ``< … >`` followed by a space
    (``<오마이뉴스> 편집부는``, ``<뉴스데스크>는`` name a publication or programme)."""
    title = m["title"]
    if is_speaker_label(ctx, m["mark"]) or _HTMLISH.match(title) or ends_sentence(title):
        return False
    return not m["rest"].strip() or bool(m["inner"] and m["gap"] and m["mark"][-2].isspace())


def _segment_titles(ctx: Context) -> None:
    """``< 빨갛게 빨갛게 >`` alone, or glued before a paragraph's text, becomes a heading."""
    if not _transcript(ctx):
        return
    out: list[Item] = []
    for item in ctx.items:
        if item.role == "heading" and _BRACKETED_BITE.match(item.text):
            item.role = "paragraph"  # a sound bite (< 이름/직함 : … >), short as a heading is
        label = _BITE_LABEL.match(item.text) if _body(item) or item.role == "heading" else None
        if label is not None:
            ctx.record(item.text[: label.end()].strip(), _BITE_REASON, item.line, "roles.sound_bite_label")
            _strip(item, label.end(), len(item.text))
            item.role = "paragraph"  # the speaker over the quote, not a section's title
            item.attrs.pop("level", None)
        m = _SEGMENT.match(item.text) if _body(item) or item.role == "heading" else None
        if m is None or not _segment_title(ctx, m):
            out.append(item)
            continue
        title_start, title_end = m.start("title"), m.end("title")
        heading = Item(
            item.text[title_start:title_end],
            item.line,
            item.source,
            None,
            "heading",
            {"level": "2"},
            content=slice_runs(follow_edit(item.content, item.text), title_start, title_end)
            if item.content is not None
            else None,
        )
        out.append(heading)
        if m["rest"].strip():
            _strip(item, m.start("rest"), len(item.text))
            out.append(item)
    ctx.items = out


def run(ctx: Context) -> None:
    """Mark editor's notes and signature lines; make segment titles headings."""
    _segment_titles(ctx)
    _editor_notes(ctx)
    _making_notes(ctx)
    _signatures(ctx)
