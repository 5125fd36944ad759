"""Feedback never quotes hidden tests through a traceback (``grading.HideHiddenTracebacks``)."""

from __future__ import annotations

import nbformat
from nbclient import NotebookClient

from course_utils.cli.grading import HideHiddenTracebacks


def test_tracebacks_of_test_cells_lose_the_hidden_lines():
    visible_fails = "assert 1 == 2, 'visible'\n### BEGIN HIDDEN TESTS\nsecret = 42\nassert secret\n### END HIDDEN TESTS"
    hidden_fails = "x = 1\n### BEGIN HIDDEN TESTS\nassert x == 2, 'the hidden check says no'\n### END HIDDEN TESTS"
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(visible_fails), nbformat.v4.new_code_cell(hidden_fails),
                                         nbformat.v4.new_code_cell("1 / 0")])
    NotebookClient(nb, allow_errors=True, kernel_name="python3").execute()
    before = ["\n".join(c.outputs[0]["traceback"]) for c in nb.cells]
    assert "secret" in before[0], "IPython quotes the lines after the failing one: the test needs that"
    HideHiddenTracebacks()(nb, {})  # as nbgrader calls it (a disabled preprocessor would do nothing)
    after = ["\n".join(c.outputs[0]["traceback"]) for c in nb.cells]
    assert "visible" in after[0] and "secret" not in after[0] and "HIDDEN" not in after[0]
    assert after[1] == "AssertionError: the hidden check says no"
    assert after[2] == before[2], "a cell without hidden tests keeps its traceback"
    # nbgrader's LimitOutput stores tracebacks one line per entry: the same lines go
    cell = nbformat.v4.new_code_cell(visible_fails)
    cell.outputs = [dict(nb.cells[0].outputs[0])]
    NotebookClient(nb := nbformat.v4.new_notebook(cells=[cell]), allow_errors=True, kernel_name="python3").execute()
    out = nb.cells[0].outputs[0]
    out["traceback"] = "\n".join(out["traceback"]).split("\n")
    HideHiddenTracebacks()(nb, {})
    lines = "\n".join(out["traceback"])
    assert "visible" in lines and "secret" not in lines and "HIDDEN" not in lines
