"""The normalizer compiles its built-in rule patterns on use; each must still be a valid pattern."""

from __future__ import annotations

import re

from bookmaker.normalize.rules import load_rules


def test_every_built_in_pattern_compiles() -> None:
    rules = load_rules()
    lists = [
        (section, key)
        for section, body in rules.table.items()
        if isinstance(body, dict)
        for key, value in body.items()
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value)
    ]
    assert len(lists) > 10
    for section, key in lists:
        for pattern in rules.strings(section, key):
            re.compile(pattern)
    for key in ("chrome", "list_headers"):  # the lists the passes match as whole lines
        assert len(rules.patterns("boilerplate", key, whole=True)) == len(rules.strings("boilerplate", key))
