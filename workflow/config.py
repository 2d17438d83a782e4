"""Project settings from ``pyproject.toml`` ``[tool.workflow]``, validated by pydantic.

Keys are kebab-case as usual in ``pyproject.toml``; unknown keys are rejected by name.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from workflow.errors import ConfigError, InputError
from workflow.fsio import outside_project, read_input_bytes
from workflow.languages import DEFAULT_PIVOT, DEFAULT_SOURCE, DEFAULT_TARGETS, require_known
from workflow.mt.registry import engine_info


def _project_relative(value: str) -> str:
    """A path setting must name a place inside the project: relative, without ``..``."""
    if not value.strip():
        raise ValueError("an empty path; name a folder or file inside the project")
    if PurePosixPath(value).is_absolute() or PureWindowsPath(value).drive or value.startswith("~"):
        raise ValueError(f"{value!r} is absolute; give a path relative to the project folder")
    if ".." in PurePosixPath(value.replace("\\", "/")).parts:
        raise ValueError(f"{value!r} leaves the project folder ('..')")
    return value


ProjectPath = Annotated[str, AfterValidator(_project_relative)]


def _kebab(name: str) -> str:
    return name.replace("_", "-")


class Settings(BaseModel):
    """Base for every settings section: kebab-case keys, unknown keys rejected."""

    model_config = ConfigDict(
        extra="forbid", alias_generator=_kebab, populate_by_name=True, frozen=True
    )


class MtEngineSettings(Settings):
    """One entry of ``[tool.workflow.mt.engines]``: the engine for one target language.

    ``engine = "argos"`` uses installed Argos packages (direct or through the pivot);
    ``engine = "nllb"`` needs ``model``, a CTranslate2 conversion of an NLLB-200 model
    (folder, relative to the project root), and may override the NLLB language tokens.
    """

    engine: str  # a name of workflow.mt.registry.ENGINES
    model: ProjectPath | None = None
    source_token: str | None = None
    target_token: str | None = None

    @field_validator("engine")
    @classmethod
    def _known_engine(cls, value: str) -> str:
        return engine_info(value).name

    @model_validator(mode="after")
    def _model_fits_engine(self) -> MtEngineSettings:
        if engine_info(self.engine).needs_model and not self.model:
            raise ValueError(
                f'engine {self.engine!r} needs model = "<folder of the converted model>"'
            )
        if not engine_info(self.engine).needs_model and (
            self.model or self.source_token or self.target_token
        ):
            raise ValueError(
                f"engine {self.engine!r} takes no model or tokens (packages are found by pair)"
            )
        return self


class MtSettings(Settings):
    """The ``[tool.workflow.mt]`` table: machine pre-translation and translation memory."""

    packages_dir: ProjectPath | None = None
    pivot: str = DEFAULT_PIVOT
    engines: dict[str, MtEngineSettings] = Field(default_factory=dict)
    beam_size: int = Field(default=4, ge=1, le=16)
    max_batch_tokens: int = Field(default=1024, ge=16)
    max_decoding_length: int = Field(default=256, ge=1, le=4096)
    device: Literal["cpu", "cuda", "auto"] = "cpu"
    compute_type: str = "auto"
    threads: int = Field(default=0, ge=0)
    tm_threshold: float = Field(default=0.75, ge=0.5, le=1.0)

    @field_validator("engines")
    @classmethod
    def _known_engine_languages(
        cls, value: dict[str, MtEngineSettings]
    ) -> dict[str, MtEngineSettings]:
        for lang in value:
            require_known(lang)
        return value


class CheckSettings(Settings):
    """The ``[tool.workflow.check]`` table: per-language data for ``workflow check``.

    ``allowed-words``: words in another script that a language's text may contain (ODA, AI);
    ``length-ratio``: ``[low, high]`` bounds of translation/source length per language,
    recomputed by ``workflow check --calibrate`` (built-in defaults otherwise).
    """

    allowed_words: dict[str, list[str]] = Field(default_factory=dict)
    length_ratio: dict[str, tuple[float, float]] = Field(default_factory=dict)

    @field_validator("allowed_words", "length_ratio")
    @classmethod
    def _known_languages(cls, value: dict[str, object]) -> dict[str, object]:
        for lang in value:
            require_known(lang)
        return value

    @field_validator("length_ratio")
    @classmethod
    def _ordered_bounds(
        cls, value: dict[str, tuple[float, float]]
    ) -> dict[str, tuple[float, float]]:
        for lang, (low, high) in value.items():
            if not 0 < low < high:
                raise ValueError(f"length-ratio for {lang} needs 0 < low < high, got {[low, high]}")
        return value


class ProjectConfig(Settings):
    """The ``[tool.workflow]`` table."""

    project_id: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
    source_language: str = DEFAULT_SOURCE
    languages: tuple[str, ...] = DEFAULT_TARGETS
    sources_dir: ProjectPath = "sources"
    locales_dir: ProjectPath = "locales"
    exports_dir: ProjectPath = "exports"
    review_dir: ProjectPath = "review"
    glossary: ProjectPath = "glossary/terms.yaml"
    segmentation: Literal["sentence", "paragraph"] = "sentence"
    translation_team: str = ""
    bug_reports: str = ""
    mt: MtSettings = Field(default_factory=MtSettings)
    check: CheckSettings = Field(default_factory=CheckSettings)

    @field_validator("source_language")
    @classmethod
    def _known_source(cls, value: str) -> str:
        require_known(value)
        return value

    @field_validator("languages")
    @classmethod
    def _known_targets(cls, value: tuple[str, ...], info: ValidationInfo) -> tuple[str, ...]:
        for lang in value:
            require_known(lang)
        if len(set(value)) != len(value):
            raise ValueError(f"languages lists a language twice: {list(value)}")
        source = info.data.get("source_language")
        if source in value:
            raise ValueError(f"{source!r} is the source language, not a translation target")
        return value

    def path_settings(self) -> dict[str, str]:
        """Every path setting (dotted kebab-case key → value), all relative to the project."""
        paths = {
            "sources-dir": self.sources_dir,
            "locales-dir": self.locales_dir,
            "exports-dir": self.exports_dir,
            "review-dir": self.review_dir,
            "glossary": self.glossary,
        }
        if self.mt.packages_dir:
            paths["mt.packages-dir"] = self.mt.packages_dir
        for lang, engine in self.mt.engines.items():
            if engine.model:
                paths[f"mt.engines.{lang}.model"] = engine.model
        return paths


def load_config(pyproject: Path) -> ProjectConfig:
    """Read and validate ``[tool.workflow]`` from *pyproject*.

    Raises :class:`ConfigError` naming the file, the line of the offending key and the key;
    a path setting that leads out of the project folder (``..``, absolute, or through a
    symlink) is refused too, so no command reads, writes or deletes outside the project.
    """
    try:
        text = read_input_bytes(pyproject, "settings file").decode("utf-8")
        data = tomllib.loads(text)
    except InputError as exc:
        raise ConfigError(exc.message, path=pyproject, hint=exc.hint) from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"not valid TOML: {exc}", path=pyproject, hint="fix the syntax") from exc
    except tomllib.TOMLDecodeError as exc:
        raise _toml_error(exc, pyproject) from exc
    table = data.get("tool", {}).get("workflow")
    if table is None:
        raise ConfigError(
            "no [tool.workflow] table", path=pyproject, hint="add the project settings"
        )
    try:
        config = ProjectConfig.model_validate(table)
    except ValidationError as exc:
        raise _config_error(exc, pyproject, text) from exc
    _require_paths_inside(config, pyproject, text)
    return config


#: Where tomllib says the problem is, at the end of its message.
_TOML_POSITION = re.compile(r" \(at line (?P<line>\d+), column \d+\)$")


def _toml_error(exc: tomllib.TOMLDecodeError, pyproject: Path) -> ConfigError:
    """``pyproject.toml:3: not valid TOML: cannot overwrite a value`` (a key given twice,
    a table declared twice, a syntax error), with the line tomllib names."""
    message = str(exc)
    position = _TOML_POSITION.search(message)
    line = int(position["line"]) if position else None
    reason = message[: position.start()] if position else message
    hint = "remove one of them" if "twice" in reason or "overwrite" in reason else "fix the syntax"
    return ConfigError(f"not valid TOML: {reason}", path=pyproject, line=line, hint=hint)


def _require_paths_inside(config: ProjectConfig, pyproject: Path, text: str) -> None:
    root = pyproject.parent
    for key, value in config.path_settings().items():
        if outside_project(root / value, root):
            raise ConfigError(
                f"{key!r} = {value!r} leads outside the project folder (through a symlink)",
                path=pyproject,
                line=_line_of_key(text, key),
                hint="keep project files inside the project; replace the symlink by a folder",
            )


def _config_error(exc: ValidationError, pyproject: Path, text: str) -> ConfigError:
    first = exc.errors()[0]
    key = ".".join(str(part) for part in first["loc"] if isinstance(part, str))
    if first["type"] == "extra_forbidden":
        message = f"unknown key {key!r} in [tool.workflow]"
        hint = "remove it or fix its spelling"
    else:
        reason = str(first["msg"]).removeprefix("Value error, ")
        message = f"invalid value for {key!r} in [tool.workflow]: {reason}"
        hint = "see README.md, section Settings"
    return ConfigError(message, path=pyproject, line=_line_of_key(text, key), hint=hint)


def _line_of_key(text: str, dotted_key: str) -> int | None:
    """Best-effort line number of the last component of *dotted_key* in TOML *text*."""
    name = dotted_key.rsplit(".", 1)[-1]
    if not name:
        return None
    pattern = re.compile(rf"(?:^|[{{,])\s*{re.escape(name)}\s*=")  # also in inline tables
    in_section = False
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip().startswith("["):
            in_section = line.strip().startswith("[tool.workflow")
        elif in_section and pattern.search(line):
            return number
    return None
