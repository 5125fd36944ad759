"""Assertions for exercise tests, with messages a learner can act on.

Every check raises ``AssertionError`` whose first line says what was called and what is
wrong, and whose next lines show what came back and what was expected, with the tolerance
used. ``course check`` prints that first line, so keep it specific.

Example::

    check_close(to_hounsfield(px, 1.0, -1024.0), expected, call="to_hounsfield(px, 1.0, -1024.0)")
"""

from __future__ import annotations

import copy
from typing import Any, Callable

import numpy as np

__all__ = [
    "rel_error",
    "describe",
    "check_type",
    "check_shape",
    "check_dtype_kind",
    "check_close",
    "check_equal",
    "check_true",
    "check_raises",
    "check_unchanged",
    "check_no_nan",
    "strict_call",
]


def rel_error(x, y) -> float:
    """Largest relative error ``|x - y| / max(1e-8, |x| + |y|)`` over all entries (CS231n style)."""
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    return float(np.max(np.abs(x - y) / np.maximum(1e-8, np.abs(x) + np.abs(y)))) if x.size else 0.0


def describe(value: Any, max_items: int = 6) -> str:
    """A short, readable description of ``value`` (arrays: shape, dtype and a few entries)."""
    if isinstance(value, np.ndarray):
        flat = value.ravel()
        head = np.array2string(flat[:max_items], precision=4, separator=", ")
        more = ", ..." if flat.size > max_items else ""
        return f"array shape={value.shape} dtype={value.dtype} values={head[:-1]}{more}]"
    if isinstance(value, (list, tuple)) and len(value) > max_items:
        return f"{type(value).__name__} of length {len(value)} starting {value[:max_items]!r}"
    text = repr(value)
    return text if len(text) <= 200 else text[:197] + "..."


def _fail(call: str, problem: str, *details: str) -> None:
    lines = [f"{call}: {problem}" if call else problem, *details]
    raise AssertionError("\n".join(lines))


def check_type(value: Any, expected: type | tuple[type, ...], call: str = "") -> None:
    """Fail unless ``value`` is an instance of ``expected``."""
    if not isinstance(value, expected):
        names = expected.__name__ if isinstance(expected, type) else " or ".join(t.__name__ for t in expected)
        _fail(call, f"returned {type(value).__name__}, expected {names}", f"  got: {describe(value)}")


def check_shape(value: Any, expected_shape: tuple[int, ...], call: str = "") -> None:
    """Fail unless ``np.shape(value) == expected_shape``."""
    shape = np.shape(value)
    if tuple(shape) != tuple(expected_shape):
        _fail(call, f"returned shape {tuple(shape)}, expected {tuple(expected_shape)}", f"  got: {describe(value)}")


def check_dtype_kind(value: Any, kinds: str, call: str = "") -> None:
    """Fail unless the array's dtype kind is in ``kinds`` ('f' float, 'i'/'u' integer, 'b' bool)."""
    dtype = np.asarray(value).dtype
    if dtype.kind not in kinds:
        names = {"f": "float", "i": "signed integer", "u": "unsigned integer", "b": "bool"}
        wanted = " or ".join(names.get(k, k) for k in kinds)
        _fail(call, f"returned dtype {dtype}, expected a {wanted} array")


def check_no_nan(value: Any, call: str = "") -> None:
    """Fail if ``value`` contains NaN or infinity."""
    arr = np.asarray(value, dtype=np.float64)
    if not np.all(np.isfinite(arr)):
        bad = int(np.size(arr) - np.count_nonzero(np.isfinite(arr)))
        _fail(call, f"returned {bad} NaN/inf value(s)", f"  got: {describe(np.asarray(value))}")


def check_close(actual: Any, expected: Any, call: str = "", rtol: float = 1e-6, atol: float = 1e-8) -> None:
    """Fail unless ``actual`` matches ``expected`` in shape and within ``atol + rtol*|expected|``."""
    exp = np.asarray(expected, dtype=np.float64)
    if actual is None:
        _fail(call, "returned None: did you forget `return`?")
    try:
        act = np.asarray(actual, dtype=np.float64)
    except (TypeError, ValueError):
        _fail(call, f"returned {type(actual).__name__}, which is not numeric", f"  got: {describe(actual)}")
    if act.shape != exp.shape:
        _fail(call, f"returned shape {act.shape}, expected {exp.shape}", f"  got:      {describe(act)}", f"  expected: {describe(exp)}")
    close = np.isclose(act, exp, rtol=rtol, atol=atol, equal_nan=False)
    if not np.all(close):
        idx = np.unravel_index(int(np.argmin(close)), close.shape) if close.ndim else ()
        where = f" at index {tuple(int(i) for i in idx)}" if idx else ""
        n_bad = int(close.size - np.count_nonzero(close))
        _fail(
            call,
            f"{n_bad} of {close.size} value(s) differ{where}: got {act[idx]!r}, expected {exp[idx]!r}",
            f"  got:      {describe(act)}",
            f"  expected: {describe(exp)}",
            f"  tolerance: |got - expected| <= {atol:g} + {rtol:g} * |expected|; "
            f"max abs error {float(np.max(np.abs(act - exp))):.3g}, relative error {rel_error(act, exp):.3g}",
        )


