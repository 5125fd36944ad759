"""Helpers for the Deep Learning for Medical Imaging course.

Modules by purpose:

- ``paths``: where the course's notebooks and sources live.
- ``runtime``: seeds and the fast-mode switch used while grading.
- ``checks``: assertions whose messages a learner can act on.
- ``datasets``: real samples that ship offline, synthetic sets, loaders.
- ``plotting`` / ``widgets``: figures and interactive explorers.
- ``notebook_io``, ``release``, ``grading``, ``cli``: the ``course`` command.

No module here contains the answer to an exercise.
"""

__version__ = "0.1.0"
