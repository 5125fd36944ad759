"""``course grade SUBMISSIONS --out OUT``: autograde a class with nbgrader, dependably.

``SUBMISSIONS/<student_id>/<NN_name>.ipynb`` (or nbgrader's collected layout
``SUBMISSIONS/<student_id>/<NN_name>/<NN_name>.ipynb``) holds any subset of the course's
notebooks; the file name says which assignment it is, nothing is guessed. Every submission
is autograded by nbgrader against ``solutions/`` (see :mod:`course_utils.cli.grading`) in a
worker process of its own (:mod:`.worker`); the main process records each result into
``OUT/nbgrader/``, a real nbgrader course folder with its gradebook, and writes:

- ``OUT/grades.csv``: ``student,assignment,score,max_score``;
- ``OUT/exercises.csv``: ``student,assignment,grade_id,score,max_score,status``;
- ``OUT/notes.csv``: ``student,assignment,grade_id,status,message`` for every exercise that
  did not pass and every file that was skipped, saying why;
- ``OUT/feedback/<student_id>/<NN_name>.html``: nbgrader's feedback for each submission.

Rows are sorted by student, assignment and the exercises' order in the notebook, so the
files are the same whatever ``--jobs``. ``OUT/.course-grade.json`` remembers a hash of each
submission: a new run grades only what changed (or everything with ``--force``).

A run can be stopped at any moment and resumed by running it again. Each result is appended
to ``OUT/.course-grade.journal`` as soon as it is recorded, so even ``kill -9`` loses at most the
submissions being graded at that moment; SIGTERM (and Ctrl-C) stop the workers and their
kernels and remove the temporary folders. A submission whose worker died, or whose kernel did
not start, is graded once more by a fresh worker before it is given ``error`` rows.
"""

from __future__ import annotations

import csv
import difflib
import errno
import hashlib
import html
import json
import os
import queue
import re
import shutil
import signal
import sys
import tempfile
import threading
import time
import unicodedata
import warnings
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import asdict, dataclass
from pathlib import Path

from .. import nbgrader_course, paths
from ..grading import ExerciseResult
from ..notebook_io import read_notebook, test_cells
from .feedback import keep_submission_files
from .worker import Reply, Task, Worker, default_jobs, thread_limits

STATUSES = ("passed", "failed", "error", "timeout", "missing", "tampered", "unreadable")
STATE_FILE = ".course-grade.json"
JOURNAL_FILE = ".course-grade.journal"  # one JSON line per result recorded since STATE_FILE was written
LOCK_FILE = ".course-grade.lock"
STATE_VERSION = 1
#: Reply kinds that are not the notebook's doing: the submission is graded once more by a new worker.
RETRIED = ("died", "crashed", "ungraded")
GRADES_HEADER = ["student", "assignment", "score", "max_score"]
EXERCISES_HEADER = ["student", "assignment", "grade_id", "score", "max_score", "status"]
NOTES_HEADER = ["student", "assignment", "grade_id", "status", "message"]


# --------------------------------------------------------------------------- finding work

@dataclass(frozen=True)
class Submission:
    """One student's notebook for one assignment."""

    student: str
    assignment: str
    path: Path

    @property
    def key(self) -> str:
        return f"{self.student}/{self.assignment}"


@dataclass(frozen=True)
class Skipped:
    """A file that is not graded, and why (reported in ``notes.csv`` and on the terminal)."""

    student: str
    name: str
    reason: str


def _nfc(name: str) -> str:
    # macOS writes decomposed accents (NFD) in file names; ids compare as composed text
    return unicodedata.normalize("NFC", name)


def _unknown(student: str, name: str, known: list[str]) -> Skipped:
    stem = Path(name).stem
    close = difflib.get_close_matches(stem, known, n=1, cutoff=0.6)
    hint = f"; if it is {close[0]}, rename it {close[0]}.ipynb" if close else ""
    return Skipped(student, name, f"not graded: {stem!r} is not an assignment of the course "
                                  f"(they are: {', '.join(known)}){hint}")


