"""Hints point the way and never hand over the answer (solutions/README.md, "Authoring rules").

A hint is the text inside a ``<details>`` block of a Markdown cell. The test takes every line of
every solution region that does real work (an assignment or a ``return`` of something, at least
15 characters, not a validation branch or an input conversion) and fails if a hint contains it, ignoring white space.
"""

from __future__ import annotations

import re

import nbformat
import pytest

from course_utils.cli import paths

ASSIGNMENTS = paths.assignments()
SOLUTION = re.compile(r"### BEGIN SOLUTION\n(.*?)### END SOLUTION", re.S)
DETAILS = re.compile(r"<details>(.*?)</details>", re.S)
CONVERSION = re.compile(r"^(\w+) = np\.(asarray|array|asanyarray)\(\1\b")  # x = np.asarray(x, ...): not the answer
SKIP_START = ("#", "raise ", "if ", "elif ", "else", "for ", "while ", "def ", "try", "except", '"""', "'''",
              "import ", "from ", "with ", "return None")


def answer_lines(source: str) -> list[str]:
    """The lines of ``source``'s solution regions that carry the answer."""
    lines = []
    for region in SOLUTION.findall(source):
        for line in region.splitlines():
            line = line.strip()
            if len(line) < 15 or line.startswith(SKIP_START) or CONVERSION.match(line):
                continue
            if "=" in line or line.startswith("return "):
                lines.append(line)
    return lines


def squeeze(text: str) -> str:
    """``text`` without white space or Markdown backticks, for a layout-blind comparison."""
    return re.sub(r"[\s`]+", "", text)


def hints(nb) -> list[str]:
    """The text of every ``<details>`` hint block (nested tiers included) in ``nb``'s Markdown."""
    found = []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            text = cell.source
            # innermost blocks first, so that nested tiers are all seen
            while True:
                blocks = DETAILS.findall(text)
                if not blocks:
                    break
                found.extend(blocks)
                text = DETAILS.sub("", text)
    return found


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_no_hint_contains_a_line_of_the_answer(name):
    nb = nbformat.read(paths.source_notebook(name), as_version=4)
    hint_text = [squeeze(h) for h in hints(nb)]
    assert hint_text, f"{name}: no hints found"
    leaks = []
    for cell in nb.cells:
        if cell.cell_type == "code" and cell.get("metadata", {}).get("nbgrader", {}).get("solution"):
            for line in answer_lines(cell.source):
                if any(squeeze(line) in h for h in hint_text):
                    leaks.append(f"{cell.metadata.nbgrader.grade_id}: {line}")
    assert not leaks, f"{name}: these hints contain lines of the answer:\n" + "\n".join(leaks)


def test_the_hint_check_finds_a_leak():
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("<details><summary>Hint</summary>\nUse `y = x * slope + intercept`.\n</details>"),
        nbformat.v4.new_code_cell("def f(x, slope, intercept):\n    ### BEGIN SOLUTION\n    y = x*slope + intercept\n"
                                  "    return y\n    ### END SOLUTION", metadata={"nbgrader": {"solution": True}}),
    ])
    lines = answer_lines(nb.cells[1].source)
    assert lines == ["y = x*slope + intercept"]
    assert any(squeeze(lines[0]) in squeeze(h) for h in hints(nb))
