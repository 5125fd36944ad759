"""``course pretrain``: train the small backbone that notebook 06 fine-tunes, deterministically.

ImageNet weights cannot be downloaded in a workshop room without a network, so the course makes
its own source task and ships the result: a small convolutional backbone pretrained on 3,200
synthetic chest radiographs of 400 patients (``chest_xray_nodules(n_patients=400, seed=1)``, a
different set of patients from the course's default ``seed=0`` set) to say, for each half of the
image, whether it contains a nodule (two sigmoid outputs). Notebook 06 then fine-tunes it on a
*different* task, "is there a nodule anywhere?", on the default set with only 50-200 labels.

The weights file ``datasets/weights/chest_xray_backbone.weights.h5`` (about 0.1 MB) is described
by the data card ``datasets/chest_xray_backbone.md``; its SHA-256 (of the file, and of the weight
arrays) is recorded under ``"weights"`` in ``datasets/manifest.json``.

    course pretrain                    retrain and compare with the manifest (exit 1 if different)
    course pretrain --write            retrain and write the weights file and its checksums
    course pretrain --fast             a short run (8 patients, 1 epoch): checks reproducibility in seconds
    course pretrain --verify-file      only check the shipped file against the manifest (no training)

Training is seeded (``seed_everything(0, tensorflow=True)``: deterministic TensorFlow ops), so the
same versions on the same kind of CPU give identical weights.
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
from pathlib import Path

import numpy as np

__all__ = [
    "WEIGHTS_NAME",
    "SOURCE",
    "build_backbone",
    "source_task",
    "train_backbone",
    "weights_path",
    "arrays_digest",
    "file_digest",
    "verify_file",
    "add_parser",
    "run",
]

WEIGHTS_NAME = "chest_xray_backbone"
#: Parameters of the full pretraining run (``course pretrain``) and of the short check (``--fast``).
SOURCE = {"n_patients": 400, "images_per_patient": 8, "seed": 1, "epochs": 4, "batch_size": 32, "learning_rate": 3e-3}
FAST = {"n_patients": 8, "images_per_patient": 8, "seed": 1, "epochs": 1, "batch_size": 32, "learning_rate": 3e-3}
INPUT_SHAPE = (64, 64, 1)
FILTERS = (8, 16, 32, 32)


def weights_path() -> Path:
    """``datasets/weights/chest_xray_backbone.weights.h5`` of the course."""
    from ..datasets.manifest import manifest_path

    return manifest_path().parent / "weights" / f"{WEIGHTS_NAME}.weights.h5"


def build_backbone(input_shape: tuple[int, int, int] = INPUT_SHAPE):
    """The pretrained feature extractor: 4 x (3x3 conv, BN, ReLU), 2x2 max-pools, global max pool.

    Returns a Keras model from ``input_shape`` images (values in [0, 1]) to a vector of
    ``FILTERS[-1]`` = 32 features. Layer names are fixed so that saved weights load by name.
    """
    import keras
    from keras import layers

    inputs = keras.Input(input_shape)
    x = inputs
    for i, filters in enumerate(FILTERS):
        x = layers.Conv2D(filters, 3, padding="same", use_bias=False, name=f"conv{i + 1}")(x)
        x = layers.BatchNormalization(momentum=0.9, name=f"bn{i + 1}")(x)
        x = layers.ReLU(name=f"relu{i + 1}")(x)
        if i < len(FILTERS) - 1:
            x = layers.MaxPooling2D(2, name=f"pool{i + 1}")(x)
    features = layers.GlobalMaxPooling2D(name="features")(x)
    return keras.Model(inputs, features, name="chest_xray_backbone")


def source_task(n_patients: int, images_per_patient: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Images (N, 64, 64, 1) and labels (N, 2): nodule in the left / right half of the image."""
    from ..datasets import chest_xray_nodules

    data = chest_xray_nodules(n_patients=n_patients, images_per_patient=images_per_patient, seed=seed,
                              progress=False)
    width = data.images.shape[2]
    labels = np.zeros((len(data.images), 2), dtype=np.float32)
    for i, boxes in enumerate(data.boxes):
        for box in np.asarray(boxes).reshape(-1, 4):
            labels[i, int((box[0] + box[2]) / 2 >= width / 2)] = 1.0
    return data.images, labels


def train_backbone(params: dict | None = None, verbose: int = 0):
    """Train the backbone on the source task with ``params`` (default :data:`SOURCE`); return it."""
    import keras
    from keras import layers

    from ..runtime import seed_everything

    params = dict(SOURCE if params is None else params)
    images, labels = source_task(params["n_patients"], params["images_per_patient"], params["seed"])
    seed_everything(0, tensorflow=True)
    backbone = build_backbone()
    head = layers.Dense(2, activation="sigmoid", name="source_head")(backbone.output)
    model = keras.Model(backbone.input, head)
    model.compile(optimizer=keras.optimizers.Adam(params["learning_rate"]), loss="binary_crossentropy")
    model.fit(images, labels, epochs=params["epochs"], batch_size=params["batch_size"], shuffle=True, verbose=verbose)
    return backbone


