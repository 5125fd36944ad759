"""Unit tests of the helper package."""

from __future__ import annotations

import copy
import json

import numpy as np
import pydicom
import pytest

from course_utils import checks, runtime
from course_utils.cli.grading import ExerciseResult, explain, format_table, restored_cells
from course_utils.cli.notebook_io import NotebookError, read_notebook


# ---- checks: every helper fails on a wrong value with a message naming the call --------------

def test_check_close_passes_and_fails_with_an_actionable_message():
    checks.check_close(np.array([1.0, 2.0]), [1.0, 2.0 + 1e-9], call="f(x)")
    with pytest.raises(AssertionError) as err:
        checks.check_close(np.array([1.0, 2.5]), [1.0, 2.0], call="f(x)")
    first, *rest = str(err.value).splitlines()
    assert first.startswith("f(x): 1 of 2 value(s) differ at index (1,)")
    assert any("tolerance" in line for line in rest) and any("expected" in line for line in rest)


def test_check_close_names_shape_and_none_problems():
    with pytest.raises(AssertionError, match=r"returned shape \(3,\), expected \(2,\)"):
        checks.check_close(np.zeros(3), np.zeros(2), call="g()")
    with pytest.raises(AssertionError, match="forget `return`"):
        checks.check_close(None, np.zeros(2), call="g()")
    with pytest.raises(AssertionError, match="not numeric"):
        checks.check_close("abc", np.zeros(1), call="g()")


def test_check_equal_type_shape_dtype():
    checks.check_equal(np.array([1, 2]), np.array([1, 2]))
    with pytest.raises(AssertionError, match="wrong value at index"):
        checks.check_equal(np.array([1, 3]), np.array([1, 2]), call="h()")
    with pytest.raises(AssertionError, match="returned 3, expected 4"):
        checks.check_equal(3, 4, call="h()")
    with pytest.raises(AssertionError, match="returned list, expected ndarray"):
        checks.check_type([1], np.ndarray, call="h()")
    with pytest.raises(AssertionError, match=r"expected \(2, 2\)"):
        checks.check_shape(np.zeros(4), (2, 2), call="h()")
    with pytest.raises(AssertionError, match="expected a float array"):
        checks.check_dtype_kind(np.zeros(2, dtype=int), "f", call="h()")
    with pytest.raises(AssertionError, match="NaN/inf"):
        checks.check_no_nan(np.array([1.0, np.nan]), call="h()")


def test_check_raises_and_unchanged():
    def picky(x):
        if x < 0:
            raise ValueError("negative")
        return x

    assert isinstance(checks.check_raises(picky, (-1,), call="picky(-1)"), ValueError)
    with pytest.raises(AssertionError, match="did not raise ValueError; it should, because"):
        checks.check_raises(picky, (1,), call="picky(1)", why="reasons")
    with pytest.raises(AssertionError, match=r"raised TypeError\(.*\), expected ValueError"):
        checks.check_raises(lambda: len(5), call="len(5)")
    with pytest.raises(NotImplementedError):
        checks.check_raises(lambda: (_ for _ in ()).throw(NotImplementedError()), call="stub()")

    def scale_in_place(x):
        x *= 2
        return x

    with pytest.raises(AssertionError, match="modified its argument #1 in place"):
        checks.check_unchanged(scale_in_place, np.ones(3), call="scale_in_place(x)")
    assert checks.check_unchanged(lambda x: x * 2, np.ones(2), call="double(x)").tolist() == [2.0, 2.0]
    ds = pydicom.Dataset()
    ds.PatientName = "A^B"

    def blank(d):
        d.PatientName = ""
        return d

    with pytest.raises(AssertionError, match="in place"):
        checks.check_unchanged(blank, ds, call="blank(ds)")


def test_strict_call_turns_numpy_warnings_into_failures():
    with pytest.raises(AssertionError, match="divide by zero|invalid value"):
        checks.strict_call(lambda x: x / x.sum(), np.zeros(2), call="norm(zeros)")
    assert checks.strict_call(lambda x: x + 1, np.zeros(1)).tolist() == [1.0]
    with pytest.raises(AssertionError, match="overflow"):
        checks.strict_call(np.exp, np.array([1000.0]), call="exp(1000)")
    assert checks.strict_call(np.exp, np.array([-1000.0])).tolist() == [0.0]  # underflow is fine


def test_rel_error_and_describe():
    assert checks.rel_error(np.array([1.0]), np.array([1.0])) == 0.0
    assert abs(checks.rel_error(np.array([1.0]), np.array([3.0])) - 0.5) < 1e-12
    assert "shape=(2, 3)" in checks.describe(np.zeros((2, 3)))
    assert len(checks.describe("x" * 1000)) <= 200


# ---- runtime ---------------------------------------------------------------------------------

