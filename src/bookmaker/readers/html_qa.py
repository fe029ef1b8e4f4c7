"""A question-and-answer page (네이버 지식iN, a page marked up as schema.org's Question and Answer):
the article is the question's text and every answer, each answer under a heading of its own — who
answered, and the page's mark on it (``질문자 채택``). Answer counts, votes, dates, grades and the
advertisements between answers stay outside, as page chrome."""

from __future__ import annotations

from dataclasses import dataclass

from bs4.element import Tag

from bookmaker.readers.html_body import inside
from bookmaker.readers.html_dom import Page

QUESTION_TEXT = [".c-heading__content", "[itemtype*=Question] [itemprop=text]"]
ANSWERS = [".answer-content__item", "[itemtype*=Answer]"]
ANSWER_HEAD = [".c-heading-answer__title", "[itemprop=author]"]
ANSWER_TEXT = [".c-heading-answer__content-user", ".c-heading-answer__content", "[itemprop=text]"]


@dataclass(frozen=True, slots=True)
class Answer:
    """One answer: the element naming who answered (None when there is none) and its text."""

    head: Tag | None
    text: Tag


def _first(page: Page, selectors: list[str], within: Tag | None = None) -> Tag | None:
    for selector in selectors:
        for node in page.select(selector):
            if page.shown(node) and (within is None or inside(node, within)):
                return node
    return None


def find_qa(page: Page) -> tuple[Tag, list[Answer]] | None:
    """The question's text and the answers, when the page is a Q&A page with at least one answer."""
    question = _first(page, QUESTION_TEXT)
    if question is None:
        return None
    items = next((found for s in ANSWERS if (found := [n for n in page.select(s) if page.shown(n)])), [])
    answers: list[Answer] = []
    for item in items:
        text = _first(page, ANSWER_TEXT, item)
        if text is not None and not inside(question, item):
            answers.append(Answer(_first(page, ANSWER_HEAD, item), text))
    return (question, answers) if answers else None
