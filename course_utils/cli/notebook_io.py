"""Reading and writing notebooks, with one-line errors for bad input."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat


class NotebookError(Exception):
    """A path that cannot be used as a notebook; the message says why in one line."""


def read_notebook(path: str | Path) -> nbformat.NotebookNode:
    """Read and validate the notebook at ``path``.

    Raises ``NotebookError`` (one line) for a missing path, a folder, a file that is not
    JSON, or JSON that is not a Jupyter notebook.
    """
    path = Path(path)
    if not path.exists():
        raise NotebookError(f"{path}: no such file")
    if path.is_dir():
        raise NotebookError(f"{path}: is a folder, expected a .ipynb notebook file")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise NotebookError(f"{path}: not a notebook (the file is not UTF-8 text)") from None
    except OSError as err:
        raise NotebookError(f"{path}: cannot be read ({err.strerror})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise NotebookError(
            f"{path}: broken notebook JSON at line {err.lineno}, column {err.colno} ({err.msg}); "
            "restore it from a backup or JupyterLab's File > Revert, or get a fresh copy"
        ) from None
    if not isinstance(data, dict) or "cells" not in data or "nbformat" not in data:
        raise NotebookError(f"{path}: valid JSON but not a Jupyter notebook (no 'cells'/'nbformat')")
    try:
        nb = nbformat.reads(text, as_version=4)
        nbformat.validate(nb)
    except Exception as err:  # nbformat raises several validation error types
        first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        raise NotebookError(f"{path}: not a valid Jupyter notebook ({first})") from None
    return nb


def write_notebook(nb: nbformat.NotebookNode, path: str | Path) -> None:
    """Write ``nb`` to ``path`` in nbformat's canonical layout (stable diffs)."""
    Path(path).write_text(nbformat.writes(nb) + "\n", encoding="utf-8")


def grade_cells(nb: nbformat.NotebookNode) -> dict[str, nbformat.NotebookNode]:
    """The nbgrader cells of ``nb`` by ``grade_id`` (answer, test and locked cells)."""
    cells = {}
    for cell in nb.cells:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if meta.get("grade_id"):
            cells[meta["grade_id"]] = cell
    return cells


def test_cells(nb: nbformat.NotebookNode) -> dict[str, nbformat.NotebookNode]:
    """The autograded test cells of ``nb`` (nbgrader ``grade: true``, code) by ``grade_id``."""
    return {
        gid: cell
        for gid, cell in grade_cells(nb).items()
        if cell.cell_type == "code" and cell.metadata["nbgrader"].get("grade")
    }
