"""Failure kinds from held-out round 58 (Markdown written in real tools: a Hugo post, a Docusaurus
MDX page, a Pandoc/Quarto report, a blog exported to Markdown by a converter), each on a small
made-up input shaped like the real ones."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import (
    Code,
    CodeBlock,
    Figure,
    Footnote,
    Heading,
    LineBreak,
    Link,
    ListBlock,
    Paragraph,
    Quote,
    Strong,
    Table,
    Text,
    inlines_of,
    plain,
    walk,
)
from bookmaker.normalize import normalize
from bookmaker.raw import RawDocument
from bookmaker.readers import read


def _raw(tmp_path: Path, text: str) -> RawDocument:
    path = tmp_path / "page.md"
    path.write_text(text, encoding="utf-8")
    raw = read(path)
    assert isinstance(raw, RawDocument)
    return raw


def _removed(raw: RawDocument) -> dict[int, str]:
    return {r.line: r.rule or "" for r in raw.removed}


# --- Hugo ------------------------------------------------------------------------------------------

HUGO = """+++
title = "겨울 산행 준비물"
date = 2025-01-12T08:00:00+09:00
author = "민서호"
draft = true
tags = ["등산"]
+++

첫 문단이다. 눈 덮인 길은 생각보다 미끄럽다.

{{< vimeo 90817263 >}}

{{% notice warning "해 지기 전에" %}}
겨울 해는 짧다. 오후 세 시에는 내려오기 시작한다.
{{% /notice %}}

지난 산행은 [여기]({{< relref "last-hike.md" >}})에 적었다.
"""


def test_toml_front_matter_gives_the_meta_and_leaves_no_text(tmp_path: Path) -> None:
    raw = _raw(tmp_path, HUGO)
    assert raw.hints["title"] == "겨울 산행 준비물"
    assert raw.hints["authors"] == ["민서호"]
    assert str(raw.hints["date"]).startswith("2025-01-12")
    assert all(line.line > 7 for line in raw.lines)  # nothing of the front matter is text
    assert any("draft" in w and "tags" in w for w in raw.warnings)


def test_a_video_shortcode_is_a_link_to_the_video_with_a_warning(tmp_path: Path) -> None:
    raw = _raw(tmp_path, HUGO)
    doc = normalize(raw)
    links = [r for b in walk(doc.blocks) for runs in inlines_of(b) for r in runs if isinstance(r, Link)]
    assert [link.href for link in links] == ["https://vimeo.com/90817263"]
    assert any("line 11" in w and "Vimeo" in w for w in raw.warnings)


def test_a_post_or_gist_shortcode_is_a_link_too(tmp_path: Path) -> None:
    text = '# 글\n\n본문이다.\n\n{{< tweet user="garam_news" id="1834" >}}\n\n{{< gist hanbit 5a1f >}}\n'
    raw = _raw(tmp_path, text)
    links = [r.href for line in raw.lines for r in line.content or [] if isinstance(r, Link)]
    assert links == ["https://x.com/garam_news/status/1834", "https://gist.github.com/hanbit/5a1f"]
    assert sum("kept as a link" in w for w in raw.warnings) == 2


def test_a_notice_shortcode_is_a_quote_under_its_title(tmp_path: Path) -> None:
    doc = normalize(_raw(tmp_path, HUGO))
    quote = next(b for b in doc.blocks if isinstance(b, Quote))
    first = quote.blocks[0]
    assert isinstance(first, Paragraph) and first.content[0] == Strong(content=[Text(value="해 지기 전에")])
    assert isinstance(first.content[1], LineBreak)
    assert "오후 세 시에는" in quote.text
    assert {r.line for r in doc.removed if r.rule == "markdown.template"} == {15}


def test_a_link_to_the_sites_own_page_is_its_text(tmp_path: Path) -> None:
    raw = _raw(tmp_path, HUGO)
    doc = normalize(raw)
    assert "지난 산행은 여기에 적었다." in "\n".join(b.text for b in doc.blocks)
    assert "relref" not in "\n".join(b.text for b in doc.blocks)
    assert any("line 17" in w and "site" in w for w in raw.warnings)


def test_toml_that_cannot_be_read_is_an_error(tmp_path: Path) -> None:
    import pytest

    from bookmaker.errors import InputError

    with pytest.raises(InputError, match="TOML"):
        _raw(tmp_path, '+++\ntitle = "끝나지 않은\n+++\n\n본문\n')


# --- Docusaurus / MDX ------------------------------------------------------------------------------

MDX = """---
title: 배포하기
---

