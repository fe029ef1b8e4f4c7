"""Pass ``bylines``: whole lines that credit reporters (``이름 기자 email``, bracketed, several
names, ``도시/이름 특파원``, the role first ``칼럼니스트 박생강``, a team ``디지털뉴스팀 기자`` /
``사회부 종합``, e-mail only, broadcast sign-offs) → meta.authors; an English page's bylines are read
by :mod:`~bookmaker.normalize.english_bylines`.

A line is a byline only if *all* of it parses as names, roles, desks, places and e-mails, so a
sentence that mentions ``… 기자`` stays in the body.

Below the article's last paragraph, once its closing byline has been read, what follows is the
page's: a reporter's profile ("발로 뛰는 기자가 되겠습니다."), the reporter's other headlines, a
programme tag. Short lines there are removed (rule ``boilerplate.after-byline``); a photo caption
with its credit there stays (the captions pass makes it a figure).
"""

from __future__ import annotations

import itertools
import re
from functools import cache

from bookmaker.ir import Author, Link, runs
from bookmaker.normalize.blocks import structured
from bookmaker.normalize.context import Context, Evidence, Item
from bookmaker.normalize.english_bylines import parse_english_byline
from bookmaker.normalize.passes.captions import CREDIT_LABEL, split_credit, wire_photo
from bookmaker.normalize.passes.chrome_lines import is_reference_heading
from bookmaker.normalize.passes.copyright_lines import is_copyright
from bookmaker.normalize.passes.language import is_english
from bookmaker.normalize.rules import Rules
from bookmaker.normalize.text import EMAIL, ends_sentence, is_prose

_BRACKETS = re.compile(r"[\[\]<>〈〉【】()（）{}《》]")
_SPLIT = re.compile(r"\s*(?:,|·|ㆍ|\||\s/\s|;|&)\s*")
_LEAD = re.compile(
    r"^(?:/\s*)?(?:[가-힣]{2,6}\s*=\s*(?=(?:글|사진|글·사진|사진·글)\s))?"
    r"(?:(?:글|사진|글·사진|사진·글|글\s*/\s*사진|취재|정리|번역|번역·정리|기고|By)\s+"
    r"|(?:글|글·사진|사진·글|정리)\s*=\s*"
    r"|(?:글|글·사진|사진·글|정리|번역|번역·정리)\s*[:：]\s*(?=[가-힣]{2,4}\s*(?:[가-힣]+\s+)?(?:인턴)?기자))"
)
"""A writer's label before the name: ``글·사진 한지오 기자``, a closing ``/글·사진=한지오기자 email``, a
feature's place first (``통영=글·사진 박민수 여행전문기자``), a translator's or an editor's credit with a
colon before a reporter (``번역: 정유진 기자``, ``정리: 한도윤 국제부 기자``)."""
_BULLET = re.compile(r"^\s*[•▪◦·∙-]\s*")
_TEAM = re.compile(r"^[가-힣A-Za-z0-9]*(?:팀|취재반|부|국|데스크|기자단)$")
_TEAM_LEAD = re.compile(r"^[가-힣A-Za-z0-9 ]{1,20}(?:팀|취재반)\s*=\s*")
_CARD_LINKS = re.compile(
    r"(?<=\S)\s*(?:기자의\s*)?(?:다른\s*기사\s*보기|기사\s*더\s*보기|(?:\+\s*)?구독(?:하기)?|기자\s*페이지)\s*$"
)
_MAIL_ARROW = re.compile(r"\s*[▶▷►☞→]\s*(?=[A-Za-z0-9._%+-]+@)")
_CONTACT_TAIL = re.compile(
    r"(?<=\S)\s*(?:\(\s*(?:☎|✆|전화|Tel\.?|T\.)?\s*:?\s*0\d{1,3}[-.)]\s?\d{3,4}[-.]\d{4}\s*\)"
    r"|\s(?:☎|✆|전화|Tel\.?)\s*:?\s*0\d{1,3}[-.)]\s?\d{3,4}[-.]\d{4}|\s@[A-Za-z0-9_]{2,30})\s*$"
)
"""A reporter's telephone (``(☎ 02-000-0000)``) or social handle (``@yuna_garam``) closing a byline."""
_PHOTO_DATE = re.compile(r"^(?:19|20)\d{2}\.\d{1,2}\.\d{1,2}\.?\s+(?=\S+@)")
_SIGN_OFF = re.compile(
    r"^(?:지금까지\s+)?(?:(?:[A-Za-z0-9]+\s*|[가-힣]{1,6}[A-Za-z]{1,4})?뉴스\s+|[A-Za-z0-9]+\s+|[가-힣]+부\s+"
    r"|[A-Z]{1,4}[가-힣]{1,4}\s+|[가-힣]{1,6}[A-Z]{1,4}\s+)?"  # "TV조선 송무빈입니다", "채널A 김하늘입니다"
    r"(?P<name>[가-힣]{2,4})\s*(?P<role>기자|특파원|앵커)?(?:입니다|였습니다)\.?$"
)


@cache  # compiled on first use, as the other patterns most articles never need (~1 ms each)
def _desk() -> re.Pattern[str]:
    """A desk, team or outlet word in a byline (``사회부``, ``월간조선``, ``KBS``)."""
    return re.compile(
        r"^(?:[가-힣A-Za-z0-9]+(?:부|팀|국|실|센터|본부|데스크|전문|뉴스|닷컴|에디터|랩|일보|신문|경제|저널|데일리|스포츠|투데이|통신"
        r"|타임스|타임즈|방송|미디어|매거진|위클리|포스트|헤럴드)|(?:월간|주간|계간|일간)[가-힣]+|[A-Za-z0-9]+[가-힣]*)$"
    )


def _roles(rules: Rules) -> str:
    return rules.alternation(("roles", "names"))


