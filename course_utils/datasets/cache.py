"""A small on-disk cache for arrays that are slow to derive (e.g. the resampled MNI brain).

Entries live in ``datasets/cache/`` of the course (git-ignored), or in the folder named by
the ``COURSE_DATA_CACHE`` environment variable; ``COURSE_DATA_CACHE=off`` turns caching off.

An entry's key is the SHA-256 of everything its arrays depend on: the dataset's name, every
parameter, the versions of numpy and of the packages involved, the source code of the module
that builds the arrays, and the contents of the input files. Change any of them and the key
changes, so a stale entry is never read; it is simply left behind (delete the folder at any
time). Entries are written to a temporary file and renamed, so parallel runs never see half a
file, and an unreadable entry is rebuilt.
"""

from __future__ import annotations

import hashlib
import inspect
import json
import os
import tempfile
from pathlib import Path
from typing import Callable, Iterable

import numpy as np

__all__ = ["cache_dir", "cache_key", "cached_arrays"]

_OFF = {"0", "off", "no", "false", "none"}


def cache_dir() -> Path | None:
    """The cache folder, or ``None`` when caching is off.

    ``COURSE_DATA_CACHE`` wins; otherwise ``datasets/cache`` next to this package's
    ``course_utils`` folder when that ``datasets`` folder exists (a repository checkout),
    else ``~/.cache/dl-medical-imaging``.
    """
    env = os.environ.get("COURSE_DATA_CACHE")
    if env is not None:
        return None if env.strip().lower() in _OFF else Path(env).expanduser()
    repo_datasets = Path(__file__).resolve().parents[2] / "datasets"
    if repo_datasets.is_dir():
        return repo_datasets / "cache"
    return Path.home() / ".cache" / "dl-medical-imaging"


def _file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def cache_key(
    name: str,
    params: dict,
    code: Iterable[object] = (),
    files: Iterable[str | os.PathLike] = (),
    versions: dict[str, str] | None = None,
) -> str:
    """SHA-256 hex key of a cache entry.

    Parameters
    ----------
    name : str
        Dataset name.
    params : dict
        Every parameter of the call (JSON-serialisable).
    code : iterable of modules or functions
        Their source code goes into the key, so editing them invalidates the entry.
    files : iterable of paths
        Input files whose contents go into the key.
    versions : dict, optional
        Extra version strings (e.g. ``{"nilearn": nilearn.__version__}``); numpy's version is
        always included.
    """
    record = {
        "name": name,
        "params": params,
        "numpy": np.__version__,
        "versions": dict(sorted((versions or {}).items())),
        "code": [hashlib.sha256(inspect.getsource(obj).encode()).hexdigest() for obj in code],
        "files": [_file_digest(Path(f)) for f in files],
    }
    return hashlib.sha256(json.dumps(record, sort_keys=True, default=str).encode()).hexdigest()


def cached_arrays(key: str, name: str, build: Callable[[], dict[str, np.ndarray]]) -> dict[str, np.ndarray]:
    """Arrays stored under ``key``, or ``build()``'s result, stored for next time.

    Parameters
    ----------
    key : str
        From :func:`cache_key`.
    name : str
        Readable prefix of the file name.
    build : callable returning dict of str to ndarray

    Returns
    -------
    dict of str to ndarray
    """
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{key[:32]}.npz"
    if path.is_file():
        try:
            with np.load(path, allow_pickle=False) as stored:
                return {k: stored[k] for k in stored.files}
        except (OSError, ValueError, EOFError):
            pass  # unreadable entry: rebuild it below
    arrays = build()
    tmp = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}-", suffix=".npz")
        with os.fdopen(fd, "wb") as handle:
            np.savez(handle, **arrays)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError:  # a read-only course folder: work without the cache
        if tmp is not None and os.path.exists(tmp):
            os.remove(tmp)
    return arrays