import Tabs from '@theme/Tabs';
import TabItem from '@theme/TabItem';

배포는 두 가지 방법으로 할 수 있다.

:::caution[되돌릴 수 없음]

운영 서버에 올린 뒤에는 이전 판으로 돌아갈 수 없다.

:::

### 방법

<Tabs>
<TabItem value="cli" label="명령줄">

명령 하나로 끝난다.

</TabItem>
</Tabs>

```js title="deploy.config.js"
export default { target: "prod" };
```

<DocCardList />
"""


def test_an_admonition_is_a_quote_under_its_title(tmp_path: Path) -> None:
    raw = _raw(tmp_path, MDX)
    doc = normalize(raw)
    quote = next(b for b in doc.blocks if isinstance(b, Quote))
    assert quote.blocks[0].text == "되돌릴 수 없음"
    assert "이전 판으로" in quote.text
    assert _removed(raw)[14] == "markdown.box"


def test_an_admonition_without_a_title_is_titled_by_its_type(tmp_path: Path) -> None:
    doc = normalize(_raw(tmp_path, "---\ntitle: 글\n---\n\n본문이다.\n\n:::info\n알려 둘 것.\n:::\n"))
    quote = next(b for b in doc.blocks if isinstance(b, Quote))
    first = quote.blocks[0]
    assert isinstance(first, Paragraph) and first.content[0] == Strong(content=[Text(value="Info")])
    assert isinstance(first.content[1], LineBreak) and "알려 둘 것." in first.text


def test_mdx_imports_and_component_tags_are_removed_a_tab_label_heads_its_text(tmp_path: Path) -> None:
    raw = _raw(tmp_path, MDX)
    gone = _removed(raw)
    assert {5, 6, 18, 23, 24, 30} <= {n for n, rule in gone.items() if rule == "markdown.mdx"}
    doc = normalize(raw)
    heading = next(b for b in doc.blocks if isinstance(b, Heading) and b.text == "명령줄")
    assert heading.level == 4  # one under the "### 방법" above it
    assert any("DocCardList" in w for w in raw.warnings)
    assert any("tabs" in w.lower() for w in raw.warnings)


def test_a_tab_without_a_label_is_headed_by_its_value(tmp_path: Path) -> None:
    raw = _raw(
        tmp_path,
        '# 글\n\n## 설치\n\n<Tabs>\n<TabItem value="윈도">\n\n설치 파일을 연다.\n\n</TabItem>\n</Tabs>\n',
    )
    assert any(line.kind == "heading" and line.text == "윈도" for line in raw.lines)


def test_a_code_blocks_title_is_a_line_over_it(tmp_path: Path) -> None:
    doc = normalize(_raw(tmp_path, MDX))
    at = next(i for i, b in enumerate(doc.blocks) if isinstance(b, CodeBlock))
    title = doc.blocks[at - 1]
    assert isinstance(title, Paragraph) and title.content == [Code(value="deploy.config.js")]
    assert "title=" not in "\n".join(b.text for b in doc.blocks)


# --- Pandoc / Quarto -------------------------------------------------------------------------------

QUARTO = """---
title: 하천 수질 조사
author:
  - name: 오하람
abstract: |
  세 하천의 수질을 봄과 가을에 쟀다.
---

## 방법 {.unnumbered}

측정값은 평균을 냈다[@park2023]. 단위는 $\\mu g/L$이다.^[측정 장비는 연구소의 것을 빌렸다.]

용존산소
:   물에 녹아 있는 산소의 양.

| 하천 | 봄 |
|---|---|
| 가 | 7.1 |

