"""Worker processes for ``course grade``: each grades one submission at a time, in private.

A worker is a separate Python process (``multiprocessing`` *spawn*) that keeps nbgrader
imported between submissions. For every submission it copies a prepared nbgrader course
folder (``source/``, ``release/`` and a gradebook holding only the assignments) into a
folder of its own, autogrades the notebook there as the student ``student`` and generates
nbgrader's feedback. No two workers share a gradebook, so SQLite never sees two writers;
the main process records the results into the class's real gradebook.

The main process keeps a hard limit on each submission. If a worker does not answer in
time, or dies itself, it is killed with its kernel and replaced, and the submission gets
``timeout`` / ``error`` rows: one submission can never stop the batch.

Each worker caps the threads of the numerical libraries its kernels use (:func:`thread_limits`),
so that N workers on N cores do not each start N threads; and it ends itself (its kernel
follows, by ipykernel's own parent polling) when the main process is gone, even after a
``kill -9`` that gave the main process no chance to stop it.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import signal
import tempfile
import threading
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

#: The student id submissions are graded as inside a worker's private course folder.
WORKER_STUDENT = "student"

#: Seconds a new worker may take to start (import nbgrader) before it is given up.
STARTUP_LIMIT = 300

#: Environment variables that set how many threads a kernel's numerical libraries start:
#: OpenMP, OpenBLAS and MKL (numpy, scikit-learn) and TensorFlow's two thread pools.
THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
                    "TF_NUM_INTRAOP_THREADS", "TF_NUM_INTEROP_THREADS")


@dataclass
class Task:
    """One submission to grade: ``path`` is the student's notebook (only read)."""

    assignment: str
    path: str
    timeout: int
    workdir: str  # a folder that does not exist yet; the worker creates and fills it


@dataclass
class Reply:
    """What a worker found. ``kind``: ``graded``, ``ungraded`` (nbgrader could not run the notebook),
    ``unreadable``, ``died``, ``hung`` or ``crashed``."""

    kind: str
    message: str = ""
    results: list = field(default_factory=list)  # grading.ExerciseResult, in notebook order
    autograded: str | None = None  # nbgrader's autograded notebook, inside the task's workdir
    feedback: str | None = None  # nbgrader's feedback HTML, inside the task's workdir


def default_jobs() -> int:
    """The number of CPU cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def thread_limits(jobs: int, cores: int | None = None) -> dict[str, str]:
    """The thread caps for one of ``jobs`` workers sharing ``cores`` cores: ``cores // jobs``, at least 1.

    Variables already set in the environment are left as they are (an instructor's choice wins).
    """
    per_worker = str(max(1, (cores or default_jobs()) // max(1, jobs)))
    return {name: os.environ.get(name, per_worker) for name in THREAD_VARIABLES}


def _kill_descendants(pid: int) -> None:
    """Kill every process started by ``pid`` (a worker's kernel), if any."""
    try:
        import psutil

        children = psutil.Process(pid).children(recursive=True)
    except Exception:  # psutil missing or the process just ended
        children = []
    for proc in children:
        try:
            proc.kill()
        except Exception:
            pass


def _end_with_parent(parent: int) -> None:
    """Exit this worker, and kill the kernel it runs, once the main process ``parent`` is gone."""
    def watch():
        while os.getppid() == parent:
            time.sleep(1.0)
        _kill_descendants(os.getpid())
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def grade_task(template: Path, task: Task) -> Reply:
    """Grade ``task`` in a fresh copy of the course folder ``template`` (runs in a worker)."""
    from .. import nbgrader_course
    from ..grading import grade_in_course
    from ..notebook_io import NotebookError, read_notebook

    path = Path(task.path)
    try:
        submission = read_notebook(path)
    except NotebookError as err:
        return Reply("unreadable", str(err).replace(str(path), path.name))
    root = Path(task.workdir)
    shutil.copytree(template, root)
    scratch = root / "tmp"  # the kernel's connection file and the notebook's own temporary files
    scratch.mkdir()
    os.environ["TMPDIR"] = tempfile.tempdir = str(scratch)
    api = nbgrader_course.make_api(root, timeout=task.timeout)
    results = grade_in_course(root, api, task.assignment, WORKER_STUDENT, submission, task.timeout)
    autograded = root / "autograded" / WORKER_STUDENT / task.assignment / f"{task.assignment}.ipynb"
    if not autograded.exists():  # nbgrader gave up before running the notebook (its kernel did not start)
        return Reply("ungraded", results[0].message if results else "", results=results)
    api.generate_feedback(task.assignment, WORKER_STUDENT, force=True)
    feedback = root / "feedback" / WORKER_STUDENT / task.assignment / f"{task.assignment}.html"
    return Reply("graded", results=results, autograded=str(autograded),
                 feedback=str(feedback) if feedback.exists() else None)


def _worker_main(conn, template: str, log_path: str, parent: int, environment: dict) -> None:
    """Serve tasks from ``conn`` until it closes or sends ``None``."""
    os.setsid()  # Ctrl-C in the terminal goes to the main process, which stops the workers
    os.environ.update(environment)  # inherited by the kernels this worker starts
    _end_with_parent(parent)
    log = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    os.dup2(log, 1)  # nbgrader's messages and the kernels' stderr go to the log,
    os.dup2(log, 2)  # not over the progress bar
    from .. import grading  # noqa: F401  (import nbgrader before the first task's clock starts)

    conn.send("ready")
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        try:
            reply = grade_task(Path(template), task)
        except Exception as err:  # a bug or an nbgrader failure: report it, keep serving
            traceback.print_exc()
            reply = Reply("crashed", f"{type(err).__name__}: {err}")
        try:
            conn.send(reply)
        except (BrokenPipeError, OSError):
            return


class Worker:
    """A worker process and the pipe to it; replaced by the caller after ``died``/``hung``."""

    def __init__(self, template: Path, log_path: Path, environment: dict | None = None):
        ctx = multiprocessing.get_context("spawn")
        self._conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker_main,
                                   args=(child, str(template), str(log_path), os.getpid(), dict(environment or {})),
                                   name="course-grade-worker")
        self.process.start()
        child.close()
        self._ready = False

    def grade(self, task: Task, limit: float) -> Reply:
        """Send ``task`` and wait at most ``limit`` seconds for the reply (not counting start-up)."""
        try:
            if not self._ready:
                if not self._conn.poll(STARTUP_LIMIT) or self._conn.recv() != "ready":
                    self.kill()
                    return Reply("died", f"the grading process did not start within {STARTUP_LIMIT} s")
                self._ready = True
            self._conn.send(task)
            if self._conn.poll(limit):
                return self._conn.recv()
        except (EOFError, OSError):
            self.kill()
            return Reply("died", "the grading process itself died while grading this notebook "
                                 "(the machine ran out of memory?)")
        self.kill()
        return Reply("hung", f"grading this notebook took longer than {limit:.0f} s in all and was stopped")

    def close(self, wait: float = 10) -> None:
        """Ask the worker to finish; kill it if it does not within ``wait`` seconds."""
        try:
            self._conn.send(None)
        except (OSError, ValueError):
            pass
        self.process.join(wait)
        self.kill()

    def kill(self) -> None:
        """Kill the worker and every process it started (its notebook's kernel)."""
        if self.process.pid is None or not self.process.is_alive():
            self._conn.close()
            return
        _kill_descendants(self.process.pid)
        try:
            os.kill(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.join(5)
        self._conn.close()
