"""Synthetic B-mode ultrasound of a peripheral nerve, with an optional block needle.

The images imitate a transverse scan with a linear probe before a regional nerve block:
the transducer is at the top, depth grows downwards. See ``datasets/ultrasound_nerves.md``
for the data card.

How an image is made
--------------------
1. **Echogenicity map** (mean backscatter of each tissue): bright skin line, hypoechoic
   subcutaneous fat with thin septa, muscles with a striated texture separated by bright
   wavy fasciae, a nerve in the fascial plane (a hypoechoic oval of dark fascicles with
   brighter septa inside a thin bright epineurium, a simple "honeycomb"), often an artery
   beside it (anechoic lumen, bright wall, posterior acoustic enhancement below it), and
   sometimes bone (a bright curved line that casts an acoustic shadow).
2. **Speckle**: the echogenicity sets the variance of complex Gaussian scatterers, which are
   convolved with an anisotropic point-spread function (short axially, longer laterally);
   the envelope ``|.|`` is then Rayleigh distributed, multiplicative and spatially correlated,
   as in fully developed speckle.
3. **Attenuation**: amplitude decays with depth (``exp(-k depth)``) and time-gain
   compensation only partly restores it, so deep tissue is darker and noisier.
4. **Needle** (optional): a straight in-plane needle from the probe's edge towards the nerve,
   a specular reflector whose brightness falls as its angle steepens, fading where it
   leaves the scan plane, with reverberation echoes below the shaft.
5. **Display**: log compression over a dynamic range of 50-60 dB and an overall gain.

Shortcuts: no beamforming or wave propagation (speckle is drawn directly), straight
structures, one frequency, no Doppler, no needle tip artefacts beyond reverberation.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import _checks
from ._render import blocks, blur_axis, gaussian_kernel, normalised_grid, smooth_noise, smoothstep

__all__ = ["UltrasoundNerves", "ultrasound_nerves"]


@dataclass(frozen=True, eq=False)
class UltrasoundNerves:
    """Synthetic nerve-block ultrasound (returned by :func:`ultrasound_nerves`).

    Attributes
    ----------
    images : ndarray, shape (N, H, W, 1), float32
        Log-compressed B-mode images in [0, 1]; row 0 is at the transducer.
    masks : ndarray, shape (N, H, W, 1), uint8
        1 on pixels whose centre lies inside the nerve (epineurium included).
    needle_labels : ndarray, shape (N,), int64
        1 when the image shows a needle (always 0 with ``with_needle=False``).
    needle_boxes : list of N ndarrays, each shape (k, 4), float32
        ``k = 1`` row ``(x_min, y_min, x_max, y_max)`` in pixels, the tight box around the
        needle's mask pixels, when a needle is shown; ``k = 0`` otherwise.
    needle_masks : ndarray, shape (N, H, W, 1), uint8
        1 on pixels of the needle shaft (reverberation echoes excluded).
    """

    images: np.ndarray
    masks: np.ndarray
    needle_labels: np.ndarray
    needle_boxes: list
    needle_masks: np.ndarray

    def __len__(self) -> int:
        return int(self.needle_labels.shape[0])


def ultrasound_nerves(
    n: int = 2000,
    size: int = 64,
    with_needle: bool = True,
    needle_prevalence: float = 0.5,
    seed: int = 0,
    progress: bool | None = None,
) -> UltrasoundNerves:
    """B-mode-like nerve images with speckle, depth attenuation and an optional needle.

    Every image shows exactly one nerve (the segmentation target). Deterministic: the same
    arguments give identical arrays.

    Parameters
    ----------
    n : int, default 2000
        Number of images (1 or more).
    size : int, default 64
        Image height and width in pixels, 32 to 512.
    with_needle : bool, default True
        Whether any image may show a needle.
    needle_prevalence : float, default 0.5
        Probability that an image shows a needle when ``with_needle`` is true, in [0, 1].
    seed : int, default 0
        Seed of ``numpy.random.default_rng``.
    progress : bool or None, default None
        Show a tqdm progress bar: ``None`` only when generation lasts over a second.

    Returns
    -------
    UltrasoundNerves
        Fields ``images (N, H, W, 1) float32``, ``masks (N, H, W, 1) uint8``,
        ``needle_labels (N,) int64``, ``needle_boxes`` (list of ``(k, 4)`` float32, k = 0 or 1),
        ``needle_masks (N, H, W, 1) uint8``.

    Raises
    ------
    ValueError
        If an argument is out of range; the message names it and the allowed values.
    """
    n = _checks.check_int("n", n, 1)
    size = _checks.check_size(size)
    with_needle = _checks.check_bool("with_needle", with_needle)
    needle_prevalence = _checks.check_float("needle_prevalence", needle_prevalence, 0.0, 1.0)
    seed = _checks.check_seed(seed)
    if n * size * size > 400_000_000:
        raise ValueError(
            f"{n} images of {size}x{size} would need about {n * size * size * 6 / 1e9:.1f} GB; "
            "ask for fewer images or a smaller size"
        )

    rng = np.random.default_rng(seed)
    p = _draw_scenes(rng, n, needle_prevalence if with_needle else 0.0)
    images = np.empty((n, size, size, 1), dtype=np.float32)
    masks = np.empty((n, size, size, 1), dtype=np.uint8)
    needle_masks = np.empty((n, size, size, 1), dtype=np.uint8)
    u, v = normalised_grid(size)
    for block in blocks(n, "ultrasound_nerves", progress):
        _render_block(rng, p, block, size, u, v, images, masks, needle_masks)

    needle_labels = needle_masks.any(axis=(1, 2, 3)).astype(np.int64)
    needle_boxes: list[np.ndarray] = []
    cols_any = needle_masks[..., 0].any(axis=1)  # (N, W)
    rows_any = needle_masks[..., 0].any(axis=2)  # (N, H)
    for i in range(n):
        if needle_labels[i]:
            cols = np.nonzero(cols_any[i])[0]
            rows = np.nonzero(rows_any[i])[0]
            needle_boxes.append(
                np.array([[cols[0], rows[0], cols[-1] + 1, rows[-1] + 1]], dtype=np.float32)
            )
        else:
            needle_boxes.append(np.zeros((0, 4), dtype=np.float32))
    return UltrasoundNerves(
        images=images,
        masks=masks,
        needle_labels=needle_labels,
        needle_boxes=needle_boxes,
        needle_masks=needle_masks,
    )


def _draw_scenes(rng: np.random.Generator, n: int, needle_prevalence: float) -> dict[str, np.ndarray]:
    """Per-image anatomy, needle and acquisition parameters, each shape (n,) (normalised units)."""
    uni = lambda lo, hi: rng.uniform(lo, hi, n)  # noqa: E731
    p = {
        "skin": uni(-0.97, -0.90),
        "fascia1": uni(-0.62, -0.38),
        "fascia2": uni(0.05, 0.35),
        "wave_amp": uni(0.02, 0.09),
        "wave_freq": uni(0.6, 2.0),
        "wave_phase": uni(0.0, 2 * np.pi),
        "fat_echo": uni(0.05, 0.10),
        "muscle_echo": uni(0.18, 0.35),
        "muscle2_echo": uni(0.18, 0.35),
        "striation_angle": uni(-0.5, 0.5),
        "nerve_x": uni(-0.45, 0.45),
        "nerve_a": uni(0.24, 0.36),
        "nerve_b": uni(0.15, 0.23),
        "nerve_tilt": uni(-0.35, 0.35),
        "nerve_lobe": uni(0.0, 0.08),
        "nerve_lobe_phase": uni(0.0, 2 * np.pi),
        "nerve_echo": uni(0.03, 0.07),
        "septa_echo": uni(1.5, 4.0),
        "rim_echo": uni(2.0, 4.0),
        "artery": (rng.uniform(size=n) < 0.7).astype(np.float64),
        "artery_r": uni(0.07, 0.12),
        "artery_side": np.where(rng.uniform(size=n) < 0.5, -1.0, 1.0),
        "artery_dy": uni(-0.12, 0.12),
        "bone": (rng.uniform(size=n) < 0.4).astype(np.float64),
        "bone_y": uni(0.62, 0.85),
        "bone_curve": uni(0.2, 0.6),
        "bone_x": uni(-0.6, 0.6),
        "atten": uni(0.6, 1.8),
        "tgc": uni(0.4, 0.8),
        "gain_db": uni(-22.0, -14.0),
        "range_db": uni(50.0, 60.0),
        "needle": (rng.uniform(size=n) < needle_prevalence).astype(np.float64),
        "needle_side": np.where(rng.uniform(size=n) < 0.5, -1.0, 1.0),
        "needle_angle": np.deg2rad(uni(12.0, 48.0)),
        "needle_gap": uni(0.04, 0.25),
        "needle_bright": uni(0.6, 1.6),
        "needle_fade": uni(0.0, 0.9),
        "needle_fade_pos": uni(0.2, 0.8),
    }
    # nerve depth: in the deeper fascial plane, with room above and below
    p["nerve_y"] = np.clip(p["fascia2"] + rng.uniform(-0.08, 0.08, n), -0.15, 0.45)
    return p


def _fascia(g, u: np.ndarray, base: str, shift: float) -> np.ndarray:
    """Depth of a wavy fascial line at each column, shape (n, 1, W)."""
    angle = np.float32(np.pi) * g("wave_freq") * u[None, :1, :] + g("wave_phase") + shift
    return g(base) + g("wave_amp") * np.sin(angle)


def _render_block(
    rng: np.random.Generator,
    p: dict,
    sl: slice,
    size: int,
    u: np.ndarray,
    v: np.ndarray,
    images: np.ndarray,
    masks: np.ndarray,
    needle_masks: np.ndarray,
) -> None:
    """Render images ``sl`` into the output arrays (float32 throughout)."""
    m = sl.stop - sl.start
    g = lambda name, idx=slice(None): p[name][sl][idx].astype(np.float32)[:, None, None]  # noqa: E731
    U = u[None]
    V = v[None]
    px = np.float32(2.0 / size)  # one pixel in normalised units
    s = size / 64.0

    def line(depth, width, vv=V):
        return np.exp(-0.5 * ((vv - depth) / width) ** 2)

    # ---- layers: fat with septa, two muscles with striations, fasciae between them
    f1 = _fascia(g, u, "fascia1", 0.0)
    f2 = _fascia(g, u, "fascia2", 1.7)
    texture = smooth_noise(rng, (m, size, size), 1.0 * s)
    in_fat = V < f1
    echo = np.where(in_fat, g("fat_echo"), np.where(V < f2, g("muscle_echo"), g("muscle2_echo")))
    septa = np.cos(np.float32(2 * np.pi) * (V * 5.0 + 0.15 * texture + 0.3 * np.sin(2.5 * U + g("wave_phase"))))
    across_fibres = np.cos(g("striation_angle")) * V + np.sin(g("striation_angle")) * U
    striation = np.cos(np.float32(2 * np.pi * 7.0) * across_fibres + 1.5 * texture)
    echo *= np.where(in_fat, 1.0 + 1.5 * np.maximum(septa, 0.0) ** 8, 0.8 + 0.35 * striation)
    echo += 4.0 * line(g("skin"), 0.6 * px) + 2.0 * line(f1, 0.7 * px) + 2.5 * line(f2, 0.7 * px)

    # ---- bone with acoustic shadow (only images that have one)
    idx = np.nonzero(p["bone"][sl] > 0)[0]
    if len(idx):
        bx = g("bone_x", idx)
        depth = g("bone_y", idx) - 0.3 * g("bone_curve", idx) * (1.0 - (U - bx) ** 2)
        span = smoothstep(0.75, 0.55, np.abs(U - bx))
        echo[idx] *= 1.0 - 0.9 * span * smoothstep(depth, depth + 2 * px, V)
        echo[idx] += 8.0 * span * line(depth, 0.9 * px)

    # ---- artery beside the nerve: anechoic lumen, bright wall, posterior enhancement
    idx = np.nonzero(p["artery"][sl] > 0)[0]
    if len(idx):
        ax_ = g("nerve_x", idx) + g("artery_side", idx) * (g("nerve_a", idx) + g("artery_r", idx) + 0.05)
        ay_ = g("nerve_y", idx) + g("artery_dy", idx)
        ar = g("artery_r", idx)
        r_art = np.hypot(U - ax_, V - ay_)
        below = smoothstep(ar, 0.6 * ar, np.abs(U - ax_)) * smoothstep(ay_, ay_ + ar, V)
        lumen = smoothstep(ar, ar - 1.5 * px, r_art)
        echo[idx] = echo[idx] * (1.0 + 0.45 * below) * (1.0 - 0.99 * lumen) + 1.5 * line(ar, 0.7 * px, r_art)

    # ---- nerve: honeycomb of dark fascicles inside a bright epineurium
    du, dv = U - g("nerve_x"), V - g("nerve_y")
    ct, st = np.cos(g("nerve_tilt")), np.sin(g("nerve_tilt"))
    xa = (ct * du + st * dv) / g("nerve_a")
    ya = (-st * du + ct * dv) / g("nerve_b")
    radius = 1.0 + g("nerve_lobe") * np.cos(3.0 * np.arctan2(ya, xa) + g("nerve_lobe_phase"))
    rho = np.hypot(xa, ya) / radius  # < 1 inside the nerve
    rim_width = np.clip(1.3 * px / g("nerve_b"), 0.06, 0.25)
    # fascicles (dark, about 2-3 px) separated by bright perineurial septa
    interior = g("nerve_echo") * (1.0 + g("septa_echo") * smoothstep(0.2, 0.9, texture))
    echo = np.where(rho < 1.0 - rim_width, interior, echo)
    echo += g("rim_echo") * line(1.0 - 0.5 * rim_width, 0.4 * rim_width, rho)
    masks[sl, :, :, 0] = rho < 1.0

    # ---- needle: straight in-plane shaft from the probe's edge towards the nerve
    needle_masks[sl] = 0
    idx = np.nonzero(p["needle"][sl] > 0)[0]
    if len(idx):
        side, theta = g("needle_side", idx), g("needle_angle", idx)
        dir_x, dir_y = -side * np.cos(theta), np.sin(theta)
        tip_x = g("nerve_x", idx) + side * (0.6 * g("nerve_a", idx) + g("needle_gap", idx))
        tip_y = g("nerve_y", idx) - 0.3 * g("nerve_b", idx)
        rel_x, rel_y = U - tip_x, V - tip_y
        along = rel_x * dir_x + rel_y * dir_y  # negative behind the tip
        across = -rel_x * dir_y + rel_y * dir_x
        behind = along <= 0.0
        fade = 1.0 - g("needle_fade", idx) * np.exp(-0.5 * ((along / 1.2 + g("needle_fade_pos", idx)) / 0.15) ** 2)
        visibility = g("needle_bright", idx) * np.cos(theta) ** 2 * fade * behind
        step = 2.2 * px / np.cos(theta)
        echo[idx] += visibility * (
            10.0 * line(0.0, 0.6 * px, across)
            + 3.0 * (0.45 * line(step, 0.6 * px, across) + 0.2 * line(2 * step, 0.6 * px, across))
        )
        needle_masks[sl.start + idx, :, :, 0] = behind & (np.abs(across) < 0.75 * px)

    # ---- speckle: complex Gaussian scatterers through an anisotropic PSF
    amp = np.sqrt(np.maximum(echo, 1e-4))
    re = _psf(amp * rng.standard_normal((m, size, size), dtype=np.float32), s)
    im = _psf(amp * rng.standard_normal((m, size, size), dtype=np.float32), s)
    env = np.sqrt(re * re + im * im) / np.float32(_speckle_rms(size, s))

    # ---- depth attenuation with partial time-gain compensation, log compression
    depth = (V + 1.0) * 0.5
    env *= np.exp(-2.0 * g("atten") * (1.0 - g("tgc")) * depth) * (1.0 + 0.25 * np.exp(-depth / 0.08))
    db = 20.0 * np.log10(env + 1e-6) + g("gain_db")
    images[sl, :, :, 0] = np.clip(1.0 + db / g("range_db"), 0.0, 1.0)


def _psf(field: np.ndarray, s: float) -> np.ndarray:
    """Anisotropic point-spread function: sigma 0.6 px axially, 1.2 px laterally (at 64 px)."""
    return blur_axis(blur_axis(field, 0.6 * s, -2), 1.2 * s, -1)


def _speckle_rms(size: int, s: float) -> float:
    """RMS envelope of unit-echo speckle through :func:`_psf` (for normalisation)."""
    axial = gaussian_kernel(0.6 * s, size)
    lateral = gaussian_kernel(1.2 * s, size)
    return float(np.sqrt(2.0 * np.sum(axial**2) * np.sum(lateral**2)))