def find_submissions(folder: Path, known: list[str]) -> tuple[list[Submission], list[Skipped]]:
    """The notebooks to grade under ``folder``, and the files skipped with a reason."""
    found: dict[tuple[str, str], Submission] = {}
    skipped: list[Skipped] = []
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith("."):
            continue
        if entry.is_file():
            if entry.suffix == ".ipynb":
                skipped.append(Skipped("", entry.name, "not graded: notebooks go in a folder per student, "
                                                       f"{folder.name}/<student_id>/{entry.name}"))
            continue
        student = _nfc(entry.name)
        for item in sorted(entry.iterdir(), key=lambda p: (p.is_dir(), p.name)):  # files first
            if item.name.startswith("."):
                continue
            name = _nfc(item.name)
            if item.is_dir():  # nbgrader's collected layout: <student>/<assignment>/<assignment>.ipynb
                inner = item / f"{item.name}.ipynb"
                if name in known and inner.is_file():
                    candidate = Submission(student, name, inner)
                else:
                    continue
            elif item.suffix == ".ipynb":
                if Path(name).stem not in known:
                    skipped.append(_unknown(student, name, known))
                    continue
                candidate = Submission(student, Path(name).stem, item)
            else:
                continue
            if (student, candidate.assignment) in found:
                skipped.append(Skipped(student, str(candidate.path.relative_to(entry)),
                                       f"not graded: {student} already has "
                                       f"{found[student, candidate.assignment].path.relative_to(entry)}"))
                continue
            found[student, candidate.assignment] = candidate
    return sorted(found.values(), key=lambda s: (s.student, s.assignment)), skipped


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def check_folders(submissions: Path, out: Path) -> None:
    """Raise ``ValueError`` (one line) when SUBMISSIONS or OUT cannot be used."""
    if not submissions.exists():
        raise ValueError(f"submissions folder {submissions} does not exist")
    if not submissions.is_dir():
        raise ValueError(f"{submissions} is a file; pass the folder that holds one folder per student")
    sub, dest = submissions.resolve(), out.resolve()
    if _inside(dest, sub):
        raise ValueError(f"--out {out} is inside the submissions folder {submissions}; "
                         "choose a folder outside it (it would be graded as a student)")
    if _inside(sub, dest):
        raise ValueError(f"the submissions folder {submissions} is inside --out {out}; choose another --out")
    if out.exists() and not out.is_dir():
        raise ValueError(f"--out {out} is a file; choose a folder")
    if out.is_dir() and any(out.iterdir()) and not (out / STATE_FILE).is_file():
        raise ValueError(f"--out {out} already holds files that `course grade` did not write; "
                         "choose a new or empty folder")


# --------------------------------------------------------------------------- state and CSVs

def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _num(x: float) -> str:
    return f"{x:g}"


def _write_csv(path: Path, header: list[str], rows: list[list]) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    os.replace(tmp, path)


def _write_json(path: Path, data: dict) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)


@dataclass
class Exercise:
    grade_id: str
    points: float


def expected_exercises(assignment: str) -> list[Exercise]:
    """The autograded test cells of ``assignment``'s source, in notebook order."""
    nb = read_notebook(paths.source_notebook(assignment))
    return [Exercise(gid, float(cell.metadata["nbgrader"].get("points", 0))) for gid, cell in test_cells(nb).items()]


def _complete(results: list[ExerciseResult], expected: list[Exercise]) -> list[ExerciseResult]:
    """``results`` in the source's order, with a row for any test cell nbgrader left out."""
    by_id = {r.grade_id: r for r in results}
    rows = [by_id.pop(e.grade_id, None) or ExerciseResult(e.grade_id, 0.0, e.points, "error",
                                                          "nbgrader did not grade this test cell")
            for e in expected]
    return rows + sorted(by_id.values(), key=lambda r: r.grade_id)


# --------------------------------------------------------------------------- feedback

_NOTE_STYLE = "border:2px solid #d9534f;border-radius:4px;padding:0.5em 1em;margin:1em auto;max-width:960px"


