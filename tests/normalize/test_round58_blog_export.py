"""Failure kinds from held-out round 58's blog post exported to Markdown (a Tistory or Naver post
through a converter): the reaction bar with separators, the blog's list of other posts in a category,
and a table written in HTML whose header row is plain cells."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import Document, Heading, ListBlock, Table
from bookmaker.normalize import normalize
from bookmaker.raw import RawDocument
from bookmaker.readers import read

POST = """# 부산 골목 빵집 세 곳

2025. 4. 2. 10:20

골목을 걸으며 빵집 세 곳에 들렀어요.<br>
모두 아침 일찍 문을 열어요.

<table>
<tr><td>가게</td><td>대표 빵</td><td>여는 시간</td></tr>
<tr><td>초량 빵집</td><td>단팥빵</td><td>오전 7시</td></tr>
<tr><td>영도 베이커리</td><td>소금빵</td><td>오전 8시</td></tr>
</table>

다음에는 서면 쪽을 가 볼게요!

공감 3 · 댓글 1

### '맛집' 카테고리의 다른 글

- [대구 납작만두 이야기](https://blog.example.kr/31)
- [광주 떡갈비 골목](https://blog.example.kr/28)
"""


def _doc(tmp_path: Path, text: str = POST) -> Document:
    path = tmp_path / "post.md"
    path.write_text(text, encoding="utf-8")
    raw = read(path)
    assert isinstance(raw, RawDocument)
    return normalize(raw)


def test_a_reaction_bar_with_separators_is_chrome(tmp_path: Path) -> None:
    doc = _doc(tmp_path)
    assert "공감 3" not in "\n".join(b.text for b in doc.blocks)
    assert any(r.rule == "boilerplate.chrome" and "댓글 1" in r.text for r in doc.removed)


def test_a_blog_platforms_buttons_alone_on_their_lines_are_chrome(tmp_path: Path) -> None:
    text = POST.replace(
        "다음에는 서면 쪽을 가 볼게요!",
        "다음에는 서면 쪽을 가 볼게요!\n\n서로이웃 추가하기\n\n본문 기타 기능",
    )
    doc = _doc(tmp_path, text)
    assert {"서로이웃 추가하기", "본문 기타 기능"} <= {
        r.text for r in doc.removed if r.rule == "boilerplate.chrome"
    }


def test_a_blogs_other_posts_in_the_category_go_with_their_header(tmp_path: Path) -> None:
    doc = _doc(tmp_path)
    assert not any(isinstance(b, ListBlock) for b in doc.blocks)
    assert {r.line for r in doc.removed if r.rule == "boilerplate.related"} == {18, 20}
    assert doc.blocks[-1].text == "다음에는 서면 쪽을 가 볼게요!"


def test_a_first_row_of_labels_over_data_is_the_tables_header(tmp_path: Path) -> None:
    table = next(b for b in _doc(tmp_path).blocks if isinstance(b, Table))
    assert [c.text for c in table.head[0].cells] == ["가게", "대표 빵", "여는 시간"]
    assert all(c.header for c in table.head[0].cells) and len(table.body) == 2


def test_a_first_row_of_data_stays_a_row(tmp_path: Path) -> None:
    """Two columns (a table of labelled values), or a first row with digits, heads nothing."""
    pairs = (
        POST.replace("<td>여는 시간</td>", "")
        .replace("<td>오전 7시</td>", "")
        .replace("<td>오전 8시</td>", "")
    )
    table = next(b for b in _doc(tmp_path, pairs).blocks if isinstance(b, Table))
    assert not table.head
    dated = POST.replace("<td>여는 시간</td>", "<td>2024년</td>")
    table = next(b for b in _doc(tmp_path, dated).blocks if isinstance(b, Table))
    assert not table.head


def test_a_sentence_closed_by_an_emoji_ends_there() -> None:
    from bookmaker.normalize.text import ends_sentence

    assert ends_sentence("국물이 진해서 좋았어요 🍜") and ends_sentence("또 갈 거예요 ✈️")
    assert ends_sentence("다 먹었다. 😋")
    assert not ends_sentence("점심 메뉴 🍜") and not ends_sentence("국물이 진해서 좋았어요")


def test_a_bold_line_over_a_short_paragraph_closed_by_an_emoji_is_a_heading(tmp_path: Path) -> None:
    text = (
        "# 동네 국숫집 두 곳\n\n점심으로 국수를 먹으러 다녔어요. 두 곳을 적어요.\n\n**첫째 집**\n\n"
        "멸치 육수가 진했어요 🍜\n\n**둘째 집**\n\n비빔국수가 새콤했어요.\n"
    )
    doc = _doc(tmp_path, text)
    assert [b.text for b in doc.blocks if isinstance(b, Heading)] == ["첫째 집", "둘째 집"]
