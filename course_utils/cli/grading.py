"""Grading one submission with nbgrader, and turning the result into per-exercise rows.

Used by ``course check`` (a learner's self-check) and by instructors' batch grading.
nbgrader does the grading; this module prepares the submission (noting test cells that
were deleted or edited, which nbgrader restores), runs the autograder, and explains the
outcome of every test cell: ``passed``, ``failed``, ``error``, ``timeout``, with
``missing`` / ``tampered`` when a locked test cell had to be restored.

:class:`CourseExecute` replaces nbgrader's executor (see ``nbgrader_course``): a kernel that
dies or a loop that ignores the interrupt no longer stops the grading of a whole notebook,
and output is capped while it is produced.
"""

from __future__ import annotations

import os
import re
import shutil
from queue import Empty
from time import monotonic
import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbclient.exceptions import CellTimeoutError, DeadKernelError
from jupyter_core.utils import ensure_async
from nbformat.notebooknode import NotebookNode
from nbgrader.preprocessors import Execute, NbGraderPreprocessor
from traitlets import Float, Integer

from . import nbgrader_course, paths
from .notebook_io import NotebookError, read_notebook, test_cells, write_notebook

TIMEOUT_ERRORS = {"CellTimeoutError", "KeyboardInterrupt"}

#: ``ename`` of the error output :class:`CourseExecute` gives the cell in which the kernel died.
KERNEL_DIED = "DeadKernelError"
#: ``ename`` of the error output :class:`CourseExecute` gives cells it could not run.
NOT_RUN = "CellNotRun"


@dataclass
class ExerciseResult:
    """The outcome of one autograded test cell."""

    grade_id: str
    score: float
    max_score: float
    status: str  # passed | failed | error | timeout | missing | tampered | unreadable
    message: str = ""


def _error_output(ename: str, evalue: str) -> NotebookNode:
    return NotebookNode(output_type="error", ename=ename, evalue=evalue, traceback=[f"{ename}: {evalue}"])


def _cell_name(cell, index: int) -> str:
    gid = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
    return f"cell {index + 1} ({gid})" if gid else f"cell {index + 1}"


def _shorten(text: str, limit: int) -> str:
    return text if limit < 0 or len(text) <= limit else text[:limit] + " ... (truncated)"


#: Run by every grading kernel at start-up (``exec_lines``): at most ``limit`` characters of
#: printed text per cell leave the kernel; the rest is dropped there, with a note, so that a
#: cell printing in a loop floods neither the grader with messages nor the kernel's memory
#: (IPython 9 copies everything a cell prints into its history: the cap sits above that copy).
#: Without IPython's ``_tee`` (other versions) it does nothing; the grader's own cap remains.
KERNEL_TEXT_CAP = """\
def _course_cap_printed_text(limit):
    import contextlib, sys
    shell, written = get_ipython(), [0]
    note = ("\\n... Output truncated by the grader: this cell printed more than %d characters; "
            "the rest was dropped ...\\n" % limit)
    def capped(write):
        def capped_write(text, *args, **kwargs):
            before = written[0]
            written[0] += len(text)
            if written[0] <= limit:
                return write(text, *args, **kwargs)
            if before <= limit:
                write(text[:limit - before] + note)
            return len(text)
        return capped_write
    tee = getattr(shell, "_tee", None)
    if tee is None:
        return
    @contextlib.contextmanager
    def capped_tee(channel):
        with tee(channel):
            stream = getattr(sys, channel)
            inner = stream.write
            stream.write = capped(inner)
            try:
                yield
            finally:
                stream.write = inner
    shell._tee = capped_tee
    shell.events.register("pre_run_cell", lambda *args: written.__setitem__(0, 0))
_course_cap_printed_text(LIMIT)
del _course_cap_printed_text
"""


def _reply_from_outputs(msg_id: str, cell) -> dict:
    """An ``execute_reply`` for ``cell`` made from what it printed (its reply was lost)."""
    errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
    content = {"status": "error" if errors else "ok", "execution_count": cell.get("execution_count")}
    if errors:
        content.update(ename=errors[-1].get("ename", ""), evalue=errors[-1].get("evalue", ""),
                       traceback=errors[-1].get("traceback", []))
    return {"header": {"msg_type": "execute_reply"}, "parent_header": {"msg_id": msg_id},
            "metadata": {}, "content": content}


