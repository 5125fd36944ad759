"""nbgrader course folders built from ``solutions/``.

One place defines how the course configures nbgrader (timeouts, exchange folder, restoring
deleted test cells), used by ``course release``, ``course check`` and instructors' folders.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import sys
from pathlib import Path

from traitlets.config import Config

from . import paths, stubs

#: nbgrader's course id: the exchange's folder for the course, and the students' nbgrader configuration.
COURSE_ID = "dl-medical-imaging"

#: Seconds one cell may run while grading before it is interrupted (a loop that never ends).
DEFAULT_CELL_TIMEOUT = 120

#: Lines of output kept per cell in graded notebooks and feedback (the rest is cut with a note).
MAX_OUTPUT_LINES = 200

#: Characters of printed text, and of outputs of every kind (images, HTML), kept per cell while
#: grading; the rest is dropped as it arrives, with a note (see ``grading.CourseExecute``).
MAX_TEXT_CHARS = 100_000
MAX_OUTPUT_CHARS = 5_000_000

#: nbgrader's autograding steps, with its ``Execute`` replaced by the course's hardened one, and
#: tracebacks that would quote hidden tests shortened (feedback is made from the autograded notebook).
AUTOGRADE_PREPROCESSORS = [
    "course_utils.cli.grading.CourseExecute",
    "course_utils.cli.grading.HideHiddenTracebacks",
    "nbgrader.preprocessors.IgnorePattern",
    "nbconvert.preprocessors.ClearMetadataPreprocessor",
    "nbgrader.preprocessors.LimitOutput",
    "nbgrader.preprocessors.SaveAutoGrades",
    "nbgrader.preprocessors.AssignLatePenalties",
    "nbgrader.preprocessors.CheckCellMetadata",
]

#: nbgrader's feedback steps, plus hiding the hidden tests, and the tracebacks that would quote them
#: (feedback shows scores, outputs, visible tests and the checks' messages).
FEEDBACK_PREPROCESSORS = [
    "nbgrader.preprocessors.GetGrades",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
    "course_utils.cli.grading.HideHiddenTracebacks",
    "nbgrader.preprocessors.ClearHiddenTests",
]


def nbgrader_config(root: Path, timeout: int = DEFAULT_CELL_TIMEOUT, exchange: Path | None = None) -> Config:
    """The course's nbgrader configuration for the course folder ``root``.

    The exchange folder (release, submit, feedback) is ``root/exchange`` unless ``exchange`` is given.
    """
    root = Path(root)
    c = Config()
    c.CourseDirectory.root = str(root)
    c.CourseDirectory.course_id = COURSE_ID
    c.Exchange.root = str(exchange or root / "exchange")
    c.Execute.timeout = int(timeout)
    c.Execute.interrupt_on_timeout = True
    c.Execute.extra_arguments = ["--HistoryManager.hist_file=:memory:"]
    c.OverwriteCells.add_missing_cells = True
    c.Autograde.autograde_preprocessors = list(AUTOGRADE_PREPROCESSORS)
    c.LimitOutput.max_lines = MAX_OUTPUT_LINES
    c.LimitOutput.max_traceback = 40
    c.GenerateFeedback.preprocessors = list(FEEDBACK_PREPROCESSORS)
    c.ClearSolutions.code_stub = {"python": stubs.stub_for(None)}
    c.GenerateAssignment.preprocessors = generate_preprocessors()
    return c


def generate_preprocessors() -> list:
    """nbgrader's release steps with ``ClearSolutions`` replaced by the course's :class:`~.stubs.ExerciseStubs`."""
    from nbgrader.converters import GenerateAssignment
    from nbgrader.preprocessors import ClearSolutions

    return [stubs.ExerciseStubs if p is ClearSolutions else p
            for p in GenerateAssignment.class_traits()["preprocessors"].default()]


CONFIG_FILE_TEMPLATE = '''\
# nbgrader configuration for the Deep Learning for Medical Imaging course.
# Written by the course's tools (`course init-instructor`, `course grade`); see docs/instructors.md.
c = get_config()  # noqa: F821
c.CourseDirectory.course_id = "dl-medical-imaging"
c.Exchange.root = {exchange!r}
# A cell that runs longer than this (seconds) is interrupted and its exercise scores 0.
c.Execute.timeout = {timeout}
c.Execute.interrupt_on_timeout = True
c.Execute.extra_arguments = ["--HistoryManager.hist_file=:memory:"]
# Test cells a student deleted are put back before grading instead of silently scoring 0.
c.OverwriteCells.add_missing_cells = True
c.LimitOutput.max_lines = {max_lines}
c.LimitOutput.max_traceback = 40
# Feedback shows scores, outputs and the visible tests, not the hidden tests.
c.GenerateFeedback.preprocessors = {feedback_plain!r}
# A released answer cell says what to do: "Exercise 4.1 (to_hounsfield) is not done yet: ...".
c.ClearSolutions.code_stub = {{"python": {stub!r}}}
# The course's executor: a kernel that dies or a cell that ignores the timeout no longer stops
# the grading of the whole notebook, and huge outputs are cut. It needs the course's Python
# package (installed by `make`); without it nbgrader's own executor is used.
try:
    import course_utils.cli.grading  # noqa: F401
except ImportError:
    pass
else:
    c.Autograde.autograde_preprocessors = {autograde!r}
    c.GenerateFeedback.preprocessors = {feedback!r}
    from course_utils.cli.nbgrader_course import generate_preprocessors
    c.GenerateAssignment.preprocessors = generate_preprocessors()
'''


def write_config_file(root: Path, timeout: int = DEFAULT_CELL_TIMEOUT, exchange: Path | None = None) -> Path:
    """Write ``root/nbgrader_config.py`` matching :func:`nbgrader_config`; return its path."""
    path = Path(root) / "nbgrader_config.py"
    path.write_text(
        CONFIG_FILE_TEMPLATE.format(exchange=str(Path(exchange or Path(root) / "exchange").resolve()),
                                    timeout=int(timeout),
                                    max_lines=MAX_OUTPUT_LINES, feedback=FEEDBACK_PREPROCESSORS,
                                    feedback_plain=[p for p in FEEDBACK_PREPROCESSORS if not p.startswith("course_utils")],
                                    autograde=AUTOGRADE_PREPROCESSORS, stub=stubs.stub_for(None)),
        encoding="utf-8",
    )
    return path


def add_source(root: Path, assignment: str) -> Path:
    """Copy ``solutions/<assignment>.ipynb`` to ``root/source/<assignment>/``; return the copy."""
    dest = Path(root) / "source" / assignment / f"{assignment}.ipynb"
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(paths.source_notebook(assignment), dest)
    return dest


def make_api(root: Path, timeout: int = DEFAULT_CELL_TIMEOUT, quiet: bool = True, exchange: Path | None = None):
    """An ``NbGraderAPI`` for the course folder ``root`` (created if needed)."""
    from nbgrader.apps import NbGraderAPI

    _put_environment_on_path()
    root = Path(root)
    Path(exchange or root / "exchange").mkdir(parents=True, exist_ok=True)
    api = NbGraderAPI(config=nbgrader_config(root, timeout, exchange))
    if quiet:
        api.log.setLevel(logging.ERROR)
    return api


def _put_environment_on_path() -> None:
    """nbgrader runs helper programs (``alembic``) by name: find them in this environment."""
    bin_dir = str(Path(sys.executable).parent)
    parts = os.environ.get("PATH", "").split(os.pathsep)
    if bin_dir not in parts:
        os.environ["PATH"] = os.pathsep.join([bin_dir, *parts])


class NbgraderFailed(RuntimeError):
    """nbgrader reported a failure; the message carries its log's last lines."""


def failure_cause(result: dict) -> str:
    """The most specific error line in the log of a failed ``NbGraderAPI`` call."""
    log = "\n".join(filter(None, [result.get("log"), result.get("error")]))
    causes = [ln.strip() for ln in log.splitlines()
              if re.match(r"\s*[\w.]+(Error|Exception|Died)\b:?", ln) and "see the the above traceback" not in ln]
    return causes[-1] if causes else (log.strip().splitlines() or ["no log"])[-1].strip()


def run_checked(result: dict, what: str) -> None:
    """Raise ``NbgraderFailed`` when an ``NbGraderAPI`` call result says it failed."""
    if not result.get("success"):
        raise NbgraderFailed(f"nbgrader could not {what}: {failure_cause(result)}")
