"""`course check`: a learner's self-check with the full tests, never touching their file."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys

import nbformat
import pytest

from course_utils.cli import paths

COURSE = [sys.executable, "-m", "course_utils.cli"]
FIRST = paths.assignments()[0]


def run(*args, **kwargs):
    return subprocess.run([*COURSE, *args], capture_output=True, text=True, **kwargs)


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("make_input, expected", [
    (lambda d: d / "nope.ipynb", "no such file"),
    (lambda d: d, "is a folder"),
    (lambda d: (d / "broken.ipynb").write_text('{"cells": [') and d / "broken.ipynb", "broken notebook JSON"),
    (lambda d: (d / "list.ipynb").write_text("[1, 2]") and d / "list.ipynb", "not a Jupyter notebook"),
    (lambda d: (d / "bin.ipynb").write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe") and d / "bin.ipynb", "not a notebook"),
])
def test_bad_input_gets_one_line_and_exit_2(tmp_path, make_input, expected):
    target = make_input(tmp_path)
    before = sorted(p.name for p in tmp_path.iterdir())
    proc = run("check", str(target))
    assert proc.returncode == 2, proc.stderr
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and expected in lines[0], proc.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == before, "bad input must not create files"


def test_unknown_notebook_is_named_not_guessed(tmp_path):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1")])
    target = tmp_path / "homework.ipynb"
    nbformat.write(nb, target)
    proc = run("check", str(target))
    assert proc.returncode == 2
    assert "cannot tell which course notebook" in proc.stderr and "--assignment" in proc.stderr
    proc = run("check", str(target), "--assignment", "99_nothing")
    assert proc.returncode == 2 and "unknown assignment '99_nothing'" in proc.stderr


def test_solutions_kept_from_learners_get_one_line_naming_validate(tmp_path, monkeypatch, capsys):
    """On a class server (docs/jupyterhub.md) solutions/ is the instructor's: no traceback for a student."""
    import os

    from course_utils import cli
    from course_utils.cli import grading

    target = tmp_path / f"{FIRST}.ipynb"
    shutil.copyfile(paths.notebooks_dir() / f"{FIRST}.ipynb", target)
    solutions = str(paths.solutions_dir())
    real_access = os.access
    monkeypatch.setattr(grading.os, "access", lambda p, mode: False if str(p) == solutions else real_access(p, mode))
    assert cli.main(["check", str(target)]) == 2
    lines = [ln for ln in capsys.readouterr().err.splitlines() if ln.strip()]
    assert lines[-1].startswith("course check: ") and "kept for the instructor" in lines[-1], lines
    assert "Validate" in lines[-1] and not any("Traceback" in ln for ln in lines), lines


def test_timeout_option_is_validated():
    proc = run("check", "x.ipynb", "--timeout", "0")
    assert proc.returncode == 2 and "must be positive" in proc.stderr


@pytest.mark.notebook
def test_check_reports_each_exercise_and_leaves_the_file_alone(tmp_path):
    """A learner answered the first exercise right and the second one wrong, in a renamed copy."""
    source = nbformat.read(paths.source_notebook(FIRST), as_version=4)
    learner = nbformat.read(paths.notebooks_dir() / f"{FIRST}.ipynb", as_version=4)
    answers = [c for c in learner.cells if c.get("metadata", {}).get("nbgrader", {}).get("solution")]
    solved = {c.metadata.nbgrader.grade_id: c for c in source.cells if c.get("metadata", {}).get("nbgrader", {}).get("solution")}
    right, wrong = answers[0], answers[1]
    right.source = solved[right.metadata.nbgrader.grade_id].source
    func = wrong.source.split("def ", 1)[1].split("(", 1)[0]
    wrong.source = wrong.source.split("def ", 1)[0] + f"def {func}(*args, **kwargs):\n    return 42\n"
    folder = tmp_path / "my work"
    folder.mkdir()
    target = folder / f"{FIRST}-Copy1.ipynb"
    nbformat.write(learner, target)
    before, listing = digest(target), sorted(p.name for p in folder.iterdir())

    proc = run("check", str(target), cwd=folder)

    assert digest(target) == before, "course check modified the learner's notebook"
    assert sorted(p.name for p in folder.iterdir()) == listing, "course check created files next to the notebook"
    out = proc.stdout
    assert proc.returncode == 1, out + proc.stderr
    rows = {line.split()[0]: line for line in out.splitlines() if line.startswith("test_")}
    exercise_of, answer = {}, None  # each test cell's answer cell (an exercise may have several test cells)
    for c in source.cells:
        meta = c.get("metadata", {}).get("nbgrader", {})
        if meta.get("solution"):
            answer = meta["grade_id"]
        if meta.get("grade"):
            exercise_of[meta["grade_id"]] = answer
    tests = list(exercise_of)
    assert set(rows) == set(tests), out
    first_tests = [t for t in tests if exercise_of[t] == right.metadata.nbgrader.grade_id]
    second_tests = [t for t in tests if exercise_of[t] == wrong.metadata.nbgrader.grade_id]
    for t in first_tests:
        assert " passed" in rows[t], out
    assert " failed" in rows[second_tests[0]] and f"{func}(" in rows[second_tests[0]], out
    assert all(" failed" in rows[t] for t in second_tests), out
    for other in tests:
        if other not in first_tests + second_tests:
            assert "NotImplementedError" in rows[other] or "not done yet" in rows[other], out
    total_points = sum(float(c.metadata.nbgrader.points) for c in source.cells
                       if c.get("metadata", {}).get("nbgrader", {}).get("grade"))
    first_points = sum(float(c.metadata.nbgrader.points) for c in source.cells
                       if c.get("metadata", {}).get("nbgrader", {}).get("grade_id") in first_tests)
    assert f"Total: {first_points:g} / {total_points:g}" in out, out


@pytest.mark.notebook
def test_check_flags_a_deleted_test_cell_and_grades_the_restored_tests(tmp_path):
    learner = nbformat.read(paths.source_notebook(FIRST), as_version=4)  # fully answered
    tests = [i for i, c in enumerate(learner.cells) if c.get("metadata", {}).get("nbgrader", {}).get("grade")]
    removed = learner.cells[tests[0]].metadata.nbgrader.grade_id
    del learner.cells[tests[0]]
    target = tmp_path / f"{FIRST}.ipynb"
    nbformat.write(learner, target)
    proc = run("check", str(target))
    row = next(line for line in proc.stdout.splitlines() if line.startswith(removed))
    assert "missing" in row and "restored" in row, proc.stdout
    assert row.split()[1] == row.split()[3], f"restored tests should pass on a correct answer: {row}"