def _notes_html(results: list[ExerciseResult]) -> str:
    notes = [(r.grade_id, r.status, r.message) for r in results if r.status != "passed"]
    if len(notes) > 1 and len({(status, message) for _, status, message in notes}) == 1:
        notes = [("every exercise", notes[0][1], notes[0][2])]  # e.g. an unreadable notebook
    items = "".join(f"<li><code>{html.escape(gid)}</code>: <strong>{status}</strong>"
                    + (f" &mdash; {html.escape(message)}" if message else "") + "</li>"
                    for gid, status, message in notes)
    return (f'<div class="course-grade-notes" style="{_NOTE_STYLE}"><strong>Grader\'s notes</strong>'
            f"<ul>{items}</ul></div>") if items else ""


def feedback_page(nbgrader_html: str | None, assignment: str, results: list[ExerciseResult]) -> str:
    """nbgrader's feedback with a box of notes on the exercises that did not pass on top;
    a short page of its own when nbgrader could not make one (an unreadable notebook)."""
    notes = _notes_html(results)
    if nbgrader_html is not None:
        return re.sub(r"<body[^>]*>", lambda m: m.group(0) + notes, nbgrader_html, count=1)
    score = sum(r.score for r in results)
    total = sum(r.max_score for r in results)
    return (f"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{html.escape(assignment)}</title></head>"
            f"<body><h2>{html.escape(assignment)} (Score: {_num(score)} / {_num(total)})</h2>{notes}</body></html>\n")


# --------------------------------------------------------------------------- the class's gradebook

class ClassGradebook:
    """``OUT/nbgrader``: a real nbgrader course folder and gradebook that results are recorded in.

    Grades are written by nbgrader's own ``SaveAutoGrades`` from the autograded notebook the
    worker produced, exactly as ``nbgrader autograde`` would; instructors can open the folder
    in the formgrader (manual grading) or run ``nbgrader export`` there.
    """

    def __init__(self, root: Path, timeout: int):
        self.root = root
        self.root.mkdir(parents=True, exist_ok=True)
        nbgrader_course.write_config_file(root, timeout)
        self.db_url = f"sqlite:///{root / 'gradebook.db'}"
        self.course_id = nbgrader_course.nbgrader_config(root).CourseDirectory.course_id
        self._api = None
        self._timeout = timeout

    def prepare(self, assignments: list[str], seed: Path | None = None) -> None:
        """Generate each assignment whose source changed (this also fills the gradebook).

        ``seed``, a course folder with a new gradebook, saves making one more (it takes seconds).
        """
        if seed is not None and not (self.root / "gradebook.db").exists():
            for folder in ("source", "release"):
                shutil.copytree(seed / folder, self.root / folder, dirs_exist_ok=True)
            shutil.copyfile(seed / "gradebook.db", self.root / "gradebook.db")
        for name in assignments:
            release = self.root / "release" / name / f"{name}.ipynb"
            src = self.root / "source" / name / f"{name}.ipynb"
            if release.exists() and src.exists() and src.read_bytes() == paths.source_notebook(name).read_bytes():
                continue
            nbgrader_course.add_source(self.root, name)
            if self._api is None:
                self._api = nbgrader_course.make_api(self.root, timeout=self._timeout)
            nbgrader_course.run_checked(self._api.generate_assignment(name, force=True),
                                        f"prepare {name} in {self.root}")

    def _paths(self, student: str, assignment: str) -> tuple[Path, Path]:
        rel = Path(student) / assignment / f"{assignment}.ipynb"
        return self.root / "submitted" / rel, self.root / "autograded" / rel

    def record(self, sub: Submission, autograded: Path | None, feedback: str) -> None:
        """Record a graded submission (or forget the old one when it could not be graded)."""
        from nbgrader.api import Gradebook
        from nbgrader.preprocessors import SaveAutoGrades

        submitted_copy, autograded_copy = self._paths(sub.student, sub.assignment)
        if autograded is None:
            self.forget(sub.student, sub.assignment)
            with warnings.catch_warnings(), Gradebook(self.db_url, self.course_id) as gb:
                warnings.simplefilter("ignore")  # nbgrader's database layer warns about its own session use
                gb.update_or_create_student(sub.student)  # so that `nbgrader export` lists them
            return
        for src, dest in ((sub.path, submitted_copy), (autograded, autograded_copy)):
            dest.parent.mkdir(parents=True, exist_ok=True)
            if dest.exists():
                dest.chmod(0o644)
            shutil.copyfile(src, dest)
        nb_feedback = self.root / "feedback" / sub.student / sub.assignment / f"{sub.assignment}.html"
        nb_feedback.parent.mkdir(parents=True, exist_ok=True)
        nb_feedback.write_text(feedback, encoding="utf-8")
        keep_submission_files(sub.path, self.root, sub.student, sub.assignment)  # for nbgrader's release_feedback
        resources = {"nbgrader": {"notebook": sub.assignment, "assignment": sub.assignment,
                                  "student": sub.student, "db_url": self.db_url}}
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with Gradebook(self.db_url, self.course_id) as gb:
                gb.update_or_create_student(sub.student)
                gb.update_or_create_submission(sub.assignment, sub.student)
            SaveAutoGrades().preprocess(read_notebook(autograded_copy), resources)

    def forget(self, student: str, assignment: str) -> None:
        """Remove a submission from the gradebook and the course folder (if it is there)."""
        from nbgrader.api import Gradebook, MissingEntry

        for folder in ("submitted", "autograded", "feedback"):
            shutil.rmtree(self.root / folder / student / assignment, ignore_errors=True)
        if (self.root / "gradebook.db").exists():
            with warnings.catch_warnings(), Gradebook(self.db_url, self.course_id) as gb:
                warnings.simplefilter("ignore")
                try:
                    gb.remove_submission(assignment, student)
                except MissingEntry:
                    pass


