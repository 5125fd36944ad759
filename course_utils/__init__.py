"""Helpers for the Deep Learning for Medical Imaging course.

Learner-facing modules, used by the notebooks:

- ``runtime``: seeds and the fast-mode switch used while grading.
- ``checks``: assertions whose messages a learner can act on.
- ``datasets``: real samples that ship offline, synthetic sets, loaders.
- ``plotting`` / ``widgets``: figures and interactive explorers.
- ``guards``: cells that use an earlier exercise's result say which exercise to finish first.
Tooling, used from the command line and by instructors:

- ``cli``: the ``course`` command line and its tooling (release, self-check, grading a class,
  nbgrader course folders, paths, benchmarks).

No module here contains the answer to an exercise.
"""

__version__ = "0.1.0"
