"""Every exercise's tests fail on the plausible wrong answers kept in ``tests/wrong_answers/``.

``tests/wrong_answers/NN_name.py`` defines ``WRONG_ANSWERS = {answer grade_id: {description: source}}``;
each source replaces the whole answer cell. The solution notebook runs once, in fast mode, in one
kernel. At each answer cell with wrong answers, every wrong source is run in its place, followed by
the exercise's test cells (the graded cells right after the answer); at least one of them must fail.
Then the real answer runs and the notebook goes on, so later exercises see correct earlier ones.
"""

from __future__ import annotations

import runpy
import tempfile
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from course_utils.cli import paths

HERE = Path(__file__).resolve().parent / "wrong_answers"
ASSIGNMENTS = [name for name in paths.assignments() if (HERE / f"{name}.py").is_file()]
CELL_TIMEOUT = 300


def load_wrong_answers(assignment: str) -> dict[str, dict[str, str]]:
    """``WRONG_ANSWERS`` of ``tests/wrong_answers/<assignment>.py``."""
    table = runpy.run_path(str(HERE / f"{assignment}.py")).get("WRONG_ANSWERS")
    if not isinstance(table, dict) or not table:
        raise AssertionError(f"tests/wrong_answers/{assignment}.py must define a non-empty WRONG_ANSWERS dict")
    return table


def _nbgrader(cell) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {})


def exercise_tests(cells, answer_index: int) -> list[int]:
    """Indices of the graded test cells that follow the answer cell at ``answer_index``."""
    found = []
    for index in range(answer_index + 1, len(cells)):
        meta = _nbgrader(cells[index])
        if cells[index].cell_type == "code" and meta.get("grade") and not meta.get("solution"):
            found.append(index)
        else:
            break
    return found


def test_every_wrong_answer_file_names_a_notebook():
    names = set(paths.assignments())
    orphans = [p.name for p in HERE.glob("*.py") if p.stem not in names]
    assert not orphans, f"tests/wrong_answers/ has files for no notebook: {orphans}"


@pytest.mark.notebook
@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_tests_fail_on_plausible_wrong_answers(assignment):
    wrong = load_wrong_answers(assignment)
    nb = nbformat.read(paths.source_notebook(assignment), as_version=4)
    answers = {_nbgrader(c).get("grade_id"): i for i, c in enumerate(nb.cells) if _nbgrader(c).get("solution")}
    unknown = sorted(set(wrong) - set(answers))
    assert not unknown, f"{assignment}: WRONG_ANSWERS names no answer cell {unknown}; answer cells: {sorted(answers)}"

    survivors, broken, tried = [], [], 0
    with tempfile.TemporaryDirectory(prefix="course-wrong-") as tmp:
        client = NotebookClient(nb, timeout=CELL_TIMEOUT, kernel_name="python3", resources={"metadata": {"path": tmp}},
                                extra_arguments=["--HistoryManager.hist_file=:memory:"])
        with client.setup_kernel():
            for index, cell in enumerate(nb.cells):
                if cell.cell_type != "code":
                    continue
                grade_id = _nbgrader(cell).get("grade_id")
                if _nbgrader(cell).get("solution") and grade_id in wrong:
                    tests = exercise_tests(nb.cells, index)
                    assert tests, f"{assignment}: answer cell {grade_id} has no test cell after it"
                    for description, source in wrong[grade_id].items():
                        tried += 1
                        try:
                            client.execute_cell(nbformat.v4.new_code_cell(source), index)
                        except CellExecutionError as err:
                            broken.append(f"{grade_id} / {description}: the wrong answer itself fails to run: "
                                          f"{str(err).strip().splitlines()[-1][:150]}")
                            continue
                        failed = False
                        for t in tests:
                            try:
                                client.execute_cell(nbformat.v4.new_code_cell(nb.cells[t].source), t)
                            except CellExecutionError:
                                failed = True
                                break
                        if not failed:
                            survivors.append(f"{grade_id} / {description}")
                client.execute_cell(cell, index)
    print(f"{assignment}: {tried} wrong answers tried, {tried - len(survivors) - len(broken)} caught")
    assert not broken, f"{assignment}: wrong answers that do not even run (fix them):\n" + "\n".join(broken)
    assert not survivors, (f"{assignment}: these wrong answers pass every test of their exercise, so the tests "
                           "cannot tell them from a right answer:\n" + "\n".join(survivors))
