"""Checksums of the synthetic datasets at their default parameters (``datasets/manifest.json``).

How a dataset is hashed (:func:`dataset_digest`): one SHA-256 over its fields in declaration
order (e.g. ``images, labels, boxes, masks, patient_ids``). For each field the hash takes the
field name (UTF-8), then

- for an array: its dtype string (``numpy.dtype.str``, e.g. ``<f4``), its shape written as
  text (e.g. ``(2000, 64, 64, 1)``), and its bytes in C order;
- for a list of arrays (e.g. ``boxes``): the list length as text, then each array as above.

Each field also gets its own SHA-256 (same recipe, that field alone) so that a mismatch says
which field changed. Float fields additionally record a fingerprint (mean, standard deviation
and 64 evenly spaced values): numpy's float32 ``exp``/``log``/``tanh`` may differ in the last
bit between CPUs, so when the bytes of float fields differ but every integer field matches
exactly and the floats agree within 1e-5 (mean, std) and 1e-4 (values), the dataset is reported
as matching within floating-point tolerance instead of as changed.
"""

from __future__ import annotations

import dataclasses
import hashlib
import inspect
import json
import platform
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np

from .catalog import synthetic_names

__all__ = [
    "MANIFEST_NAME",
    "manifest_path",
    "generators",
    "default_params",
    "dataset_digest",
    "build_manifest",
    "write_manifest",
    "load_manifest",
    "VerifyResult",
    "verify",
]

MANIFEST_NAME = "manifest.json"
_SAMPLES = 64
_MEAN_TOL = 1e-5
_VALUE_TOL = 1e-4


def manifest_path() -> Path:
    """``datasets/manifest.json`` of the course (next to the ``course_utils`` package)."""
    return Path(__file__).resolve().parents[2] / "datasets" / MANIFEST_NAME


def generators() -> dict[str, Callable]:
    """Synthetic dataset functions by name, in catalogue order."""
    from .chest_xray import chest_xray_nodules
    from .ct_phantom import ct_phantom
    from .ultrasound import ultrasound_nerves

    functions = {
        "chest_xray_nodules": chest_xray_nodules,
        "ultrasound_nerves": ultrasound_nerves,
        "ct_phantom": ct_phantom,
    }
    return {name: functions[name] for name in synthetic_names()}


def default_params(function: Callable) -> dict:
    """Default value of every parameter of ``function`` except ``progress``."""
    return {
        name: p.default
        for name, p in inspect.signature(function).parameters.items()
        if name != "progress" and p.default is not inspect.Parameter.empty
    }


def _update(digest, value) -> None:
    """Feed one field value into ``digest`` (see the module docstring for the recipe)."""
    if isinstance(value, np.ndarray):
        array = np.ascontiguousarray(value)
        digest.update(array.dtype.str.encode())
        digest.update(str(tuple(array.shape)).encode())
        digest.update(array.tobytes(order="C"))
    elif isinstance(value, (list, tuple)):
        digest.update(str(len(value)).encode())
        for item in value:
            _update(digest, np.asarray(item))
    else:
        raise TypeError(f"cannot hash a field of type {type(value).__name__}")


def _fingerprint(array: np.ndarray) -> dict:
    """Mean, std and evenly spaced values of a float array, for tolerant comparison."""
    flat = array.reshape(-1).astype(np.float64)
    positions = np.linspace(0, flat.size - 1, _SAMPLES).astype(np.int64) if flat.size else np.zeros(0, np.int64)
    return {
        "mean": float(flat.mean()) if flat.size else 0.0,
        "std": float(flat.std()) if flat.size else 0.0,
        "samples": [float(x) for x in flat[positions]],
    }


def dataset_digest(data) -> dict:
    """SHA-256 of a dataset returned by a synthetic generator, overall and per field.

    Parameters
    ----------
    data : dataclass instance
        E.g. the result of ``chest_xray_nodules()``.

    Returns
    -------
    dict
        ``{"sha256": hex, "fields": {name: {"sha256": hex, ...shape/dtype/fingerprint}}}``.
    """
    overall = hashlib.sha256()
    fields = {}
    for field in dataclasses.fields(data):
        value = getattr(data, field.name)
        overall.update(field.name.encode())
        _update(overall, value)
        one = hashlib.sha256()
        _update(one, value)
        entry: dict = {"sha256": one.hexdigest()}
        if isinstance(value, np.ndarray):
            entry["dtype"] = value.dtype.name
            entry["shape"] = list(value.shape)
            if value.dtype.kind == "f":
                entry["fingerprint"] = _fingerprint(value)
        else:
            entry["count"] = len(value)
            entry["rows"] = int(sum(len(v) for v in value))
        fields[field.name] = entry
    return {"sha256": overall.hexdigest(), "fields": fields}


def build_manifest(progress: bool | None = None) -> dict:
    """Generate every synthetic dataset at its defaults and describe it (see module docstring)."""
    from .. import __version__

    datasets = {}
    for name, function in generators().items():
        params = default_params(function)
        data = function(progress=progress)
        datasets[name] = {"call": f"course_utils.datasets.{name}()", "params": params, **dataset_digest(data)}
    return {
        "about": (
            "SHA-256 of each synthetic dataset at its default parameters. Check with "
            "`course datasets`; regenerate (after an intended change) with "
            "`course datasets --write-manifest`. Hash recipe: course_utils/datasets/manifest.py."
        ),
        "course_utils": __version__,
        "numpy": np.__version__,
        "python": platform.python_version(),
        "datasets": datasets,
    }


