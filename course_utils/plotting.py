"""Figures used across the notebooks (matplotlib only)."""

from __future__ import annotations

from typing import Sequence

import matplotlib.pyplot as plt
import numpy as np


def show_images(images: Sequence[np.ndarray], titles: Sequence[str] | None = None, ncols: int = 4,
                cmap: str = "gray", size: float = 3.0, vmin=None, vmax=None, colorbar: bool = False):
    """Show 2-D images (each ``(H, W)`` or ``(H, W, 1)``) side by side; return the figure."""
    images = [np.squeeze(np.asarray(im)) for im in images]
    for i, im in enumerate(images):
        if im.ndim != 2:
            raise ValueError(f"image #{i} has shape {im.shape}; expected a 2-D image (H, W) or (H, W, 1)")
    n = len(images)
    if n == 0:
        raise ValueError("no images to show")
    ncols = min(ncols, n)
    nrows = int(np.ceil(n / ncols))
    fig, axes = plt.subplots(nrows, ncols, figsize=(size * ncols, size * nrows), squeeze=False)
    for ax in axes.ravel():
        ax.axis("off")
    for i, (ax, im) in enumerate(zip(axes.ravel(), images)):
        shown = ax.imshow(im, cmap=cmap, vmin=vmin, vmax=vmax)
        if titles is not None:
            ax.set_title(titles[i], fontsize=10)
        if colorbar:
            fig.colorbar(shown, ax=ax, fraction=0.046, pad=0.04)
    fig.tight_layout()
    return fig


def hu_histogram(hu: np.ndarray, landmarks: dict[str, float] | None = None, bins: int = 100, ax=None):
    """Histogram of Hounsfield units with vertical lines at named tissue values; return the axes.

    Labels of landmarks closer than 8 % of the axis width are staggered in height so they never overlap.
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 3.2))
    ax.hist(np.ravel(hu), bins=bins, color="0.4")
    items = sorted((landmarks or {}).items(), key=lambda item: item[1])
    top = ax.get_ylim()[1]
    lo, hi = ax.get_xlim()
    span = max(hi, *(v for _, v in items)) - min(lo, *(v for _, v in items)) if items else hi - lo
    level, previous = 0, None
    for name, value in items:
        level = level + 1 if previous is not None and value - previous < 0.08 * span else 0
        ax.axvline(value, color="tab:red", lw=1, ls="--")
        ax.text(value, top * (0.97 - 0.45 * (level % 2)), f" {name}", rotation=90, va="top", fontsize=8,
                color="tab:red", bbox=dict(facecolor="white", edgecolor="none", alpha=0.8, pad=0.5))
        previous = value
    ax.set_xlabel("Hounsfield units (HU)")
    ax.set_ylabel("pixels")
    return ax


def draw_boxes(ax, boxes, color: str = "tab:red", scores=None, label: str | None = None, lw: float = 1.5,
               ls: str = "-"):
    """Draw boxes ``(K, 4)`` as ``(x_min, y_min, x_max, y_max)`` in pixels on ``ax``; return ``ax``.

    ``scores`` (K,), if given, are written above each box; ``label`` names the set in a legend.
    Pixel ``(row r, column c)`` covers ``[c, c + 1) x [r, r + 1)``, so boxes are drawn at
    ``imshow``'s coordinates shifted by half a pixel.
    """
    from matplotlib.patches import Rectangle

    boxes = np.asarray(boxes, dtype=float).reshape(-1, 4) if np.size(boxes) else np.zeros((0, 4))
    if scores is not None and len(scores) != len(boxes):
        raise ValueError(f"got {len(boxes)} boxes but {len(scores)} scores; pass one score per box")
    for i, (x0, y0, x1, y1) in enumerate(boxes):
        ax.add_patch(Rectangle((x0 - 0.5, y0 - 0.5), x1 - x0, y1 - y0, fill=False, edgecolor=color, lw=lw, ls=ls,
                               label=label if i == 0 else None))
        if scores is not None:
            ax.text(x0 - 0.5, y0 - 1.5, f"{float(scores[i]):.2f}", color=color, fontsize=8, va="bottom")
    return ax


def overlay_mask(ax, image, mask, color: str = "tab:orange", alpha: float = 0.35, outline: bool = True):
    """Show a grey ``image`` (H, W) with a binary ``mask`` (H, W) tinted over it; return ``ax``."""
    from matplotlib.colors import to_rgba

    image = np.squeeze(np.asarray(image))
    mask = np.squeeze(np.asarray(mask)).astype(bool)
    if image.ndim != 2 or mask.shape != image.shape:
        raise ValueError(f"expected a 2-D image and a mask of the same shape, got {image.shape} and {mask.shape}")
    ax.imshow(image, cmap="gray")
    tint = np.zeros((*mask.shape, 4))
    tint[mask] = to_rgba(color, alpha)
    ax.imshow(tint)
    if outline and mask.any() and not mask.all():
        ax.contour(mask.astype(float), levels=[0.5], colors=[color], linewidths=1)
    ax.axis("off")
    return ax


def overlay_heatmap(ax, image, heatmap, alpha: float = 0.45, cmap: str = "jet"):
    """Show a grey ``image`` (H, W) with a heat map (H, W) in [0, 1] over it (e.g. Grad-CAM); return ``ax``."""
    image = np.squeeze(np.asarray(image))
    heatmap = np.asarray(heatmap, dtype=float)
    if image.ndim != 2 or heatmap.shape != image.shape:
        raise ValueError(f"expected a 2-D image and a heat map of the same shape, got {image.shape} and {heatmap.shape}")
    ax.imshow(image, cmap="gray")
    ax.imshow(heatmap, cmap=cmap, alpha=alpha, vmin=0.0, vmax=1.0)
    ax.axis("off")
    return ax
