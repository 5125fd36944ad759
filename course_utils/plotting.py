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
    """Histogram of Hounsfield units with vertical lines at named tissue values; return the axes."""
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 3))
    ax.hist(np.ravel(hu), bins=bins, color="0.4")
    for name, value in (landmarks or {}).items():
        ax.axvline(value, color="tab:red", lw=1, ls="--")
        ax.text(value, ax.get_ylim()[1] * 0.95, f" {name}", rotation=90, va="top", fontsize=8, color="tab:red")
    ax.set_xlabel("Hounsfield units (HU)")
    ax.set_ylabel("pixels")
    return ax
