"""The course's nbgrader executor (``grading.CourseExecute``) on small notebooks, no nbgrader run.

What a class of submissions does to a grader: kernels that die, loops that ignore the
interrupt, cells that print hundreds of megabytes or print forever.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

import nbformat
import pytest

from course_utils.cli.grading import KERNEL_DIED, NOT_RUN, CourseExecute, explain

ARGS = ["--HistoryManager.hist_file=:memory:"]


def run_cells(*sources: str, timeout: int = 30) -> tuple[nbformat.NotebookNode, float]:
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s) for s in sources])
    start = time.perf_counter()
    CourseExecute(timeout=timeout, extra_arguments=list(ARGS)).preprocess(nb, {"metadata": {"path": "."}})
    return nb, time.perf_counter() - start


def errors(cell) -> list[tuple[str, str]]:
    return [(o.ename, o.evalue) for o in cell.outputs if o.output_type == "error"]


def test_a_dead_kernel_keeps_what_ran_before_and_marks_the_rest_not_run():
    nb, _ = run_cells("x = 41", "print(x + 1)", "import os\nos._exit(1)", "print('never')", "y = 2")
    assert nb.cells[1].outputs[0].text == "42\n", "cells before the crash keep their outputs"
    assert errors(nb.cells[2])[0][0] == KERNEL_DIED and "kernel died" in errors(nb.cells[2])[0][1]
    for cell in nb.cells[3:]:
        (ename, evalue), = errors(cell)
        assert ename == NOT_RUN and "cell 3" in evalue, evalue
    # a test cell that was not run is an error with the reason, never full marks
    assert explain(nb.cells[3], nb.cells[2], 0.0, 2.0, 30) == ("error", errors(nb.cells[3])[0][1])


def test_a_loop_that_swallows_the_interrupt_costs_one_timeout_and_stops_the_notebook():
    stubborn = "import time\nwhile True:\n    try:\n        time.sleep(0.05)\n    except KeyboardInterrupt:\n        pass"
    nb, seconds = run_cells("a = 1", stubborn, "print(a)", timeout=5)
    assert seconds < 40, f"took {seconds:.0f} s"
    assert errors(nb.cells[1])[-1][0] == "CellTimeoutError"
    (ename, evalue), = errors(nb.cells[2])
    assert ename == NOT_RUN and "did not stop when interrupted" in evalue
    assert explain(nb.cells[2], nb.cells[1], 0.0, 1.0, 5)[0] == "timeout"


def test_an_interruptible_loop_is_a_timeout_and_the_next_cells_still_run():
    nb, _ = run_cells("while True:\n    pass", "print('next')", timeout=5)
    assert errors(nb.cells[0])[-1][0] in ("KeyboardInterrupt", "CellTimeoutError")
    assert nb.cells[1].outputs[0].text == "next\n"


SCRIPT = """
import json, resource, sys, time
import nbformat
from course_utils.cli.grading import CourseExecute
from course_utils.cli.instructor.bench import own_peak_mb  # VmHWM: this process's own peak, not its parent's
cells = [
    "for _ in range(800):\\n    print('x' * 1_000_000)",   # 800 MB in 1 MB prints
    "print('y' * 50_000_000)",                             # one 50 MB line
    "while True:\\n    print('spam ' * 1000)",             # printing until the timeout
    "raise ValueError('z' * 5_000_000)",                   # a 5 MB error message
    "print('after')",
]
nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
start = time.perf_counter()
CourseExecute(timeout=8, extra_arguments=["--HistoryManager.hist_file=:memory:"]).preprocess(nb, {"metadata": {"path": "."}})
print(json.dumps({
    "seconds": time.perf_counter() - start,
    "grader_mb": own_peak_mb(),
    "kernel_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    "sizes": [len(json.dumps(c.outputs)) for c in nb.cells],
    "texts": [[o.get("text", "")[-200:] for o in c.outputs if o.output_type == "stream"] for c in nb.cells],
    "errors": [[o.ename for o in c.outputs if o.output_type == "error"] for c in nb.cells],
}))
"""


def test_huge_and_endless_output_is_cut_with_a_note_and_costs_little_memory(tmp_path):
    # This process peaks at 800 MB first, as a pytest worker that ran TensorFlow may have: the
    # grader's peak below must be its own, not its parent's (own_peak_mb in SCRIPT).
    ballast = bytearray(800 * 2**20)
    del ballast
    proc = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    print(report["seconds"], report["grader_mb"], report["kernel_mb"], report["sizes"])
    for index in range(3):  # each printing cell: cut to ~100 kB, with the note at the end
        assert report["sizes"][index] < 150_000, report["sizes"]
        assert "Output truncated by the grader" in report["texts"][index][0], report["texts"][index]
    assert report["errors"][2] and report["errors"][2][-1] in ("KeyboardInterrupt", "CellTimeoutError")
    assert report["errors"][3] == ["ValueError"] and report["sizes"][3] < 50_000, "error kept, message shortened"
    assert report["texts"][4] == ["after\n"]
    # 850 MB printed and 8 s of endless printing: neither the kernel nor the grading process holds
    # it (without the caps: 2.4 GB and 1.8 GB; with them, about 120 and 160 MB, the grader's peak
    # being the 5 MB error message, which arrives twice, as output and in the reply)
    assert report["grader_mb"] < 400, report
    assert report["kernel_mb"] < 600, report


@pytest.mark.parametrize("ename, status", [("DeadKernelError", "error"), ("CellNotRun", "error"),
                                           ("CellTimeoutError", "timeout"), ("KeyboardInterrupt", "timeout")])
def test_explain_names_the_status_of_executor_errors(ename, status):
    cell = nbformat.v4.new_code_cell("check()")
    cell.outputs = [nbformat.v4.new_output("error", ename=ename, evalue="why", traceback=[])]
    assert explain(cell, None, 0.0, 1.0, 10)[0] == status


class LosesReplies(CourseExecute):
    """The kernel's execute replies number ``lose`` (0-based) never reach the grader."""

    lose: tuple[int, ...] = ()

    def start_new_kernel_client(self):  # the synchronous one is what nbconvert's preprocess calls
        from jupyter_core.utils import ensure_async

        kc = super().start_new_kernel_client()
        get_msg, replies = self.kc.shell_channel.get_msg, [0]

        async def dropping(timeout=None):
            while True:
                msg = await ensure_async(get_msg(timeout=timeout))
                if msg["header"]["msg_type"] == "execute_reply":
                    replies[0] += 1
                    if replies[0] - 1 in self.lose:
                        continue
                return msg

        self.kc.shell_channel.get_msg = dropping
        return kc


def test_a_finished_cell_whose_reply_is_lost_does_not_wait_for_the_timeout():
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s) for s in
                                         ("print('one')", "print('two')", "1 / 0", "print('four')")])
    executor = LosesReplies(timeout=60, reply_grace=1.0, extra_arguments=list(ARGS))
    executor.lose = (1, 2)
    start = time.perf_counter()
    executor.preprocess(nb, {"metadata": {"path": "."}})
    seconds = time.perf_counter() - start
    assert seconds < 30, f"took {seconds:.0f} s: waited for the timeout"
    assert nb.cells[1].outputs[0].text == "two\n" and not errors(nb.cells[1])
    assert [e for e, _ in errors(nb.cells[2])] == ["ZeroDivisionError"], "an error is kept, from the outputs"
    assert nb.cells[3].outputs[0].text == "four\n" and nb.cells[3].execution_count == 4