class CourseExecute(Execute):
    """nbgrader's ``Execute``, hardened against what a class of submissions does.

    - A kernel that dies (``os._exit``, a segfault, running out of memory), or a cell that is
      still running after the timeout's interrupt (a loop that catches ``KeyboardInterrupt``),
      no longer makes nbgrader give up on the whole notebook: that cell gets an error output
      saying what happened, every later code cell gets a ``CellNotRun`` error output (so its
      tests score 0, never full marks), and the cells run before keep their outputs, so
      their exercises are graded as usual.
    - Output is capped: the kernel itself drops printed text beyond ``max_text_chars`` per cell
      (:data:`KERNEL_TEXT_CAP`), and outputs of any kind (images, HTML) beyond
      ``max_output_chars`` per cell are dropped as they arrive, each time with a note. Errors
      are always kept (shortened). A cell printing megabytes, or printing in an endless loop,
      costs neither the grader's memory nor the feedback file.
    - A cell whose run has finished (the kernel said "idle" for it) but whose reply never
      arrives no longer waits for the timeout. ipykernel 7 now and then leaves a reply unsent,
      most often when several kernels share the cores: after ``reply_grace`` seconds the kernel
      is sent a request (which sets the stuck message moving), and if the reply still does not
      come the cell is closed with what it printed. Only the reply's bookkeeping is made up,
      never an output: grading reads the outputs.
    """

    max_text_chars = Integer(
        nbgrader_course.MAX_TEXT_CHARS, help="characters of printed text kept per cell (-1: no limit)"
    ).tag(config=True)
    max_output_chars = Integer(
        nbgrader_course.MAX_OUTPUT_CHARS, help="characters of outputs of any kind kept per cell (-1: no limit)"
    ).tag(config=True)

    reply_grace = Float(
        5.0, help="seconds to wait for a cell's reply after the kernel finished the cell, before nudging it"
    ).tag(config=True)

    def preprocess(self, nb, resources=None, km=None):
        self._stopped_because = None  # set when the kernel cannot run further cells
        self._used: dict[int, int] = {}  # cell index -> characters of output kept (-1: cut)
        if self.max_text_chars >= 0:
            cap = "--IPKernelApp.exec_lines=" + KERNEL_TEXT_CAP.replace("LIMIT", str(self.max_text_chars))
            self.extra_arguments = [a for a in self.extra_arguments if not a.startswith("--IPKernelApp.exec_lines=")
                                    ] + [cap]
        return super().preprocess(nb, resources, km)

    def preprocess_cell(self, cell, resources, index):
        if self._stopped_because and cell.cell_type == "code" and cell.source.strip():
            cell.outputs = [_error_output(NOT_RUN, self._stopped_because)]
            return cell, self.resources
        try:
            return super().preprocess_cell(cell, resources, index)
        except DeadKernelError:
            cell.outputs.append(_error_output(
                KERNEL_DIED, "the kernel died while this cell ran (os._exit, a crash, or running out of memory)"))
            self._stopped_because = (f"not run: the kernel died earlier, in {_cell_name(cell, index)} "
                                     "(os._exit, a crash, or running out of memory)")
        except CellTimeoutError:
            cell.outputs.append(_error_output(
                "CellTimeoutError", f"this cell ran longer than {self.timeout} s and did not stop when interrupted"))
            self._stopped_because = (f"not run: {_cell_name(cell, index)} ran longer than {self.timeout} s "
                                     "and did not stop when interrupted, so the kernel was stopped")
        self.log.warning("%s", self._stopped_because)
        return cell, self.resources

    async def _async_poll_for_reply(self, msg_id, cell, timeout, task_poll_output_msg, task_poll_kernel_alive):
        channel = self.kc.shell_channel
        get_msg = channel.get_msg
        late = {"since": None, "nudged": False}  # kept across calls: nbclient asks again after other replies

        async def patient_get_msg(timeout=None):
            """``get_msg`` that stops waiting for a reply that is stuck (see the class docstring)."""
            deadline = None if timeout is None else monotonic() + timeout
            while True:
                step = 1.0 if deadline is None else max(0.0, min(1.0, deadline - monotonic()))
                try:
                    return await ensure_async(get_msg(timeout=step))
                except Empty:
                    pass
                if deadline is not None and monotonic() >= deadline:
                    raise Empty
                if not task_poll_output_msg.done():
                    continue
                late["since"] = late["since"] or monotonic()
                if monotonic() - late["since"] < self.reply_grace:
                    continue
                if not late["nudged"]:
                    self.log.warning("cell %s finished but its reply is late: nudging the kernel", cell.get("id"))
                    self.kc.kernel_info()
                    late.update(since=monotonic(), nudged=True)
                    continue
                self.log.warning("cell %s finished but its reply never came: closed with its outputs", cell.get("id"))
                return _reply_from_outputs(msg_id, cell)

        channel.get_msg = patient_get_msg
        try:
            return await super()._async_poll_for_reply(msg_id, cell, timeout, task_poll_output_msg,
                                                       task_poll_kernel_alive)
        finally:
            channel.get_msg = get_msg

    def clear_output(self, outs, msg, cell_index):
        self._used.pop(cell_index, None)
        return super().clear_output(outs, msg, cell_index)

    def output(self, outs, msg, display_id, cell_index):
        kind, content = msg.get("msg_type"), msg.get("content", {})
        cap = self.max_output_chars
        if kind == "error":  # always kept: grading depends on it
            short = 10_000 if cap >= 0 else -1
            msg = {**msg, "content": {**content, "evalue": _shorten(content.get("evalue", ""), short),
                                      "traceback": [_shorten(ln, short) for ln in content.get("traceback", [])]}}
            return super().output(outs, msg, display_id, cell_index)
        if kind not in ("stream", "display_data", "execute_result") or cap < 0:
            return super().output(outs, msg, display_id, cell_index)
        used = self._used.get(cell_index, 0)
        if used < 0:  # already cut: drop the rest as it arrives
            return None
        size = len(content.get("text", "")) if kind == "stream" else sum(
            len(str(v)) for v in content.get("data", {}).values())
        if used + size <= cap:
            self._used[cell_index] = used + size
            return super().output(outs, msg, display_id, cell_index)
        self._used[cell_index] = -1
        outs.append(NotebookNode(output_type="stream", name="stdout", text=(
            f"\n... Output truncated by the grader: this cell's output passed {cap:,} characters; "
            "the rest was dropped ...\n")))
        return None