def _segment(rules: Rules, seg: str, with_email: bool) -> list[Author] | None:
    """Parse one byline segment (``워싱턴/김원철 특파원``); None when it is not one."""
    seg = seg.strip(" =-:：/")
    if not seg:
        return []
    places = set(rules.strings("places", "names"))
    first = rules.pattern(rf"^(?P<desk>.*?)(?P<role>{_roles(rules)})\s+(?P<name>[가-힣]{{2,4}})$").match(seg)
    if first and first["role"] not in rules.strings("roles", "weak") and _desk_words(rules, first["desk"]):
        return [Author(name=first["name"], role=first["role"])]  # 칼럼니스트 박생강, 사회부 기자 홍길동
    team = _team(rules, seg, with_email)
    if team is not None:
        return [team]
    m = rules.pattern(rf"^(?P<head>.*?)(?P<role>{_roles(rules)})$").match(seg)
    if m:
        head, role = m["head"].strip(), m["role"]
        if role in rules.strings("roles", "weak") and not with_email:
            return None
        beat = re.search(r"(?:^|\s)([가-힣]{2,4})$", m["head"])
        if beat and beat[1] in rules.strings(
            "desks", "names"
        ):  # "박민수 여행전문기자": the beat is the role's
            head, role = m["head"][: beat.start(1)].strip(), beat[1] + role
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
        if len(tokens) > 1 and (
            _desk().match(tokens[-1]) or tokens[-1] in desk_words or _outlet_named(rules, tokens[-1])
        ):  # "정은비 헬스조선 기자": a known outlet's name, whatever its ending
            tokens.insert(0, tokens.pop())
    foreign = _foreign_name(rules, tokens[-2:])
    names: list[str] = [foreign] if foreign else []
    if foreign:
        tokens = tokens[:-2]
    # glued "이름기자" leaves the name as the last token
    while not foreign and tokens and re.fullmatch(r"[가-힣]{2,4}", tokens[-1]) and tokens[-1] not in places:
        if tokens[-1][:-1] in desk_words and tokens[-1][-1] in "부팀국":
            break  # "사회부 최유나 기자": the desk before the name, not a second reporter
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
        if not (tok in places or tok in desks or _desk().match(tok) or outlet):
            return None
    return [Author(name=n, role=role) for n in names]


_INSTITUTION_END = re.compile(r"[관부청처원실회단당국소사대팀]$")


def _foreign_name(rules: Rules, words: list[str]) -> str | None:
    """A foreign writer's given name and surname in Hangul (``토머스 프리드먼``, ``마리안 스티글리츠``):
    two words of Hangul, five syllables or more together, neither a place, a desk or an office; the
    first not opening with a Korean surname, or the second, of three syllables or more, not (two
    Korean names apart are two reporters, ``김철수 이영희``; ``정다온 시민`` is a name and a word)."""
    if len(words) != 2 or not all(re.fullmatch(r"[가-힣]{1,6}", w) for w in words):
        return None
    if len("".join(words)) < 5 or any(_INSTITUTION_END.search(w) for w in words):
        return None
    surnames = rules.word_set(("surnames", "hangul"))
    places, desks = rules.word_set(("places", "names")), rules.word_set(("desks", "names"))
    if any(w in places or w in desks or _desk().match(w) or rules.outlet_in_text(w) for w in words):
        return None
    given, family = (w[:2] in surnames or w[0] in surnames for w in words)
    if given and (family or len(words[1]) < 3):  # "이영광 시민": a Korean name and a word
        return None
    return " ".join(words)


OUTLET_WORD = re.compile(
    r"^(?:[가-힣A-Za-z0-9]{1,8}(?:일보|신문|저널|데일리|스포츠|투데이|통신|타임스|타임즈|방송|미디어|매거진|위클리|포스트"
    r"|헤럴드|뉴스|닷컴)|(?:월간|주간|계간|일간)[가-힣]{2,8})$"
)
"""A word that names an outlet by its ending (``가람일보``, ``누리스포츠``, ``월간산``), listed or not."""


def byline_outlet(rules: Rules, text: str, authors: list[Author]) -> str | None:
    """The outlet a byline names beside its reporter (``가람일보 최유나 기자``, ``최유나 한겨레 기자``,
    ``[누리스포츠 이준서 기자]``): a known outlet's name or alias, or a word that ends as an
    outlet's name does; None for a desk (``사회부``) or a byline naming no outlet."""
    names = {a.name for a in authors} | set(rules.strings("desks", "names"))
    tokens: list[str] = re.findall(r"[가-힣A-Za-z0-9]+", _BRACKETS.sub(" ", text.split("@", 1)[0]))
    for token in tokens:
        if token in names:
            continue
        outlet = rules.outlet_in_text(token)
        if outlet is not None and token in (outlet.name, *outlet.aliases):
            return outlet.name
        if OUTLET_WORD.match(token):
            return token
    return None


def _desk_words(rules: Rules, text: str) -> bool:
    """``text`` is nothing but desk or outlet words (``사회부``, ``가람일보 디지털뉴스부``), or empty."""
    desks = set(rules.strings("desks", "names"))
    return all(tok in desks or _desk().match(tok) or _outlet_named(rules, tok) for tok in text.split())


def _outlet_named(rules: Rules, token: str) -> bool:
    """``token`` is a known outlet's name or other spelling (``헬스조선``), not a word holding one."""
    outlet = rules.outlet_in_text(token)
    return outlet is not None and token in (outlet.name, *outlet.aliases)


_PROGRAM_TEAM = re.compile(r"^(?:[가-힣A-Za-z0-9·]+\s+){1,4}제작(?:진|팀)$")
"""A broadcast program's production team credited for a transcript: ``CBS 김현정의 뉴스쇼 제작진``."""
_STATION = re.compile(r"^[A-Z]{2,6}$")
"""A broadcaster's call letters before a program's name (``CBS``, ``YTN``)."""


