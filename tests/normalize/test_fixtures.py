"""Every hand-written fixture article normalizes as its expectation says."""

from __future__ import annotations

from pathlib import Path

import pytest
from bench.eval_normalize import ROOT, evaluate, expectations

CASES = expectations()


@pytest.mark.parametrize("exp_path", CASES, ids=[p.name.split(".")[0] for p in CASES])
def test_fixture(exp_path: Path) -> None:
    import json

    exp = json.loads(exp_path.read_text(encoding="utf-8"))
    if "input_repo" in exp and not (ROOT / exp["input_repo"]).exists():
        pytest.skip(f"shared fixture {exp['input_repo']} not available")
    result, _ = evaluate(exp_path)
    failed = {k: result.notes.get(k, "") for k, v in result.ok.items() if v is False}
    if exp.get("open"):  # a held-out failure not fixed yet: it must still fail, and say why
        assert failed, f"{exp_path.name} passes now: remove its 'open' note"
        pytest.xfail(f"open: {exp['open']}")
    assert not failed, failed


def test_enough_fixtures() -> None:
    assert len(CASES) >= 26
