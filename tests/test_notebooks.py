"""Every course notebook, end to end through nbgrader.

* The solution notebook executes top to bottom without an error (fast mode: training is
  shortened, not skipped) and earns every point.
* The learner release (``notebooks/``) earns nothing on every graded cell.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import pytest

from conftest import record_timing
from course_utils.cli import nbgrader_course, paths
from course_utils.cli.grading import grade_in_course
from course_utils.cli.notebook_io import read_notebook

ASSIGNMENTS = paths.assignments()
TIMEOUT = 300


def _grade(assignment: str, submission_path: Path):
    with tempfile.TemporaryDirectory(prefix="course-roundtrip-") as tmp:
        root = Path(tmp)
        nbgrader_course.add_source(root, assignment)
        api = nbgrader_course.make_api(root, timeout=TIMEOUT)
        nbgrader_course.run_checked(api.generate_assignment(assignment, force=True), f"generate {assignment}")
        start = time.perf_counter()
        results = grade_in_course(root, api, assignment, "roundtrip", read_notebook(submission_path), TIMEOUT)
        seconds = time.perf_counter() - start
        autograded = root / "autograded" / "roundtrip" / assignment / f"{assignment}.ipynb"
        graded_nb = read_notebook(autograded) if autograded.exists() else None
    return results, graded_nb, seconds


def test_course_has_notebooks():
    assert ASSIGNMENTS, "solutions/ holds no course notebook"


@pytest.mark.notebook
@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_solution_runs_without_error_and_earns_full_marks(assignment):
    results, graded_nb, seconds = _grade(assignment, paths.source_notebook(assignment))
    record_timing("solution", assignment, seconds)
    assert graded_nb is not None, f"{assignment}: nbgrader produced no graded notebook: {results}"
    errors = []
    for index, cell in enumerate(graded_nb.cells):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                errors.append(f"cell {index}: {out.get('ename')}: {out.get('evalue', '')[:200]}")
    assert not errors, f"{assignment}: the solution notebook raised errors:\n" + "\n".join(errors)
    assert results, f"{assignment}: no graded test cells"
    not_full = [f"{r.grade_id}: {r.score}/{r.max_score} {r.status} {r.message}" for r in results if r.score < r.max_score]
    assert not not_full, f"{assignment}: the solution lost points:\n" + "\n".join(not_full)
    assert all(r.status == "passed" for r in results)


@pytest.mark.notebook
@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_unanswered_release_earns_nothing(assignment):
    release = paths.notebooks_dir() / f"{assignment}.ipynb"
    assert release.exists(), f"notebooks/{assignment}.ipynb is missing: run `course release`"
    results, _, seconds = _grade(assignment, release)
    record_timing("release", assignment, seconds)
    assert results
    earned = [f"{r.grade_id}: {r.score}/{r.max_score} ({r.status})" for r in results if r.score > 0 or r.status == "passed"]
    assert not earned, f"{assignment}: the unanswered release earns points, so these tests test nothing:\n" + "\n".join(earned)