def _team(rules: Rules, seg: str, with_email: bool) -> Author | None:
    """A team credited instead of a person: ``디지털뉴스팀 기자``, ``사회부 종합``, ``[이데일리 이슈팀]``,
    a desk with an e-mail (``편집국 디지털뉴스부 news@…``) or a program's production team (``CBS 김현정의
    뉴스쇼 제작진``: the station's call letters or name go)."""
    words = seg.split()
    if _PROGRAM_TEAM.match(" ".join(words)):
        station = _STATION.match(words[0]) or _outlet_named(rules, words[0])
        return Author(name=" ".join(words[1:] if station else words), role=None)
    role = None
    if words and words[-1] in ("기자", "종합"):
        role = words.pop()
    if not words or not _TEAM.match(words[-1]):
        return None
    if not all(_TEAM.match(w) or rules.outlet_in_text(w) or _desk().match(w) for w in words):
        return None
    if role is None and not with_email and not words[-1].endswith(("팀", "취재반")):
        return None  # "사회부" alone is a section, "이슈팀" a team
    outlet = rules.outlet_in_text(words[0])
    name = " ".join(words[1:] if outlet and len(words) > 1 else words)
    return Author(name=name, role=None)


_LABELLED = re.compile(r"(글|기사|취재|정리|사진|편집|교정)\s*[:：]\s*([가-힣]{2,4})(?:\s*\([\w.@-]+\))?")


def _labelled(text: str) -> list[Author] | None:
    """``글: 김도윤(dykim) 편집: 박정훈(jhpark)`` → the writer (editors are not authors)."""
    matches = list(_LABELLED.finditer(text))
    if not matches or _LABELLED.sub("", text).strip(" /|,·l"):
        return None
    roles = {"사진": "사진"}
    return [Author(name=m[2], role=roles.get(m[1])) for m in matches if m[1] not in ("편집", "교정")]


_MAKER = r"(?:기획|구성|취재|글|그래픽|디자인|제작|일러스트)"
_MADE_BY = re.compile(rf"^\s*{_MAKER}(?:\s*[·ㆍ]\s*{_MAKER})*\s*[:：]\s*(?=[가-힣]{{2,4}}\s*(?:인턴)?기자)")
"""A card news' or a graphic story's credit part: ``기획·구성: 이은정 기자 / 그래픽: 박유진 인턴기자`` —
who made it, each part a labelled reporter."""


def _made_by(text: str) -> str | None:
    """``text`` without its parts' labels when each `` / ``-separated part is a labelled reporter."""
    parts = re.split(r"\s+/\s+", text.strip())
    if len(parts) < 2 or not all(_MADE_BY.match(part) for part in parts):
        return None
    return " / ".join(_MADE_BY.sub("", part) for part in parts)


_MODERATOR = re.compile(r"^\s*[\[(<]?\s*(?:사회|사회자|진행)\s*[=:：]")
"""A 좌담's moderator credit (``사회=김태겸 사회부장``): who led the talk, not who wrote it up."""


def parse_byline(rules: Rules, text: str) -> list[Author] | None:
    """Authors credited by the whole of ``text``, or None if it is not a byline."""
    if len(text) > 120 or not text.strip() or CREDIT_LABEL.fullmatch(text.strip()):
        return None  # "그래픽=김대훈 기자": the credit of a graphic the scrape lost, not the article's
    if _MODERATOR.match(text):
        return None
    m = _SIGN_OFF.match(text.strip())
    if m:
        return [Author(name=m["name"], role=m["role"] or "기자")]
    labelled = _labelled(text)
    if labelled is not None:
        return labelled
    text = _made_by(text) or text
    body = _LEAD.sub("", _BRACKETS.sub(" ", _BULLET.sub("", text)).strip())
    body = _TEAM_LEAD.sub("", body)  # "특별취재팀 = 홍길동·김철수 기자"
    body = _PHOTO_DATE.sub("", body)
    body = _CARD_LINKS.sub("", body)  # "홍길동 기자 hong@… 다른기사 보기": the card's links
    body = _CONTACT_TAIL.sub("", _MAIL_ARROW.sub(" ", body))  # "… ▶ hong@…", "(☎ 02-…)", "@handle"
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
        segs = _share_role(rules, [s for s in _SPLIT.split(value) if s.strip(" =-:：/")])
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


def _share_role(rules: Rules, segs: list[str]) -> list[str]:
    """``홍길동·김철수 기자``: bare names before the last segment take its role; ``공동연구원 오태민,
    서지윤``: bare names after a segment that puts its role first take that role."""
    m = rules.pattern(rf"^.*?(?P<role>{_roles(rules)})$").match(segs[-1].strip()) if segs else None
    desk = _DESK_THEN_NAME.fullmatch(segs[0]) if len(segs) > 1 else None
    if desk and _desk_words(rules, desk["desk"]):  # "정치부 홍길동·김철수 기자": the desk is everyone's
        segs = [desk["name"], *segs[1:]]
    if m is not None and all(_BARE_NAME.fullmatch(s) for s in segs[:-1]):
        return [f"{s.strip()} {m['role']}" for s in segs[:-1]] + segs[-1:]
    out: list[str] = []
    role = None
    for seg in segs:
        first = rules.pattern(rf"^\s*(?P<role>{_roles(rules)})\s+[가-힣]{{2,4}}\s*$").match(seg)
        if first:
            role = first["role"]
        elif role and _BARE_NAME.fullmatch(seg):
            seg = f"{role} {seg.strip()}"
        else:
            role = None
        out.append(seg)
    return out