# --------------------------------------------------------------------------- the batch

@dataclass
class Summary:
    graded: int
    reused: int
    skipped: list[Skipped]
    statuses: dict[str, int]
    seconds: float
    jobs: int


def hard_limit(n_cells: int, timeout: int) -> float:
    """Seconds after which a submission's worker is killed: far beyond every cell timing out."""
    return 120 + (n_cells + 2) * (timeout + 15)


class _Pool:
    """``jobs`` worker processes, started on demand and replaced when one is killed."""

    def __init__(self, template: Path, log_dir: Path, jobs: int):
        self._template, self._log_dir = template, log_dir
        self._environment = thread_limits(jobs)
        self._idle: queue.Queue = queue.Queue()
        self._all: list[Worker] = []
        self._lock = threading.Lock()
        self._jobs = jobs
        self._counter = 0

    def _new(self) -> Worker:
        with self._lock:
            self._counter += 1
            worker = Worker(self._template, self._log_dir / f"worker-{(self._counter - 1) % self._jobs + 1}.log",
                            self._environment)
            self._all.append(worker)
            return worker

    def run(self, task: Task, limit: float) -> Reply:
        try:
            worker = self._idle.get_nowait()
        except queue.Empty:
            worker = self._new()
        reply = worker.grade(task, limit)
        if reply.kind in ("died", "hung", "crashed"):
            with self._lock:
                self._all.remove(worker)
            worker.kill()
        else:
            self._idle.put(worker)
        return reply

    def close(self, kill: bool = False) -> None:
        with self._lock:
            workers, self._all = list(self._all), []
        for worker in workers:
            worker.kill() if kill else worker.close()


def _results_for(reply: Reply, expected: list[Exercise]) -> list[ExerciseResult]:
    if reply.kind in ("graded", "ungraded"):
        return _complete(reply.results, expected)
    status = {"unreadable": "unreadable", "hung": "timeout"}.get(reply.kind, "error")
    message = reply.message if reply.kind != "crashed" else f"the grader failed on this notebook: {reply.message}"
    return [ExerciseResult(e.grade_id, 0.0, e.points, status, message) for e in expected]


def _load_state(out: Path, submissions: Path) -> dict:
    state = {"version": STATE_VERSION, "submissions": str(submissions.resolve()), "entries": {}}
    path = out / STATE_FILE
    if path.is_file():
        try:
            old = json.loads(path.read_text(encoding="utf-8"))
        except (ValueError, OSError):
            old = {}
        if old.get("submissions") not in (None, state["submissions"]):
            raise ValueError(f"--out {out} holds the grades of another submissions folder "
                             f"({old['submissions']}); choose another --out")
        if old.get("version") == STATE_VERSION:
            state["entries"] = old.get("entries", {})
            state["workdir"] = old.get("workdir")
    journal = out / JOURNAL_FILE
    if journal.is_file():  # results recorded after the state file was last written (a run was stopped)
        for line in journal.read_text(encoding="utf-8").splitlines():
            try:
                item = json.loads(line)
            except ValueError:  # the last line of a run killed while writing it
                continue
            state["entries"][item["key"]] = item["entry"]
    return state


