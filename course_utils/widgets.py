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
    center = widgets.FloatSlider(value=first[0], min=-1200, max=1500, step=10, description="center (L)",
                                 continuous_update=False)
    width = widgets.FloatSlider(value=first[1], min=1, max=4000, step=10, description="width (W)",
                                continuous_update=False)
    preset = widgets.Dropdown(options=list(presets), value=next(iter(presets)), description="preset")
    out = widgets.Output()

    def on_preset(change):
        c, w = presets[change["new"]]
        center.value, width.value = c, w

    def redraw(*_):
        out.clear_output(wait=True)
        with out:
            fig, ax = plt.subplots(1, 2, figsize=(9, 4), gridspec_kw={"width_ratios": [1, 1.3]})
            ax[0].imshow(window_fn(hu, center.value, width.value), cmap="gray", vmin=0, vmax=1)
            ax[0].set_title(f"L={center.value:.0f} HU, W={width.value:.0f} HU")
            ax[0].axis("off")
            ax[1].hist(hu.ravel(), bins=100, color="0.5")
            ax[1].axvspan(center.value - width.value / 2, center.value + width.value / 2, color="tab:orange", alpha=0.3)
            ax[1].set_xlabel("HU (shaded: the window)")
            fig.tight_layout()
            plt.show()

    preset.observe(on_preset, names="value")
    center.observe(redraw, names="value")
    width.observe(redraw, names="value")
    redraw()
    return widgets.VBox([widgets.HBox([preset, center, width]), out])
