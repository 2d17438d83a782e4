"""Mutation testing on demand (not in CI): mutmut 3, one module at a time, score per module.

    .venv/bin/pip install mutmut==3.8.1     # once; a developer tool, not a dependency
    .venv/bin/python benchmarks/mutation.py                 # every module in [tool.mutmut-modules]
    .venv/bin/python benchmarks/mutation.py fsio similarity # some of them
    .venv/bin/python benchmarks/mutation.py --list          # the modules and their tests
    .venv/bin/python benchmarks/mutation.py merge --diffs --keep /tmp/mutants  # survivors' diffs

Each module is mutated in a scratch copy of the repository (the working tree is never
touched) with only the test files that exercise it, listed per module in pyproject.toml under
``[tool.mutmut-modules]``; mutmut's own settings are in ``[tool.mutmut]``.  A module may
name ``functions``: mutant-name patterns (``workflow.glossary.xǁGlossaryǁ*``) that restrict
it to a group of functions of its source files (and so leave out functions that run only at
import time, whose results exist before mutmut switches a mutant on, so no test can see a
mutant).  Hypothesis tests run with the ``mutation`` profile (fewer examples).  A mutant
mutmut finds no test for (its code runs only in child processes, which mutmut does not
record) is run against the module's whole test list.
Survivors are printed with ``mutmut show``-style names; triage them into
tests/mutation-survivors.md.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from fnmatch import fnmatch
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: mutmut's states that count as killed.
KILLED = {"killed", "timeout", "segfault", "caught by type check"}
#: The exit code of a forkserver worker whose pytest call raised (mutmut 3.8 files it under
#: "timeout"): pytest refused the test selection, so no test ran; counted as not killed.
RUN_ERROR = 255
COPIED = (
    "workflow",
    "tests",
    "benchmarks",
    "sources",
    "locales",
    "glossary",
    "pyproject.toml",
    "README.md",
)


def modules() -> dict[str, dict[str, list[str]]]:
    """``name → {"source": [...], "tests": [...], "functions": [...]}`` (``functions``
    optional) from pyproject's ``[tool.mutmut-modules]``."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return config["tool"]["mutmut-modules"]


