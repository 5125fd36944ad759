"""Argument checks shared by the dataset generators and loaders.

Every check raises ``ValueError`` whose message names the argument, what it got and what
to pass instead.
"""

from __future__ import annotations

import numbers

import numpy as np


def check_int(name: str, value, low: int, high: int | None = None) -> int:
    """``value`` as an ``int`` in ``[low, high]``; ``ValueError`` otherwise."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Integral):
        raise ValueError(
            f"{name} must be a whole number, got {value!r} ({type(value).__name__}); "
            f"pass an int such as {name}={max(low, 1)}"
        )
    value = int(value)
    if value < low or (high is not None and value > high):
        bound = f"between {low} and {high}" if high is not None else f"at least {low}"
        raise ValueError(f"{name} must be {bound}, got {value}")
    return value


def check_float(
    name: str,
    value,
    low: float,
    high: float,
    low_inclusive: bool = True,
    high_inclusive: bool = True,
) -> float:
    """``value`` as a finite ``float`` in the given interval; ``ValueError`` otherwise."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
        raise ValueError(f"{name} must be a number, got {value!r} ({type(value).__name__})")
    value = float(value)
    too_low = value < low if low_inclusive else value <= low
    too_high = value > high if high_inclusive else value >= high
    if not np.isfinite(value) or too_low or too_high:
        left = "[" if low_inclusive else "("
        right = "]" if high_inclusive else ")"
        raise ValueError(f"{name} must be in {left}{low}, {high}{right}, got {value}")
    return value


def check_seed(seed) -> int:
    """A non-negative ``int`` seed for ``numpy.random.default_rng``."""
    if isinstance(seed, (bool, np.bool_)) or not isinstance(seed, numbers.Integral) or seed < 0:
        raise ValueError(
            f"seed must be a non-negative int (it seeds numpy.random.default_rng), got {seed!r}; "
            "pass e.g. seed=0"
        )
    return int(seed)


def check_bool(name: str, value) -> bool:
    """``value`` as a ``bool``; ``ValueError`` for anything else (e.g. the string ``"no"``)."""
    if not isinstance(value, (bool, np.bool_)):
        raise ValueError(f"{name} must be True or False, got {value!r}")
    return bool(value)


def check_size(size) -> int:
    """Image side length: an int between 32 and 512 pixels."""
    return check_int("size", size, 32, 512)