_BARE_NAME = re.compile(r"\s*[가-힣]{2,4}\s*")
_DESK_THEN_NAME = re.compile(r"\s*(?P<desk>\S.*?)\s+(?P<name>[가-힣]{2,4})\s*")


@cache  # compiled on first use, as the other patterns most articles never need (~1 ms each)
def _name_role() -> re.Pattern[str]:
    return re.compile(r"([가-힣]{2,4})\s*(기자|특파원|선임기자|전문기자|논설위원|칼럼니스트)")


_WRITER_LABEL = re.compile(
    r"^(?:(?:posted by|written by|by|글|작성)(?:\s*[:：]\s*|\s+)|(?:글쓴이|작성자)\s*[:：]?\s*)",
    re.IGNORECASE,
)
"""A writer label: ``by``, ``글`` need a space or colon after them (``글로벌경제부`` is no label);
``작성자`` may be glued to the name, as a board's ``<dt>작성자</dt><dd>…</dd>`` reads."""
_WRITER = re.compile(r"[^\W\d_][\w.·]*(?:\s[^\W\d_][\w.·]*){0,2}")
"""A writer's name or handle, or a team's (``커피한잔``, ``국제교류처 유학생지원팀``): up to three words."""


_SPOKE = r"(?:수석|상근|원내|공동)?부?대변인"
_SPOKESPERSON = re.compile(
    rf"(?P<role>{_SPOKE})\s+(?P<name>[가-힣]{{2,4}})|(?P<name2>[가-힣]{{2,4}})\s+(?P<role2>{_SPOKE})"
)
"""A spokesperson named in a writer field, the title before or after the name."""


def _labelled_writer(text: str) -> list[Author] | None:
    """The writer a blog's or board's byline markup names after its label (``by 커피한잔``,
    ``작성자 국제교류처 유학생지원팀``): no reporter's role, so the name alone."""
    label = _WRITER_LABEL.match(text)
    name = text[label.end() :].strip() if label else ""
    if not (label and len(name) <= 20 and _WRITER.fullmatch(name)):
        return None
    spokesperson = _SPOKESPERSON.fullmatch(name)
    if spokesperson:  # a party's or a body's 논평: "작성자 대변인 한서윤" (or "한서윤 수석대변인")
        return [
            Author(
                name=spokesperson["name"] or spokesperson["name2"],
                role=spokesperson["role"] or spokesperson["role2"],
            )
        ]
    return [Author(name=name)]


_SPEAKER_FIELD = re.compile(
    r"^\s*(?:설교(?:자)?|말씀|강사|강연자?|발표자?|연사|응모자|출품자|투고자|지은이)\s*[:：]\s*(?P<name>[가-힣]{2,4})"
    r"(?:\s+(?P<role>(?:담임|부|원로)?목사|전도사|신부|스님|법사|교수|박사|시인|작가|소설가))?\s*$"
)
"""A document's field naming who speaks or wrote it, near the top: a sermon's ``설교: 김은호 목사``, a
lecture's ``강사: …``, a contest entry's ``응모자: 한여름`` (the role, when given, after the name)."""
_CONTACT_FIELD = re.compile(
    r"^\s*(?:연락처|전화(?:번호)?|휴대\s*(?:폰|전화)|핸드폰|H\.?P\.?|e-?mail|이메일|메일)\s*[:：]\s*"
    r"(?=.*(?:\d{2,4}-\d{3,4}-\d{4}|@[\w-]+\.))",
    re.IGNORECASE,
)
"""A contact field (``연락처: 010-2233-4455 / summer.han@example.com``): a phone number or an e-mail
address after its label."""
CONTACT = "the writer's contact details under their name field (for the organisers, not for the text)"
HEAD_FIELDS = 12
_DUTY_FIELD = re.compile(r"^\s*(?P<role>예보관|통보관|분석관)\s*[:：]?\s*(?P<name>[가-힣]{2,4})\s*$")
"""A bulletin's signing officer beside its issue time: a forecast's ``예보관: 정하람`` (the duty is the
role)."""


_HANDLE = re.compile(r"[a-z][a-z0-9]*(?:[-_][a-z0-9]+)+|[a-z]+\d+")
"""A user name as a code host or a forum shows it: lower case, with a hyphen, an underscore or digits
(an agency's name, ``AP`` or ``Reuters``, is none)."""


def _from_markup(text: str) -> list[Author] | None:
    """Names in byline markup that carries extra words (``김지훈 기자 다른기사 보기``), each with the
    e-mail after it before the next name (a reporter card's ``오세린 기자 serin@… 바다 이야기를
    씁니다 + 구독``)."""
    found = list(_name_role().finditer(text))
    authors: list[Author] = []
    for at, m in enumerate(found):
        end = found[at + 1].start() if at + 1 < len(found) else len(text)
        mail = EMAIL.search(text, m.end(), end)
        authors.append(Author(name=m[1], role=m[2], email=mail.group(0).rstrip(".") if mail else None))
    return authors or None


def _caption_credit(ctx: Context, item: Item) -> bool:
    """A reporter credit glued after a photo caption in mid-article (``… 하고 있다. 김혜윤 기자
    email`` followed by more body text) is the photo credit, not a byline: it becomes the
    caption's credit."""
    if not item.attrs.get("glued"):
        return False
    index = ctx.items.index(item)
    prev = ctx.items[index - 1] if index else None
    wire = (
        wire_photo(ctx, prev, f"{prev.text} {item.text}")
        if prev is not None and prev.line == item.line
        else None
    )
    if prev is not None and wire is not None:  # 【서울=뉴시스】홍길동 기자 = … 있다. 2018.05.16. photo@…
        prev.role, (prev.text, prev.credit) = "figure", wire
        ctx.items.remove(item)
        return True
    if prev is None or prev.line != item.line:
        return False
    later = (it for it in itertools.islice(ctx.items, index + 1, None) if it.kind is None)
    if not any(
        (ends_sentence(it.text) or is_prose(it.text)) and parse_byline(ctx.rules, it.text) is None
        for it in later
    ):
        return False
    described = re.search(r"(?:있다|모습|장면|전경|이다)\.$", prev.text)
    if len(prev.text) > (200 if described else 120):
        return False  # a short line, or a photo described, carries a photo credit; a paragraph a byline
    if parse_byline(ctx.rules, item.text) is None:
        return False
    prev.role, prev.credit = "figure", item.text
    ctx.items.remove(item)
    return True