def _save_state(out: Path, state: dict) -> None:
    """Write the whole state file, then drop the journal it now contains."""
    _write_json(out / STATE_FILE, state)
    (out / JOURNAL_FILE).unlink(missing_ok=True)


def _remove_old_workdir(state: dict) -> None:
    """Remove the temporary folder of a run that was killed before it could (``kill -9``)."""
    old = state.pop("workdir", None)
    if old and Path(old).name.startswith("course-grade-") and Path(old).is_dir():
        shutil.rmtree(old, ignore_errors=True)


class _OutLock:
    """An exclusive lock on OUT while a run writes there; the system drops it when the process ends."""

    def __init__(self, out: Path):
        self._path, self._file = out / LOCK_FILE, None

    def __enter__(self):
        try:
            import fcntl
        except ImportError:  # not on a Unix: no lock
            return self
        self._file = open(self._path, "a+", encoding="utf-8")
        try:
            fcntl.flock(self._file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as err:
            if err.errno not in (errno.EAGAIN, errno.EACCES):
                raise
            self._file.seek(0)
            holder = self._file.read().strip() or "another process"
            self._file.close()
            raise ValueError(f"another `course grade` (process {holder}) is writing to --out {self._path.parent}; "
                             "wait for it to finish or choose another --out") from None
        self._file.seek(0)
        self._file.truncate()
        self._file.write(str(os.getpid()))
        self._file.flush()
        return self

    def __exit__(self, *exc):
        if self._file is not None:
            self._file.close()  # releases the lock
        return False


class GradingStopped(KeyboardInterrupt):
    """``course grade`` was told to stop (SIGTERM, SIGHUP); what was graded is kept."""

    def __init__(self, signum: int):
        super().__init__(signal.Signals(signum).name)
        self.exit_code = 128 + signum


class _StopOnSignals:
    """Turn SIGTERM and SIGHUP into :class:`GradingStopped` in the main thread while grading."""

    SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))

    def __enter__(self):
        self._old = {}
        if threading.current_thread() is threading.main_thread():
            for signum in self.SIGNALS:
                self._old[signum] = signal.signal(signum, self._raise)
        return self

    @staticmethod
    def _raise(signum, frame):
        raise GradingStopped(signum)

    def __exit__(self, *exc):
        for signum, handler in self._old.items():
            signal.signal(signum, handler)
        return False


def _make_template(root: Path, assignments: list[str], timeout: int) -> Path:
    """An nbgrader course folder with ``assignments`` generated and no submissions."""
    for name in assignments:
        nbgrader_course.add_source(root, name)
    api = nbgrader_course.make_api(root, timeout=timeout)
    for name in assignments:
        nbgrader_course.run_checked(api.generate_assignment(name, force=True), f"prepare {name}")
    return root


def grade_class(submissions: Path, out: Path, jobs: int | None = None,
                timeout: int = nbgrader_course.DEFAULT_CELL_TIMEOUT, force: bool = False,
                progress: bool = True, say=lambda text: print(text, file=sys.stderr, flush=True)) -> Summary:
    """Grade every submission under ``submissions`` into ``out``; see the module's docstring."""
    started = time.monotonic()
    submissions, out = Path(submissions), Path(out)
    jobs = jobs or default_jobs()
    check_folders(submissions, out)
    known = paths.assignments()
    found, skipped = find_submissions(submissions, known)
    if not found:
        why = f" ({len(skipped)} file(s) skipped: {skipped[0].reason})" if skipped else ""
        raise ValueError(f"no notebooks to grade in {submissions}: expected "
                         f"{submissions}/<student_id>/<NN_name>.ipynb with NN_name one of {', '.join(known)}{why}")
    out.mkdir(parents=True, exist_ok=True)
    with _OutLock(out), _StopOnSignals():
        return _grade_locked(submissions, out, found, skipped, jobs, timeout, force, progress, say, started)


