"""Interactive explorers (ipywidgets). Each takes the learner's own function as an argument."""

from __future__ import annotations

from typing import Callable

import matplotlib.pyplot as plt
import numpy as np

#: Common CT display windows as (center, width) in Hounsfield units.
WINDOW_PRESETS: dict[str, tuple[float, float]] = {
    "lung": (-600.0, 1500.0),
    "mediastinum": (40.0, 400.0),
    "bone": (400.0, 1800.0),
    "brain": (40.0, 80.0),
}


def window_explorer(hu: np.ndarray, window_fn: Callable[[np.ndarray, float, float], np.ndarray],
                    presets: dict[str, tuple[float, float]] | None = None):
    """Sliders for window center and width, a preset menu, and the windowed image.

    Parameters
    ----------
    hu : (H, W) array in Hounsfield units.
    window_fn : ``window_fn(hu, center, width)`` returning an image in [0, 1]
        (the learner's ``apply_window``).
    presets : name -> (center, width); defaults to :data:`WINDOW_PRESETS`.

    Returns the ipywidgets container (display it, or let the notebook show it).
    """
    import ipywidgets as widgets

    hu = np.asarray(hu)
    if hu.ndim != 2:
        raise ValueError(f"expected a 2-D slice in HU, got shape {hu.shape}")
    presets = dict(presets or WINDOW_PRESETS)
    first = next(iter(presets.values()))
    # Wide sliders (a track of about 490 px: 5-6 HU per pixel for the center, 8 for the width), the whole label
    # shown; the number at the right can also be typed in.
    slider = dict(continuous_update=False, style={"description_width": "initial"},
                  layout=widgets.Layout(width="720px"))
    center = widgets.FloatSlider(value=first[0], min=-1200, max=1500, step=10, readout_format=".0f",
                                 description="window center L (HU)", **slider)
    width = widgets.FloatSlider(value=first[1], min=1, max=4000, step=10, readout_format=".0f",
                                description="window width W (HU)", **slider)
    preset = widgets.Dropdown(options=list(presets), value=next(iter(presets)), description="preset",
                              style={"description_width": "initial"}, layout=widgets.Layout(width="260px"))
    # A fixed height for the figure's area, so that nothing below it moves while it redraws.
    out = widgets.Output(layout=widgets.Layout(height="380px"))
    counts, edges = np.histogram(hu, bins=100)

    def on_preset(change):
        c, w = presets[change["new"]]
        center.value, width.value = c, w

    def redraw(*_):
        out.clear_output(wait=True)
        with out:
            # Fixed figure size and fixed axes positions (no tight_layout), so the image keeps
            # its place and size whatever the preset or the title's length.
            fig = plt.figure(figsize=(9, 3.6))
            ax_img = fig.add_axes((0.01, 0.04, 0.38, 0.84))
            ax_hist = fig.add_axes((0.47, 0.15, 0.51, 0.73))
            ax_img.imshow(window_fn(hu, center.value, width.value), cmap="gray", vmin=0, vmax=1)
            ax_img.set_title(f"L = {center.value:.0f} HU, W = {width.value:.0f} HU")
            ax_img.axis("off")
            ax_hist.stairs(counts, edges, fill=True, color="0.5")
            ax_hist.axvspan(center.value - width.value / 2, center.value + width.value / 2, color="tab:orange", alpha=0.3)
            ax_hist.set_xlim(edges[0], edges[-1])
            ax_hist.set_xlabel("Hounsfield units (shaded: the window)")
            ax_hist.set_ylabel("pixels")
            ax_hist.set_title("histogram of the slice")
            plt.show()

    preset.observe(on_preset, names="value")
    center.observe(redraw, names="value")
    width.observe(redraw, names="value")
    redraw()
    return widgets.VBox([preset, center, width, out])


