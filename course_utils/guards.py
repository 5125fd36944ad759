"""Guards for cells that use an earlier exercise's result.

A cell that draws a figure from ``hu`` fails with ``NameError: name 'hu' is not defined`` when
Exercise 4.1 is not done yet. Put ``needs("hu", exercise="Exercise 4.1 (to_hounsfield)")`` at its
top instead: the cell then stops with one line that says what to finish, and draws nothing.
"""

from __future__ import annotations

import inspect


class ExerciseNotDone(RuntimeError):
    """An earlier exercise must be finished (and its cell run) before this cell can run."""

    def _render_traceback_(self):  # IPython shows this instead of a traceback
        return [f"\x1b[1;33m{type(self).__name__}\x1b[0m: {self}"]


def needs(*names: str, exercise: str) -> None:
    """Stop the calling cell unless every variable in ``names`` is defined in the notebook.

    Parameters
    ----------
    names : the notebook variables the cell uses, e.g. ``"hu"``.
    exercise : what to finish, e.g. ``"Exercise 4.1 (to_hounsfield)"``.

    Raises
    ------
    ExerciseNotDone naming the exercise and the missing variables.
    """
    caller = inspect.currentframe().f_back
    try:
        scope = {**caller.f_globals, **caller.f_locals}
    finally:
        del caller
    missing = [name for name in names if name not in scope]
    if missing:
        listed = ", ".join(f"`{name}`" for name in missing)
        raise ExerciseNotDone(f"this cell uses {listed}: finish {exercise} first, run its cell, "
                              "then run this cell again.")
