"""Issue #23, escapes (cases 1–3): nothing outside the folders a run was given reaches its outputs,
and a template runs no Python."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.security.hostile import article, assert_one_error, outputs, run_bounded

ARTICLE = ROOT / "tests" / "fixtures" / "ir" / "seed-excerpt.json"
SECRET = "SECRET-23-MARKER"


def _templates(folder: Path, body: str, name: str = "title_block.html.j2") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(body, encoding="utf-8")
    return folder


# ---- case 2: --templates renders in Jinja2's immutable sandbox, inside its folder


@pytest.mark.parametrize(
    "payload",
    [
        "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
        "{{ lipsum.__globals__['__builtins__']['open']('/etc/passwd').read() }}",
        "{{ self.__init__.__globals__ }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ doc.meta.__class__ }}",
        "{% set x = [] %}{{ x.append(1) }}",
        "{{ 'x' * 10**9 }}",
        "{{ 2 ** 1000000000 }}",
        "{{ lipsum(1000000) }}",
    ],
)
def test_case02_template_payloads_are_refused(tmp_path: Path, payload: str) -> None:
    templates = _templates(tmp_path / "tpl", f"<h1>{{{{ doc.meta.title }}}}</h1>{payload}")
    proc = run_bounded("build", ARTICLE, "-o", tmp_path / "out", "--templates", templates, memory_mb=1024)
    line = assert_one_error(proc, 2, "title_block.html.j2:1")
    assert "refused by the template sandbox" in line or "'lipsum' is undefined" in line
    assert "uid=" not in line and "root:" not in line
    assert outputs(tmp_path / "out") == []


def test_case02_symlink_out_of_the_templates_folder_is_refused(tmp_path: Path) -> None:
    outside = _templates(tmp_path / "outside", f"<h1>{SECRET}</h1>", "secret.j2")
    templates = tmp_path / "tpl"
    templates.mkdir()
    (templates / "title_block.html.j2").symlink_to(outside / "secret.j2")
    proc = run_bounded("build", ARTICLE, "-o", tmp_path / "out", "--templates", templates)
    assert_one_error(proc, 2, "title_block.html.j2", "leads out of the templates folder")
    assert outputs(tmp_path / "out") == []

    (templates / "title_block.html.j2").unlink()
    _templates(templates, '{% include "../outside/secret.j2" %}')
    proc = run_bounded("build", ARTICLE, "-o", tmp_path / "out", "--templates", templates)
    assert_one_error(proc, 2, "title_block.html.j2:1", "not found")

    (templates / "manifest.toml").symlink_to("/etc/passwd")
    proc = run_bounded("build", ARTICLE, "-o", tmp_path / "out", "--templates", templates)
    assert_one_error(proc, 2, "manifest.toml", "leads out of the templates folder")
    assert outputs(tmp_path / "out") == []


def test_case02_symlink_inside_the_folder_and_plain_overrides_still_work(tmp_path: Path) -> None:
    templates = _templates(tmp_path / "tpl", "<h1>{{ doc.meta.title | t }}</h1><p>내 틀</p>", "mine.j2")
    (templates / "title_block.html.j2").symlink_to(templates / "mine.j2")
    proc = run_bounded("build", ARTICLE, "-o", tmp_path / "out", "--templates", templates, "--to", "epub")
    assert proc.returncode == 0, proc.stderr
    with zipfile.ZipFile(tmp_path / "out" / "seed-excerpt.epub") as epub:
        chapters = [epub.read(n).decode() for n in epub.namelist() if n.endswith(".xhtml")]
    assert any("내 틀" in chapter for chapter in chapters)


def test_case02_fifo_template_is_refused(tmp_path: Path) -> None:
    import os

    templates = tmp_path / "tpl"
    templates.mkdir()
    os.mkfifo(templates / "title_block.html.j2")
    proc = run_bounded("build", ARTICLE, "-o", tmp_path / "out", "--templates", templates)
    assert_one_error(proc, 2, "title_block.html.j2", "not a regular file")


def test_case02_built_in_themes_render_without_the_sandbox(tmp_path: Path) -> None:
    source = article(tmp_path / "in")
    proc = run_bounded("build", source, "-o", tmp_path / "out", "--theme", "newspaper", "--to", "epub")
    assert proc.returncode == 0, proc.stderr


# ---- case 1: batch reads only INPUT_DIR


def test_case01_batch_refuses_links_out_of_input_dir(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    article(folder, "a.md")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(f"비밀 문서\n\n{SECRET} 내용입니다.\n", encoding="utf-8")
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    (folder / "secret.txt").symlink_to(outside / "secret.txt")
    (folder / "up").symlink_to(outside, target_is_directory=True)  # a folder link is not followed
    (folder / "inside.md").symlink_to(folder / "a.md")  # a link inside the folder is fine
    proc = run_bounded("batch", folder, "-o", tmp_path / "out", "--to", "epub", "-j", "1")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "passwd.txt: is a link out of INPUT_DIR (to /etc/passwd); refused" in proc.stderr
    assert "secret.txt: is a link out of INPUT_DIR" in proc.stderr
    assert "up/" not in proc.stdout + proc.stderr
    made = [name for name in outputs(tmp_path / "out") if not name.startswith(".")]
    assert made == ["a.epub", "inside.epub"]
    for path in (tmp_path / "out").glob("*.epub"):
        with zipfile.ZipFile(path) as epub:
            text = b"".join(epub.read(name) for name in epub.namelist())
        assert SECRET.encode() not in text and b"root:x:0:0" not in text


# ---- case 3: archive --verify never follows a link


def test_case03_verify_refuses_a_file_replaced_by_a_link(bundle: Path, tmp_path: Path) -> None:
    assert run_bounded("archive", "--verify", bundle).returncode == 0
    pdf = bundle / "seed-excerpt.pdf"
    copy = tmp_path / "elsewhere.pdf"
    copy.write_bytes(pdf.read_bytes())  # the same bytes, outside the bundle
    pdf.unlink()
    pdf.symlink_to(copy)
    proc = run_bounded("archive", "--verify", bundle)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "seed-excerpt.pdf: is a symbolic link, not a regular file" in proc.stderr


def test_case03_verify_refuses_a_linked_manifest_folder_or_bundle(bundle: Path, tmp_path: Path) -> None:
    manifest = bundle / "manifest.json"
    kept = tmp_path / "manifest.json"
    kept.write_bytes(manifest.read_bytes())
    manifest.unlink()
    manifest.symlink_to(kept)
    proc = run_bounded("archive", "--verify", bundle)
    assert proc.returncode == 1 and "manifest.json: unreadable (is a symbolic link" in proc.stderr
    manifest.unlink()
    manifest.write_bytes(kept.read_bytes())
    (bundle / "source").rename(tmp_path / "source")
    (bundle / "source").symlink_to(tmp_path / "source", target_is_directory=True)
    proc = run_bounded("archive", "--verify", bundle)
    assert proc.returncode == 1 and "source: is a symbolic link" in proc.stderr
    shelf = tmp_path / "shelf"
    shelf.mkdir()
    (shelf / "linked").symlink_to(bundle, target_is_directory=True)
    proc = run_bounded("archive", "--verify", shelf)
    assert proc.returncode == 1 and "linked: is a symbolic link, not an archive bundle" in proc.stderr
