"""``course release``: regenerate ``notebooks/`` from ``solutions/`` with nbgrader.

The release is deterministic (running it twice changes nothing) and touches nothing
outside ``notebooks/``. ``--check`` only compares and names what is out of date.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import nbformat

from . import nbgrader_course, paths
from .notebook_io import read_notebook


def _normalize(nb: nbformat.NotebookNode) -> str:
    """Canonical text of a release notebook: no outputs, no execution counts."""
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    return nbformat.writes(nb) + "\n"


def generate_release(assignments: list[str] | None = None) -> dict[str, str]:
    """Generate the learner version of each assignment; return ``{assignment: notebook text}``."""
    names = assignments or paths.assignments()
    texts = {}
    with tempfile.TemporaryDirectory(prefix="course-release-") as tmp:
        root = Path(tmp)
        for name in names:
            nbgrader_course.add_source(root, name)
        api = nbgrader_course.make_api(root)
        for name in names:
            nbgrader_course.run_checked(api.generate_assignment(name, force=True), f"generate {name}")
            texts[name] = _normalize(read_notebook(root / "release" / name / f"{name}.ipynb"))
    return texts


def _has_outputs(path: Path) -> bool:
    try:
        nb = read_notebook(path)
    except Exception:
        return True  # unreadable: do not overwrite what we cannot inspect
    return any(c.cell_type == "code" and (c.outputs or c.execution_count) for c in nb.cells)


def stale_notebooks(texts: dict[str, str], orphans: bool = True) -> list[str]:
    """Messages for notebooks in ``notebooks/`` that differ from ``texts`` or have no source."""
    out_dir = paths.notebooks_dir()
    problems = []
    for name, text in texts.items():
        path = out_dir / f"{name}.ipynb"
        if not path.exists():
            problems.append(f"notebooks/{name}.ipynb is missing")
        elif path.read_text(encoding="utf-8") != text:
            problems.append(f"notebooks/{name}.ipynb is out of date with solutions/{name}.ipynb")
    for path in sorted(out_dir.glob("*.ipynb")) if orphans else []:
        if paths.ASSIGNMENT_PATTERN.match(path.stem) and path.stem not in texts:
            problems.append(f"notebooks/{path.name} has no source in solutions/ (remove it by hand)")
    return problems


def release(check: bool = False, force: bool = False, out=print, assignments: list[str] | None = None) -> int:
    """Regenerate (or with ``check`` compare) ``notebooks/`` (only ``assignments`` if given); return an exit code."""
    for name in assignments or []:
        paths.source_notebook(name)  # ValueError naming the course's notebooks if unknown
    texts = generate_release(assignments)
    if check:
        problems = stale_notebooks(texts, orphans=not assignments)
        for line in problems:
            out(line)
        if problems:
            out("Run `course release` (or `make release`) and commit notebooks/.")
            return 1
        out(f"notebooks/ is up to date ({len(texts)} notebooks).")
        return 0
    out_dir = paths.notebooks_dir()
    out_dir.mkdir(exist_ok=True)
    blocked = []
    for name, text in texts.items():
        path = out_dir / f"{name}.ipynb"
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        if path.exists() and _has_outputs(path) and not force:
            blocked.append(path)
            continue
        path.write_text(text, encoding="utf-8")
        out(f"wrote notebooks/{name}.ipynb")
    for path in blocked:
        out(f"skipped notebooks/{path.name}: it has outputs, so it looks like someone's working copy; "
            "move it elsewhere to keep it, or pass --force to replace it")
    if not blocked:
        out(f"notebooks/ is up to date ({len(texts)} notebooks).")
    return 1 if blocked else 0
