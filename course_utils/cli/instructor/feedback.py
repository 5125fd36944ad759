"""``course release-feedback OUT ASSIGNMENT --exchange PATH``: feedback back through nbgrader's exchange.

Each student's feedback page of a ``course grade`` run goes into the exchange, where that
student's ``nbgrader fetch_feedback`` (or the *Assignments* panel) finds it and nobody else's
does. ``course grade`` keeps each collected submission's ``timestamp.txt`` and
``submission_secret.txt`` (:func:`keep_submission_files`) so that ``OUT/nbgrader`` also works
with nbgrader's own ``release_feedback``. See ``docs/jupyterhub.md``.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from .. import nbgrader_course

DEFAULT_EXCHANGE = "/srv/nbgrader/exchange"
#: Files a submission through nbgrader's exchange carries; release-feedback needs them.
SUBMISSION_FILES = ("timestamp.txt", "submission_secret.txt")


def keep_submission_files(submission: Path, course_root: Path, student: str, assignment: str) -> list[Path]:
    """Copy nbgrader's ``timestamp.txt`` and ``submission_secret.txt`` of a collected submission.

    ``submission`` is the graded notebook; when it sits in nbgrader's collected layout
    (``.../<student>/<assignment>/<assignment>.ipynb``) its two files are copied next to the copy
    in ``course_root/submitted/`` and the feedback in ``course_root/feedback/``, where
    ``nbgrader release_feedback`` and :func:`release_feedback` read them. Returns the copies.
    """
    folder = Path(submission).parent
    copies = []
    if folder.name != assignment:
        return copies
    for kind in ("submitted", "feedback"):
        dest = Path(course_root) / kind / student / assignment
        for name in SUBMISSION_FILES:
            if (folder / name).is_file():
                dest.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(folder / name, dest / name)
                copies.append(dest / name)
    return copies


@dataclass
class Released:
    student: str
    path: Path | None
    reason: str = ""


def _submission_files(out: Path, submissions: Path | None, student: str, assignment: str) -> Path | None:
    for folder in (out / "nbgrader" / "submitted" / student / assignment,
                   submissions / student / assignment if submissions else None):
        if folder is not None and all((folder / name).is_file() for name in SUBMISSION_FILES):
            return folder
    return None


def _sha256(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def release_feedback(out: Path, assignment: str, exchange: Path | str = DEFAULT_EXCHANGE,
                     course_id: str = nbgrader_course.COURSE_ID) -> list[Released]:
    """Put each student's feedback page of the ``course grade`` run ``out`` into the exchange.

    A page goes to ``EXCHANGE/<course_id>/feedback/<hash>.html``, the hash made by nbgrader
    from the submission's secret (``submission_secret.txt``, which only the student's own
    copy of the submission and the collected one hold) and the notebook's name: that
    student's ``nbgrader fetch_feedback`` finds it, no one else can name it, and the folder
    cannot be listed. Students whose notebook did not come through the exchange, or whose
    collected notebook changed since it was graded, are reported and skipped.
    """
    from nbgrader.utils import notebook_hash

    out, exchange = Path(out).expanduser(), Path(exchange).expanduser()
    state_file = out / ".course-grade.json"
    if not state_file.is_file() or not (out / "nbgrader").is_dir():
        raise ValueError(f"{out} is not the --out folder of a `course grade` run; grade first: "
                         f"course grade SUBMISSIONS --out {out}")
    state = json.loads(state_file.read_text(encoding="utf-8"))
    submissions = Path(state["submissions"]) if state.get("submissions") else None
    pages = sorted((out / "feedback").glob(f"*/{assignment}.html"))
    if not pages:
        graded = sorted({p.stem for p in (out / "feedback").glob("*/*.html")})
        raise ValueError(f"no feedback for {assignment} in {out}"
                         + (f"; it has feedback for {', '.join(graded)}" if graded else "; grade it first"))
    dest = exchange / course_id / "feedback"
    if not (exchange / course_id).is_dir():
        raise ValueError(f"{exchange / course_id} does not exist: pass the exchange the students submitted "
                         f"through (--exchange), e.g. {DEFAULT_EXCHANGE}")
    if not dest.is_dir():
        dest.mkdir()
        dest.chmod(0o711)
    if not os.access(dest, os.W_OK | os.X_OK):
        raise ValueError(f"cannot write into {dest}: run this as the instructor who released the assignment "
                         "(the owner of the exchange's course folder)")
    results = []
    for page in pages:
        student = page.parent.name
        folder = _submission_files(out, submissions, student, assignment)
        if folder is None:
            results.append(Released(student, None, "not submitted through nbgrader's exchange (no "
                                                   "submission_secret.txt): hand back "
                                    f"{page} another way"))
            continue
        entry = state.get("entries", {}).get(f"{student}/{assignment}", {})
        notebook = folder / f"{assignment}.ipynb"
        if notebook.is_file() and entry.get("sha256") and entry["sha256"] != _sha256(notebook):
            results.append(Released(student, None, "the collected notebook changed after it was graded: "
                                                    "run course grade again first"))
            continue
        secret = (folder / "submission_secret.txt").read_text(encoding="utf-8")
        target = dest / f"{notebook_hash(secret=secret, notebook_id=assignment)}.html"
        tmp = dest / f".{target.name}.tmp"
        shutil.copyfile(page, tmp)
        tmp.chmod(0o644)
        os.replace(tmp, target)
        results.append(Released(student, target))
    return results


def format_released(results: list[Released], assignment: str) -> str:
    done = [r for r in results if r.path]
    lines = [f"Released the feedback on {assignment} of {len(done)} student(s)"
             + (f": {', '.join(r.student for r in done)}" if done else "") + "."]
    lines += [f"  {r.student}: skipped, {r.reason}" for r in results if not r.path]
    if done:
        lines.append("Students get it with the Assignments panel (Fetch Feedback) or: "
                     f"nbgrader fetch_feedback {assignment}")
    return "\n".join(lines)
