"""``workflow models``: validated package installation and the model listing."""

from __future__ import annotations

import json
import stat
import zipfile
from pathlib import Path

import pytest

from tests.mt_fixtures import MtModels, mt_models, write_project
from workflow.cli import main
from workflow.errors import ModelError
from workflow.mt.argos import default_package_dirs, find_route, scan_packages
from workflow.mt.install import install_package

__all__ = ["mt_models"]

METADATA = json.dumps({"from_code": "ja", "to_code": "en", "package_version": "1.0"}).encode()


def _good_members(top: str = "pkg") -> dict[str, bytes]:
    return {
        f"{top}/metadata.json": METADATA,
        f"{top}/sentencepiece.model": b"spm",
        f"{top}/model/model.bin": b"bin",
    }


def _snapshot(folder: Path) -> list[str] | None:
    if not folder.exists():
        return None
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))


def _write_zip(path: Path, members: dict[str, bytes], symlink: str | None = None) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
        if symlink:
            info = zipfile.ZipInfo(symlink)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            zf.writestr(info, "/etc/passwd")
    return path


BAD_ARCHIVES = {
    "parent": ({**_good_members(), "pkg/../evil.txt": b"x"}, None, "escaping"),
    "parent-top": ({**_good_members(), "../evil.txt": b"x"}, None, "escaping"),
    "absolute": ({**_good_members(), "/tmp/evil.txt": b"x"}, None, "absolute"),
    "symlink": (_good_members(), "pkg/model/link", "symlink"),
    "two-tops": ({**_good_members(), "other/readme.txt": b"x"}, None, "exactly one top folder"),
    "top-file": ({**_good_members(), "stray.txt": b"x"}, None, "outside the package folder"),
    "no-metadata": (
        {k: v for k, v in _good_members().items() if "metadata" not in k},
        None,
        "metadata.json",
    ),
    "bad-metadata": ({**_good_members(), "pkg/metadata.json": b"{"}, None, "not valid JSON"),
    "no-model": (
        {k: v for k, v in _good_members().items() if "model.bin" not in k},
        None,
        "model.bin",
    ),
    "oversized": ({**_good_members(), "pkg/model/big.bin": b"x" * 5000}, None, "too large"),
}


@pytest.mark.parametrize("case", sorted(BAD_ARCHIVES))
@pytest.mark.parametrize("existing", [False, True])
def test_bad_archive_is_rejected_and_nothing_changes(
    tmp_path: Path, case: str, existing: bool
) -> None:
    members, symlink, message = BAD_ARCHIVES[case]
    archive = _write_zip(tmp_path / f"{case}.argosmodel", members, symlink)
    packages = tmp_path / "packages"
    if existing:
        (packages / "installed").mkdir(parents=True)
        (packages / "installed" / "metadata.json").write_bytes(METADATA)
    before = _snapshot(packages)
    with pytest.raises(ModelError, match=message):
        install_package(archive, packages, max_member=4096)
    assert _snapshot(packages) == before
    assert not (tmp_path / "evil.txt").exists()


def test_not_a_zip_is_rejected(tmp_path: Path) -> None:
    archive = tmp_path / "x.argosmodel"
    archive.write_bytes(b"not a zip")
    with pytest.raises(ModelError, match="not a zip"):
        install_package(archive, tmp_path / "packages")
    assert not (tmp_path / "packages").exists()


def test_install_list_and_reinstall(
    tmp_path: Path, mt_models: MtModels, capsys: pytest.CaptureFixture[str]
) -> None:
    project = write_project(tmp_path / "project", 'packages-dir = "packages"\n')
    packages = project.root / "packages"
    root = str(project.root)
    for archive in mt_models.archives.values():
        assert main(["--project", root, "models", "install", str(archive)]) == 0
    assert sorted(p.name for p in packages.iterdir()) == [
        "translate-en_ru-1_9",
        "translate-ja_en-1_9",
    ]
    capsys.readouterr()
    assert main(["--project", root, "models", "list"]) == 0
    listing = capsys.readouterr().out
    assert "Pairs: en→ru, ja→en, ja→ru (via en)" in listing
    assert "ru: argos ja→ru translate-ja_en-1_9 1.9 + translate-en_ru-1_9 1.9; pivot en" in listing
    assert "kk: none: Argos publishes no kk model; fix: configure an NLLB-200 model" in listing
    before = _snapshot(packages)
    archive = str(mt_models.archives["ja_en"])
    assert main(["--project", root, "models", "install", archive]) == 2
    assert "already installed" in capsys.readouterr().err
    assert _snapshot(packages) == before


def test_install_needs_exactly_one_source(
    tmp_path: Path, mt_models: MtModels, capsys: pytest.CaptureFixture[str]
) -> None:
    project = write_project(tmp_path, f'packages-dir = "{tmp_path / "p"}"\n')
    message = "workflow: error: give either PATH.argosmodel or --from-index FROM TO\n"
    assert main(["--project", str(project.root), "models", "install"]) == 2
    assert capsys.readouterr().err == message
    archive = str(mt_models.archives["ja_en"])
    args = ["--project", str(project.root), "models", "install", archive, "--from-index", "a", "b"]
    assert main(args) == 2
    assert capsys.readouterr().err == message
    assert not (tmp_path / "p").exists()


def test_package_folder_follows_argos_settings(tmp_path: Path) -> None:
    env = {"HOME": str(tmp_path)}
    assert default_package_dirs(env) == [tmp_path / ".local/share/argos-translate/packages"]
    env["XDG_DATA_HOME"] = str(tmp_path / "data")
    assert default_package_dirs(env) == [tmp_path / "data/argos-translate/packages"]
    settings = tmp_path / "config" / "argos-translate" / "settings.json"
    settings.parent.mkdir(parents=True)
    settings.write_text(json.dumps({"ARGOS_PACKAGES_DIR": str(tmp_path / "json")}))
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    assert default_package_dirs(env) == [tmp_path / "json"]
    env["ARGOS_PACKAGES_DIR"] = str(tmp_path / "env")
    assert default_package_dirs(env) == [tmp_path / "env"]


def test_route_prefers_direct_newest_package(mt_models: MtModels) -> None:
    packages, problems = scan_packages([mt_models.packages_dir])
    assert not problems
    assert [p.name for p in find_route(packages, "ja", "en") or []] == ["translate-ja_en-1_9"]
    pivot = find_route(packages, "ja", "ru", "en") or []
    assert [(p.from_code, p.to_code) for p in pivot] == [("ja", "en"), ("en", "ru")]
    assert find_route(packages, "ja", "kk") is None
    assert find_route(packages, "en", "ja") is None
