"""Where the course lives on disk.

Notebooks may be copied anywhere (for example into an nbgrader course folder), so nothing
in the course uses paths relative to the working directory: everything goes through here.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

ASSIGNMENT_PATTERN = re.compile(r"^\d\d_[a-z0-9_]+$")


def course_root() -> Path:
    """The folder holding ``solutions/`` and ``notebooks/``.

    ``COURSE_ROOT`` overrides it; otherwise it is the parent of this package, which is
    where ``make`` installs it (an editable install of the repository).
    """
    override = os.environ.get("COURSE_ROOT")
    root = Path(override) if override else Path(__file__).resolve().parents[2]
    if not (root / "solutions").is_dir():
        raise FileNotFoundError(
            f"no solutions/ folder under {root}: set COURSE_ROOT to the course's folder "
            "(the one with solutions/ and notebooks/), or install the course with `make`."
        )
    return root


def solutions_dir() -> Path:
    """``solutions/``: the nbgrader source notebooks (solutions and hidden tests)."""
    return course_root() / "solutions"


def notebooks_dir() -> Path:
    """``notebooks/``: the learner release, generated from ``solutions/``."""
    return course_root() / "notebooks"


def assignments() -> list[str]:
    """Names of the course's assignments in roadmap order, e.g. ``00_medical_images_and_dicom``."""
    return sorted(
        p.stem for p in solutions_dir().glob("*.ipynb") if ASSIGNMENT_PATTERN.match(p.stem)
    )


def source_notebook(assignment: str) -> Path:
    """Path of the source notebook of ``assignment``; ``ValueError`` if there is none."""
    path = solutions_dir() / f"{assignment}.ipynb"
    if not path.is_file():
        known = ", ".join(assignments()) or "none"
        raise ValueError(f"unknown assignment {assignment!r}; the course has: {known}")
    return path
