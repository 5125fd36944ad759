"""The grading benchmark (``make grade-bench``): how ``course grade`` scales with workers.

For each notebook of the benchmark (by default 30 copies of the first notebook, ``00_...``,
and 6 of a notebook that trains, ``05_cnn_layers``) it first runs the solution the way grading
runs it (fast mode, in a fresh kernel), best of two: the notebook's own *runtime*. It then grades
the class with ``course grade`` once per ``--jobs`` value, each time from scratch, and prints
the wall-clock seconds, the seconds per submission, the speed-up over the first ``--jobs``
value, and the ratio to the limit ``runtime x submissions / jobs`` (1.00 would be no overhead
at all). Last, the grading process's peak memory and the largest worker's or kernel's.
It is a measurement, not a test: run it on a quiet machine.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from .. import paths
from ..bench import run_notebook
from .grade import grade_class
from .worker import default_jobs, thread_limits

#: The notebook that trains in the default benchmark, and its class size.
TRAINING = ("05_cnn_layers", 6)


@dataclass
class Row:
    assignment: str
    submissions: int
    runtime: float
    jobs: int
    seconds: float
    passed: int
    exercises: int

    @property
    def limit(self) -> float:
        """Seconds with no overhead at all: every worker busy running notebooks."""
        return self.runtime * self.submissions / min(self.jobs, self.submissions)


def cpu_counters() -> tuple[int, int] | None:
    """(all, stolen) CPU time in ticks since boot, from /proc/stat (Linux), or None."""
    try:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except (OSError, ValueError):
        return None
    return sum(fields[:8]), fields[7] if len(fields) > 7 else 0


def stolen_share(before, after) -> str:
    """The share of CPU time the hypervisor gave to other machines in between (a virtual machine's
    "steal"): a benchmark on a machine that loses much of it measures its neighbours."""
    if not before or not after or after[0] == before[0]:
        return "steal n/a"
    return f"steal {100 * (after[1] - before[1]) / (after[0] - before[0]):.0f}%"


def own_peak_mb() -> float:
    """This process's peak memory (VmHWM on Linux; ``ru_maxrss`` elsewhere, which for a process
    started by vfork, as Python's subprocess does, also counts its parent's peak)."""
    try:
        return int(Path("/proc/self/status").read_text().split("VmHWM:")[1].split()[0]) / 1024
    except (OSError, IndexError, ValueError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def make_class(folder: Path, assignment: str, n: int) -> None:
    """``n`` students, each with a copy of the solution of ``assignment``."""
    for i in range(1, n + 1):
        (folder / f"student{i:03d}").mkdir(parents=True)
        shutil.copyfile(paths.source_notebook(assignment), folder / f"student{i:03d}" / f"{assignment}.ipynb")


def grading_runtime(assignment: str, runs: int = 2) -> float:
    """Seconds one run of the solution takes as grading runs it (fast mode), kernel start included:
    the best of ``runs`` runs (the first one also warms the disk cache and compiles)."""
    before = os.environ.get("COURSE_FAST")
    os.environ["COURSE_FAST"] = "1"
    try:
        return min(run_notebook(assignment) for _ in range(runs))
    finally:
        if before is None:
            os.environ.pop("COURSE_FAST", None)
        else:
            os.environ["COURSE_FAST"] = before


def bench(assignment: str, submissions: int, jobs_list: list[int], timeout: int, tmp: Path) -> list[Row]:
    runtime = grading_runtime(assignment)
    print(f"\n{assignment}: {submissions} copies of the solution; one run on its own takes {runtime:.1f} s", flush=True)
    folder = tmp / assignment / "class"
    make_class(folder, assignment, submissions)
    rows = []
    for jobs in jobs_list:
        start, ticks = time.perf_counter(), cpu_counters()
        summary = grade_class(folder, tmp / assignment / f"out-{jobs}", jobs=jobs, timeout=timeout,
                              progress=sys.stderr.isatty(), say=lambda text: None)
        row = Row(assignment, submissions, runtime, jobs, time.perf_counter() - start,
                  summary.statuses.get("passed", 0), sum(summary.statuses.values()))
        rows.append(row)
        print(f"  --jobs {jobs}: {row.seconds:7.1f} s, {row.seconds / submissions:5.2f} s per submission, "
              f"{row.seconds / row.limit:4.2f}x the limit ({row.passed}/{row.exercises} exercises passed; "
              f"load average now {os.getloadavg()[0]:.1f}, {stolen_share(ticks, cpu_counters())})", flush=True)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--submissions", type=int, default=30, help="class size for the first notebook (default 30)")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="worker counts to compare (default 1 2)")
    parser.add_argument("--assignment", default=None, help="the first notebook to grade (default: the course's first)")
    parser.add_argument("--training", default=f"{TRAINING[0]}:{TRAINING[1]}", metavar="NAME:N",
                        help=f"a notebook that trains and its class size (default {TRAINING[0]}:{TRAINING[1]}; "
                             "'none' to skip)")
    parser.add_argument("--timeout", type=int, default=120, help="seconds per cell (default 120)")
    args = parser.parse_args(argv)
    plan = [(args.assignment or paths.assignments()[0], args.submissions)]
    if args.training != "none":
        name, _, n = args.training.partition(":")
        if name in paths.assignments():
            plan.append((name, int(n or TRAINING[1])))
    cores = default_jobs()
    print(f"course grade benchmark on {cores} CPU core(s); load average {os.getloadavg()[0]:.1f} at the start")
    print("threads per worker: " + ", ".join(f"--jobs {j}: {thread_limits(j)['OMP_NUM_THREADS']}" for j in args.jobs)
          + " (OMP/OpenBLAS/MKL and TensorFlow's intra- and inter-op pools)")
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="course-grade-bench-") as tmp:
        for assignment, n in plan:
            rows += bench(assignment, n, args.jobs, args.timeout, Path(tmp))
    print(f"\n{'notebook':<28} {'n':>3} {'runtime':>8} {'jobs':>4} {'seconds':>8} {'s/sub':>6} "
          f"{'speed-up':>8} {'x limit':>7}")
    for row in rows:
        base = next(r for r in rows if r.assignment == row.assignment)
        print(f"{row.assignment:<28} {row.submissions:>3} {row.runtime:8.1f} {row.jobs:>4} {row.seconds:8.1f} "
              f"{row.seconds / row.submissions:6.2f} {base.seconds / row.seconds:8.2f} {row.seconds / row.limit:7.2f}")
    grader = own_peak_mb()
    largest = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"\npeak memory: grading process {grader:.0f} MB; largest worker or kernel {largest:.0f} MB")
    return 0 if all(r.passed == r.exercises for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
