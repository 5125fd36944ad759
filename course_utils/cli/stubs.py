"""The learner's stub: a release answer cell says which exercise to do and how.

nbgrader's ``ClearSolutions`` replaces each ``### BEGIN SOLUTION`` ... ``### END SOLUTION`` region
with one fixed stub. :class:`ExerciseStubs` writes the exercise's own name into it, taken from the
nearest ``### Exercise N.M — `function(...)``` heading above the answer cell, so an unfinished
exercise fails with, e.g.::

    NotImplementedError: Exercise 4.1 (to_hounsfield) is not done yet: replace this line with your code
"""

from __future__ import annotations

import re

from nbgrader.preprocessors import ClearSolutions

#: ``### Exercise 4.1 — `to_hounsfield(pixels, slope, intercept)``` -> ("4.1", "to_hounsfield")
EXERCISE_HEADING = re.compile(r"^#+\s*Exercise\s+([0-9]+(?:\.[0-9]+)*)\b[^`\n]*(?:`([A-Za-z_]\w*))?", re.M)

GENERIC_STUB = 'raise NotImplementedError("This exercise is not done yet: replace this line with your code")'


def stub_for(label: str | None) -> str:
    """The code that replaces a solution region, naming the exercise ``label`` when known."""
    if not label:
        return f"# YOUR CODE HERE\n{GENERIC_STUB}"
    return f'# YOUR CODE HERE\nraise NotImplementedError("{label} is not done yet: replace this line with your code")'


def exercise_labels(cells) -> dict[int, str]:
    """``{cell index: "Exercise 4.1 (to_hounsfield)"}`` for every cell that follows an exercise heading."""
    labels, current = {}, None
    for index, cell in enumerate(cells):
        if cell.cell_type == "markdown":
            found = EXERCISE_HEADING.findall(cell.source)
            if found:
                number, name = found[-1]
                current = f"Exercise {number}" + (f" ({name})" if name else "")
        elif current:
            labels[index] = current
    return labels


class ExerciseStubs(ClearSolutions):
    """``ClearSolutions`` whose stub names the exercise of each answer cell."""

    def preprocess(self, nb, resources):
        self._labels = exercise_labels(nb.cells)
        return super().preprocess(nb, resources)

    def preprocess_cell(self, cell, resources, cell_index):
        language = resources["language"]
        saved = dict(self.code_stub)
        if language == "python":
            self.code_stub = {**saved, "python": stub_for(self._labels.get(cell_index))}
        try:
            return super().preprocess_cell(cell, resources, cell_index)
        finally:
            self.code_stub = saved