_LABEL = r"글(?:\s*[·/]\s*사진)?\s*[:=]?\s+"
"""A writer's credit's own label (``글``, ``글·사진``, ``글=``)."""


@cache
def _contributor_pattern(titles: tuple[str, ...]) -> re.Pattern[str] | None:
    """A name, up to three words of organisation and one of ``titles`` (compiled once per list)."""
    if not titles:
        return None
    roles = "|".join(re.escape(t) for t in sorted(titles, key=len, reverse=True))
    return re.compile(
        rf"(?:{_LABEL})?"  # "글 정서윤 …", "글·사진 …": the credit's own label
        rf"(?P<name>[가-힣]{{2,4}})(?:\s+[^\s.!?]{{2,20}}){{0,3}}\s+(?P<role>{roles})"
    )


def _contributor(rules: Rules, text: str) -> Author | None:
    """An outside writer's credit: a name, up to three words of organisation and a contributor's
    title (``박정민 한국지방행정연구원 선임연구위원``), optionally an e-mail."""
    pattern = _contributor_pattern(tuple(rules.strings("roles", "contributors")))
    if pattern is None:
        return None
    email = EMAIL.search(text)
    bare = _BRACKETS.sub(" ", EMAIL.sub("", text)).strip(" =-:：/·,")
    m = pattern.fullmatch(bare)
    if m is None:
        return None
    return Author(name=m["name"], role=m["role"], email=email.group(0).rstrip(".") if email else None)


_CREDIT_LABEL = re.compile(rf"^\s*{_LABEL}[가-힣]{{2,4}}\s")


_OPINION_TAG = re.compile(
    r"^\s*[\[<【〈《]\s*(?:시론|기고|특별\s*기고|칼럼|시평|논단|포럼|오피니언|기고문|독자\s*기고|[가-힣]{1,8}\s*칼럼)"
    r"\s*[\]>】〉》]"
)
"""A headline tagged as an outside writer's piece (``[시론] …``, ``[기고] …``, ``<특별기고> …``)."""
OPINION_HEAD = 3
"""Lines at the top where such a headline stands."""


def _contributor_byline(ctx: Context) -> None:
    """With no reporter credited, the last contributor's credit below the article's opening (two
    paragraphs in) credits the column's writer; above it, or in a reported article, such a line is a
    caption or a heading — unless, before any running text, it is a block of its own in a text set
    apart by blank lines (a document's credit under its title) or stands under a headline tagged as
    an outside writer's piece (``[시론] …`` over ``최유나 가람대 경영학과 교수``)."""
    if ctx.authors:
        return
    prose = 0
    found: tuple[Item, Author] | None = None
    header: tuple[Item, Author] | None = None
    opinion = any(_OPINION_TAG.match(item.text) for item in ctx.items[:OPINION_HEAD])
    for index, item in enumerate(ctx.items):
        if item.role or item.kind in ("title", "caption", "heading", "quote") or structured(item):
            continue
        if is_prose(item.text):
            prose += 1
            continue
        labelled = prose == 0 and _CREDIT_LABEL.match(item.text) is not None  # "글 정서윤 …": a credit
        own = prose >= 2 or labelled or (opinion and prose == 0) or _own_block(ctx, index)
        author = _contributor(ctx.rules, item.text) if own else None
        if author is not None and prose >= 2:
            found = (item, author)
        elif author is not None and prose == 0 and header is None:
            header = (item, author)
    credits = [credit] if (credit := found or header) else []
    if found and header and header[1].name == found[1].name:
        credits.append(header)  # the writer credited above the text and again below it
    for item, author in credits:
        ctx.add_author(author, item.line)
        ctx.to_meta(item, "authors")


def _writer_box(ctx: Context) -> None:
    """A column's writer box above its text: the writer's portrait (its alt text the writer's
    credit), the name and the title (``김현정`` / ``한빛대 사회학과 교수``) of a credited writer —
    the byline again; the portrait, no picture of the text's, goes."""
    names = [a.name for a in ctx.authors if a.name]
    for item in list(ctx.items):
        if structured(item) or (item.role is None and item.kind is None and is_prose(item.text)):
            return
        text = item.text.strip()
        if item.role is not None or not text or item.kind not in (None, "caption"):
            continue
        credit = any(text == n or _contributor(ctx.rules, f"{n} {text}") for n in names)
        if item.kind == "caption" and item.attrs.get("alt") and any(text.startswith(n) for n in names):
            ctx.drop(item, "the writer's portrait in the column's byline box", "bylines.portrait")
        elif item.kind is None and credit:
            ctx.to_meta(item, "authors")


def _own_block(ctx: Context, index: int) -> bool:
    """The item at ``index`` of a text whose blocks are set apart by blank lines is a block of its
    own (a document's credit line under its title: ``김서연 국토연구원 … 연구위원``)."""
    items = ctx.items
    return (
        ctx.source_format == "text"
        and bool(items[index].attrs.get("after_blank"))
        and (index + 1 == len(items) or bool(items[index + 1].attrs.get("after_blank")))
    )


def _header_end(ctx: Context) -> int:
    """The source line of the first paragraph of running text (the page's header ends there)."""
    return next((it.line for it in ctx.items if is_prose(it.text) and not structured(it)), 0)