def identify_assignment(path: Path, nb: nbformat.NotebookNode) -> str:
    """The assignment a notebook belongs to: by file name, else by its test cells' ids."""
    known = paths.assignments()
    stem = Path(path).stem
    if stem in known:
        return stem
    for name in known:  # e.g. "00_medical_images_and_dicom-Copy1"
        if stem.startswith(name):
            return name
    ids = set(test_cells(nb))
    if ids:
        for name in known:
            if ids & set(test_cells(read_notebook(paths.source_notebook(name)))):
                return name
    raise NotebookError(
        f"{path}: cannot tell which course notebook this is (file name and test cells match none of: "
        f"{', '.join(known)}); pass --assignment NAME"
    )


def _source_text(cell) -> str:
    return "\n".join(line.rstrip() for line in cell.source.strip().splitlines())


def restored_cells(submission: nbformat.NotebookNode, release: nbformat.NotebookNode,
                   source: nbformat.NotebookNode | None = None) -> dict[str, str]:
    """Test cells of the release that the submission deleted (``missing``) or edited (``tampered``).

    A test cell identical to the release's or to the source's (instructors checking the
    solution notebook itself) is unchanged.
    """
    submitted = test_cells(submission)
    originals = test_cells(source) if source is not None else {}
    changes = {}
    for gid, cell in test_cells(release).items():
        if gid not in submitted:
            changes[gid] = "missing"
            continue
        text = _source_text(submitted[gid])
        if text != _source_text(cell) and not (gid in originals and text == _source_text(originals[gid])):
            changes[gid] = "tampered"
    return changes


def _first_line(text: str) -> str:
    for line in str(text).splitlines():
        if line.strip():
            return line.strip()
    return ""


def _error_of(cell) -> tuple[str, str] | None:
    for out in cell.get("outputs", []):
        if out.get("output_type") == "error":
            return out.get("ename", ""), _first_line(out.get("evalue", ""))
    return None


