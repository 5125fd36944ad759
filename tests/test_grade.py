"""`course grade`: a class of submissions built from the course's first notebook.

The class holds, for notebook 00: the solutions (full marks), the blank release, a looping
answer, a crashing kernel (``os._exit``), edited and deleted test cells, broken JSON, a JSON
file that is not a notebook, a cell printing tens of megabytes, student ids with spaces and
non-ASCII letters, and files that must be skipped (an unknown assignment name, a notebook
outside any student folder). It is graded in parallel (``--jobs 2``) and, a subset,
serially (``--jobs 1``); both must give exactly the expected row for every exercise.
"""

from __future__ import annotations

import copy
import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from conftest import first_notebook_course

from course_utils import cli
from course_utils.cli import paths
from course_utils.cli import notebook_io
from course_utils.cli.notebook_io import read_notebook

FIRST = paths.assignments()[0]
SOURCE = read_notebook(paths.source_notebook(FIRST))
RELEASE = read_notebook(paths.notebooks_dir() / f"{FIRST}.ipynb")
TESTS = list(notebook_io.test_cells(SOURCE))
POINTS = {gid: float(cell.metadata.nbgrader.points) for gid, cell in notebook_io.test_cells(SOURCE).items()}
TIMEOUT = 15  # seconds per cell: the looping answer costs this much


def _answer_ids() -> dict[str, str]:
    """The answer cell (grade_id) right before each test cell."""
    answers, last = {}, None
    for cell in SOURCE.cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("solution") and cell.cell_type == "code":
            last = meta["grade_id"]
        if meta.get("grade") and cell.cell_type == "code":
            answers[meta["grade_id"]] = last
    return answers


ANSWER = _answer_ids()
#: The exercises (answer cells) in order, each with its test cells (behaviour, then validation).
EXERCISES = list(dict.fromkeys(ANSWER[gid] for gid in TESTS))
TESTS_OF = {answer: [gid for gid in TESTS if ANSWER[gid] == answer] for answer in EXERCISES}
MAIN = [TESTS_OF[answer][0] for answer in EXERCISES]  # each exercise's first test cell


def _cell(nb, gid):
    return next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == gid)


def _solution(**answers):
    """The solution notebook with some answer cells (``e<i>``: exercise ``i``) replaced."""
    nb = copy.deepcopy(SOURCE)
    for index, source in answers.items():
        _cell(nb, EXERCISES[int(index[1:])]).source = source
    return nb


def _unanswered(nb, index):
    """Put back the release's stub (`raise NotImplementedError(...)`) in exercise ``index``."""
    gid = EXERCISES[index]
    _cell(nb, gid).source = _cell(RELEASE, gid).source


def _expect(cells: dict | None = None, **overrides):
    """Expected (status, score) per test cell: passed/full marks unless overridden.

    ``e<i>="status"`` sets every test cell of exercise ``i``; ``cells={grade_id: (status, score)}``
    then sets single test cells.
    """
    rows = {gid: ("passed", POINTS[gid]) for gid in TESTS}
    for index, status in overrides.items():
        for gid in TESTS_OF[EXERCISES[int(index[1:])]]:
            rows[gid] = (status, POINTS[gid] if status == "passed" else 0.0)
    rows.update(cells or {})
    return [rows[gid] for gid in TESTS]