def write_manifest(path: Path | None = None, progress: bool | None = None) -> Path:
    """Write :func:`build_manifest` to ``path`` (default :func:`manifest_path`); return the path."""
    path = Path(path) if path is not None else manifest_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    manifest = build_manifest(progress)
    if path.is_file():  # keep the pretrained weights' checksums (written by `course pretrain --write`)
        try:
            weights = json.loads(path.read_text(encoding="utf-8")).get("weights")
        except json.JSONDecodeError:
            weights = None
        if weights:
            manifest["weights"] = weights
    path.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return path


def load_manifest(path: Path | None = None) -> dict:
    """Read the manifest; ``FileNotFoundError`` / ``ValueError`` with the fix in the message."""
    path = Path(path) if path is not None else manifest_path()
    if not path.is_file():
        raise FileNotFoundError(
            f"no dataset manifest at {path}; restore it from git (git checkout -- datasets/manifest.json) "
            "or create it with `course datasets --write-manifest`"
        )
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise ValueError(f"{path} is not valid JSON ({err}); restore it from git") from err
    if not isinstance(manifest, dict) or not isinstance(manifest.get("datasets"), dict):
        raise ValueError(f"{path} has no 'datasets' table; restore it from git")
    return manifest


@dataclass(frozen=True)
class VerifyResult:
    """Outcome of checking one dataset against the manifest.

    ``status`` is ``"ok"`` (identical bytes), ``"ok-tolerance"`` (integer fields identical,
    float fields equal within tolerance), ``"mismatch"`` or ``"missing"`` (not in the manifest).
    """

    name: str
    status: str
    expected: str
    actual: str
    message: str
    seconds: float

    @property
    def ok(self) -> bool:
        return self.status in ("ok", "ok-tolerance")


def _compare(name: str, expected: dict, actual: dict) -> tuple[str, str]:
    """Status and explanation for one dataset's recorded vs fresh digest."""
    if expected.get("sha256") == actual["sha256"]:
        return "ok", "identical"
    exp_fields = expected.get("fields", {})
    changed, close = [], []
    for field, now in actual["fields"].items():
        before = exp_fields.get(field)
        if before is None:
            changed.append(f"{field} (new field)")
            continue
        if before.get("sha256") == now["sha256"]:
            continue
        same_layout = before.get("shape") == now.get("shape") and before.get("dtype") == now.get("dtype")
        fa, fb = before.get("fingerprint"), now.get("fingerprint")
        if same_layout and fa and fb and _close(fa, fb):
            close.append(field)
        else:
            what = (
                f"shape/dtype {before.get('shape')} {before.get('dtype')} -> {now.get('shape')} {now.get('dtype')}"
                if not same_layout
                else "values differ"
            )
            changed.append(f"{field} ({what})")
    changed += [f"{field} (missing)" for field in exp_fields if field not in actual["fields"]]
    if changed:
        return "mismatch", "changed: " + ", ".join(changed)
    fields = ", ".join(close)
    return "ok-tolerance", f"float fields {fields} equal within tolerance (bytes differ, e.g. another CPU)"


def _close(a: dict, b: dict) -> bool:
    scale = max(1.0, abs(a["std"]))
    if abs(a["mean"] - b["mean"]) > _MEAN_TOL * scale or abs(a["std"] - b["std"]) > _MEAN_TOL * scale:
        return False
    sa, sb = np.asarray(a["samples"]), np.asarray(b["samples"])
    return sa.shape == sb.shape and bool(np.all(np.abs(sa - sb) <= _VALUE_TOL * np.maximum(1.0, np.abs(sa))))


def verify(
    path: Path | None = None,
    names: list[str] | None = None,
    progress: bool | None = None,
) -> list[VerifyResult]:
    """Regenerate synthetic datasets at their defaults and compare them with the manifest.

    Parameters
    ----------
    path : Path, optional
        Manifest to check against (default :func:`manifest_path`).
    names : list of str, optional
        Only these datasets (default: all synthetic datasets).
    progress : bool or None
        Passed to the generators.

    Returns
    -------
    list of VerifyResult
        One per dataset, in catalogue order.

    Raises
    ------
    FileNotFoundError, ValueError
        If the manifest is missing or unreadable, or a name is unknown.
    """
    manifest = load_manifest(path)
    available = generators()
    names = list(available) if names is None else list(names)
    unknown = [n for n in names if n not in available]
    if unknown:
        raise ValueError(f"unknown synthetic dataset(s) {', '.join(unknown)}; choose from {', '.join(available)}")
    results = []
    for name in names:
        recorded = manifest["datasets"].get(name)
        start = time.perf_counter()
        if recorded is None:
            results.append(VerifyResult(name, "missing", "", "", "not in the manifest", 0.0))
            continue
        function = available[name]
        params = default_params(function)
        if recorded.get("params") != json.loads(json.dumps(params)):
            results.append(
                VerifyResult(
                    name, "mismatch", recorded.get("sha256", ""), "",
                    f"default parameters changed: manifest {recorded.get('params')} vs code {params}",
                    0.0,
                )
            )
            continue
        actual = dataset_digest(function(progress=progress))
        status, message = _compare(name, recorded, actual)
        results.append(
            VerifyResult(
                name, status, recorded.get("sha256", ""), actual["sha256"], message, time.perf_counter() - start
            )
        )
    return results