def explain(cell, answer_cell, score: float, max_score: float, timeout: int) -> tuple[str, str]:
    """Status and one-line message for a graded test cell of an autograded notebook."""
    if score >= max_score:
        return "passed", ""
    answer_error = _error_of(answer_cell) if answer_cell is not None else None
    if answer_error and answer_error[0] in TIMEOUT_ERRORS:
        return "timeout", f"the answer cell ran longer than {timeout} s (an endless loop?) and was stopped"
    error = _error_of(cell)
    if error is None:
        return "failed", f"earned {score:g} of {max_score:g} points"
    ename, evalue = error
    if ename in TIMEOUT_ERRORS:
        return "timeout", f"the tests ran longer than {timeout} s (an endless loop?) and were stopped"
    if ename == "AssertionError":
        return "failed", evalue or "a test assertion failed (no message)"
    if ename in (KERNEL_DIED, NOT_RUN):
        return "error", evalue
    if ename == "NotImplementedError":
        return "error", "NotImplementedError: not answered yet; replace `raise NotImplementedError()` with your code"
    if answer_error:
        return "error", f"{ename}: {evalue} (the answer cell above it failed first: {answer_error[0]}: {answer_error[1]})"
    return "error", f"{ename}: {evalue}" if evalue else ename


def _results_from_gradebook(root: Path, assignment: str, student: str, autograded: nbformat.NotebookNode,
                            changes: dict[str, str], timeout: int) -> list[ExerciseResult]:
    from nbgrader.api import Gradebook

    cfg = nbgrader_course.nbgrader_config(root)
    scores = {}
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}", cfg.CourseDirectory.course_id) as gb:
        sub = gb.find_submission_notebook(assignment, assignment, student)
        for grade in sub.grades:
            scores[grade.name] = (float(grade.score or 0.0), float(grade.max_score))
    results, answer = [], None
    for cell in autograded.cells:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if meta.get("solution") and cell.cell_type == "code":
            answer = cell
        gid = meta.get("grade_id")
        if cell.cell_type != "code" or not meta.get("grade") or gid not in scores:
            continue
        score, max_score = scores[gid]
        status, message = explain(cell, answer, score, max_score, timeout)
        if gid in changes:
            how = "deleted" if changes[gid] == "missing" else "edited"
            message = f"this test cell was {how} and has been restored; restored tests: {status}" + (
                f" ({message})" if message else "")
            status = changes[gid]
        results.append(ExerciseResult(gid, score, max_score, status, message))
    return results


def grade_in_course(root: Path, api, assignment: str, student: str, submission: nbformat.NotebookNode,
                    timeout: int) -> list[ExerciseResult]:
    """Autograde ``submission`` as ``student`` in an nbgrader course folder ``root``.

    The assignment must already be generated there (``release/<assignment>/`` exists).
    """
    release = read_notebook(root / "release" / assignment / f"{assignment}.ipynb")
    source = read_notebook(root / "source" / assignment / f"{assignment}.ipynb")
    changes = restored_cells(submission, release, source)
    dest = root / "submitted" / student / assignment / f"{assignment}.ipynb"
    if dest.parent.exists():
        shutil.rmtree(dest.parent)
    dest.parent.mkdir(parents=True)
    write_notebook(submission, dest)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # nbgrader's database layer warns about its own session use
        result = api.autograde(assignment, student, force=True)
    autograded_path = root / "autograded" / student / assignment / f"{assignment}.ipynb"
    if not result.get("success") or not autograded_path.exists():
        cause = nbgrader_course.failure_cause(result)
        reason = ("the notebook's kernel died (a crash, os._exit or out of memory) before this was graded"
                  if "DeadKernel" in cause or "died" in cause.lower() else f"nbgrader could not grade it: {cause}")
        return [ExerciseResult(gid, 0.0, float(cell.metadata["nbgrader"].get("points", 0)), "error", reason)
                for gid, cell in test_cells(release).items()]
    return _results_from_gradebook(root, assignment, student, read_notebook(autograded_path), changes, timeout)


