"""The passes' shared state: dropping items from the body."""

from __future__ import annotations

from bookmaker.normalize.context import Context, Item
from bookmaker.normalize.rules import load_rules


def _context(n: int) -> Context:
    return Context(body=[Item(f"줄 {i}", i, f"줄 {i}") for i in range(1, n + 1)], rules=load_rules())


def test_a_dropped_item_leaves_the_body_and_is_recorded_in_order() -> None:
    ctx = _context(5)
    second, fourth = ctx.items[1], ctx.items[3]
    ctx.drop(fourth, "why four", "test.four")
    ctx.drop(second, "why two", "test.two")
    assert [it.line for it in ctx.items] == [1, 3, 5]
    assert [(r.line, r.reason, r.rule) for r in ctx.removed] == [
        (4, "why four", "test.four"),
        (2, "why two", "test.two"),
    ]


def test_a_list_read_before_a_drop_keeps_its_items() -> None:
    """A pass iterating the body it read may drop items as it goes: its list does not change."""
    ctx = _context(4)
    seen = []
    for item in ctx.items:
        seen.append(item.line)
        if item.line % 2:
            ctx.drop(item, "odd", "test.odd")
    assert seen == [1, 2, 3, 4]
    assert [it.line for it in ctx.items] == [2, 4]


def test_items_set_after_drops_replace_the_body() -> None:
    ctx = _context(3)
    first = ctx.items[0]
    ctx.drop(first, "gone", "test.gone")
    ctx.items = [first, *ctx.items]  # put back, as a pass may
    assert [it.line for it in ctx.items] == [1, 2, 3]


def test_a_restored_item_comes_back_in_source_order() -> None:
    ctx = _context(3)
    second = ctx.items[1]
    ctx.drop(second, "a copy", "dedupe.line")
    ctx.restore(second)
    assert [it.line for it in ctx.items] == [1, 2, 3]
    assert ctx.removed == []


def test_thousands_of_single_drops_leave_the_right_body() -> None:
    ctx = _context(3000)
    for item in list(ctx.items)[::3]:
        ctx.drop(item, "every third", "test.third")
    assert len(ctx.items) == 2000
    assert len(ctx.removed) == 1000
    assert all(it.line % 3 != 1 for it in ctx.items)


def test_a_pass_asks_whether_an_item_it_holds_was_dropped() -> None:
    """A pass walking its own snapshot asks this without rebuilding the body, before and after it is
    rebuilt."""
    ctx = _context(4)
    snapshot = list(ctx.items)
    ctx.drop(snapshot[2], "gone", "test.gone")
    assert [ctx.is_dropped(it) for it in snapshot] == [False, False, True, False]
    assert [it.line for it in ctx.items] == [1, 2, 4]
    assert [ctx.is_dropped(it) for it in snapshot] == [False, False, True, False]


def test_an_item_restored_after_the_body_was_rebuilt_stays_through_later_drops() -> None:
    """A dropped copy put back after the body was rebuilt (a bill's name over its text) is not dropped
    again by the next rebuild."""
    ctx = _context(4)
    second, fourth = ctx.items[1], ctx.items[3]
    ctx.drop(second, "a copy", "dedupe.exact")
    assert [it.line for it in ctx.items] == [1, 3, 4]
    ctx.restore(second)
    ctx.drop(fourth, "gone", "test.gone")
    assert [it.line for it in ctx.items] == [1, 2, 3]
    assert not ctx.is_dropped(second)


def test_an_item_moved_to_the_metadata_leaves_the_body_but_not_a_list_read_before() -> None:
    ctx = _context(3)
    held = ctx.items
    ctx.to_meta(held[1], "authors")
    assert [it.line for it in ctx.items] == [1, 3]
    assert [it.line for it in held] == [1, 2, 3]
    assert ctx.meta_lines["authors"] == [2]
    assert ctx.removed == []