def _grade_locked(submissions: Path, out: Path, found: list[Submission], skipped: list[Skipped], jobs: int,
                  timeout: int, force: bool, progress: bool, say, started: float) -> Summary:
    state = _load_state(out, submissions)
    _remove_old_workdir(state)
    _save_state(out, state)  # marks OUT as ours from now on

    assignments = sorted({s.assignment for s in found})
    expected = {a: expected_exercises(a) for a in assignments}
    source_sha = {a: _sha256(paths.source_notebook(a)) for a in assignments}
    feedback_dir = out / "feedback"
    todo, reused = [], 0
    for sub in found:
        entry = state["entries"].get(sub.key)
        sha = _sha256(sub.path)
        if (not force and entry and entry.get("sha256") == sha and entry.get("source") == source_sha[sub.assignment]
                and entry.get("timeout") == timeout and (feedback_dir / sub.student / f"{sub.assignment}.html").is_file()):
            reused += 1
        else:
            todo.append((sub, sha))
    if reused:
        say(f"{reused} submission(s) unchanged since the last run: kept their grades (--force regrades them).")

    gradebook = ClassGradebook(out / "nbgrader", timeout)
    with tempfile.TemporaryDirectory(prefix="course-grade-") as tmp:
        state["workdir"] = tmp  # removed by the next run if this one is killed before it can
        template = _make_template(Path(tmp) / "template", sorted({s.assignment for s, _ in todo}), timeout) \
            if todo else None
        gradebook.prepare(assignments, seed=template)
        current = {s.key for s in found}
        for key in sorted(set(state["entries"]) - current):  # no longer in SUBMISSIONS
            student, assignment = key.rsplit("/", 1)
            gradebook.forget(student, assignment)
            (feedback_dir / student / f"{assignment}.html").unlink(missing_ok=True)
            del state["entries"][key]
        _save_state(out, state)
        if todo:
            say(f"Grading {len(todo)} submission(s) with {min(jobs, len(todo))} worker(s), "
                f"at most {timeout} s per cell...")
            batch = _Batch(out, state, expected, source_sha, timeout, gradebook, Path(tmp))
            try:
                batch.run(todo, template, min(jobs, len(todo)), progress)
            except KeyboardInterrupt as stop:
                state.pop("workdir", None)
                _save_state(out, state)
                why = f"by {stop}" if isinstance(stop, GradingStopped) else "(interrupted)"
                say(f"Stopped {why}: {batch.recorded} of {len(todo)} submission(s) were graded and are kept in {out}; "
                    "run the same command again to grade the rest.")
                raise
        state.pop("workdir", None)
        _save_state(out, state)

    rows = {key: [ExerciseResult(*r) for r in state["entries"][key]["results"]] for key in sorted(current)}
    statuses = write_reports(out, found, rows, skipped)
    return Summary(len(todo), reused, skipped, statuses, time.monotonic() - started, jobs)


