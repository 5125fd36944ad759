"""`window_explorer`: sliders wide enough to set a window by hand, an image that keeps its place."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pytest  # noqa: E402

from course_utils.widgets import WINDOW_PRESETS, window_explorer  # noqa: E402


def _window(hu, center, width):
    return np.clip((hu - (center - width / 2)) / width, 0.0, 1.0)


@pytest.fixture
def explorer(monkeypatch):
    import matplotlib.pyplot as plt

    figures = []
    monkeypatch.setattr(plt, "show", lambda *a, **k: figures.append(plt.gcf()))
    hu = np.linspace(-1000, 1000, 64 * 64).reshape(64, 64)
    return window_explorer(hu, _window), figures


def test_sliders_are_wide_and_labels_whole(explorer):
    box, _ = explorer
    preset, center, width, out = box.children
    for slider in (center, width):
        assert int(slider.layout.width.rstrip("px")) >= 600, slider.layout.width  # a track of >= 400 px
        assert slider.style.description_width == "initial"
        assert "HU" in slider.description
    assert out.layout.height, "the figure's area needs a fixed height, or the page jumps while it redraws"


def test_every_preset_draws_the_same_layout(explorer):
    import matplotlib.pyplot as plt

    box, figures = explorer
    preset = box.children[0]
    for name in list(WINDOW_PRESETS)[1:] + [next(iter(WINDOW_PRESETS))]:
        preset.value = name
    layouts = {(tuple(f.get_size_inches()), tuple(tuple(a.get_position().bounds) for a in f.axes)) for f in figures}
    assert len(figures) > len(WINDOW_PRESETS) and len(layouts) == 1, layouts
    center, width = box.children[1].value, box.children[2].value
    assert (center, width) == WINDOW_PRESETS[next(iter(WINDOW_PRESETS))]
    plt.close("all")
