"""Fixtures for the machine-translation tests: tiny real models, built once per session.

Import the fixtures into a test module (``from tests.mt_fixtures import *`` is avoided; name
them explicitly) so that pytest registers them there.
"""

from __future__ import annotations

import os
import re
import shutil
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests import modelfactory
from workflow.cli import main
from workflow.mt.install import install_package
from workflow.project import Project

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class MtModels:
    """Archives of the tiny Argos packages, a folder with them installed, an NLLB model."""

    archives: dict[str, Path]
    packages_dir: Path
    nllb_dir: Path


@pytest.fixture(scope="session")
def mt_models(tmp_path_factory: pytest.TempPathFactory) -> MtModels:
    """ja→en and en→ru Argos packages (pivot ja→ru) and an NLLB-style model, built once."""
    base = tmp_path_factory.mktemp("models")
    archives = {
        "ja_en": modelfactory.build_argos_package(base, "ja", "en", seed=1),
        "en_ru": modelfactory.build_argos_package(base, "en", "ru", seed=2),
    }
    packages_dir = base / "packages"
    for archive in archives.values():
        install_package(archive, packages_dir)
    nllb_dir = modelfactory.build_nllb_model(base / "nllb-tiny")
    return MtModels(archives, packages_dir, nllb_dir)


def models_inside(root: Path, settings: str) -> str:
    """*settings* with each absolute model folder copied (hard links) under ``root/models``.

    Path settings must stay inside the project, so the shared test models are linked in.
    """
    for named in sorted(set(re.findall(r'"(/[^"]+)"', settings))):
        local = Path("models") / Path(named).name
        if Path(named).is_dir():
            shutil.copytree(named, root / local, copy_function=os.link)
        settings = settings.replace(f'"{named}"', f'"{local.as_posix()}"')
    return settings


def write_project(
    root: Path, mt_settings: str, engines: str = "", languages: str = '["en", "ru", "kk"]'
) -> Project:
    """A project at *root* with the essay, the glossary and the given ``[tool.workflow.mt]``."""
    (root / "sources" / "ja").mkdir(parents=True)
    shutil.copy(ROOT / "sources" / "ja" / "118.md", root / "sources" / "ja" / "118.md")
    (root / "glossary").mkdir()
    shutil.copy(ROOT / "glossary" / "terms.yaml", root / "glossary" / "terms.yaml")
    pyproject = textwrap.dedent(
        f"""\
        [tool.workflow]
        project-id = "mt-test"
        languages = {languages}

        [tool.workflow.mt]
        """
    ) + textwrap.dedent(mt_settings)
    if engines:
        pyproject += "\n[tool.workflow.mt.engines]\n" + textwrap.dedent(engines)
    pyproject = models_inside(root, pyproject)
    (root / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    assert main(["--project", str(root), "update"]) == 0
    return Project.discover(root)


@pytest.fixture
def mt_project(tmp_path: Path, mt_models: MtModels) -> Project:
    """Project with the Argos packages installed and the NLLB model configured for kk."""
    return write_project(
        tmp_path,
        f"""\
        packages-dir = "{mt_models.packages_dir}"
        max-decoding-length = 12
        beam-size = 2
        """,
        f'kk = {{ engine = "nllb", model = "{mt_models.nllb_dir}" }}\n',
    )
