"""Argos Translate packages: where they live, what pairs they give, and the engine over them.

A package is a folder with ``metadata.json``, ``sentencepiece.model`` and a CTranslate2
model in ``model/``.  We load it with CTranslate2 and SentencePiece directly and never import
``argostranslate.translate`` (which pulls in stanza and torch).  The package folder is the one
argostranslate itself uses (``ARGOS_PACKAGES_DIR``, its ``settings.json``, the XDG and snap
locations), unless ``packages-dir`` is set in ``[tool.workflow.mt]``.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, replace
from pathlib import Path

from workflow.errors import ModelError
from workflow.languages import DEFAULT_PIVOT
from workflow.mt.base import Engine, Stage
from workflow.mt.ct2 import Ct2Model, DecodeOptions, Progress
from workflow.mt.runs import MtRun
from workflow.project import Project

METADATA = "metadata.json"
SPM_MODEL = "sentencepiece.model"
#: argostranslate decodes its packages with this length penalty; we do the same.
ARGOS_LENGTH_PENALTY = 0.2


@dataclass(frozen=True)
class ArgosPackage:
    """An installed Argos package (metadata only; the model is loaded by the engine)."""

    path: Path
    from_code: str
    to_code: str
    version: str
    target_prefix: str = ""

    @property
    def name(self) -> str:
        return self.path.name

    @classmethod
    def load(cls, path: Path) -> ArgosPackage:
        """Read and check ``<path>/metadata.json``; :class:`ModelError` if unusable."""
        metadata_path = path / METADATA
        try:
            metadata = json.loads(metadata_path.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise ModelError("package has no metadata.json", path=path) from exc
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ModelError(f"unreadable metadata: {exc}", path=metadata_path) from exc
        return cls.from_metadata(path, metadata, metadata_path)

    @classmethod
    def from_metadata(cls, path: Path, metadata: object, where: Path) -> ArgosPackage:
        """Check a parsed ``metadata.json`` (also used on archives before installing)."""
        if not isinstance(metadata, dict):
            raise ModelError("metadata.json is not a JSON object", path=where)
        for key in ("from_code", "to_code"):
            if not isinstance(metadata.get(key), str) or not metadata[key]:
                raise ModelError(f"metadata.json has no {key!r}", path=where)
        if metadata.get("type", "translate") != "translate":
            raise ModelError(f"not a translation package (type {metadata['type']!r})", path=where)
        return cls(
            path,
            metadata["from_code"],
            metadata["to_code"],
            str(metadata.get("package_version", "")),
            str(metadata.get("target_prefix", "")),
        )

    def check_files(self) -> None:
        """Raise :class:`ModelError` if the model or tokenizer file is missing."""
        for needed in (self.path / "model" / "model.bin", self.path / SPM_MODEL):
            if not needed.is_file():
                raise ModelError(
                    f"package lacks {needed.relative_to(self.path)}",
                    path=self.path,
                    hint="reinstall it with `workflow models install`",
                )


def default_package_dirs(environ: dict[str, str] | os._Environ[str] = os.environ) -> list[Path]:
    """The folders argostranslate searches, computed as its ``settings`` module does."""
    home = Path(environ["SNAP_USER_DATA"] if "SNAP" in environ else environ.get("HOME", "~"))
    home = home.expanduser()
    data_dir = Path(environ.get("XDG_DATA_HOME") or home / ".local" / "share") / "argos-translate"
    config_dir = Path(environ.get("XDG_CONFIG_HOME") or home / ".config") / "argos-translate"
    configured = environ.get("ARGOS_PACKAGES_DIR") or _settings_json(config_dir).get(
        "ARGOS_PACKAGES_DIR"
    )
    dirs = [Path(configured) if configured else data_dir / "packages"]
    if "SNAP" in environ:
        snap = Path(environ["SNAP"]) / "snap_custom"
        dirs.append(snap / "packages")
        content = snap / "content_snap_packages"
        if content.is_dir():
            dirs += sorted(path for path in content.iterdir() if path.is_dir())
    return dirs


def _settings_json(config_dir: Path) -> dict[str, str]:
    try:
        data = json.loads((config_dir / "settings.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def package_dirs(project: Project) -> list[Path]:
    """Where this project looks for packages; the first one is where installs go."""
    configured = project.config.mt.packages_dir
    if configured:
        return [project.root / Path(configured).expanduser()]
    return default_package_dirs()


def scan_packages(dirs: list[Path]) -> tuple[list[ArgosPackage], list[ModelError]]:
    """Installed packages in *dirs* (sorted), and the problems of folders that are not.

    A missing folder holds no packages; an unreadable one (or a file in its place) is a
    problem naming the folder, so callers can skip machine translation with a warning.
    """
    packages: list[ArgosPackage] = []
    problems: list[ModelError] = []
    for folder in dirs:
        try:
            entries = sorted(folder.iterdir())
        except FileNotFoundError:
            continue
        except OSError as exc:
            problems.append(
                ModelError(
                    f"cannot read the packages folder: {exc.strerror}",
                    path=folder,
                    hint="make it a readable folder, or point ARGOS_PACKAGES_DIR or "
                    "packages-dir in [tool.workflow.mt] elsewhere",
                )
            )
            continue
        for path in entries:
            if path.name.startswith(".") or not path.is_dir():
                continue
            try:
                packages.append(ArgosPackage.load(path))
            except ModelError as exc:
                problems.append(exc)
    return packages, problems


def _version_key(package: ArgosPackage) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", package.version))


def find_route(
    packages: list[ArgosPackage], source: str, target: str, pivot: str = DEFAULT_PIVOT
) -> list[ArgosPackage] | None:
    """The direct package for *source*→*target* (newest version), else two through *pivot*."""

    def best(src: str, tgt: str) -> ArgosPackage | None:
        found = [p for p in packages if (p.from_code, p.to_code) == (src, tgt)]
        return max(found, key=_version_key) if found else None

    direct = best(source, target)
    if direct:
        return [direct]
    if pivot in (source, target):
        return None
    first, second = best(source, pivot), best(pivot, target)
    return [first, second] if first and second else None


class ArgosEngine(Engine):
    """Argos packages run through CTranslate2 in large batches; pivot = two batched stages."""

    name = "argos"

    def __init__(
        self, route: list[ArgosPackage], options: DecodeOptions, run: MtRun | None = None
    ) -> None:
        for package in route:
            package.check_files()
        self.route = route
        self.options = replace(options, length_penalty=ARGOS_LENGTH_PENALTY)
        self.stages = tuple(Stage(p.from_code, p.to_code, p.name, p.version) for p in route)
        self.run = run or MtRun()

    def model(self, index: int) -> Ct2Model:
        """The loaded model of stage *index* (loaded once per run)."""
        package = self.route[index]
        return self.run.model(
            self._model_key(index),
            lambda: Ct2Model(package.path / "model", package.path / SPM_MODEL, self.options),
        )

    def _model_key(self, index: int) -> str:
        return f"argos {self.route[index].path} {self.options}"

    def stage_key(self, index: int) -> str:
        return f"{self._model_key(index)} prefix={self.route[index].target_prefix!r}"

    def translate_stage(
        self, index: int, texts: list[str], progress: Progress | None = None
    ) -> list[str]:
        model = self.model(index)
        prefix = self.route[index].target_prefix
        outputs = model.translate_tokens(
            [model.encode(text) for text in texts], [prefix] if prefix else None, progress
        )
        return [model.decode(tokens) for tokens in outputs]

    @property
    def batch_calls(self) -> int:
        keys = {self._model_key(index) for index in range(len(self.route))}
        return sum(self.run.models[key].batch_calls for key in keys if key in self.run.models)
