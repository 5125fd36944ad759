"""``make bench``: run every solution notebook in full (no fast mode) and time it.

Prints one row per notebook against the per-notebook budget and the whole-course total
against the course budget (CURRICULUM.md: 90 s per notebook, 10 min for the course, on a
2-core CPU). Notebooks run one after another so that timings do not disturb each other.
Under its notebook's row it repeats the notebook's printed measurements that contain a
:data:`REPORTED_MARKERS` entry (notebook 05: ``conv2d_forward / tf.nn.conv2d time ratio: ...``).
Exit code 1 if a notebook fails or a budget is exceeded.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from . import paths

NOTEBOOK_BUDGET_S = 90.0
COURSE_BUDGET_S = 600.0


#: Printed lines that ``make bench`` repeats in its report, e.g. notebook 05's
#: ``conv2d_forward / tf.nn.conv2d time ratio: 1.37``.
REPORTED_MARKERS = ("time ratio:",)


def reported_lines(nb) -> list[str]:
    """Lines of the executed notebook's printed output that contain a :data:`REPORTED_MARKERS` entry."""
    found = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream":
                found += [line.strip() for line in out.get("text", "").splitlines()
                          if any(marker in line for marker in REPORTED_MARKERS)]
    return found


def run_notebook(assignment: str, timeout: int = 900, report: list[str] | None = None) -> float:
    """Execute ``solutions/<assignment>.ipynb`` in full mode in a scratch folder; return seconds.

    If ``report`` is a list, the notebook's :func:`reported_lines` are appended to it.
    """
    nb = nbformat.read(paths.source_notebook(assignment), as_version=4)
    with tempfile.TemporaryDirectory(prefix="course-bench-") as tmp:
        client = NotebookClient(nb, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": tmp}},
                                extra_arguments=["--HistoryManager.hist_file=:memory:"])
        start = time.perf_counter()
        client.execute()
        seconds = time.perf_counter() - start
    if report is not None:
        report.extend(reported_lines(nb))
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("assignments", nargs="*", help="notebooks to run (default: all)")
    args = parser.parse_args(argv)
    os.environ["COURSE_FAST"] = "0"
    os.environ.pop("NBGRADER_EXECUTION", None)
    names = args.assignments or paths.assignments()
    print(f"Full-mode run of {len(names)} notebook(s), one at a time (budget {NOTEBOOK_BUDGET_S:.0f} s each)\n")
    width = max(len(n) for n in names)
    print(f"{'notebook':<{width}}  {'seconds':>8}  verdict")
    total, failed = 0.0, False
    for name in names:
        lines: list[str] = []
        try:
            seconds = run_notebook(name, report=lines)
        except CellExecutionError as err:
            print(f"{name:<{width}}  {'-':>8}  ERROR: {str(err).strip().splitlines()[-1][:100]}")
            failed = True
            continue
        total += seconds
        verdict = "ok" if seconds <= NOTEBOOK_BUDGET_S else f"OVER BUDGET by {seconds - NOTEBOOK_BUDGET_S:.1f} s"
        failed |= seconds > NOTEBOOK_BUDGET_S
        print(f"{name:<{width}}  {seconds:8.1f}  {verdict}", flush=True)
        for line in lines:
            print(f"{'':<{width}}  {'':>8}  {line}", flush=True)
    course_ok = total <= COURSE_BUDGET_S
    print(f"\n{'whole course':<{width}}  {total:8.1f}  {'ok' if course_ok else 'OVER BUDGET'} "
          f"(budget {COURSE_BUDGET_S:.0f} s)")
    return 1 if failed or not course_ok else 0


if __name__ == "__main__":
    sys.exit(main())
