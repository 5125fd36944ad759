"""Sample figures for the data cards in the course's ``datasets/`` folder.

Run ``python -m course_utils.datasets.cards`` to (re)draw every figure into
``datasets/figures/`` (small PNGs, committed with the cards), or pass dataset names to draw
only those. Generation times quoted in the cards come from ``--timings``.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np

__all__ = ["figures_dir", "draw", "FIGURES", "main"]

_DPI = 80


def figures_dir() -> Path:
    """``datasets/figures`` of the course (next to the ``course_utils`` package)."""
    return Path(__file__).resolve().parents[2] / "datasets" / "figures"


def _grid(n_rows: int, n_cols: int, width: float = 9.0):
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(n_rows, n_cols, figsize=(width, width * n_rows / n_cols * 1.08), squeeze=False)
    for ax in axes.ravel():
        ax.set_axis_off()
    return fig, axes


def _box(ax, box, color="red"):
    from matplotlib.patches import Rectangle

    x0, y0, x1, y1 = box
    # pixel (i, j) covers [i, i + 1): imshow draws its centre at i, so shift by half a pixel
    ax.add_patch(Rectangle((x0 - 0.5, y0 - 0.5), x1 - x0, y1 - y0, fill=False, ec=color, lw=0.9))


def chest_xray_figure():
    from .chest_xray import chest_xray_nodules

    data = chest_xray_nodules(n_patients=40, images_per_patient=2, seed=0, progress=False)
    positives = np.nonzero(data.labels)[0][:4]
    negatives = np.nonzero(data.labels == 0)[0][:4]
    fig, axes = _grid(2, 4)
    for ax, i in zip(axes.ravel(), list(positives) + list(negatives)):
        ax.imshow(data.images[i, :, :, 0], cmap="gray", vmin=0, vmax=1)
        for box in data.boxes[i]:
            _box(ax, box + np.array([-1, -1, 1, 1]))
        ax.set_title(f"patient {data.patient_ids[i]}, label {data.labels[i]}", fontsize=8)
    fig.suptitle("chest_xray_nodules (64x64): top with nodules (boxes widened 1 px), bottom without", fontsize=9)
    return fig


def ultrasound_figure():
    from .ultrasound import ultrasound_nerves

    data = ultrasound_nerves(n=8, seed=0, progress=False)
    fig, axes = _grid(2, 4)
    for k in range(4):
        for row, overlay in ((0, False), (1, True)):
            ax = axes[row, k]
            ax.imshow(data.images[k, :, :, 0], cmap="gray", vmin=0, vmax=1)
            if overlay:
                ax.contour(data.masks[k, :, :, 0], levels=[0.5], colors="yellow", linewidths=0.7)
                for box in data.needle_boxes[k]:
                    _box(ax, box)
            ax.set_title(f"needle {data.needle_labels[k]}" + (" (ground truth)" if overlay else ""), fontsize=8)
    fig.suptitle("ultrasound_nerves (64x64): nerve mask in yellow, needle box in red", fontsize=9)
    return fig


def ct_phantom_figure():
    from .ct_phantom import ct_phantom

    data = ct_phantom(n=4, seed=0, lesion_prevalence=1.0, progress=False)
    fig, axes = _grid(3, 4)
    for k in range(4):
        axes[0, k].imshow(data.images[k, :, :, 0], cmap="gray", vmin=-1000, vmax=1000)
        axes[0, k].set_title("full range -1000..1000 HU", fontsize=7)
        axes[1, k].imshow(data.images[k, :, :, 0], cmap="gray", vmin=40 - 200, vmax=40 + 200)
        axes[1, k].contour(data.masks[k, :, :, 0], levels=[0.5], colors="red", linewidths=0.6)
        axes[1, k].set_title("soft-tissue window L40 W400", fontsize=7)
        axes[2, k].imshow(data.tissues[k], cmap="tab10", vmin=0, vmax=9, interpolation="nearest")
        axes[2, k].set_title("tissue classes", fontsize=7)
    fig.suptitle("ct_phantom (64x64, HU): the lesion (red) appears only in a narrow window", fontsize=9)
    return fig


def mni_brain_figure():
    from .real import mni_brain

    brain = mni_brain(resolution=2, progress=False)
    x, y, z = (s // 2 for s in brain.t1.shape)
    views = [
        ("axial", brain.t1[:, :, z].T, brain.gm[:, :, z].T, brain.wm[:, :, z].T),
        ("coronal", brain.t1[:, y, :].T, brain.gm[:, y, :].T, brain.wm[:, y, :].T),
        ("sagittal", brain.t1[x, :, :].T, brain.gm[x, :, :].T, brain.wm[x, :, :].T),
    ]
    fig, axes = _grid(2, 3, width=7.5)
    for k, (name, t1, gm, wm) in enumerate(views):
        axes[0, k].imshow(t1, cmap="gray", origin="lower")
        axes[0, k].set_title(f"T1, {name}", fontsize=8)
        rgb = np.stack([gm, wm, np.zeros_like(gm)], axis=-1)
        axes[1, k].imshow(np.clip(rgb, 0, 1), origin="lower")
        axes[1, k].set_title("grey (red) / white (green) matter", fontsize=8)
    fig.suptitle("mni_brain(resolution=2): MNI152 2009a template, 99 x 117 x 95 voxels of 2 mm", fontsize=9)
    return fig


def pydicom_figure():
    from pydicom.pixels import apply_rescale

    from .real import ct_sample, mr_sample

    ct, mr = ct_sample(), mr_sample()
    hu = apply_rescale(ct.pixel_array, ct)
    fig, axes = _grid(1, 3, width=7.5)
    axes[0, 0].imshow(hu, cmap="gray")
    axes[0, 0].set_title("CT_small, min-max", fontsize=8)
    axes[0, 1].imshow(hu, cmap="gray", vmin=40 - 200, vmax=40 + 200)
    axes[0, 1].set_title("CT_small, L40 W400 (HU)", fontsize=8)
    axes[0, 2].imshow(mr.pixel_array, cmap="gray")
    axes[0, 2].set_title("MR_small", fontsize=8)
    fig.suptitle("ct_sample() and mr_sample(): pydicom's bundled slices", fontsize=9)
    return fig


def breast_cancer_figure():
    import matplotlib.pyplot as plt

    from .real import breast_cancer

    data = breast_cancer()
    i, j = data.feature_names.index("mean radius"), data.feature_names.index("mean texture")
    fig, ax = plt.subplots(figsize=(4.5, 3.4))
    for label, color in ((0, "tab:blue"), (1, "tab:red")):
        sel = data.y == label
        ax.scatter(data.X[sel, i], data.X[sel, j], s=6, c=color, label=data.target_names[label], alpha=0.6)
    ax.set_xlabel("mean radius")
    ax.set_ylabel("mean texture")
    ax.legend(fontsize=8)
    ax.set_title("breast_cancer(): two of 30 features", fontsize=9)
    fig.tight_layout()
    return fig


def diabetes_figure():
    import matplotlib.pyplot as plt

    from .real import diabetes

    data = diabetes(scaled=False)
    k = data.feature_names.index("bmi")
    fig, ax = plt.subplots(figsize=(4.5, 3.4))
    ax.scatter(data.X[:, k], data.y, s=6, alpha=0.6)
    ax.set_xlabel("BMI (kg/m$^2$)")
    ax.set_ylabel("progression after one year")
    ax.set_title("diabetes(scaled=False): progression vs BMI", fontsize=9)
    fig.tight_layout()
    return fig


FIGURES = {
    "chest_xray_nodules": chest_xray_figure,
    "ultrasound_nerves": ultrasound_figure,
    "ct_phantom": ct_phantom_figure,
    "mni_brain": mni_brain_figure,
    "pydicom_samples": pydicom_figure,
    "breast_cancer": breast_cancer_figure,
    "diabetes": diabetes_figure,
}


def draw(name: str, folder: Path | None = None) -> Path:
    """Draw one figure to ``<folder>/<name>.png`` (default :func:`figures_dir`); return its path."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    if name not in FIGURES:
        raise ValueError(f"no figure named {name!r}; choose from {', '.join(FIGURES)}")
    folder = Path(folder) if folder is not None else figures_dir()
    folder.mkdir(parents=True, exist_ok=True)
    fig = FIGURES[name]()
    path = folder / f"{name}.png"
    fig.savefig(path, dpi=_DPI, metadata={"Software": None})
    plt.close(fig)
    return path


def timings(repeats: int = 3) -> dict[str, float]:
    """Best-of-``repeats`` wall-clock seconds of each synthetic generator at its defaults."""
    from .manifest import generators

    result = {}
    for name, function in generators().items():
        best = float("inf")
        for _ in range(repeats):
            start = time.perf_counter()
            function(progress=False)
            best = min(best, time.perf_counter() - start)
        result[name] = best
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m course_utils.datasets.cards", description=__doc__)
    parser.add_argument("names", nargs="*", help=f"figures to draw (default all: {', '.join(FIGURES)})")
    parser.add_argument("--timings", action="store_true", help="also time each synthetic generator")
    args = parser.parse_args(argv)
    for name in args.names or list(FIGURES):
        print(draw(name))
    if args.timings:
        for name, seconds in timings().items():
            print(f"{name}: {seconds:.2f} s (best of 3, defaults)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
