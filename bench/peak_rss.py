"""Run a command and report its wall time, the peak RSS of any one of its processes and the peak RSS
of its whole process tree, sampled every 0.2 s from ``/proc`` (``/usr/bin/time -v`` misses the PDF
chunk workers). Linux only.

    PYTHONPATH=src python bench/peak_rss.py python -m bookmaker build big.txt -o /tmp/out --to pdf
"""

from __future__ import annotations

import os
import subprocess
import sys
import time


def _tree(root: int) -> list[int]:
    """``root`` and its descendants."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    parent = int(stat.read().rsplit(")", 1)[1].split()[1])
            except OSError:
                continue
            children.setdefault(parent, []).append(int(entry))
    found = [root]
    for pid in found:
        found += children.get(pid, [])
    return found


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def sample(
    command: list[str], env: dict[str, str] | None = None, interval: float = 0.2
) -> tuple[int, float, int, int, str]:
    """Run ``command``: its return code, wall seconds, the peak RSS (kB) of any one of its processes
    and of its whole tree, and the end of its standard error."""
    started = time.monotonic()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    one = whole = 0
    while proc.poll() is None:
        sizes = [_rss_kb(pid) for pid in _tree(proc.pid)]
        one, whole = max(one, *sizes), max(whole, sum(sizes))
        time.sleep(interval)
    _, err = proc.communicate()
    return proc.returncode, time.monotonic() - started, one, whole, err.decode(errors="replace")[-600:]


def main(command: list[str]) -> int:
    code, elapsed, one, whole, err = sample(command)
    print(f"rc={code} {elapsed:.1f} s, peak one process {one >> 10} MB, tree {whole >> 10} MB")
    print(err.strip())
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
