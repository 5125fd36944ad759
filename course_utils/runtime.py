"""Seeds and the fast-mode switch.

Fast mode shortens training (fewer epochs or samples, never a different model) so that
grading and the test suite stay quick. It is on while nbgrader executes a notebook
(nbgrader sets ``NBGRADER_EXECUTION``) or when ``COURSE_FAST=1``; ``COURSE_FAST=0`` forces
a full run even under nbgrader.
"""

from __future__ import annotations

import os
import random

import numpy as np


def fast_mode() -> bool:
    """True when notebooks should train less (grading, tests)."""
    flag = os.environ.get("COURSE_FAST")
    if flag is not None:
        return flag.strip().lower() not in ("", "0", "false", "no")
    return bool(os.environ.get("NBGRADER_EXECUTION"))


def pick(full, fast):
    """``fast`` in fast mode, ``full`` otherwise (e.g. ``epochs = pick(30, 5)``)."""
    return fast if fast_mode() else full


def seed_everything(seed: int = 0, tensorflow: bool = False) -> np.random.Generator:
    """Seed Python, numpy and (optionally) TensorFlow/Keras; return a numpy Generator.

    With ``tensorflow=True`` TensorFlow's ops are also made deterministic, so that
    training gives identical weights on every run.
    """
    random.seed(seed)
    np.random.seed(seed)
    if tensorflow:
        import keras
        import tensorflow as tf

        keras.utils.set_random_seed(seed)
        tf.config.experimental.enable_op_determinism()
    return np.random.default_rng(seed)