def _build(folder: Path, students: list[str] | None = None) -> dict[str, list[tuple[str, float]]]:
    """Write the class into ``folder``; return the expected rows of each student graded."""
    assert len(EXERCISES) >= 5, f"{FIRST} has {len(EXERCISES)} graded exercises; this class needs 5"
    expected, notebooks, raw = {}, {}, {}

    notebooks["Zoë Ångström"] = SOURCE
    expected["Zoë Ångström"] = _expect()
    notebooks["ana maria"] = RELEASE
    expected["ana maria"] = _expect(**{f"e{i}": "error" for i in range(len(EXERCISES))})
    # an endless loop in the first answer cell: that exercise is a timeout, the others are graded
    notebooks["loop"] = _solution(e0="while True:\n    pass")
    expected["loop"] = _expect(e0="timeout")
    # the kernel dies in the third answer cell: what ran before is graded, the rest is an error
    notebooks["crash"] = _solution(e2="import os\nos._exit(1)")
    expected["crash"] = _expect(**{f"e{i}": "error" for i in range(2, len(EXERCISES))})
    # edited test cells are restored: right answer -> full marks, unanswered -> 0, both flagged
    nb = _solution()
    _cell(nb, MAIN[1]).source = "pass"
    _unanswered(nb, 3)
    _cell(nb, MAIN[3]).source = "assert True"
    notebooks["tampered"] = nb
    expected["tampered"] = _expect(cells={MAIN[1]: ("tampered", POINTS[MAIN[1]]), MAIN[3]: ("tampered", 0.0)},
                                   e3="error")
    # deleted test cells are restored the same way
    nb = _solution()
    _unanswered(nb, 4)
    nb.cells = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") not in (MAIN[0], MAIN[4])]
    notebooks["deleted"] = nb
    expected["deleted"] = _expect(cells={MAIN[0]: ("missing", POINTS[MAIN[0]]), MAIN[4]: ("missing", 0.0)},
                                  e4="error")
    # tens of megabytes printed by a cell of the student's own
    nb = _solution()
    nb.cells.insert(2, nbformat.v4.new_code_cell('print("x" * 30_000_000)\nfor i in range(300_000):\n    print(i)'))
    notebooks["huge output"] = nb
    expected["huge output"] = _expect()
    raw["broken"] = nbformat.writes(SOURCE)[:5000]  # cut off mid-file
    expected["broken"] = _expect(**{f"e{i}": "unreadable" for i in range(len(EXERCISES))})
    raw["not a notebook"] = json.dumps([1, 2, 3])
    expected["not a notebook"] = _expect(**{f"e{i}": "unreadable" for i in range(len(EXERCISES))})

    chosen = students or list(expected)
    for student in chosen:
        (folder / student).mkdir(parents=True)
        target = folder / student / f"{FIRST}.ipynb"
        if student in raw:
            target.write_text(raw[student], encoding="utf-8")
        else:
            nbformat.write(notebooks[student], target)
    if students is None:  # files that are reported and skipped, never guessed
        nbformat.write(SOURCE, folder / "Zoë Ångström" / f"{FIRST} (1).ipynb")
        nbformat.write(SOURCE, folder / "loop" / "homework.ipynb")
        nbformat.write(SOURCE, folder / f"{FIRST}.ipynb")
        (folder / "loop" / ".ipynb_checkpoints").mkdir()
        nbformat.write(SOURCE, folder / "loop" / ".ipynb_checkpoints" / f"{FIRST}-checkpoint.ipynb")
    return {s: expected[s] for s in chosen}


def _rows(expected):
    """Rows in the order promised: by student, then the exercises' order in the notebook."""
    return [(student, FIRST, TESTS[i], score, POINTS[TESTS[i]], status)
            for student in sorted(expected) for i, (status, score) in enumerate(expected[student])]


