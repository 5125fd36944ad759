"""The grading benchmark: ``python -m course_utils.cli.instructor.bench [--submissions 30] [--jobs 1 2]``.

Grades a class of identical copies of a solution notebook (by default 30 of the first
notebook, ``00_...``) with ``course grade`` once per ``--jobs`` value, each time from
scratch, and prints the wall-clock seconds of the whole batch and per submission. It is a
measurement, not a test: the figures depend on the machine and on what else runs on it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from .. import paths
from .grade import grade_class


def make_class(folder: Path, assignment: str, n: int) -> None:
    """``n`` students, each with a copy of the solution of ``assignment``."""
    for i in range(1, n + 1):
        (folder / f"student{i:03d}").mkdir(parents=True)
        shutil.copyfile(paths.source_notebook(assignment), folder / f"student{i:03d}" / f"{assignment}.ipynb")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--submissions", type=int, default=30, help="class size (default 30)")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="worker counts to compare (default 1 2)")
    parser.add_argument("--assignment", default=None, help="notebook to grade (default: the first)")
    parser.add_argument("--timeout", type=int, default=120, help="seconds per cell (default 120)")
    args = parser.parse_args(argv)
    assignment = args.assignment or paths.assignments()[0]
    print(f"Grading {args.submissions} copies of solutions/{assignment}.ipynb with course grade "
          f"(CPU cores available: {len(os.sched_getaffinity(0)) if hasattr(os, 'sched_getaffinity') else os.cpu_count()})",
          flush=True)
    rows = []
    with tempfile.TemporaryDirectory(prefix="course-grade-bench-") as tmp:
        submissions = Path(tmp) / "class"
        make_class(submissions, assignment, args.submissions)
        for jobs in args.jobs:
            start = time.perf_counter()
            summary = grade_class(submissions, Path(tmp) / f"out-{jobs}", jobs=jobs, timeout=args.timeout,
                                  progress=sys.stderr.isatty())
            seconds = time.perf_counter() - start
            passed = summary.statuses.get("passed", 0)
            total = sum(summary.statuses.values())
            rows.append((jobs, seconds, seconds / args.submissions, passed, total))
            print(f"  --jobs {jobs}: {seconds:7.1f} s in all, {seconds / args.submissions:5.2f} s per submission "
                  f"({passed}/{total} exercises passed; load average now {os.getloadavg()[0]:.1f})", flush=True)
    base = rows[0][1]
    print("\njobs  seconds  s/submission  speed-up")
    for jobs, seconds, per, _, _ in rows:
        print(f"{jobs:>4}  {seconds:7.1f}  {per:12.2f}  {base / seconds:8.2f}")
    return 0 if all(passed == total for *_, passed, total in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