@pytest.mark.parametrize("env, expected", [({}, False), ({"NBGRADER_EXECUTION": "autograde"}, True),
                                           ({"COURSE_FAST": "1"}, True), ({"COURSE_FAST": "0", "NBGRADER_EXECUTION": "autograde"}, False)])
def test_fast_mode(monkeypatch, env, expected):
    monkeypatch.delenv("COURSE_FAST", raising=False)
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    assert runtime.fast_mode() is expected
    assert runtime.pick(30, 5) == (5 if expected else 30)


def test_seed_everything_is_deterministic():
    a = runtime.seed_everything(3).normal(size=4)
    b = runtime.seed_everything(3).normal(size=4)
    assert np.array_equal(a, b)


# ---- notebook_io -----------------------------------------------------------------------------

def test_read_notebook_errors_are_one_line(tmp_path):
    cases = {"missing.ipynb": None, "broken.ipynb": "{", "other.ipynb": json.dumps({"a": 1}),
             "invalid.ipynb": json.dumps({"cells": [{"cell_type": "weird"}], "nbformat": 4, "nbformat_minor": 5, "metadata": {}})}
    for name, text in cases.items():
        path = tmp_path / name
        if text is not None:
            path.write_text(text)
        with pytest.raises(NotebookError) as err:
            read_notebook(path)
        assert "\n" not in str(err.value) and name in str(err.value)


# ---- grading: statuses and the table ---------------------------------------------------------

def _cell(source="", outputs=(), grade=False, solution=False, gid=None):
    import nbformat

    cell = nbformat.v4.new_code_cell(source)
    cell.outputs = [nbformat.v4.new_output("error", ename=e, evalue=v, traceback=[]) for e, v in outputs]
    if gid:
        cell.metadata["nbgrader"] = {"grade": grade, "solution": solution, "grade_id": gid, "locked": grade, "points": 1}
    return cell


@pytest.mark.parametrize("outputs, answer_outputs, score, status, fragment", [
    ([], [], 1.0, "passed", ""),
    ([("AssertionError", "f(x): wrong\nmore")], [], 0.0, "failed", "f(x): wrong"),
    ([("NotImplementedError", "")], [], 0.0, "error", "not answered yet"),
    ([("CellTimeoutError", "")], [], 0.0, "timeout", "longer than 30 s"),
    ([("NameError", "name 'f' is not defined")], [("CellTimeoutError", "")], 0.0, "timeout", "answer cell"),
    ([("NameError", "name 'f' is not defined")], [("SyntaxError", "invalid syntax")], 0.0, "error", "answer cell above"),
    ([("ZeroDivisionError", "division by zero")], [], 0.0, "error", "ZeroDivisionError: division by zero"),
])
def test_explain_statuses(outputs, answer_outputs, score, status, fragment):
    got_status, message = explain(_cell(outputs=outputs), _cell(outputs=answer_outputs), score, 1.0, timeout=30)
    assert got_status == status and fragment in message


def test_restored_cells_detects_missing_and_tampered():
    import nbformat

    release = nbformat.v4.new_notebook(cells=[_cell("check(f())", grade=True, gid="test_a"),
                                               _cell("check(g())", grade=True, gid="test_b"),
                                               _cell("check(h())", grade=True, gid="test_c")])
    source = copy.deepcopy(release)
    source.cells[2].source = "check(h())\n### BEGIN HIDDEN TESTS\ncheck(h(2))\n### END HIDDEN TESTS"
    submission = copy.deepcopy(source)
    del submission.cells[0]
    submission.cells[0].source = "pass  # tests removed"
    assert restored_cells(submission, release, source) == {"test_a": "missing", "test_b": "tampered"}


def test_format_table_has_rows_and_total():
    table = format_table("00_x", [ExerciseResult("test_a", 2, 2, "passed"), ExerciseResult("test_b", 0, 3, "failed", "f(1): wrong")])
    assert "test_a" in table and "f(1): wrong" in table and table.rstrip().endswith("Total: 2 / 5")


def test_check_unchanged_sees_into_containers_and_lets_generators_advance():
    def bump_first(params):
        params[0][0] += 1

    with pytest.raises(AssertionError, match="in place"):
        checks.check_unchanged(bump_first, [np.zeros(2), np.zeros(1)], call="bump_first(params)")

    def bump_key(grads):
        grads["W1"][0] = 5.0

    with pytest.raises(AssertionError, match="in place"):
        checks.check_unchanged(bump_key, {"W1": np.zeros(2)}, call="bump_key(grads)")
    checks.check_unchanged(lambda rng: rng.normal(), np.random.default_rng(0), call="draw(rng)")
    checks.check_unchanged(lambda x: x, np.array([np.nan]), call="identity(nan)")
