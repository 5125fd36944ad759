"""Test-suite set-up shared by every test module.

* The suite never depends on the user's home: HOME, IPython, matplotlib and Keras caches
  point into a temporary folder, set before any kernel starts (kernels inherit them).
* Notebooks run in fast mode (``COURSE_FAST=1``): training is shortened, never skipped.
* Notebook runtimes measured by the tests are collected and printed as a table at the end.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TIMINGS_ENV = "COURSE_TEST_TIMINGS_DIR"


def pytest_configure(config):
    if TIMINGS_ENV not in os.environ:  # the controller (xdist workers inherit its environment)
        home = Path(tempfile.mkdtemp(prefix="course-tests-home-"))
        os.environ[TIMINGS_ENV] = str(home / "timings")
        Path(os.environ[TIMINGS_ENV]).mkdir()
        os.environ["HOME"] = str(home)
        os.environ["IPYTHONDIR"] = str(home / ".ipython")
        os.environ["MPLCONFIGDIR"] = str(home / ".matplotlib")
        os.environ["KERAS_HOME"] = str(home / ".keras")
        os.environ["MPLBACKEND"] = "Agg"
        os.environ["COURSE_FAST"] = "1"
        os.environ["COURSE_ROOT"] = str(ROOT)
        os.environ.pop("NBGRADER_EXECUTION", None)
        bin_dir = str(Path(sys.executable).parent)
        os.environ["PATH"] = os.pathsep.join([bin_dir, os.environ.get("PATH", "")])


def record_timing(kind: str, notebook: str, seconds: float) -> None:
    """Remember how long ``notebook`` took for ``kind`` (printed at the end of the run)."""
    folder = Path(os.environ[TIMINGS_ENV])
    (folder / f"{kind}--{notebook}.json").write_text(json.dumps({"kind": kind, "notebook": notebook, "seconds": seconds}))


def pytest_terminal_summary(terminalreporter):
    folder = os.environ.get(TIMINGS_ENV)
    if not folder or not Path(folder).is_dir():
        return
    notes = [p.read_text().strip() for p in sorted(Path(folder).glob("*.note"))]
    if notes:
        terminalreporter.section("test artefacts")
        for note in notes:
            terminalreporter.write_line(note)
    rows = [json.loads(p.read_text()) for p in sorted(Path(folder).glob("*.json"))]
    if not rows:
        return
    kinds = sorted({r["kind"] for r in rows})
    notebooks = sorted({r["notebook"] for r in rows})
    table = {(r["kind"], r["notebook"]): r["seconds"] for r in rows}
    tr = terminalreporter
    tr.section("notebook runtimes under nbgrader (fast mode, seconds, 2 tests sharing 2 cores)")
    width = max(len(n) for n in notebooks)
    tr.write_line(f"{'notebook':<{width}}  " + "  ".join(f"{k:>16}" for k in kinds))
    for nb in notebooks:
        cells = [f"{table[(k, nb)]:16.1f}" if (k, nb) in table else f"{'-':>16}" for k in kinds]
        tr.write_line(f"{nb:<{width}}  " + "  ".join(cells))


def first_notebook_course(root: Path) -> Path:
    """Make ``root`` a scratch course holding only the first notebook (solution and release)."""
    import shutil

    first = sorted((ROOT / "solutions").glob("00_*.ipynb"))[0].name
    for name in ("solutions", "notebooks"):
        (root / name).mkdir(parents=True)
        shutil.copyfile(ROOT / name / first, root / name / first)
    return root


@pytest.fixture
def course_copy(tmp_path, monkeypatch):
    """:func:`first_notebook_course` in a temporary folder, used as COURSE_ROOT."""
    root = first_notebook_course(tmp_path / "course")
    monkeypatch.setenv("COURSE_ROOT", str(root))
    return root