#: 3x3 kernels for :func:`kernel_explorer` (cross-correlation, as Keras computes it).
KERNEL_PRESETS: dict[str, list[list[float]]] = {
    "identity": [[0, 0, 0], [0, 1, 0], [0, 0, 0]],
    "box blur": [[1 / 9, 1 / 9, 1 / 9], [1 / 9, 1 / 9, 1 / 9], [1 / 9, 1 / 9, 1 / 9]],
    "Gaussian blur": [[1 / 16, 2 / 16, 1 / 16], [2 / 16, 4 / 16, 2 / 16], [1 / 16, 2 / 16, 1 / 16]],
    "sharpen": [[0, -1, 0], [-1, 5, -1], [0, -1, 0]],
    "Sobel x (vertical edges)": [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]],
    "Sobel y (horizontal edges)": [[-1, -2, -1], [0, 0, 0], [1, 2, 1]],
    "Laplacian": [[0, 1, 0], [1, -4, 1], [0, 1, 0]],
}


def kernel_explorer(image: np.ndarray, conv_fn: Callable[[np.ndarray, np.ndarray], np.ndarray],
                    presets: dict[str, list[list[float]]] | None = None):
    """Nine boxes for a 3x3 kernel, a preset menu, and the image beside its feature map.

    Parameters
    ----------
    image : (H, W) array, e.g. a windowed CT slice in [0, 1].
    conv_fn : ``conv_fn(image, kernel)`` returning the (H - 2, W - 2) valid cross-correlation
        of ``image`` with the (3, 3) ``kernel`` (the learner's ``conv2d_single``).
    presets : name -> 3x3 kernel; defaults to :data:`KERNEL_PRESETS`.

    Returns the ipywidgets container (display it, or let the notebook show it). The feature
    map is drawn with a colour scale symmetric about 0 (grey = 0), so that positive and
    negative responses of edge kernels show alike; the figure keeps its size between updates.
    """
    import ipywidgets as widgets

    image = np.asarray(image, dtype=np.float64)
    if image.ndim != 2 or min(image.shape) < 3:
        raise ValueError(f"expected a 2-D image of at least 3x3 pixels, got shape {image.shape}")
    presets = {name: np.asarray(k, dtype=np.float64) for name, k in (presets or KERNEL_PRESETS).items()}
    for name, k in presets.items():
        if k.shape != (3, 3):
            raise ValueError(f"preset {name!r} has shape {k.shape}; kernel_explorer takes 3x3 kernels")
    first = next(iter(presets))
    boxes = [widgets.FloatText(value=float(presets[first][r, c]), step=0.1, layout=widgets.Layout(width="110px"))
             for r in range(3) for c in range(3)]
    preset = widgets.Dropdown(options=list(presets), value=first, description="preset",
                              layout=widgets.Layout(width="420px"), style={"description_width": "initial"})
    out = widgets.Output(layout=widgets.Layout(height="430px"))
    state = {"busy": False}

    def kernel() -> np.ndarray:
        return np.array([b.value for b in boxes], dtype=np.float64).reshape(3, 3)

    def redraw(*_):
        if state["busy"]:
            return
        k = kernel()
        out.clear_output(wait=True)
        with out:
            fmap = np.asarray(conv_fn(image, k), dtype=np.float64)
            fig, ax = plt.subplots(1, 2, figsize=(9, 4.2))
            ax[0].imshow(image, cmap="gray")
            ax[0].set_title(f"input {image.shape[0]}x{image.shape[1]} px")
            limit = float(np.max(np.abs(fmap))) or 1.0
            shown = ax[1].imshow(fmap, cmap="gray", vmin=-limit if fmap.min() < 0 else 0, vmax=limit)
            ax[1].set_title(f"feature map {fmap.shape[0]}x{fmap.shape[1]}, sum of kernel = {k.sum():.2f}")
            fig.colorbar(shown, ax=ax[1], fraction=0.046, pad=0.04, label="response (input units)")
            for a in ax:
                a.set_xlabel("x (pixels)")
                a.set_ylabel("y (pixels)")
            fig.tight_layout()
            plt.show()

    def on_preset(change):
        state["busy"] = True
        try:
            for b, v in zip(boxes, presets[change["new"]].ravel()):
                b.value = float(v)
        finally:
            state["busy"] = False
        redraw()

    preset.observe(on_preset, names="value")
    for b in boxes:
        b.observe(redraw, names="value")
    grid = widgets.GridBox(boxes, layout=widgets.Layout(grid_template_columns="repeat(3, 115px)"))
    redraw()
    return widgets.VBox([widgets.HBox([preset]), widgets.HTML("kernel (edit any weight, then press Enter):"), grid, out])