def _read_csv(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _diagnosis(out: Path) -> str:
    """notes.csv and the workers' logs, for an assertion's message."""
    logs = "".join(f"\n--- {p.name}\n" + p.read_text(encoding="utf-8", errors="replace")[-3000:]
                   for p in sorted((out / "nbgrader" / "logs").glob("*.log")))
    return (out / "notes.csv").read_text(encoding="utf-8")[-6000:] + logs


def _exercise_rows(out: Path):
    return [(r["student"], r["assignment"], r["grade_id"], float(r["score"]), float(r["max_score"]), r["status"])
            for r in _read_csv(out / "exercises.csv")]


def _check_grades_csv(out: Path, expected) -> None:
    rows = _read_csv(out / "grades.csv")
    assert list(rows[0]) == ["student", "assignment", "score", "max_score"]
    got = [(r["student"], r["assignment"], float(r["score"]), float(r["max_score"])) for r in rows]
    assert got == sorted((s, FIRST, sum(score for _, score in e), sum(POINTS.values())) for s, e in expected.items())


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """A scratch course holding only the first notebook (solution and release)."""
    return first_notebook_course(tmp_path_factory.mktemp("scratch") / "course")


def course_cmd(course_root: Path, *args, **kwargs):
    env = {**os.environ, "COURSE_ROOT": str(course_root)}
    return subprocess.run([sys.executable, "-m", "course_utils.cli", *map(str, args)],
                          capture_output=True, text=True, env=env, **kwargs)


@pytest.mark.notebook
@pytest.mark.xdist_group("grade-parallel")
def test_class_graded_in_parallel_gets_every_exercise_right(course, tmp_path):
    submissions = tmp_path / "class 2024 – Übung"
    expected = _build(submissions)
    out = tmp_path / "grades out"

    proc = course_cmd(course, "grade", submissions, "--out", out, "--jobs", 2, "--timeout", TIMEOUT)

    assert proc.returncode == 0, proc.stderr[-3000:]
    assert f"{len(expected)}/{len(expected)}" in proc.stderr, "the progress bar reached the end"
    assert _exercise_rows(out) == _rows(expected), _diagnosis(out)
    assert list(_read_csv(out / "exercises.csv")[0]) == ["student", "assignment", "grade_id", "score", "max_score",
                                                         "status"]
    _check_grades_csv(out, expected)

    notes = {(r["student"], r["assignment"], r["grade_id"]): r for r in _read_csv(out / "notes.csv")}
    def note(student, i):
        return notes[student, FIRST, MAIN[i]]["message"]
    assert f"longer than {TIMEOUT} s" in note("loop", 0)
    assert "kernel died while this cell ran" in note("crash", 2) or "kernel died" in note("crash", 2)
    assert "not run: the kernel died" in note("crash", 4)
    assert "edited and has been restored" in note("tampered", 1) and "restored tests: passed" in note("tampered", 1)
    assert "deleted and has been restored" in note("deleted", 4)
    assert "NotImplementedError" in note("ana maria", 0)
    assert "broken notebook JSON" in note("broken", 0) and str(submissions) not in note("broken", 0)
    assert "not a Jupyter notebook" in note("not a notebook", 0)
    skipped = {r["assignment"]: r["message"] for r in notes.values() if r["status"] == "skipped"}
    assert set(skipped) == {f"{FIRST} (1).ipynb", "homework.ipynb", f"{FIRST}.ipynb"}, skipped
    assert f"rename it {FIRST}.ipynb" in skipped[f"{FIRST} (1).ipynb"]
    assert "folder per student" in skipped[f"{FIRST}.ipynb"]
    assert "Skipped 3 file(s)" in proc.stdout and "homework.ipynb" in proc.stdout

    # feedback: nbgrader's HTML for every submission, hidden tests left out, small whatever was printed
    assert any("BEGIN HIDDEN TESTS" in c.source for c in notebook_io.test_cells(SOURCE).values())
    for student in expected:
        page = (out / "feedback" / student / f"{FIRST}.html").read_text(encoding="utf-8")
        assert len(page) < 1_500_000, (student, len(page))
        assert "BEGIN HIDDEN TESTS" not in page and FIRST in page
    huge = (out / "feedback" / "huge output" / f"{FIRST}.html").read_text(encoding="utf-8")
    assert "Output truncated by the grader" in huge
    assert "edited and has been restored" in (out / "feedback" / "tampered" / f"{FIRST}.html").read_text(encoding="utf-8")
    assert "broken notebook JSON" in (out / "feedback" / "broken" / f"{FIRST}.html").read_text(encoding="utf-8")

    # the real gradebook agrees with grades.csv; unreadable submissions have none there
    from nbgrader.api import Gradebook, MissingEntry

    with Gradebook(f"sqlite:///{out / 'nbgrader' / 'gradebook.db'}", "dl-medical-imaging") as gb:
        for student, rows in expected.items():
            gb.find_student(student)
            if rows[0][0] == "unreadable":
                with pytest.raises(MissingEntry):
                    gb.find_submission(FIRST, student)
            else:
                assert gb.find_submission(FIRST, student).score == pytest.approx(sum(s for _, s in rows)), student

    # a second run on the same folder regrades nothing and writes the same files
    before = {p: p.read_bytes() for p in out.glob("*.csv")}
    stamps = {p: p.stat().st_mtime_ns for p in (out / "feedback").rglob("*.html")}
    proc = course_cmd(course, "grade", submissions, "--out", out, "--jobs", 2, "--timeout", TIMEOUT)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert f"Graded 0 submission(s), kept {len(expected)} unchanged" in proc.stdout
    assert {p: p.read_bytes() for p in out.glob("*.csv")} == before
    assert {p: p.stat().st_mtime_ns for p in (out / "feedback").rglob("*.html")} == stamps


@pytest.mark.notebook
@pytest.mark.xdist_group("grade-serial")
def test_class_graded_serially_gets_the_same_rows_and_regrades_only_changes(course, tmp_path):
    submissions = tmp_path / "submissions"
    expected = _build(submissions, ["crash", "loop", "tampered", "broken"])
    out = tmp_path / "out"

    proc = course_cmd(course, "grade", submissions, "--out", out, "--jobs", 1, "--timeout", TIMEOUT, "--no-progress")

    assert proc.returncode == 0, proc.stderr[-3000:]
    assert _exercise_rows(out) == _rows(expected), _diagnosis(out)
    _check_grades_csv(out, expected)

    # one submission fixed, one withdrawn: only the fixed one is graded again
    nbformat.write(SOURCE, submissions / "broken" / f"{FIRST}.ipynb")
    expected["broken"] = _expect()
    for path in (submissions / "tampered").iterdir():
        path.unlink()
    (submissions / "tampered").rmdir()
    del expected["tampered"]
    proc = course_cmd(course, "grade", submissions, "--out", out, "--jobs", 1, "--timeout", TIMEOUT, "--no-progress")
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "Graded 1 submission(s), kept 2 unchanged" in proc.stdout
    assert _exercise_rows(out) == _rows(expected), _diagnosis(out)
    assert not (out / "feedback" / "tampered").exists() or not any((out / "feedback" / "tampered").iterdir())
    from nbgrader.api import Gradebook, MissingEntry

    with Gradebook(f"sqlite:///{out / 'nbgrader' / 'gradebook.db'}", "dl-medical-imaging") as gb:
        with pytest.raises(MissingEntry):
            gb.find_submission(FIRST, "tampered")
        assert gb.find_submission(FIRST, "broken").score == sum(POINTS.values())


def test_force_regrades_unchanged_submissions(course, tmp_path):
    submissions = tmp_path / "class"
    (submissions / "s1").mkdir(parents=True)
    (submissions / "s1" / f"{FIRST}.ipynb").write_text("{", encoding="utf-8")
    out = tmp_path / "out"
    for extra, message in (([], "Graded 1 submission(s), kept 0"), ([], "Graded 0 submission(s), kept 1"),
                           (["--force"], "Graded 1 submission(s), kept 0")):
        proc = course_cmd(course, "grade", submissions, "--out", out, "--no-progress", *extra)
        assert proc.returncode == 0 and message in proc.stdout, proc.stdout + proc.stderr[-2000:]
    assert [r["status"] for r in _read_csv(out / "exercises.csv")] == ["unreadable"] * len(TESTS)


def test_a_submission_past_the_hard_limit_is_stopped_with_its_kernel(course, tmp_path, monkeypatch):
    """A notebook whose grading never ends (nbgrader itself stuck) costs the hard limit, no more."""
    import psutil

    from course_utils.cli.instructor import grade

    monkeypatch.setenv("COURSE_ROOT", str(course))
    monkeypatch.setattr(grade, "hard_limit", lambda cells, timeout: 3)
    (tmp_path / "class" / "slow").mkdir(parents=True)
    nbformat.write(SOURCE, tmp_path / "class" / "slow" / f"{FIRST}.ipynb")
    summary = grade.grade_class(tmp_path / "class", tmp_path / "out", jobs=1, timeout=60, progress=False)
    assert summary.statuses["timeout"] == len(TESTS)
    notes = _read_csv(tmp_path / "out" / "notes.csv")
    assert all("longer than 3 s in all" in r["message"] for r in notes)
    def leftover(proc):
        try:
            cmd = " ".join(proc.cmdline())
            return proc.status() != psutil.STATUS_ZOMBIE and ("ipykernel" in cmd or "spawn_main" in cmd)
        except psutil.Error:
            return False
    alive = [p for p in psutil.Process().children(recursive=True) if leftover(p)]
    assert not alive, [p.cmdline() for p in alive]


# --------------------------------------------------------------------------- bad input

def _bad(tmp_path, capsys, *args):
    code = cli.main(["grade", *map(str, args)])
    err = capsys.readouterr().err
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert code == 2 and len(lines) == 1 and lines[0].startswith("course grade: "), err
    return lines[0]


def test_bad_folders_get_one_line_and_exit_2(course, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("COURSE_ROOT", str(course))
    out = tmp_path / "out"
    assert "does not exist" in _bad(tmp_path, capsys, tmp_path / "nope", "--out", out)
    (tmp_path / "file.txt").write_text("x")
    assert "is a file" in _bad(tmp_path, capsys, tmp_path / "file.txt", "--out", out)
    empty = tmp_path / "empty"
    empty.mkdir()
    assert "no notebooks to grade" in _bad(tmp_path, capsys, empty, "--out", out)
    odd = tmp_path / "odd"
    (odd / "ana").mkdir(parents=True)
    nbformat.write(SOURCE, odd / "ana" / "homework.ipynb")
    assert "no notebooks to grade" in _bad(tmp_path, capsys, odd, "--out", out)
    assert not out.exists(), "bad input must not create OUT"

    good = tmp_path / "class"
    (good / "ana").mkdir(parents=True)
    nbformat.write(SOURCE, good / "ana" / f"{FIRST}.ipynb")
    assert "inside the submissions folder" in _bad(tmp_path, capsys, good, "--out", good / "grades")
    assert "inside --out" in _bad(tmp_path, capsys, good, "--out", tmp_path)
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / "thesis.tex").write_text("x")
    assert "did not write" in _bad(tmp_path, capsys, good, "--out", foreign)
    assert "is a file" in _bad(tmp_path, capsys, good, "--out", tmp_path / "file.txt")
    other = tmp_path / "other-out"
    other.mkdir()
    (other / ".course-grade.json").write_text(json.dumps({"version": 1, "submissions": "/elsewhere", "entries": {}}))
    assert "another submissions folder" in _bad(tmp_path, capsys, good, "--out", other)


@pytest.mark.parametrize("option, value", [("--jobs", "0"), ("--timeout", "-5"), ("--jobs", "two")])
def test_bad_numbers_are_refused(tmp_path, capsys, option, value):
    with pytest.raises(SystemExit) as exc:
        cli.main(["grade", str(tmp_path), "--out", str(tmp_path / "o"), option, value])
    assert exc.value.code == 2
    assert option in capsys.readouterr().err


# --------------------------------------------------------------------------- finding submissions

def test_layouts_duplicates_and_odd_files(tmp_path):
    import unicodedata

    from course_utils.cli.instructor.grade import find_submissions

    known = [FIRST, "01_other"]
    (tmp_path / "ana").mkdir()
    nbformat.write(SOURCE, tmp_path / "ana" / f"{FIRST}.ipynb")
    (tmp_path / "ana" / FIRST).mkdir()  # nbgrader's collected layout as well: a duplicate
    nbformat.write(SOURCE, tmp_path / "ana" / FIRST / f"{FIRST}.ipynb")
    (tmp_path / "bo").mkdir()
    (tmp_path / "bo" / "01_other").mkdir()
    nbformat.write(SOURCE, tmp_path / "bo" / "01_other" / "01_other.ipynb")
    (tmp_path / "bo" / "notes.txt").write_text("not a notebook: ignored")
    nfd = unicodedata.normalize("NFD", "Zoë")
    (tmp_path / nfd).mkdir()
    nbformat.write(SOURCE, tmp_path / nfd / f"{FIRST}.ipynb")
    (tmp_path / ".hidden").mkdir()
    nbformat.write(SOURCE, tmp_path / ".hidden" / f"{FIRST}.ipynb")

    found, skipped = find_submissions(tmp_path, known)

    assert [(s.student, s.assignment) for s in found] == [("Zoë", FIRST), ("ana", FIRST), ("bo", "01_other")]
    assert found[0].student == unicodedata.normalize("NFC", "Zoë")
    assert [(s.student, s.name) for s in skipped] == [("ana", f"{FIRST}/{FIRST}.ipynb")]
    assert "already has" in skipped[0].reason


def test_feedback_page_adds_notes_and_stands_alone_when_nbgrader_made_none():
    from course_utils.cli.grading import ExerciseResult
    from course_utils.cli.instructor.grade import feedback_page

    results = [ExerciseResult("test_a", 1, 1, "passed"), ExerciseResult("test_b", 0, 2, "missing", "deleted <b>")]
    page = feedback_page("<html><body class='x'><h1>nbgrader</h1></body></html>", "00_x", results)
    assert page.index("Grader's notes") < page.index("<h1>nbgrader") and "deleted &lt;b&gt;" in page
    assert "test_a" not in page
    alone = feedback_page(None, "00_x", [ExerciseResult("t", 0, 2, "unreadable", "bad JSON")] * 2)
    assert "Score: 0 / 4" in alone and alone.count("bad JSON") == 1
