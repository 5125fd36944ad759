"""Tools for instructors: grading a class with nbgrader, and nbgrader course folders.

- ``grade``: ``course grade SUBMISSIONS --out OUT``, parallel and robust batch autograding.
- ``worker``: the worker processes ``course grade`` runs submissions in.
- ``coursedir``: ``course init-instructor DIR``, a real nbgrader course folder.
- ``bench``: the grading benchmark (``python -m course_utils.cli.instructor.bench``).
- ``cli``: the sub-commands' arguments.

See ``docs/instructors.md``.
"""
