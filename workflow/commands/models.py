"""``workflow models``: list installed translation models, install Argos packages."""

from __future__ import annotations

import argparse
from pathlib import Path

from workflow.errors import ModelError
from workflow.mt.argos import ArgosPackage, package_dirs, scan_packages
from workflow.mt.engines import model_state, open_engine
from workflow.mt.registry import engine_info
from workflow.project import Project


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "models",
        help="list installed machine-translation models; install Argos packages",
        description="Argos packages live in argostranslate's package folder (ARGOS_PACKAGES_DIR) "
        "or in packages-dir of [tool.workflow.mt]; NLLB models are configured per language in "
        "[tool.workflow.mt.engines].",
    )
    actions = parser.add_subparsers(dest="models_command", metavar="ACTION", required=True)
    actions.add_parser(
        "list",
        help="installed packages, the pairs and pivots they give, "
        "and the engine of each project language",
        description="List the Argos package folders and the packages in them, the language "
        "pairs they give (direct and through the pivot), configured NLLB models, and one line "
        "per project language: its engine and model, or why there is none and the command "
        "that fixes it. Takes no arguments.",
    ).set_defaults(handler=run_list)
    install = actions.add_parser(
        "install",
        help="install a .argosmodel file (validated) or a pair from Argos' index",
        description="Install an Argos package into the first package folder. The archive is "
        "checked whole before anything is written; the folder is unchanged on any error.",
    )
    install.add_argument(
        "archive",
        nargs="?",
        type=Path,
        metavar="PATH.argosmodel",
        help="a downloaded Argos package, e.g. translate-ja_en-1_9.argosmodel",
    )
    install.add_argument(
        "--from-index",
        nargs=2,
        metavar=("FROM", "TO"),
        help="download the FROM→TO package (language codes, e.g. ja en) from Argos' package "
        "index instead; needs argostranslate (installed with --no-deps) and a network",
    )
    install.set_defaults(handler=run_install)


def run_list(args: argparse.Namespace, project: Project) -> int:
    dirs = package_dirs(project)
    packages, problems = scan_packages(dirs)
    for folder in dirs:
        print(f"Argos packages in {folder}{_folder_state(folder, problems)}")
    for package in packages:
        print(f"  {package.name:32} {package.from_code}→{package.to_code}  {package.version}")
    for problem in problems:
        if problem.path not in dirs:
            print(f"  unusable: {problem}")
    print("Pairs: " + (", ".join(language_pairs(packages, project.config.mt.pivot)) or "none"))
    source = project.config.source_language
    for lang, settings in project.config.mt.engines.items():
        info = engine_info(settings.engine)
        if info.needs_model:
            state = model_state(project, lang, settings)
            print(f"{info.label} model for {lang}: {settings.model} ({state})")
    print(f"Engines ({source} → each project language):")
    for lang in project.languages:
        print(f"  {lang}: {engine_line(project, lang)}")
    return 0


def _folder_state(folder: Path, problems: list[ModelError]) -> str:
    problem = next((p for p in problems if p.path == folder), None)
    if problem is not None:
        return f" (unusable: {problem.message})"
    return "" if folder.is_dir() else " (does not exist yet; `models install` creates it)"


def engine_line(project: Project, lang: str) -> str:
    """``argos ja→en translate-ja_en-1_9 1.9``, or ``none: why; fix: command``."""
    try:
        return open_engine(project, lang).provenance()
    except ModelError as exc:
        fix = f"; fix: {exc.hint}" if exc.hint else ""
        return f"none: {exc.message}{fix}"


def language_pairs(packages: list[ArgosPackage], pivot: str) -> list[str]:
    """``ja→en``, … for direct packages, then ``ja→ru (via en)`` for pivot routes."""
    direct = sorted({(p.from_code, p.to_code) for p in packages})
    pairs = [f"{a}→{b}" for a, b in direct]
    for a, p in direct:
        for q, b in direct:
            if p == q == pivot and a != b and (a, b) not in direct:
                pairs.append(f"{a}→{b} (via {pivot})")
    return pairs


def run_install(args: argparse.Namespace, project: Project) -> int:
    from workflow.mt.install import install_from_index, install_package

    if (args.archive is None) == (args.from_index is None):
        raise ModelError("give either PATH.argosmodel or --from-index FROM TO")
    target = package_dirs(project)[0]
    with project.lock("models install"):
        if args.from_index:
            from_code, to_code = args.from_index
            package = install_from_index(from_code, to_code, target)
        else:
            package = install_package(args.archive.resolve(), target)
    print(
        f"installed {package.name} ({package.from_code}→{package.to_code} "
        f"{package.version}) in {target}"
    )
    return 0