def check_equal(actual: Any, expected: Any, call: str = "") -> None:
    """Fail unless ``actual == expected`` exactly (arrays: same shape and entries)."""
    if isinstance(actual, np.ndarray) or isinstance(expected, np.ndarray):
        act, exp = np.asarray(actual), np.asarray(expected)
        if act.shape != exp.shape:
            _fail(call, f"returned shape {act.shape}, expected {exp.shape}", f"  got:      {describe(act)}", f"  expected: {describe(exp)}")
        if not np.array_equal(act, exp):
            idx = np.unravel_index(int(np.argmax(act != exp)), act.shape) if act.ndim else ()
            _fail(call, f"wrong value at index {tuple(int(i) for i in idx)}: got {act[idx]!r}, expected {exp[idx]!r}",
                  f"  got:      {describe(act)}", f"  expected: {describe(exp)}")
    elif actual != expected:
        _fail(call, f"returned {describe(actual)}, expected {describe(expected)}")


def check_true(condition: bool, message: str) -> None:
    """Fail with ``message`` unless ``condition`` holds."""
    if not condition:
        raise AssertionError(message)


def check_raises(func: Callable, args: tuple = (), kwargs: dict | None = None,
                 exception: type[BaseException] = ValueError, call: str = "", why: str = "") -> BaseException:
    """Fail unless ``func(*args, **kwargs)`` raises ``exception``; return the exception raised."""
    try:
        func(*args, **(kwargs or {}))
    except exception as err:
        return err
    except NotImplementedError:
        raise
    except Exception as err:  # a different exception is feedback too
        _fail(call, f"raised {type(err).__name__}({err}), expected {exception.__name__}" + (f" ({why})" if why else ""))
    _fail(call, f"did not raise {exception.__name__}" + (f"; it should, because {why}" if why else ""))
    raise AssertionError  # unreachable, for type checkers


def check_unchanged(func: Callable, *args: Any, call: str = "", **kwargs: Any) -> Any:
    """Call ``func(*args, **kwargs)``; fail if it modified any argument in place. Returns the result."""
    before = [copy.deepcopy(a) for a in args]
    result = func(*args, **kwargs)
    for i, (old, new) in enumerate(zip(before, args)):
        if not _same_state(old, new):
            _fail(call, f"modified its argument #{i + 1} in place; work on a copy instead "
                        "(e.g. `x = x.copy()` or `copy.deepcopy(ds)`)")
    return result


def _same_state(old: Any, new: Any) -> bool:
    """Whether ``new`` still equals its earlier deep copy ``old`` (arrays, containers, datasets)."""
    if isinstance(old, np.ndarray):
        return isinstance(new, np.ndarray) and old.shape == new.shape and np.array_equal(old, new, equal_nan=old.dtype.kind in "fc")
    if isinstance(old, np.random.Generator):
        return True  # a random generator is meant to advance
    if isinstance(old, (list, tuple)):
        return type(old) is type(new) and len(old) == len(new) and all(_same_state(a, b) for a, b in zip(old, new))
    if isinstance(old, dict):
        return old.keys() == new.keys() and all(_same_state(old[k], new[k]) for k in old)
    if type(old).__eq__ is object.__eq__:
        return True  # no meaningful equality: nothing to compare
    try:
        return bool(old == new)
    except Exception:
        return True


def strict_call(func: Callable, *args: Any, call: str = "", **kwargs: Any) -> Any:
    """Call ``func`` with numpy floating-point warnings turned into test failures.

    Catches divisions by zero, overflows and invalid operations (NaN) that numpy would
    otherwise only warn about, and names them in the message. Underflow to zero (e.g.
    ``exp(-1000)`` in a stable sigmoid) is harmless and allowed.
    """
    try:
        with np.errstate(over="raise", divide="raise", invalid="raise", under="ignore"):
            return func(*args, **kwargs)
    except FloatingPointError as err:
        _fail(call, f"numpy reported '{err}' while computing the result; "
                    "guard the special case (e.g. a zero denominator) or use a numerically stable formula")