_UNDISCLOSED = re.compile(
    r"(?:by\s+|작성자\s+)?(?:비공개|익명|알\s*수\s*없음|탈퇴한\s*(?:사용자|회원)|anonymous|(?:최고\s*)?관리자|운영자|admin(?:istrator)?|웹\s*마스터)",
    re.IGNORECASE,
)
"""A byline that names no one: the writer chose not to be shown (a Q&A site's 비공개 asker), or the
board's own account posted it (``작성자 관리자``)."""


_CREDIT = r"(?:진행|사회|게스트|출연|대담|패널)\s+[가-힣]{2,4}"
_SHOW_CREDITS = re.compile(
    rf"^\s*(?:\d{{1,3}}\s*분(?:\s*\d{{1,2}}\s*초)?\s*[·|]?\s*)?{_CREDIT}(?:\s*[·|,]?\s*{_CREDIT})*\s*$"
)
"""A show's credits under its title (``52분 · 진행 김하늘 · 게스트 박서점``; the date already taken):
the host (진행, 사회) is its author; the guests are the show's, named in the text."""
_HOST = re.compile(r"(?:진행|사회)\s+(?P<name>[가-힣]{2,4})")


_MASKED_HANDLE = re.compile(r"^\s*(?P<name>[^\W_][\w.·]{1,19})\s*\(\s*[A-Za-z0-9_.]{1,12}\*{2,}\s*\)\s*$")
"""A community member's nickname over a post with the site's masked ID (``살림고수맘(sall****)``)."""


def _names_hinted(ctx: Context, text: str) -> bool:
    """Every author the page's metadata names (and at least one) is named in the byline ``text``."""
    return bool(ctx.authors) and all(a.name and a.name in text for a in ctx.authors)


def _writer_again(ctx: Context, item: Item) -> bool:
    """A credited writer's bare name alone on a line below the text's opening (``윤서재`` over the
    writer's bio box under a ``글: 윤서재`` byline): the byline again, no paragraph."""
    name = item.text.strip()
    earlier = [line for line in ctx.meta_lines.get("authors", []) if line < item.line]
    return (
        bool(earlier)
        and re.fullmatch(r"[가-힣]{2,4}", name) is not None
        and any(a.name == name for a in ctx.authors)
    )


_STAFF_HANDLE = re.compile(r"(?:GM|CM|GD|DEV)\s?[가-힣A-Za-z0-9]{1,10}")
"""A game's or a community's staff name on its board posts: game master, community manager,
designer or developer tag and a name ("GM한빛", "CM 하람")."""
_MEMBER = re.compile(r"(?<![가-힣])(?P<name>[가-힣]{2,4})\s?\([a-z][a-z0-9_]{2,19}\)\s*$")
"""A citizen reporter's byline, the name with the site's member id last (오마이뉴스)."""
_NAME_AND_PAPER = re.compile(
    r"(?P<name>[A-Z][a-z'’.-]+(?:\s[A-Z][a-z'’.-]+){1,2})\s*(?:[|/·,]\s*(?:The\s+)?[A-Z][\w&.’' -]{1,40})?"
)
"""A foreign writer's name in English, perhaps with his paper after a bar, as byline markup gives it
(``Nicholas Wade | The Guardian``)."""
_JOB = re.compile(
    r"(?:[가-힣A-Za-z]{1,10}\s?){0,2}(?:개발자|디자이너|기획자|엔지니어|연구원|연구자|마케터|에디터|작가|"
    r"칼럼니스트|평론가|활동가|변호사|회계사|의사|교수|교사|대표|PD|PM)"
)


def _job_beside_byline(ctx: Context, item: Item) -> bool:
    """What is left of a magazine's header line once its date is taken (``박성훈 · 백엔드 개발자 ·
    2026.12.02``, the name read as the byline) is the writer's job: not a paragraph of the text."""
    return (
        bool(item.attrs.get("date_residue"))
        and item.line in ctx.meta_lines.get("authors", [])
        and _JOB.fullmatch(item.text.strip()) is not None
    )


_DATE_FIELD_LABELS = frozenset(("일시", "일자", "날짜", "시간", "일정", "기간", "작성일", "등록일", "게시일"))
"""Labels of a date field (a cover's ``일시  2025년 11월 18일(화)``): what the dates pass leaves of such a
field is its label, no writer's name."""


def _residue_name(item: Item) -> bool:
    """What is left of a line once its date is taken is a writer's name alone (``정하람 2026.12.03``)."""
    text = item.text.strip()
    named = re.fullmatch(r"[가-힣]{2,4}", text) is not None and text not in _DATE_FIELD_LABELS
    return bool(item.attrs.get("date_residue")) and named


