"""``course grade`` and ``course init-instructor`` (registered by ``course_utils.cli``)."""

from __future__ import annotations

import argparse
from pathlib import Path

from .. import nbgrader_course
from .. import positive_int


def _cmd_grade(args) -> int:
    from .grade import format_summary, grade_class

    summary = grade_class(Path(args.submissions), Path(args.out), jobs=args.jobs, timeout=args.timeout,
                          force=args.force, progress=not args.no_progress)
    print(format_summary(summary, Path(args.out)))
    return 0


def _cmd_init_instructor(args) -> int:
    from .coursedir import init_instructor

    init_instructor(Path(args.dir), timeout=args.timeout, exchange=Path(args.exchange) if args.exchange else None)
    return 0


def add_parser(sub) -> None:
    """Register the instructors' sub-commands on ``course``'s sub-parsers."""
    from .worker import default_jobs

    timeout_help = (f"seconds one cell may run before it is interrupted and its exercise is marked timeout "
                    f"(default {nbgrader_course.DEFAULT_CELL_TIMEOUT})")
    p = sub.add_parser(
        "grade", help="autograde a class's submissions with nbgrader: CSVs of grades, feedback",
        description="Autograde SUBMISSIONS/<student_id>/<NN_name>.ipynb with nbgrader against solutions/. "
                    "Writes OUT/grades.csv, OUT/exercises.csv, OUT/notes.csv, OUT/feedback/<student_id>/"
                    "<NN_name>.html and an nbgrader course folder with the gradebook in OUT/nbgrader/. "
                    "A second run grades only the submissions that changed.")
    p.add_argument("submissions", metavar="SUBMISSIONS", help="folder with one folder of notebooks per student")
    p.add_argument("--out", required=True, metavar="OUT", help="folder for the grades and feedback (new, or from an "
                                                                "earlier run on the same SUBMISSIONS)")
    p.add_argument("--jobs", type=positive_int("workers"), default=None,
                   help=f"notebooks graded in parallel (default: this machine's cores, {default_jobs()})")
    p.add_argument("--timeout", type=positive_int("seconds"), default=nbgrader_course.DEFAULT_CELL_TIMEOUT,
                   help=timeout_help)
    p.add_argument("--force", action="store_true", help="regrade every submission, changed or not")
    p.add_argument("--no-progress", action="store_true", help="no progress bar (for logs)")
    p.set_defaults(func=_cmd_grade)

    p = sub.add_parser(
        "init-instructor", help="create an nbgrader course folder from solutions/ (formgrader, nbgrader commands)",
        description="Create (or update) DIR as an nbgrader course folder: nbgrader_config.py, source/<assignment>/ "
                    "for every course notebook, release/ and the gradebook, and an exchange folder.")
    p.add_argument("dir", metavar="DIR", help="the course folder to create (new, empty, or made by this command)")
    p.add_argument("--exchange", metavar="PATH", help="nbgrader's exchange folder, shared with the students on a "
                                                      "multi-user server (default: DIR/exchange)")
    p.add_argument("--timeout", type=positive_int("seconds"), default=nbgrader_course.DEFAULT_CELL_TIMEOUT,
                   help=timeout_help)
    p.set_defaults(func=_cmd_init_instructor)