def arrays_digest(model) -> str:
    """SHA-256 over a model's weight arrays (names, dtypes, shapes and bytes, in order)."""
    digest = hashlib.sha256()
    for weight in model.weights:
        array = np.ascontiguousarray(np.asarray(weight.numpy()))
        digest.update(weight.path.encode())
        digest.update(array.dtype.str.encode())
        digest.update(str(array.shape).encode())
        digest.update(array.tobytes())
    return digest.hexdigest()


def file_digest(path: Path) -> str:
    """SHA-256 of a file's bytes."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _manifest_entry(manifest_file: Path | None = None) -> dict:
    from ..datasets.manifest import load_manifest

    entry = load_manifest(manifest_file).get("weights", {}).get(WEIGHTS_NAME)
    if not entry:
        raise ValueError(f"datasets/manifest.json has no 'weights' entry for {WEIGHTS_NAME}; "
                         "restore it from git or run `course pretrain --write`")
    return entry


def verify_file(path: Path | None = None, manifest_file: Path | None = None) -> Path:
    """Check the shipped weights file against the manifest; return its path.

    Raises ``FileNotFoundError`` (file missing) or ``ValueError`` (checksum differs), with the fix.
    """
    path = Path(path) if path is not None else weights_path()
    if not path.is_file():
        raise FileNotFoundError(f"no pretrained weights at {path}; restore them from git "
                                "(git checkout -- datasets/weights) or recreate them with `course pretrain --write`")
    expected = _manifest_entry(manifest_file)["sha256"]
    actual = file_digest(path)
    if actual != expected:
        raise ValueError(f"{path} has SHA-256 {actual[:16]}..., the manifest says {expected[:16]}...; "
                         "restore the file from git or recreate it with `course pretrain --write`")
    return path


def _write_entry(entry: dict, manifest_file: Path | None = None) -> None:
    from ..datasets.manifest import manifest_path

    where = Path(manifest_file) if manifest_file is not None else manifest_path()
    manifest = json.loads(where.read_text(encoding="utf-8"))
    manifest.setdefault("weights", {})[WEIGHTS_NAME] = entry
    where.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")


def add_parser(subparsers) -> None:
    """Register the ``pretrain`` sub-command on an ``argparse`` subparsers object."""
    parser = subparsers.add_parser(
        "pretrain",
        help="retrain notebook 06's pretrained backbone and check it against datasets/manifest.json",
        description=__doc__.split("\n\n")[0],
    )
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--write", action="store_true",
                      help="maintainers: write the weights file and record its checksums in the manifest")
    mode.add_argument("--fast", action="store_true", help="a short run whose checksum the manifest also records")
    mode.add_argument("--verify-file", action="store_true", help="only check the shipped weights file (no training)")
    parser.add_argument("--out", type=Path, default=None,
                        help="also save the trained weights to this .weights.h5 file (never over the shipped one)")
    parser.add_argument("--manifest", type=Path, default=None, help="manifest to use (default: datasets/manifest.json)")
    parser.set_defaults(func=run)


def run(args) -> int:
    """Carry out ``course pretrain``: 0 reproduced (or written), 1 different, 2 bad input."""
    manifest_file = getattr(args, "manifest", None)
    if getattr(args, "verify_file", False):
        path = verify_file(manifest_file=manifest_file)
        print(f"{path}: OK (SHA-256 matches the manifest)")
        return 0
    fast = getattr(args, "fast", False)
    params = FAST if fast else SOURCE
    start = time.perf_counter()
    backbone = train_backbone(params)
    seconds = time.perf_counter() - start
    digest = arrays_digest(backbone)
    print(f"trained the backbone ({'fast check' if fast else 'full run'}: {params}) in {seconds:.1f} s; "
          f"weights SHA-256 {digest[:16]}...")
    out = getattr(args, "out", None)
    if out is not None:
        out = Path(out)
        if out.resolve() == weights_path().resolve():
            raise ValueError("--out must not be the shipped weights file; use --write to replace it")
        backbone.save_weights(out)
        print(f"saved {out}")
    if getattr(args, "write", False):
        path = weights_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        backbone.save_weights(path)
        entry = {
            "file": f"weights/{path.name}",
            "card": f"{WEIGHTS_NAME}.md",
            "command": "course pretrain --write",
            "params": SOURCE,
            "sha256": file_digest(path),
            "arrays_sha256": digest,
            "fast_params": FAST,
            "fast_arrays_sha256": arrays_digest(train_backbone(FAST)),
            "train_seconds": round(seconds, 1),
        }
        _write_entry(entry, manifest_file)
        print(f"wrote {path} ({path.stat().st_size / 1e3:.0f} kB) and its checksums in the manifest; review and commit")
        return 0
    expected = _manifest_entry(manifest_file)["fast_arrays_sha256" if fast else "arrays_sha256"]
    if digest == expected:
        print("OK: identical to the checksum recorded in datasets/manifest.json")
        return 0
    print(f"DIFFERENT: the manifest records {expected[:16]}... (another TensorFlow version or CPU can change "
          "the last bits; the shipped file stays valid, check it with --verify-file)", file=sys.stderr)
    return 1