def self_check(path: str | Path, assignment: str | None = None,
               timeout: int = nbgrader_course.DEFAULT_CELL_TIMEOUT) -> tuple[str, list[ExerciseResult]]:
    """Grade a learner's notebook against the full tests; the learner's file is only read."""
    path = Path(path)
    submission = read_notebook(path)
    solutions = paths.solutions_dir()
    if not os.access(solutions, os.R_OK | os.X_OK):
        raise ValueError(f"{solutions} (the full tests) is kept for the instructor on this server, so the "
                         "self-check cannot run here: use the Validate button (the visible tests); the hidden "
                         "tests' verdict comes back with your feedback")
    name = assignment or identify_assignment(path, submission)
    paths.source_notebook(name)  # raises ValueError for an unknown name
    with tempfile.TemporaryDirectory(prefix="course-check-") as tmp:
        root = Path(tmp)
        nbgrader_course.add_source(root, name)
        api = nbgrader_course.make_api(root, timeout=timeout)
        nbgrader_course.run_checked(api.generate_assignment(name, force=True), f"prepare {name}")
        return name, grade_in_course(root, api, name, "learner", submission, timeout)


def format_table(assignment: str, results: list[ExerciseResult], source: str = "") -> str:
    """A plain-text table of ``results`` with a total line ``Total: X / Y``."""
    def num(x: float) -> str:
        return f"{x:g}"

    rows = [(r.grade_id, f"{num(r.score)} / {num(r.max_score)}", r.status, r.message) for r in results]
    w_id = max([len("exercise")] + [len(r[0]) for r in rows])
    w_pt = max([len("points")] + [len(r[1]) for r in rows])
    w_st = max([len("status")] + [len(r[2]) for r in rows])
    lines = [f"Self-check of {assignment}" + (f" ({source})" if source else ""), ""]
    lines.append(f"{'exercise':<{w_id}}  {'points':>{w_pt}}  {'status':<{w_st}}  message")
    for gid, pts, status, msg in rows:
        msg = msg if len(msg) <= 110 else msg[:107] + "..."
        lines.append(f"{gid:<{w_id}}  {pts:>{w_pt}}  {status:<{w_st}}  {msg}".rstrip())
    total = sum(r.score for r in results)
    possible = sum(r.max_score for r in results)
    lines += ["", f"Total: {num(total)} / {num(possible)}"]
    return "\n".join(lines)


_HIDDEN_START = "### BEGIN HIDDEN TESTS"
_CELL_LINE = re.compile(r"Cell\s+In\s*\[\d*\],\s*line\s+(\d+)")
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


_NUMBERED = re.compile(r"^\s*(?:-+>\s*)?(\d+)\b")


def _without_hidden_lines(traceback: list[str], first_hidden: int) -> list[str]:
    """``traceback`` without the lines it quotes from the cell numbered ``first_hidden`` or more.

    Works whether the traceback holds one entry per frame or one per line (nbgrader's
    ``LimitOutput`` splits it into lines).
    """
    kept, in_cell = [], False
    for line in "\n".join(traceback).split("\n"):
        plain = _ANSI.sub("", line)
        if _CELL_LINE.search(plain):
            in_cell = True
        elif plain.startswith("File ") or not plain.strip():
            in_cell = False
        elif in_cell and (m := _NUMBERED.match(plain)) and int(m.group(1)) >= first_hidden:
            continue
        kept.append(line)
    return kept


class HideHiddenTracebacks(NbGraderPreprocessor):
    """Feedback: tracebacks of test cells never quote the hidden tests.

    IPython's traceback quotes the lines around the failing one. In a test cell with hidden tests,
    the quoted lines from the hidden region on are dropped; when the failing line itself is hidden,
    the traceback becomes ``ename: evalue`` (the check's message). Runs before nbgrader's
    ``ClearHiddenTests``, while the cell still has its markers.
    """

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type != "code" or _HIDDEN_START not in cell.source:
            return cell, resources
        first_hidden = cell.source[:cell.source.index(_HIDDEN_START)].count("\n") + 1
        for out in cell.get("outputs", []):
            if out.get("output_type") != "error":
                continue
            traceback = out.get("traceback", [])
            failing = [int(m) for m in _CELL_LINE.findall(_ANSI.sub("", "\n".join(traceback)))]
            if not failing or max(failing) >= first_hidden:
                out["traceback"] = [f"{out.get('ename', '')}: {out.get('evalue', '')}"]
            else:
                out["traceback"] = _without_hidden_lines(traceback, first_hidden)
        return cell, resources
