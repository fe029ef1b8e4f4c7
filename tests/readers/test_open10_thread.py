"""The HTML reader on a discussion thread (an issue tracker's issue, a forum topic): the opening
post's text is the densest block, and the replies in the boxes alike after its box come with it,
each under its header; events between the boxes, reactions and buttons stay out."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import Heading, Paragraph, inlines_of, runs, walk
from bookmaker.normalize import normalize
from bookmaker.raw import RawDocument
from bookmaker.readers import read

OPENING = (
    "<p>설정 파일을 바꾼 뒤 다시 읽으면 글꼴 크기가 처음 값으로 돌아갑니다. 캐시를 지워도 같습니다.</p>"
    "<p>다른 항목은 제대로 바뀌고, 글꼴 크기만 되돌아가는 것으로 보입니다. 로그에는 오류가 없습니다.</p>"
)


def _post(who: str, text: str, box: str = "post", body: str = "post-body") -> str:
    return (
        f"<div class='{box}'><div class='post-head'><h3>{who} 님이 남긴 글</h3></div>"
        f"<div class='{body}'>{text}</div>"
        "<div class='reactions'><button>좋아요 3</button></div></div>"
    )


def _page(tmp_path: Path, posts: str) -> RawDocument:
    path = tmp_path / "thread.html"
    path.write_text(
        "<!DOCTYPE html><html lang='ko'><head><title>글꼴 크기가 돌아갑니다</title></head><body>"
        "<h1>글꼴 크기가 돌아갑니다</h1><div class='thread'>" + posts + "</div></body></html>",
        "utf-8",
    )
    raw = read(path)
    assert isinstance(raw, RawDocument)
    return raw


def _texts(raw: RawDocument) -> tuple[list[str], list[str]]:
    doc = normalize(raw)

    def text(block: Heading | Paragraph) -> str:
        return " ".join(getattr(r, "value", "") for seq in inlines_of(block) for r in runs(seq))

    heads = [text(b) for b in doc.blocks if isinstance(b, Heading)]
    return heads, [text(b) for b in walk(doc.blocks) if isinstance(b, Paragraph)]


def test_the_replies_in_boxes_alike_come_after_the_opening_post(tmp_path: Path) -> None:
    posts = (
        _post("yoon", OPENING)
        + "<div class='event'>mina 님이 버그 라벨을 붙였습니다</div>"
        + _post("mina", "<p>확인했습니다. 설정을 읽을 때 기본값으로 덮어쓰고 있었네요. 고치겠습니다.</p>")
        + _post("yoon", "<p>새 판으로 올리니 글꼴 크기가 그대로 남습니다. 고쳐 주셔서 고맙습니다!</p>")
    )
    heads, paras = _texts(_page(tmp_path, posts))
    assert heads == ["mina 님이 남긴 글", "yoon 님이 남긴 글"]
    assert any("기본값으로 덮어쓰고" in p for p in paras)
    assert any("고쳐 주셔서 고맙습니다" in p for p in paras)
    joined = " ".join(heads + paras)
    assert "버그 라벨" not in joined and "좋아요" not in joined


def test_boxes_of_another_kind_of_text_are_no_replies(tmp_path: Path) -> None:
    teaser = "<p>이 글과 함께 읽을 만한 다른 글을 모았습니다. 설정 파일의 구조를 다룬 글입니다.</p>"
    posts = _post("yoon", OPENING) + _post("mina", teaser, body="teaser")
    heads, paras = _texts(_page(tmp_path, posts))
    assert heads == []
    assert not any("함께 읽을 만한" in p for p in paras)