def run(ctx: Context) -> None:
    """Move byline lines to meta.authors; e-mail domains vote for the publisher."""
    english = is_english(ctx)
    header_end = _header_end(ctx) if english else 0
    for item in list(ctx.items):
        if item.role or item.kind in ("title", "caption", "heading", "quote") or structured(item):
            continue
        if _caption_credit(ctx, item):
            continue
        if english:
            authors = parse_english_byline(ctx.rules, item.text, bare=item.line < header_end)
        else:
            authors = parse_byline(ctx.rules, item.text)
        masked = _MASKED_HANDLE.match(item.text) if authors is None else None
        if masked:
            authors = [Author(name=masked["name"])]
        if authors is None and _SHOW_CREDITS.match(item.text):
            authors = [Author(name=m["name"]) for m in _HOST.finditer(item.text)]
        field = _SPEAKER_FIELD.match(item.text) if authors is None else None
        if field and ctx.items.index(item) < HEAD_FIELDS:
            authors = [Author(name=field["name"], role=field["role"])]
            at = ctx.items.index(item)
            below = ctx.items[at + 1] if at + 1 < len(ctx.items) else None
            if below is not None and below.role is None and _CONTACT_FIELD.match(below.text):
                ctx.drop(below, CONTACT, "bylines.contact")  # "연락처: 010-… / …@…" under "응모자: …"
        if authors is None and _residue_name(item):
            authors = [Author(name=item.text)]
        if authors is None and item.attrs.get("date_residue") and (duty := _DUTY_FIELD.match(item.text)):
            authors = [Author(name=duty["name"], role=duty["role"])]  # "발표시각: … | 예보관: 정하람"
        if authors is None and item.attrs.get("date_residue"):
            authors = _labelled_writer(item.text)  # a blog's entry meta: "2026년 12월 3일 글쓴이 이재원"
        if authors is None and _job_beside_byline(ctx, item):
            ctx.drop(item, "the writer's job beside the byline and the date", "bylines.job")
            continue
        if item.kind == "byline" and _UNDISCLOSED.fullmatch(item.text.strip()):
            ctx.to_meta(item, "authors")  # the page says the writer is not disclosed: no one is named
            continue
        if authors is None and _writer_again(ctx, item):
            ctx.to_meta(item, "authors")  # the writer's name over a bio box below the text: credited
            continue
        if authors is None and item.kind == "byline" and _names_hinted(ctx, item.text):
            ctx.to_meta(item, "authors")  # "김서연 ( Seo-yeon Kim ) 1 ; 박준호 …": the metadata named them
            continue
        if authors is None and item.kind == "byline":
            bare = _BRACKETS.sub(" ", item.text).strip()
            foreign = _foreign_name(ctx.rules, bare.split())  # "폴 크루그먼": a writer's name alone
            if re.fullmatch(r"[가-힣]{2,4}", bare) or foreign:
                authors = [Author(name=foreign or bare)]
            else:
                authors = _from_markup(item.text)
            authors = authors or _labelled_writer(bare)
            if authors is None and (_HANDLE.fullmatch(bare) or _STAFF_HANDLE.fullmatch(bare)):
                authors = [
                    Author(name=bare)
                ]  # a site's user name in its author link ("yoonsu-dev", "GM한빛")
            if authors is None and (member := _MEMBER.search(item.text)):
                authors = [Author(name=member["name"])]  # "… 11:22l이종원(ljw0412)": a member's name and id
            if authors is None and (writer := _contributor(ctx.rules, item.text)) is not None:
                authors = [writer]  # "정은영 한빛대학교 사회복지학과 교수": an outside writer's credit
            if authors is None and (latin := _NAME_AND_PAPER.fullmatch(bare)) is not None:
                authors = [Author(name=latin["name"])]  # "Nicholas Wade | The Guardian": a foreign writer
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
                ctx.vote_publisher(outlet.name, Evidence.BYLINE_EMAIL)
        if (named := byline_outlet(ctx.rules, item.text, authors)) is not None:
            ctx.vote_publisher(named, Evidence.BYLINE_OUTLET)
        _wire_sign_off(ctx, item)
        ctx.to_meta(item, "authors")
    _contributor_byline(ctx)
    _credit_among_fields(ctx)
    _card_email(ctx)
    _writer_box(ctx)
    _after_byline(ctx)
    _written_by(ctx)
    _letter_writer(ctx)
    _unsigned(ctx)


_PRESENTER = re.compile(r"(?:발제(?:자)?|발표(?:자)?|작성(?:자)?|정리)\s*[:：]?\s*(?P<name>[가-힣]{2,4})")
"""A document's credit among its head fields: who presents or wrote it (``발제 윤다은``, ``정리: 한도윤``)."""
_FIELD_BAR = re.compile(r"\s[·|]\s")


def _credit_among_fields(ctx: Context) -> None:
    """With no writer credited yet, a head line of fields set apart by ``·`` or ``|`` before any running
    text, one a presenter's or writer's credit (a reading club's ``발제 윤다은 · 모임 2026년 12월 13일(토)
    오후 3시, …``): its name is the author; the line, the gathering's facts too, stays text."""
    if ctx.authors:
        return
    for item in ctx.items[:HEAD_FIELDS]:
        if item.role is None and item.kind is None and is_prose(item.text):
            return
        parts = _FIELD_BAR.split(item.text.strip())
        if item.role is not None or structured(item) or len(parts) < 2:
            continue
        credit = next((m for part in parts if (m := _PRESENTER.fullmatch(part.strip()))), None)
        if credit is not None:
            ctx.add_author(Author(name=credit["name"]), item.line)
            ctx.note_line("authors", item.line)
            return


_CARD_MAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")


def _card_email(ctx: Context) -> None:
    """A reporter card under the article, which the HTML reader took off as page chrome (``<div
    class="reporter-card">김민기 기자 mingi@chosun.com 구독</div>``): its e-mail beside the name of a
    writer the byline gave without one is that writer's."""
    shown: dict[int, list[str]] = {}
    for r in ctx.removed:
        if r.rule == "html.outside-article":
            shown.setdefault(r.line, []).append(r.text.strip())
    for author in ctx.authors:
        if author.email or not author.name:
            continue
        names = {
            author.name,
            f"{author.name} 기자",
            f"{author.name} {author.role}" if author.role else author.name,
        }
        for texts in shown.values():
            mails = [t for t in texts if _CARD_MAIL.fullmatch(t)]
            if len(mails) == 1 and any(t in names for t in texts):
                author.email = mails[0]
                break


def own_outlet(ctx: Context, name: str) -> bool:
    """``name`` is the publication's own: a known outlet's whole name or alias, or the page's site name."""
    outlet = ctx.rules.outlet_in_text(name)
    own = outlet is not None and name in (outlet.name, *outlet.aliases)
    return own or name == ctx.hints.get("site_name")


