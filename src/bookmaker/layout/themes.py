"""Theme registry: every folder under ``templates/`` with a ``manifest.toml`` is a theme.

A manifest names the theme, describes it in one line, may ``extends`` another theme (the child
holds only the files it changes) and lists ``[defaults]`` in the keys of ``--set``::

    name = "report"
    description = "…"
    extends = "book"
    [defaults]
    page-size = "a4"

A user's ``--templates DIR`` may hold a manifest too: its ``extends`` picks the theme it sits on
(when no ``--theme`` is given) and its ``[defaults]`` come on top of the theme's.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from bookmaker.errors import UsageError
from bookmaker.resources import read_toml, templates_root

MANIFEST = "manifest.toml"
DEFAULT_THEME = "book"


@dataclass(frozen=True, slots=True)
class Theme:
    """One theme folder and what its manifest says."""

    name: str
    description: str
    folder: Path
    extends: str | None
    defaults: tuple[tuple[str, str], ...]

    def lineage(self) -> list[Theme]:
        """This theme, then its parent, grandparent… (nearest first)."""
        chain: list[Theme] = [self]
        while chain[-1].extends is not None:
            parent = get_theme(chain[-1].extends)
            if any(t.name == parent.name for t in chain):
                raise UsageError(f"theme {self.name!r}: 'extends' loops through {parent.name!r}")
            chain.append(parent)
        return chain

    def folders(self) -> list[Path]:
        """The theme folders searched for a template, nearest first."""
        return [theme.folder for theme in self.lineage()]

    def merged_defaults(self) -> dict[str, str]:
        """Manifest defaults with the child's winning over its ancestors'."""
        merged: dict[str, str] = {}
        for theme in reversed(self.lineage()):
            merged.update(theme.defaults)
        return merged


@dataclass(frozen=True, slots=True)
class Manifest:
    """A parsed ``manifest.toml``."""

    name: str | None
    description: str
    extends: str | None
    defaults: tuple[tuple[str, str], ...]


def read_manifest(path: Path) -> Manifest:
    """Parse a manifest; a malformed one is a one-line usage error naming the file."""
    try:
        data = read_toml(path)
    except (OSError, ValueError) as exc:  # ValueError: UnicodeDecodeError, tomllib.TOMLDecodeError
        raise UsageError(f"{path}: bad theme manifest ({exc})") from None
    defaults = data.get("defaults", {})
    extends = data.get("extends")
    if not isinstance(defaults, dict) or (extends is not None and not isinstance(extends, str)):
        raise UsageError(f"{path}: 'defaults' must be a table and 'extends' a theme name")
    # keys as ``--set`` spells them (``page_size`` and ``page-size`` are one setting)
    pairs = tuple(
        (str(key).strip().lower().replace("_", "-"), setting_text(value)) for key, value in defaults.items()
    )
    name = data.get("name")
    return Manifest(
        name=str(name) if name else None,
        description=str(data.get("description", "")),
        extends=extends,
        defaults=pairs,
    )


def setting_text(value: object) -> str:
    """A TOML/YAML value as the text ``--set`` would take (``true`` → ``on``)."""
    if isinstance(value, bool):
        return "on" if value else "off"
    if isinstance(value, list):
        return ",".join(str(v) for v in value)
    return str(value)


@cache
def available_themes() -> dict[str, Theme]:
    """The built-in themes by name, in name order (``book`` first)."""
    found: dict[str, Theme] = {}
    for folder in sorted(templates_root().iterdir()):
        manifest_path = folder / MANIFEST
        if not manifest_path.is_file():
            continue
        manifest = read_manifest(manifest_path)
        name = manifest.name or folder.name
        found[name] = Theme(name, manifest.description, folder, manifest.extends, manifest.defaults)
    return dict(sorted(found.items(), key=lambda item: (item[0] != DEFAULT_THEME, item[0])))


def get_theme(name: str) -> Theme:
    """The theme called ``name``, or a usage error listing the themes there are."""
    themes = available_themes()
    if name not in themes:
        raise UsageError(f"unknown theme {name!r}; choose one of: {', '.join(themes)}")
    return themes[name]


def export_theme(name: str, target: Path) -> list[Path]:
    """Copy theme ``name`` with everything it inherits into ``target`` as a starting point.

    Each template is the file the theme's own lookup finds (``print/`` first in the print
    rendition, nearest theme first), so ``--templates target`` builds byte for byte as ``--theme
    name`` does. The manifest records ``extends = name`` and lists the theme's defaults as comments
    (written as settings they would count as the user's own). Refuses a non-empty ``target``.
    """
    theme = get_theme(name)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise UsageError(f"{target}: exists and is not an empty folder; choose a new one")
    files = _effective_files(theme.folders())
    written = []
    try:
        target.mkdir(parents=True, exist_ok=True)
        for relative, source in sorted(files.items()):
            destination = target / relative
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, destination)
            written.append(destination)
        manifest = target / MANIFEST
        defaults = "".join(f"# {key} = {_toml(value)}\n" for key, value in theme.merged_defaults().items())
        manifest.write_text(
            f'# Your copy of the "{name}" theme: use it with  bookmaker build --templates {target}\n'
            f"# Files here override the built-in ones by name; delete the ones you do not change.\n"
            f"name = {_toml(name + '-custom')}\ndescription = {_toml(theme.description)}\n"
            f"extends = {_toml(name)}\n\n"
            "[defaults]\n# the theme's, inherited through 'extends'; uncomment a line to change it\n"
            f"{defaults}",
            encoding="utf-8",
        )
        written.append(manifest)
    except OSError as exc:
        raise UsageError(f"{target}: cannot write the theme ({exc.strerror})") from None
    return written


def _effective_files(folders: list[Path]) -> dict[Path, Path]:
    """Relative path → the file the lookup over ``folders`` (nearest first) finds: ``NAME`` as the
    EPUB rendition finds it, and ``print/NAME`` where the print rendition finds another file."""
    names: set[Path] = set()
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file() and path.name != MANIFEST and "__pycache__" not in path.parts:
                relative = path.relative_to(folder)
                names.add(relative.relative_to("print") if relative.parts[0] == "print" else relative)

    def first(candidates: list[Path]) -> Path | None:
        return next((path for path in candidates if path.is_file()), None)

    files: dict[Path, Path] = {}
    for name in names:
        plain = first([folder / name for folder in folders])
        printed = first([path for folder in folders for path in (folder / "print" / name, folder / name)])
        if plain is not None:
            files[name] = plain
        if printed is not None and printed != plain:
            files["print" / name] = printed
    return files


def _toml(text: str) -> str:
    """A TOML basic string (JSON string syntax is valid TOML for these values)."""
    return json.dumps(text, ensure_ascii=False)