def scratch_copy(base: Path, sources: list[str], tests: list[str]) -> Path:
    """A copy of the repository whose ``[tool.mutmut]`` mutates *sources* with *tests*."""
    work = base / "repo"
    work.mkdir()
    for name in COPIED:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, work / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif (ROOT / name).exists():
            shutil.copy(ROOT / name, work / name)
    pyproject = (work / "pyproject.toml").read_text(encoding="utf-8")
    pyproject = pyproject.replace(
        "[tool.mutmut]\n",
        "[tool.mutmut]\n"
        f"only_mutate = {json.dumps(sources)}\n"
        f"pytest_add_cli_args_test_selection = {json.dumps(tests)}\n",
        1,
    )
    # mutmut calls pytest again in the process that collected the tests; pytest then no
    # longer finds a test whose explicit parameter id it had escaped (Cyrillic, Japanese),
    # unless ids are left unescaped.
    pyproject = pyproject.replace(
        "[tool.pytest.ini_options]\n",
        "[tool.pytest.ini_options]\n"
        "disable_test_id_escaping_and_forfeit_all_rights_to_community_support = true\n",
        1,
    )
    (work / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    return work


def run_module(
    name: str,
    sources: list[str],
    tests: list[str],
    functions: list[str],
    max_children: int,
    diffs: bool,
    keep: Path | None = None,
) -> dict:
    """Mutate one module (only the mutants matching *functions*, if given); return its
    counts and surviving mutants (with their diffs if *diffs*); copy the mutated scratch
    repository to *keep*/*name* if given (for ``mutmut show`` or ``mutmut browse`` there)."""
    with tempfile.TemporaryDirectory(prefix=f"mutation-{name}-") as base:
        work = scratch_copy(Path(base), sources, tests)
        mutmut = Path(sys.executable).with_name("mutmut")
        env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "HYPOTHESIS_PROFILE": "mutation"}
        started = time.monotonic()
        run = subprocess.run(
            [str(mutmut), "run", "--max-children", str(max_children), *functions],
            cwd=work,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        seconds = time.monotonic() - started
        if "failed to collect stats" in run.stdout or "failed to collect stats" in run.stderr:
            sys.exit(
                f"{name}: the tests fail without any mutant, so nothing was measured; "
                f"run them: .venv/bin/pytest {' '.join(tests)}"
            )
        results = subprocess.run(
            [str(mutmut), "results", "--all", "true"],
            cwd=work,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        errors = mutants_with_exit_code(work, RUN_ERROR)
        states = {}
        for line in results.splitlines():
            mutant, _, state = line.strip().partition(": ")
            if state and (not functions or any(fnmatch(mutant, f) for f in functions)):
                states[mutant] = "error: pytest did not run" if mutant in errors else state
        untested = [mutant for mutant, state in states.items() if state == "no tests"]
        states |= run_untested(work, env, tests, untested)
        alive = [mutant for mutant, state in states.items() if state not in KILLED]
        shown = survivor_diffs(work, env, alive) if diffs else {}
        survivors = {f"{m} ({states[m]})": shown.get(m, "") for m in alive}
        if keep:
            shutil.rmtree(keep / name, ignore_errors=True)
            shutil.copytree(work, keep / name, symlinks=True)
        return {"name": name, "seconds": seconds, "states": states, "survivors": survivors}


def run_untested(
    work: Path, env: dict[str, str], tests: list[str], mutants: list[str]
) -> dict[str, str]:
    """Run each of *mutants* that mutmut found no test for against the module's whole test
    list: mutmut sees only the calls made in its own process, not those of a child process
    (``workflow`` started by a crash or lock test, a forked check worker), which do run the
    mutant, as the variable naming it is inherited.  A state per mutant: "killed",
    "survived (no test recorded; the whole list passes)", "timeout" or an error."""
    if not mutants:
        return {}
    command = [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", *tests]
    started = time.monotonic()
    clean = subprocess.run(
        command, cwd=work / "mutants", env={**env, "MUTANT_UNDER_TEST": ""}, capture_output=True
    )
    if clean.returncode != 0:
        return {mutant: "error: the whole test list fails without a mutant" for mutant in mutants}
    limit = 3 * (time.monotonic() - started) + 30
    states = {}
    for mutant in mutants:
        try:
            code = subprocess.run(
                command,
                cwd=work / "mutants",
                env={**env, "MUTANT_UNDER_TEST": mutant},
                capture_output=True,
                timeout=limit,
            ).returncode
        except subprocess.TimeoutExpired:
            states[mutant] = "timeout"
            continue
        outcome = {0: "survived (no test recorded; the whole list passes)", 1: "killed"}
        states[mutant] = outcome.get(code, f"error: pytest exit {code}")
    return states


def mutants_with_exit_code(work: Path, code: int) -> set[str]:
    """The mutants whose test run ended with *code* (from mutmut's ``.meta`` files)."""
    found = set()
    for meta in (work / "mutants").rglob("*.meta"):
        exits = json.loads(meta.read_text(encoding="utf-8")).get("exit_code_by_key", {})
        found |= {mutant for mutant, exit_code in exits.items() if exit_code == code}
    return found


#: Prints ``{mutant: diff}`` as JSON for the mutant names on stdin, in one process (one
#: ``mutmut show`` per survivor takes a second each).
_DIFFS = """
import json, sys
from mutmut.mutation.diff_apply import find_mutant, get_diff_for_mutant
names = sys.stdin.read().split()
print(json.dumps({n: get_diff_for_mutant(n, path=find_mutant(n).path) for n in names}))
"""


def survivor_diffs(work: Path, env: dict[str, str], mutants: list[str]) -> dict[str, str]:
    """The diff of each of *mutants* in the mutated copy *work*."""
    if not mutants:
        return {}
    shown = subprocess.run(
        [sys.executable, "-c", _DIFFS],
        cwd=work,
        env=env,
        input="\n".join(mutants),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(shown.stdout)


def score(states: dict[str, str]) -> tuple[int, int]:
    """(killed, total): timeouts and segfaults count as killed, as mutmut counts them; mutants
    left unchecked (a run that failed before testing them) or with no test count as
    survivors; skipped ones are left out."""
    counted = [state for state in states.values() if state != "skipped"]
    return sum(state in KILLED for state in counted), len(counted)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("modules", nargs="*", help="module names (default: all)")
    parser.add_argument("--list", action="store_true", help="list the modules and their tests")
    parser.add_argument("--diffs", action="store_true", help="print each survivor's diff")
    parser.add_argument(
        "--mutants",
        nargs="+",
        default=[],
        metavar="PATTERN",
        help="only these mutants (names or patterns, e.g. to recheck survivors)",
    )
    parser.add_argument("--max-children", type=int, default=os.cpu_count() or 1)
    parser.add_argument(
        "--keep",
        type=Path,
        metavar="DIR",
        help="keep each module's mutated copy in DIR/MODULE (replaced if it exists)",
    )
    args = parser.parse_args()
    table = modules()
    if args.list:
        for name, entry in table.items():
            group = f" [{' '.join(entry['functions'])}]" if "functions" in entry else ""
            print(f"{name:18} {' '.join(entry['source'])}{group}  ←  {' '.join(entry['tests'])}")
        return 0
    unknown = [name for name in args.modules if name not in table]
    if unknown:
        parser.error(f"unknown module {unknown[0]!r}; see --list")
    rows = []
    for name in args.modules or list(table):
        entry = table[name]
        functions = args.mutants or entry.get("functions", [])
        row = run_module(
            name,
            entry["source"],
            entry["tests"],
            functions,
            args.max_children,
            args.diffs,
            args.keep,
        )
        killed, total = score(row["states"])
        share = killed / total if total else 1.0
        print(f"{name:18} {killed:4}/{total:<4} killed  {share:6.1%}  ({row['seconds']:.0f} s)")
        for survivor, diff in row["survivors"].items():
            print(f"    {survivor}")
            if args.diffs:
                print("        " + diff.strip().replace("\n", "\n        "))
        sys.stdout.flush()
        rows.append(share)
    return 0 if all(share >= 0.85 for share in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