def _unsigned(ctx: Context) -> None:
    """A paper signing with its own name (an editorial's byline box and meta author: ``중앙일보``)
    names no writer: the text is unsigned, and the name votes for the publisher."""
    for author in list(ctx.authors):
        if author.name and not author.role and not author.email and own_outlet(ctx, author.name):
            ctx.authors.remove(author)
            ctx.vote_publisher(author.name, Evidence.SITE_LABEL)


_WROTE = re.compile(
    r"^\s*(?:이번|오늘(?:의)?)\s*(?:호|레터|뉴스레터|편지|글)(?:는|은)\s*(?:(?P<role>에디터|기자|PD)\s*)?"
    r"(?P<name>[가-힣]{2,4}?)(?:이|가)?\s*(?:썼|작성했|정리했|보내\s*드렸|전해\s*드렸)"
)


def _written_by(ctx: Context) -> None:
    """A newsletter's closing line naming its writer (``이번 호는 에디터 윤하람이 썼습니다.``) when no
    byline did: the writer becomes the author, and the line, part of the letter, stays."""
    if ctx.authors:
        return
    for item in ctx.items:
        m = _WROTE.match(item.text) if item.role is None and not structured(item) else None
        if m:
            ctx.add_author(Author(name=m["name"], role=m["role"]), item.line)
            return


_LETTER_SIGN = re.compile(
    r"^\s*(?P<name>[가-힣]{2,4})\s*[(（](?P<about>[^()（）]{2,30}[·ㆍ,][^()（）]{1,30})[)）]\s*$"
)
"""A reader's letter signed with the writer's town and job: ``김은정(대구 수성구·회사원)``."""


def _letter_writer(ctx: Context) -> None:
    """A letter's closing line naming its writer with town and job (``김은정(대구 수성구·회사원)``),
    the last line after two paragraphs or more, when no byline did: the writer is the author, and
    the line, the letter's own, stays as its signature."""
    if ctx.authors:
        return
    prose, found = 0, None
    for item in ctx.items:
        if item.role is not None or item.kind is not None or structured(item):
            continue
        if is_prose(item.text):
            prose, found = prose + 1, None
        elif prose >= 2 and (m := _LETTER_SIGN.match(item.text)):
            found = (item, m["name"])
    if found:
        item, name = found
        ctx.add_author(Author(name=name), item.line)
        item.role, item.attrs["paragraph_role"] = "paragraph", "signature"


_LEAD_DATELINE = re.compile(r"(?:기자|특파원)\s*=\s*$")
_WIRE_SIGN_OFF = re.compile(
    r"^\s*[(\[【](?P<place>[^()\[\]【】=]{1,15})=(?P<agency>[^()\[\]【】=]{1,15})[)\]】]"
)


def _wire_sign_off(ctx: Context, item: Item) -> None:
    """A byline signed off with a wire dateline (``(서울=연합뉴스) 김재홍 기자 jaehong@yna.co.kr``, at
    an older article's end): its agency votes for the publisher, and the dateline is kept for the
    ``dateline`` pass (:func:`bookmaker.normalize.passes.dateline.sign_off`). A dateline alone on its
    line over the lead (ending ``기자 =``) is kept whole, its reporter and all."""
    m = _WIRE_SIGN_OFF.match(item.text)
    if m is None:
        return
    outlet = ctx.rules.outlet_in_text(m["agency"])
    if outlet is not None:
        ctx.vote_publisher(outlet.name, Evidence.DATELINE)
    whole = _LEAD_DATELINE.search(item.text) is not None  # "(서울=연합뉴스) 최재훈 기자 =" over the lead
    ctx.meta.setdefault("sign_off_dateline", (item.text.strip() if whole else m.group(0).strip(), item.line))


def _photo_caption(ctx: Context, text: str) -> bool:
    """A photo caption with its credit (``… 기다리고 있다. 연합뉴스``, ``… 살피고 있다. 서울교통공사
    제공``): a sentence describing the photo, then who took or gave it."""
    split = split_credit(ctx.rules, text)
    return split is not None and bool(split[1]) and len(split[0]) >= 15 and ends_sentence(split[0])


def _after_byline(ctx: Context) -> None:
    """Short lines after the closing byline (read below the article's last paragraph, at least two
    paragraphs into it) are the page's: a profile box, the reporter's other headlines — but not a
    photo caption with its credit (some pages gather the article's photos below the sign-off), nor
    an item of a list without links (a fact check's sources), nor a section of sources under its
    heading (``참고 자료``) and what follows it."""
    items = [it for it in ctx.items if not structured(it)]
    prose = [it.line for it in items if it.role is None and is_prose(it.text)]
    credited = ctx.meta_lines.get("authors", [])
    if len(prose) < 2:
        return
    closing = [line for line in credited if line >= prose[-1]]
    if not closing:
        return
    start = min(closing)
    for item in items:
        if item.line <= start or item.role is not None or item.kind in ("caption", "heading", "quote"):
            continue
        text = item.text
        if is_reference_heading(ctx, text):
            break  # "참고 자료" over its sources: the article's own section (a fact check's), and the
            # page's lines after it are left to pass boilerplate
        if _photo_caption(ctx, text):
            continue  # the article's photos, captioned below its sign-off
        if is_copyright(ctx, text):
            continue  # "ⓒ News1" under a wire's e-mail: the rights line, which boilerplate reads
        if item.kind == "list-item" and not any(isinstance(r, Link) for r in runs(item.content or [])):
            continue  # a list of the article's own (sources, notes); other headlines are links
        if len(text) <= 80 and (not ends_sentence(text) or len(text) <= 40):
            ctx.drop(
                item,
                "page text after the closing byline (profile, other headlines)",
                "boilerplate.after-byline",
            )
