"""YAML from an input (Markdown front matter, book files), loaded within bounds.

PyYAML's aliases share one node, so 1 KB can stand for gigabytes once built (a "billion laughs"
alias bomb). Here the node graph is composed first, which is cheap, and measured as it would be
built — every node plus every character of every scalar, aliases expanded — before anything is
constructed: over :data:`MAX_EXPANDED`, a recursive alias, nesting deeper than
:data:`MAX_DEPTH`, a scalar longer than :data:`MAX_VALUE_CHARS` or a text over
:data:`MAX_YAML_BYTES` is one input error. A timestamp that is no real date (``2025-02-30``) stays
the text it is instead of failing the whole file. PyYAML is imported lazily.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from bookmaker.errors import InputError

MAX_YAML_BYTES = 1024 * 1024
MAX_EXPANDED = 1_000_000  # nodes + scalar characters once aliases are expanded
MAX_DEPTH = 64
MAX_VALUE_CHARS = 10_000


def load_yaml(text: str, where: str) -> Any:
    """The data of the YAML ``text`` (None when empty); errors are one line starting with ``where``."""
    import yaml

    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_YAML_BYTES:
        raise InputError(f"{where}: YAML is {size / 1024:.0f} KB, over the {MAX_YAML_BYTES // 1024} KB limit")
    loader = _loader_class()(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _check_expansion(node, where)
        return loader.construct_document(node)
    except yaml.YAMLError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise InputError(f"{where}: not valid YAML ({first})") from None
    except RecursionError:
        raise InputError(f"{where}: YAML nested too deeply (over {MAX_DEPTH} levels)") from None
    finally:
        loader.dispose()


def _check_expansion(root: Any, where: str) -> None:
    """Refuse a node graph that is recursive, too deep, or too big once its aliases are expanded."""
    import yaml

    sizes: dict[int, int] = {}
    on_path: set[int] = set()
    stack: list[tuple[Any, int, bool]] = [(root, 1, False)]
    while stack:
        node, depth, finished = stack.pop()
        key = id(node)
        children = _children(node)
        if finished:
            on_path.discard(key)
            total = 1 + sum(sizes[id(child)] for child in children)
            if total > MAX_EXPANDED:
                raise InputError(
                    f"{where}: YAML expands to over {MAX_EXPANDED:,} values and characters"
                    " (aliases repeating aliases), refused"
                )
            sizes[key] = total
            continue
        if key in sizes:
            continue
        if key in on_path:
            raise InputError(f"{where}: YAML has a recursive alias, refused")
        if depth > MAX_DEPTH:
            raise InputError(f"{where}: YAML nested too deeply (over {MAX_DEPTH} levels)")
        if isinstance(node, yaml.ScalarNode):
            if len(node.value) > MAX_VALUE_CHARS:
                raise InputError(
                    f"{where}: a YAML value has {len(node.value):,} characters,"
                    f" over the {MAX_VALUE_CHARS:,} limit"
                )
            sizes[key] = 1 + len(node.value)
            continue
        on_path.add(key)
        stack.append((node, depth, True))
        stack.extend((child, depth + 1, False) for child in children if id(child) not in sizes)


def _children(node: Any) -> list[Any]:
    import yaml

    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


@cache
def _loader_class() -> Any:
    """``yaml.SafeLoader`` whose timestamps that are no real dates stay text."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    def timestamp(loader: Any, node: Any) -> Any:
        try:
            return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
        except ValueError:  # 2025-02-30, 2025-13-01: kept as written
            return loader.construct_scalar(node)

    Loader.add_constructor("tag:yaml.org,2002:timestamp", timestamp)
    return Loader