: 하천별 용존산소 {#tbl-do}

::: {.callout-important}
## 비가 온 다음 날

측정하지 않았다.
:::

::: {.column-margin}
여백에 둘 말.
:::

::: {#refs}
:::
"""


def test_a_callout_is_a_quote_under_its_first_heading(tmp_path: Path) -> None:
    raw = _raw(tmp_path, QUARTO)
    doc = normalize(raw)
    quote = next(b for b in doc.blocks if isinstance(b, Quote))
    assert quote.blocks[0].text == "비가 온 다음 날"
    assert not any(isinstance(b, Heading) and b.text == "비가 온 다음 날" for b in walk(doc.blocks))
    assert {22, 26} <= {n for n, rule in _removed(raw).items() if rule == "markdown.box"}


def test_another_fenced_div_keeps_its_text_and_loses_its_fences(tmp_path: Path) -> None:
    raw = _raw(tmp_path, QUARTO)
    gone = _removed(raw)
    assert gone[28] == gone[30] == "markdown.box"
    assert any(line.text == "여백에 둘 말." for line in raw.lines)


def test_a_decorated_line_or_a_fence_never_closed_is_text(tmp_path: Path) -> None:
    raw = _raw(tmp_path, "# 글\n\n::: 공지 :::\n\n본문이다.\n\n:::note\n닫히지 않은 상자.\n")
    assert not raw.removed
    assert any(line.text == "::: 공지 :::" for line in raw.lines)


def test_the_bibliographys_place_is_removed_with_a_warning(tmp_path: Path) -> None:
    raw = _raw(tmp_path, QUARTO)
    reasons = {r.line: r.reason for r in raw.removed}
    assert "bibliography" in reasons[32]
    assert any("bibliography" in w for w in raw.warnings)
    assert any("citations" in w and "line 11" in w for w in raw.warnings)
    assert any("TeX" in w for w in raw.warnings)


def test_the_abstract_opens_the_text(tmp_path: Path) -> None:
    doc = normalize(_raw(tmp_path, QUARTO))
    assert doc.blocks[0].text == "세 하천의 수질을 봄과 가을에 쟀다."
    assert doc.blocks[0].lines[0] == 5


def test_a_definition_list_is_a_list_of_bold_terms(tmp_path: Path) -> None:
    doc = normalize(_raw(tmp_path, QUARTO))
    deflist = next(b for b in doc.blocks if isinstance(b, ListBlock))
    first = deflist.items[0].blocks
    assert isinstance(first[0], Paragraph) and isinstance(first[0].content[0], Strong)
    assert first[0].text == "용존산소" and first[1].text == "물에 녹아 있는 산소의 양."


def test_a_caption_line_after_a_table_is_its_caption(tmp_path: Path) -> None:
    doc = normalize(_raw(tmp_path, QUARTO))
    table = next(b for b in doc.blocks if isinstance(b, Table))
    assert plain(table.caption) == "하천별 용존산소"
    assert "tbl-do" not in "\n".join(b.text for b in doc.blocks)


def test_an_inline_note_has_its_line_and_heading_classes_go(tmp_path: Path) -> None:
    raw = _raw(tmp_path, QUARTO)
    doc = normalize(raw)
    note = next(b for b in walk(doc.blocks) if isinstance(b, Footnote))
    assert note.lines == [11, 11]
    assert ".unnumbered" not in "\n".join(b.text for b in doc.blocks)


# --- a blog exported to Markdown -------------------------------------------------------------------


def test_a_dotted_date_line_is_no_numbered_list(tmp_path: Path) -> None:
    raw = _raw(tmp_path, "# 가을 소풍\n\n2024. 10. 3. 14:05\n\n본문이다. 날씨가 좋았다.\n")
    assert not any(isinstance(line.block, ListBlock) for line in raw.lines)
    assert any(line.text == "2024. 10. 3. 14:05" for line in raw.lines)


def test_br_at_the_end_of_lines_keeps_one_paragraph_with_breaks(tmp_path: Path) -> None:
    raw = _raw(tmp_path, "# 글\n\n짧은 줄 하나<br>\n또 짧은 줄<br>\n마지막 줄\n")
    texts = [line for line in raw.lines if line.kind is None]
    assert len(texts) == 1
    assert sum(isinstance(r, LineBreak) for r in texts[0].content or []) == 2


def test_an_image_linked_to_itself_is_a_figure_captioned_by_its_alt(tmp_path: Path) -> None:
    src = "https://cdn.example.kr/p/a1.jpg"
    doc = normalize(_raw(tmp_path, f"# 글\n\n본문이다. 사진을 보자.\n\n[![항구의 아침]({src})]({src})\n"))
    figure = next(b for b in doc.blocks if isinstance(b, Figure))
    assert figure.src == src and plain(figure.caption) == "항구의 아침"
    assert not doc.removed


def test_an_image_linked_to_another_page_keeps_its_link(tmp_path: Path) -> None:
    raw = _raw(
        tmp_path,
        "# 글\n\n본문이다.\n\n[![가게 안내](https://cdn.example.kr/b.png)](https://shop.example.kr/)\n",
    )
    runs = [r for line in raw.lines for r in line.content or []]
    assert any(isinstance(r, Link) and r.href == "https://shop.example.kr/" for r in runs)