@dataclass
class _Batch:
    """Grading the submissions that need it, and recording each result as it arrives."""

    out: Path
    state: dict
    expected: dict[str, list[Exercise]]
    source_sha: dict[str, str]
    timeout: int
    gradebook: ClassGradebook
    tmp: Path
    recorded: int = 0

    def run(self, todo: list[tuple[Submission, str]], template: Path, jobs: int, progress: bool) -> None:
        from tqdm import tqdm

        code_cells = {a: sum(c.cell_type == "code" for c in read_notebook(paths.source_notebook(a)).cells)
                      for a in self.expected}
        log_dir = self.gradebook.root / "logs"
        log_dir.mkdir(exist_ok=True)
        pool = _Pool(template, log_dir, jobs)
        bar = tqdm(total=len(todo), unit="notebook", desc="grading", file=sys.stderr, disable=not progress,
                   dynamic_ncols=True)

        def grade(i: int, sub: Submission) -> Reply:
            for attempt in (1, 2):
                workdir = self.tmp / f"task-{i}-{attempt}"
                task = Task(sub.assignment, str(sub.path), self.timeout, str(workdir))
                reply = pool.run(task, hard_limit(code_cells[sub.assignment], self.timeout))
                if reply.kind not in RETRIED:
                    return reply
                if attempt == 1:
                    shutil.rmtree(workdir, ignore_errors=True)
            return reply

        executor = ThreadPoolExecutor(max_workers=jobs)
        try:
            futures = {executor.submit(grade, i, sub): (i, sub, sha) for i, (sub, sha) in enumerate(todo)}
            for future in as_completed(futures):
                i, sub, sha = futures[future]
                self.record(sub, sha, future.result())
                for workdir in self.tmp.glob(f"task-{i}-*"):
                    shutil.rmtree(workdir, ignore_errors=True)
                bar.set_postfix_str(f"{sub.student}/{sub.assignment}", refresh=False)
                bar.update()
        except BaseException:  # Ctrl-C or a bug: stop the workers and their kernels now
            executor.shutdown(wait=False, cancel_futures=True)
            pool.close(kill=True)
            raise
        finally:
            bar.close()
        executor.shutdown(wait=True)
        pool.close()

    def record(self, sub: Submission, sha: str, reply: Reply) -> None:
        results = _results_for(reply, self.expected[sub.assignment])
        nb_html = Path(reply.feedback).read_text(encoding="utf-8") if reply.feedback else None
        page = feedback_page(nb_html, sub.assignment, results)
        target = self.out / "feedback" / sub.student / f"{sub.assignment}.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page, encoding="utf-8")
        self.gradebook.record(sub, Path(reply.autograded) if reply.autograded else None, page)
        entry = {"sha256": sha, "source": self.source_sha[sub.assignment], "timeout": self.timeout,
                 "results": [list(asdict(r).values()) for r in results]}
        self.state["entries"][sub.key] = entry
        with open(self.out / JOURNAL_FILE, "a", encoding="utf-8") as journal:  # O(1) per result, unlike the state file
            journal.write(json.dumps({"key": sub.key, "entry": entry}, ensure_ascii=False) + "\n")
        self.recorded += 1


def write_reports(out: Path, found: list[Submission], rows: dict[str, list[ExerciseResult]],
                  skipped: list[Skipped]) -> dict[str, int]:
    """Write grades.csv, exercises.csv and notes.csv; return the count of each status."""
    grades, exercises, notes = [], [], []
    statuses = dict.fromkeys(STATUSES, 0)
    for sub in found:
        results = rows[sub.key]
        grades.append([sub.student, sub.assignment, _num(sum(r.score for r in results)),
                       _num(sum(r.max_score for r in results))])
        for r in results:
            exercises.append([sub.student, sub.assignment, r.grade_id, _num(r.score), _num(r.max_score), r.status])
            statuses[r.status] = statuses.get(r.status, 0) + 1
            if r.status != "passed":
                notes.append([sub.student, sub.assignment, r.grade_id, r.status, r.message])
    for s in skipped:
        notes.append([s.student, s.name, "", "skipped", s.reason])
    _write_csv(out / "grades.csv", GRADES_HEADER, grades)
    _write_csv(out / "exercises.csv", EXERCISES_HEADER, exercises)
    _write_csv(out / "notes.csv", NOTES_HEADER, notes)
    return statuses


def format_summary(summary: Summary, out: Path) -> str:
    """What ``course grade`` prints when it is done."""
    counts = ", ".join(f"{n} {status}" for status, n in summary.statuses.items() if n)
    lines = [f"Graded {summary.graded} submission(s), kept {summary.reused} unchanged, in {summary.seconds:.0f} s.",
             f"Exercises: {counts or 'none'}.",
             f"Wrote {out / 'grades.csv'}, {out / 'exercises.csv'}, {out / 'notes.csv'} (why each exercise "
             f"did not pass) and feedback in {out / 'feedback'}/."]
    if summary.skipped:
        lines.append(f"Skipped {len(summary.skipped)} file(s):")
        lines += [f"  {Path(s.student, s.name) if s.student else s.name}: {s.reason}" for s in summary.skipped]
    return "\n".join(lines)
