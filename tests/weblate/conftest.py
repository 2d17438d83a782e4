"""Fixtures of the Weblate integration test: one server, one project holding this repository.

The tests run only in ``tox -e weblate`` (CI's ``.ci/run`` calls it), which installs the
Weblate stack through ``.ci/weblate-setup`` and names its virtual environment in
``WORKFLOW_WEBLATE_VENV``; elsewhere they are skipped.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.weblate.server import REPO, SETTINGS_DIR, WeblateServer

#: What a translator's clone of the project needs: settings, sources, catalogs, glossary.
PROJECT_FILES = ("pyproject.toml", ".gitignore", "sources", "locales", "glossary", "docs")
GIT_IDENTITY = ("-c", "user.name=Workflow Test", "-c", "user.email=workflow@example.com")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    if os.environ.get("WORKFLOW_WEBLATE_VENV"):
        return
    skip = pytest.mark.skip(reason="needs the Weblate stack: run `tox -e weblate`")
    for item in items:
        if "tests/weblate/" in item.nodeid:
            item.add_marker(skip)


@pytest.fixture(scope="package")
def weblate() -> Iterator[WeblateServer]:
    server = WeblateServer(Path(os.environ["WORKFLOW_WEBLATE_VENV"]))
    try:
        server.start()
        yield server
    finally:
        server.stop()


@dataclass
class Site:
    """The project on the server and a translator's clone of its repository."""

    server: WeblateServer
    work: Path
    origin: Path
    project: str
    component: str

    def git(self, *args: str) -> str:
        return subprocess.run(
            ["git", *GIT_IDENTITY, *args], cwd=self.work, check=True, capture_output=True,
            text=True,
        ).stdout  # fmt: skip

    @property
    def component_api(self) -> str:
        return f"/api/components/{self.project}/{self.component}/"

    def repository(self, operation: str | None = None) -> dict:
        """Weblate's repository state, after *operation* (commit, push, pull) if given."""
        path = self.component_api + "repository/"
        if operation is not None:
            answer = self.server.api("POST", path, {"operation": operation})
            assert answer.get("result") is True, f"{operation} failed: {answer}"
        return self.server.api("GET", path)


@pytest.fixture(scope="package")
def site(weblate: WeblateServer, tmp_path_factory: pytest.TempPathFactory) -> Site:
    base = tmp_path_factory.mktemp("weblate-site")
    work, origin = base / "work", base / "origin.git"
    work.mkdir()
    for name in PROJECT_FILES:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, work / name)
        elif source.exists():
            shutil.copy(source, work / name)
    site = Site(weblate, work, origin, "", "")
    site.git("init", "-q", "-b", "main")
    site.git("add", "-A")
    site.git("commit", "-q", "-m", "The project as committed")
    subprocess.run(["git", "clone", "-q", "--bare", str(work), str(origin)], check=True)
    site.git("remote", "add", "origin", str(origin))
    site.git("fetch", "-q", "origin")
    site.git("branch", "-q", "--set-upstream-to=origin/main")
    project = json.loads((SETTINGS_DIR / "project.json").read_text(encoding="utf-8"))
    component = json.loads((SETTINGS_DIR / "component.json").read_text(encoding="utf-8"))
    component["repo"] = component["push"] = origin.as_uri()
    weblate.api("POST", "/api/projects/", project)
    weblate.api("POST", f"/api/projects/{project['slug']}/components/", component)
    site.project, site.component = project["slug"], component["slug"]
    return site
