"""`course grade` stopped half-way: SIGTERM, ``kill -9`` of the main process or of a worker.

Nothing graded is lost, nothing keeps running, a second run on the same folder grades only
what is missing, and the CSVs equal those of a run that was never interrupted.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import psutil
import pytest
from conftest import first_notebook_course

from course_utils.cli import paths
from course_utils.cli.instructor import worker
from course_utils.cli.notebook_io import read_notebook

FIRST = paths.assignments()[0]
SOURCE = read_notebook(paths.source_notebook(FIRST))
RELEASE = read_notebook(paths.notebooks_dir() / f"{FIRST}.ipynb")
CSVS = ("grades.csv", "exercises.csv", "notes.csv")

pytestmark = [pytest.mark.notebook, pytest.mark.xdist_group("grade-resume")]


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """A scratch course holding only the first notebook (solution and release)."""
    return first_notebook_course(tmp_path_factory.mktemp("scratch") / "course")


@pytest.fixture(scope="module")
def submissions(tmp_path_factory):
    """Five students: solutions and blank releases, so that scores differ."""
    folder = tmp_path_factory.mktemp("class")
    for i, nb in enumerate([SOURCE, RELEASE, SOURCE, SOURCE, RELEASE]):
        (folder / f"s{i}").mkdir()
        nbformat.write(nb, folder / f"s{i}" / f"{FIRST}.ipynb")
    return folder


@pytest.fixture(scope="module")
def uninterrupted(course, submissions, tmp_path_factory):
    """The CSVs of a run that nobody stopped."""
    out = tmp_path_factory.mktemp("uninterrupted") / "out"
    proc = subprocess.run(_command(submissions, out, jobs=2), env=_env(course, tmp_path_factory.mktemp("tmp")),
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return {name: (out / name).read_bytes() for name in CSVS}


def _command(submissions: Path, out: Path, jobs: int = 1) -> list[str]:
    return [sys.executable, "-m", "course_utils.cli", "grade", str(submissions), "--out", str(out),
            "--jobs", str(jobs), "--timeout", "60", "--no-progress"]


def _env(course: Path, tmp: Path) -> dict:
    """COURSE_ROOT marks the grader's processes (workers and kernels inherit it); TMPDIR its temporary folders."""
    return {**os.environ, "COURSE_ROOT": str(course), "TMPDIR": str(tmp)}


def _ours(course: Path) -> list[psutil.Process]:
    """Live processes started for ``course`` (the grader, its workers, their kernels)."""
    found = []
    for proc in psutil.process_iter():
        try:
            if proc.pid != os.getpid() and proc.status() != psutil.STATUS_ZOMBIE \
                    and proc.environ().get("COURSE_ROOT") == str(course):
                found.append(proc)
        except psutil.Error:
            continue
    return found


def _kernels(course: Path) -> list[psutil.Process]:
    return [p for p in _ours(course) if "ipykernel" in " ".join(p.cmdline())]


def _journal_lines(out: Path) -> int:
    path = out / ".course-grade.journal"
    return len(path.read_text(encoding="utf-8").splitlines()) if path.is_file() else 0


def _wait(condition, what: str, limit: float = 240):
    end = time.monotonic() + limit
    while time.monotonic() < end:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"gave up after {limit} s waiting for {what}")


def _stop_everything(course: Path) -> None:
    for proc in _ours(course):
        try:
            proc.kill()
        except psutil.Error:
            pass


def test_kill_9_of_a_worker_and_of_the_main_process_loses_nothing(course, submissions, uninterrupted, tmp_path):
    out, tmp = tmp_path / "out", tmp_path / "tmp"
    tmp.mkdir()
    main = subprocess.Popen(_command(submissions, out), env=_env(course, tmp),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        # a worker killed while its kernel runs a notebook: that submission is graded again
        kernel = _wait(lambda: _kernels(course), "the first kernel")[0]
        assert kernel.environ().get("OMP_NUM_THREADS") == worker.thread_limits(1)["OMP_NUM_THREADS"]
        kernel.parent().kill()
        # the main process killed once two results are recorded
        _wait(lambda: _journal_lines(out) >= 2, "two graded submissions")
        main.kill()
        main.wait(10)
        _wait(lambda: not _ours(course), "the workers and kernels to end by themselves", limit=15)
        workdir = json.loads((out / ".course-grade.json").read_text(encoding="utf-8")).get("workdir")
        assert workdir and Path(workdir).parent == tmp and Path(workdir).is_dir(), "the killed run's folder is left"
    finally:
        main.kill()
        _stop_everything(course)

    proc = subprocess.run(_command(submissions, out), env=_env(course, tmp), capture_output=True, text=True,
                          timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    graded = int(proc.stdout.split("Graded ")[1].split()[0])
    assert 1 <= graded <= 3 and f"kept {5 - graded} unchanged" in proc.stdout, proc.stdout
    assert {name: (out / name).read_bytes() for name in CSVS} == uninterrupted
    assert not any(tmp.iterdir()), "the killed run's temporary folder is removed by the next run"
    assert not (out / ".course-grade.journal").exists(), "the journal is folded into the state file"


def test_sigterm_stops_cleanly_refuses_a_second_run_meanwhile_and_resumes(course, submissions, uninterrupted,
                                                                          tmp_path):
    out, tmp = tmp_path / "out", tmp_path / "tmp"
    tmp.mkdir()
    main = subprocess.Popen(_command(submissions, out), env=_env(course, tmp),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        _wait(lambda: _journal_lines(out) >= 1, "one graded submission")
        second = subprocess.run(_command(submissions, out), env=_env(course, tmp), capture_output=True, text=True,
                                timeout=120)
        assert second.returncode == 2 and "another `course grade`" in second.stderr, second.stderr[-2000:]
        _wait(lambda: _kernels(course), "a kernel at work")
        main.send_signal(signal.SIGTERM)
        stdout, stderr = main.communicate(timeout=30)
    finally:
        main.kill()
        _stop_everything(course)
    assert main.returncode == 128 + signal.SIGTERM, stderr[-3000:]
    assert "Stopped by SIGTERM" in stderr and "run the same command again" in stderr, stderr[-3000:]
    assert not _ours(course), "workers and kernels are ended"
    assert not any(tmp.iterdir()), "temporary folders are removed"
    kept = json.loads((out / ".course-grade.json").read_text(encoding="utf-8"))["entries"]
    assert 1 <= len(kept) < 5

    proc = subprocess.run(_command(submissions, out, jobs=2), env=_env(course, tmp), capture_output=True, text=True,
                          timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert f"Graded {5 - len(kept)} submission(s), kept {len(kept)} unchanged" in proc.stdout, proc.stdout
    assert {name: (out / name).read_bytes() for name in CSVS} == uninterrupted


def test_thread_limits_share_the_cores_between_workers(monkeypatch):
    for name in worker.THREAD_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    assert set(worker.thread_limits(2, cores=2).values()) == {"1"}
    assert set(worker.thread_limits(1, cores=2).values()) == {"2"}
    assert set(worker.thread_limits(3, cores=16).values()) == {"5"}
    assert set(worker.thread_limits(8, cores=2).values()) == {"1"}
    monkeypatch.setenv("OMP_NUM_THREADS", "3")
    assert worker.thread_limits(2, cores=2)["OMP_NUM_THREADS"] == "3", "an instructor's own setting wins"
