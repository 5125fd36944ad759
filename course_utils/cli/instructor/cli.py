"""``course grade``, ``course init-instructor``, ``course init-hub`` and ``course release-feedback``
(registered by ``course_utils.cli``)."""

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


def _cmd_init_hub(args) -> int:
    from .hub import init_hub

    init_hub(Path(args.dir), instructor=args.instructor, students=Path(args.students), port=args.port, ip=args.ip,
             exchange=args.exchange, hub_port=args.hub_port, proxy_api_port=args.proxy_api_port,
             course_dir=Path(args.course_dir) if args.course_dir else None, create_users=args.create_users,
             protect_solutions=not args.keep_solutions_readable, threads=args.threads, mem_limit=args.mem_limit)
    return 0


def _cmd_release_feedback(args) -> int:
    from .feedback import format_released, release_feedback

    results = release_feedback(Path(args.out), args.assignment, exchange=args.exchange)
    print(format_released(results, args.assignment))
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

    from .feedback import DEFAULT_EXCHANGE
    from .hub import DEFAULT_COURSE_DIR

    p = sub.add_parser(
        "init-hub", help="set up a JupyterHub class server (PAM accounts, nbgrader exchange, roles); run as root",
        description="Write DIR/jupyterhub_config.py and the instructor's and students' Jupyter configuration for a "
                    "class server: PAM log-in with Unix accounts, each user's JupyterLab started from this "
                    "environment, nbgrader's exchange shared by all, the formgrader for the instructor only. "
                    "See docs/jupyterhub.md.")
    p.add_argument("dir", metavar="DIR", help="the hub's folder (new, empty, or made by this command), "
                                              "e.g. /srv/dlmi-hub")
    p.add_argument("--instructor", required=True, metavar="NAME", help="the instructor's Unix user name")
    p.add_argument("--students", required=True, metavar="ROSTER.csv",
                   help="CSV file with a column username (other columns are ignored), one student per line")
    p.add_argument("--create-users", action="store_true",
                   help="create the missing Unix accounts (random passwords in DIR/passwords.csv, root only)")
    p.add_argument("--exchange", default=DEFAULT_EXCHANGE, metavar="PATH",
                   help=f"nbgrader's exchange folder shared by the class (default {DEFAULT_EXCHANGE})")
    p.add_argument("--course-dir", metavar="PATH", help="the instructor's nbgrader course folder "
                                                        f"(default ~NAME/{DEFAULT_COURSE_DIR})")
    p.add_argument("--ip", default="", help="address the hub listens on (default: all)")
    p.add_argument("--port", type=int, default=8000, help="port the hub listens on (default 8000)")
    p.add_argument("--hub-port", type=int, default=8081, help="internal port of the hub (default 8081)")
    p.add_argument("--proxy-api-port", type=int, default=8001, help="internal port of the proxy's API (default 8001)")
    p.add_argument("--threads", type=positive_int("threads"), default=1,
                   help="threads TensorFlow and numpy use per user (default 1)")
    p.add_argument("--mem-limit", default="3G", help="memory per user shown to users, enforced only by "
                                                     "SystemdSpawner (default 3G)")
    p.add_argument("--keep-solutions-readable", action="store_true",
                   help="leave solutions/ readable by all (students can then run course check; "
                        "by default only the instructor may read it)")
    p.set_defaults(func=_cmd_init_hub)

    p = sub.add_parser(
        "release-feedback", help="return a course grade run's feedback through nbgrader's exchange",
        description="Put each student's feedback page of OUT (a course grade --out folder) into nbgrader's "
                    "exchange, where that student's Assignments panel or `nbgrader fetch_feedback ASSIGNMENT` "
                    "finds it, and no one else can. Run it as the instructor who released the assignment.")
    p.add_argument("out", metavar="OUT", help="the --out folder of a course grade run")
    p.add_argument("assignment", metavar="ASSIGNMENT", help="e.g. 00_medical_images_and_dicom")
    p.add_argument("--exchange", default=DEFAULT_EXCHANGE, metavar="PATH",
                   help=f"nbgrader's exchange folder (default {DEFAULT_EXCHANGE})")
    p.set_defaults(func=_cmd_release_feedback)
