"""Synthetic axial CT slices of the upper abdomen in Hounsfield units, with a liver lesion.

Each slice imitates an unenhanced CT at the level of the liver: air around the patient
(-1000 HU), the scanner table (-300 HU), skin and subcutaneous fat (-115 to -85 HU),
abdominal wall and back muscles (40-60 HU), liver (52-68 HU), spleen (40-50 HU), stomach
with fluid (15 HU) and gas, aorta and inferior vena cava (about 40 HU), a vertebra (a cortical
shell of 1150 HU around cancellous bone of 260 HU, the spinal canal, a spinous process of
950 HU), ribs (1000 HU) and, in 60 % of slices, the lung bases behind the liver (-850 HU).
Half of the slices (by default) carry a round hypodense liver lesion 15-60 HU below the
liver: invisible in a full-range display, obvious in a soft-tissue window. See
``datasets/ct_phantom.md`` for the data card.

Acquisition is imitated by partial-volume blur of the object and reconstruction noise
(Gaussian, slightly correlated, standard deviation 8-25 HU). Shortcuts: no beam
hardening, streaks or ring artefacts, no contrast enhancement, idealised organ shapes.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import _checks
from ._render import blocks, gaussian_blur, normalised_grid, smooth_noise, smoothstep

__all__ = ["CTPhantom", "ct_phantom", "TISSUE_NAMES"]

#: Names of the classes in :attr:`CTPhantom.tissues`, by label value.
TISSUE_NAMES: tuple[str, ...] = ("air", "lung", "fat", "soft tissue", "bone", "lesion", "table")
_AIR, _LUNG, _FAT, _SOFT, _BONE, _LESION, _TABLE = range(7)


@dataclass(frozen=True, eq=False)
class CTPhantom:
    """Synthetic abdominal CT slices (returned by :func:`ct_phantom`).

    Attributes
    ----------
    images : ndarray, shape (N, H, W, 1), float32
        Slices in Hounsfield units, clipped to the 12-bit CT range [-1024, 3071].
    labels : ndarray, shape (N,), int64
        1 when the slice contains a liver lesion, else 0.
    masks : ndarray, shape (N, H, W, 1), uint8
        1 on pixels whose centre lies inside the lesion.
    tissues : ndarray, shape (N, H, W), uint8
        Tissue class of each pixel before blur and noise; names in :data:`TISSUE_NAMES`
        (0 air, 1 lung, 2 fat, 3 soft tissue, 4 bone, 5 lesion, 6 the scanner table).
    """

    images: np.ndarray
    labels: np.ndarray
    masks: np.ndarray
    tissues: np.ndarray

    def __len__(self) -> int:
        return int(self.labels.shape[0])


def ct_phantom(
    n: int = 1000,
    size: int = 64,
    lesion_prevalence: float = 0.5,
    seed: int = 0,
    progress: bool | None = None,
) -> CTPhantom:
    """Axial upper-abdomen CT slices in HU, half of them with a hypodense liver lesion.

    Deterministic: the same arguments give identical arrays.

    Parameters
    ----------
    n : int, default 1000
        Number of slices (1 or more); each is a different synthetic patient.
    size : int, default 64
        Slice height and width in pixels, 32 to 512 (the field of view is fixed at about
        400 mm, so the pixel spacing is ``400 / size`` mm).
    lesion_prevalence : float, default 0.5
        Probability that a slice has a liver lesion, in [0, 1].
    seed : int, default 0
        Seed of ``numpy.random.default_rng``.
    progress : bool or None, default None
        Show a tqdm progress bar: ``None`` only when generation lasts over a second.

    Returns
    -------
    CTPhantom
        Fields ``images (N, H, W, 1) float32`` in HU, ``labels (N,) int64``,
        ``masks (N, H, W, 1) uint8``, ``tissues (N, H, W) uint8``.

    Raises
    ------
    ValueError
        If an argument is out of range; the message names it and the allowed values.
    """
    n = _checks.check_int("n", n, 1)
    size = _checks.check_size(size)
    lesion_prevalence = _checks.check_float("lesion_prevalence", lesion_prevalence, 0.0, 1.0)
    seed = _checks.check_seed(seed)
    if n * size * size > 400_000_000:
        raise ValueError(
            f"{n} slices of {size}x{size} would need about {n * size * size * 6 / 1e9:.1f} GB; "
            "ask for fewer slices or a smaller size"
        )
    rng = np.random.default_rng(seed)
    p = _draw_patients(rng, n, lesion_prevalence)
    images = np.empty((n, size, size, 1), dtype=np.float32)
    masks = np.empty((n, size, size, 1), dtype=np.uint8)
    tissues = np.empty((n, size, size), dtype=np.uint8)
    u, v = normalised_grid(size)
    for block in blocks(n, "ct_phantom", progress):
        _render_block(rng, p, block, size, u, v, images, masks, tissues)
    labels = masks.any(axis=(1, 2, 3)).astype(np.int64)
    return CTPhantom(images=images, labels=labels, masks=masks, tissues=tissues)


def _draw_patients(rng: np.random.Generator, n: int, lesion_prevalence: float) -> dict[str, np.ndarray]:
    """Per-slice anatomy, lesion and dose parameters, each shape (n,) (normalised units)."""
    uni = lambda lo, hi: rng.uniform(lo, hi, n)  # noqa: E731
    p = {
        "body_a": uni(0.72, 0.90),
        "body_b": uni(0.50, 0.64),
        "body_y": uni(-0.10, 0.0),
        "fat_thick": uni(0.03, 0.14),
        "fat_hu": uni(-115.0, -85.0),
        "muscle_hu": uni(40.0, 60.0),
        "liver_hu": uni(52.0, 68.0),
        "liver_x": uni(-0.42, -0.30),
        "liver_y": uni(-0.12, 0.0),
        "liver_a": uni(0.30, 0.40),
        "liver_b": uni(0.28, 0.36),
        "spleen_hu": uni(40.0, 50.0),
        "stomach_gas": uni(0.0, 0.6),
        "lung": (rng.uniform(size=n) < 0.6).astype(np.float64),
        "lung_depth": uni(0.08, 0.20),
        "noise_hu": uni(8.0, 25.0),
        "lesion": (rng.uniform(size=n) < lesion_prevalence).astype(np.float64),
        "lesion_r": uni(0.06, 0.14),
        "lesion_delta": -uni(15.0, 60.0),
        "lesion_angle": uni(0.0, 2 * np.pi),
        "lesion_dist": uni(0.0, 0.55),
        "rotation": uni(-0.08, 0.08),
    }
    return p


def _render_block(
    rng: np.random.Generator,
    p: dict,
    sl: slice,
    size: int,
    u: np.ndarray,
    v: np.ndarray,
    images: np.ndarray,
    masks: np.ndarray,
    tissues: np.ndarray,
) -> None:
    """Render slices ``sl`` into the output arrays."""
    m = sl.stop - sl.start
    g = lambda name: p[name][sl].astype(np.float32)[:, None, None]  # noqa: E731
    rot = g("rotation")
    U = np.cos(rot) * u[None] + np.sin(rot) * v[None]
    V = -np.sin(rot) * u[None] + np.cos(rot) * v[None] - g("body_y")

    def ellipse(cx, cy, a, b):
        return ((U - cx) / a) ** 2 + ((V - cy) / b) ** 2

    hu = np.full((m, size, size), -1000.0, dtype=np.float32)
    label = np.full((m, size, size), _AIR, dtype=np.uint8)

    def paint(region, value, cls):
        nonlocal hu
        hu = np.where(region, value, hu)
        label[region] = cls

    # table below the patient
    table = (np.abs(v[None] - 0.86 + 0.10 * u[None] ** 2) < 0.025) & (np.abs(u[None]) < 0.95)
    paint(np.broadcast_to(table, hu.shape), np.float32(-300.0), _TABLE)

    a, b = g("body_a"), g("body_b")
    body = ellipse(0.0, 0.0, a, b) < 1.0
    paint(body, g("fat_hu"), _FAT)
    inner_a, inner_b = a - g("fat_thick"), b - g("fat_thick") * 0.8
    wall = ellipse(0.0, 0.0, inner_a, inner_b) < 1.0
    paint(wall, g("muscle_hu"), _SOFT)
    cavity = ellipse(0.0, 0.0, inner_a - 0.05, inner_b - 0.05) < 1.0
    paint(cavity, g("fat_hu") + 10.0, _FAT)  # visceral fat

    # lung bases behind the liver and spleen (posterior costophrenic recesses)
    for side in (-1.0, 1.0):
        crescent = (ellipse(side * 0.45 * inner_a, 0.55 * inner_b, 0.30, g("lung_depth") + 0.05) < 1.0) & cavity
        paint(crescent & (g("lung") > 0), np.float32(-850.0), _LUNG)

    # organs
    liver = (ellipse(g("liver_x"), g("liver_y"), g("liver_a"), g("liver_b")) < 1.0) & cavity
    paint(liver, g("liver_hu"), _SOFT)
    spleen = (ellipse(0.45, 0.22, 0.13, 0.20) < 1.0) & cavity
    paint(spleen, g("spleen_hu"), _SOFT)
    stomach = (ellipse(0.22, -0.18, 0.20, 0.15) < 1.0) & cavity
    paint(stomach, np.float32(15.0), _SOFT)
    gas = stomach & (V < -0.33 + 0.15 * (1.0 - g("stomach_gas")))
    paint(gas, np.float32(-1000.0), _AIR)
    paint((ellipse(0.06, 0.22, 0.055, 0.055) < 1.0) & cavity, np.float32(42.0), _SOFT)  # aorta
    paint((ellipse(-0.12, 0.18, 0.07, 0.05) < 1.0) & cavity, np.float32(38.0), _SOFT)  # IVC

    # spine: vertebral body (cortex and cancellous bone), canal, spinous process; back muscles
    spine_y = inner_b * 0.55
    for side in (-1.0, 1.0):
        paint(ellipse(side * 0.16, spine_y + 0.20, 0.13, 0.11) < 1.0, g("muscle_hu"), _SOFT)
    vb = ellipse(0.0, spine_y, 0.13, 0.11)
    paint(vb < 1.0, np.float32(1150.0), _BONE)
    paint(vb < 0.62, np.float32(260.0), _BONE)
    paint(ellipse(0.0, spine_y + 0.17, 0.055, 0.05) < 1.0, np.float32(10.0), _SOFT)  # canal
    paint((np.abs(U) < 0.025) & (V > spine_y + 0.22) & (V < spine_y + 0.34), np.float32(950.0), _BONE)

    # ribs around the wall
    for angle in (0.35, 0.75, 1.15, 2.0, 2.4, 2.8):
        cx = np.cos(angle) * (inner_a - 0.02)
        cy = np.sin(angle) * (inner_b - 0.02)  # posterior half (image bottom)
        paint(ellipse(cx, cy, 0.035, 0.025) < 1.0, np.float32(1000.0), _BONE)

    # lesion inside the liver
    lr = g("lesion_r")
    reach = np.maximum(0.0, np.minimum(g("liver_a"), g("liver_b")) - lr - 0.04) * g("lesion_dist") / 0.55
    lx = g("liver_x") + reach * np.cos(g("lesion_angle"))
    ly = g("liver_y") + reach * np.sin(g("lesion_angle"))
    lesion = (((U - lx) ** 2 + (V - ly) ** 2) < lr**2) & liver & (g("lesion") > 0)
    hu = np.where(lesion, g("liver_hu") + g("lesion_delta"), hu)
    label[lesion] = _LESION

    # acquisition: partial-volume blur, correlated noise
    s = size / 64.0
    hu = gaussian_blur(hu, 0.5 * s)
    noise = smooth_noise(rng, hu.shape, 0.5 * s) * g("noise_hu")
    images[sl, :, :, 0] = np.clip(hu + noise, -1024.0, 3071.0)
    masks[sl, :, :, 0] = lesion
    tissues[sl] = label
