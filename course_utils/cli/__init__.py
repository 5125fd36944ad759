"""The ``course`` command line.

    course release [NAME ...] [--check] [--force]   regenerate notebooks/ from solutions/
    course check NOTEBOOK.ipynb          grade your notebook against the full tests
    course datasets                      list the datasets and verify their checksums
    course pretrain [--fast|--write]     retrain notebook 06's pretrained backbone, compare its checksum
    course lab-setup [--instructor]      JupyterLab as learners get it; --instructor: the formgrader for you

Instructors (``course_utils.cli.instructor``, docs/instructors.md and docs/jupyterhub.md):

    course grade SUBMISSIONS --out OUT   autograde a class in parallel: CSVs, feedback, gradebook
    course init-instructor DIR           an nbgrader course folder made from solutions/
    course init-hub DIR                  a JupyterHub class server (PAM users, shared exchange)
    course release-feedback OUT NAME     course grade's feedback back through nbgrader's exchange

Bad input (a missing path, a file that is not a notebook, broken JSON) gets a one-line
error and exit code 2; nothing is ever written next to or over the input.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from . import nbgrader_course
from .notebook_io import NotebookError

EXIT_BAD_INPUT = 2


def _cmd_release(args) -> int:
    from .release import release

    return release(check=args.check, force=args.force, assignments=args.assignments or None)


def _cmd_check(args) -> int:
    from .grading import format_table, self_check
    from .notebook_io import read_notebook

    read_notebook(args.notebook)  # bad input fails here, in one line
    print(f"Grading {args.notebook} with the course's full tests (this runs the whole notebook)...",
          file=sys.stderr, flush=True)
    assignment, results = self_check(args.notebook, assignment=args.assignment, timeout=args.timeout)
    print(format_table(assignment, results, source=args.notebook))
    return 0 if results and all(r.status == "passed" for r in results) else 1


def positive_int(what: str):
    """An argparse type accepting whole numbers > 0; ``what`` names the unit in errors."""
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number of {what}, got {text!r}") from None
        if value <= 0:
            raise argparse.ArgumentTypeError(f"must be positive, got {value}")
        return value
    return parse


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="course", description="Deep Learning for Medical Imaging: course tools.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("release", help="regenerate notebooks/ (the learner release) from solutions/")
    p.add_argument("--check", action="store_true", help="only report notebooks that are out of date (exit 1 if any)")
    p.add_argument("assignments", nargs="*", metavar="NAME",
                   help="only these notebooks, e.g. 05_cnn_layers (default: all)")
    p.add_argument("--force", action="store_true", help="also replace release notebooks that contain outputs")
    p.set_defaults(func=_cmd_release)

    p = sub.add_parser("check", help="grade your notebook with the full tests (hidden ones included)")
    p.add_argument("notebook", help="path of your .ipynb notebook (it is only read)")
    p.add_argument("--assignment", help="which course notebook it is, if its file name does not say")
    p.add_argument("--timeout", type=positive_int("seconds"), default=nbgrader_course.DEFAULT_CELL_TIMEOUT,
                   help=f"seconds a cell may run before it is stopped (default {nbgrader_course.DEFAULT_CELL_TIMEOUT})")
    p.set_defaults(func=_cmd_check)

    for module in ("course_utils.datasets.cli", "course_utils.cli.instructor.cli", "course_utils.cli.labsetup",
                   "course_utils.cli.pretrain"):
        try:
            mod = importlib.import_module(module)
        except ModuleNotFoundError as err:
            if not module.startswith(err.name or ""):
                raise
            continue
        mod.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except (NotebookError, ValueError, FileNotFoundError) as err:
        print(f"course {args.command}: {err}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except nbgrader_course.NbgraderFailed as err:
        print(f"course {args.command}: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt as stop:  # Ctrl-C, or SIGTERM/SIGHUP where a command turns them into this
        print(f"course {args.command}: stopped ({stop or 'interrupted'})", file=sys.stderr)
        return getattr(stop, "exit_code", 130)


if __name__ == "__main__":
    sys.exit(main())
