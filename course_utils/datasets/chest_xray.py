"""Synthetic chest radiographs with lung nodules and exact ground truth.

The images imitate a posteroanterior (PA) chest radiograph after the usual processing: a
log-transformed projection of X-ray attenuation shown through a film-like characteristic
curve, so that dense structures (bone, mediastinum, abdomen) are white and the air-filled
lungs dark. See ``datasets/chest_xray_nodules.md`` for the data card.

How an image is made
--------------------
1. **Patient anatomy** (shared by all images of a patient): body habitus (soft-tissue
   thickness and width), two lung fields with rounded apices and domed hemidiaphragms, the
   mediastinum and spine, a heart shadow of varying size bulging to the image right (the
   patient's left), aortic knob, posterior and anterior ribs, clavicles, breast shadows for
   some patients, a gastric air bubble for some, and a tree of pulmonary vessels branching
   from each hilum. Everything is summed as attenuation along the beam (Beer-Lambert:
   the detector sees ``exp(-sum mu * path)``; the processed image shows the exponent).
2. **Nodules**: spheres projected as ``2 * sqrt(R^2 - d^2)`` of extra attenuation, 0..k per
   image, placed inside the lung fields. A patient with nodules keeps them, at the same
   anatomical sites, on their other radiographs (slightly changed in size).
3. **Acquisition** (per image): patient positioning (small shift, rotation, magnification),
   scatter (worse for large patients, lowering contrast), exposure and processing
   (window centre and width of the display curve), quantum noise whose standard deviation
   grows where fewer photons arrive (``~ exp(A / 2)``), and detector blur.

Shortcuts: two dimensions only, no overlap physics beyond summation, vessels as a
random branching tree, no pathology other than round nodules (no consolidation,
effusion, devices or text markers), one projection (PA).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import _checks
from ._render import (
    bilinear_sample,
    blocks,
    gaussian_blur,
    normalised_grid,
    smooth_noise,
    smoothstep,
    splat,
    to_pixels,
)

__all__ = ["ChestXrayNodules", "chest_xray_nodules"]

#: Patients per block of work; fixed so the random stream never depends on ``n_patients``.
_PATIENTS_PER_BLOCK = 32


@dataclass(frozen=True, eq=False)
class ChestXrayNodules:
    """Synthetic chest radiographs with nodules (returned by :func:`chest_xray_nodules`).

    Attributes
    ----------
    images : ndarray, shape (N, H, W, 1), float32
        Processed radiographs in [0, 1] (white = dense). ``N = n_patients * images_per_patient``,
        grouped by patient: images ``p * images_per_patient ... (p + 1) * images_per_patient - 1``
        belong to patient ``p``.
    labels : ndarray, shape (N,), int64
        1 exactly when the image shows at least one nodule, else 0.
    boxes : list of N ndarrays, each shape (k, 4), float32
        One row per nodule, ``(x_min, y_min, x_max, y_max)`` in pixels: the tight box around the
        nodule's mask pixels, where pixel ``(row j, column i)`` covers ``[i, i + 1) x [j, j + 1)``.
        ``k = 0`` (shape ``(0, 4)``) for an image without nodules.
    masks : ndarray, shape (N, H, W, 1), uint8
        1 on pixels whose centre lies inside a nodule, else 0.
    patient_ids : ndarray, shape (N,), int64
        Patient of each image, ``0 .. n_patients - 1``.
    """

    images: np.ndarray
    labels: np.ndarray
    boxes: list
    masks: np.ndarray
    patient_ids: np.ndarray

    def __len__(self) -> int:
        return int(self.labels.shape[0])


def chest_xray_nodules(
    n_patients: int = 250,
    images_per_patient: int = 8,
    size: int = 64,
    prevalence: float = 0.3,
    max_nodules: int = 3,
    nodule_contrast: float = 1.0,
    noise: float = 1.0,
    seed: int = 0,
    progress: bool | None = None,
) -> ChestXrayNodules:
    """Chest-radiograph-like images with 0..``max_nodules`` round lung nodules each.

    Deterministic: the same arguments give identical arrays. At the defaults (2000 images of
    64x64) generation takes about a second on one CPU core.

    Parameters
    ----------
    n_patients : int, default 250
        Number of patients (1 or more).
    images_per_patient : int, default 8
        Radiographs per patient (1 or more). Images of one patient share anatomy, habitus,
        typical exposure and, if the patient has nodules, their sites, so train/test splits
        must be made by patient.
    size : int, default 64
        Image height and width in pixels, 32 to 512. Anatomy scales with the image.
    prevalence : float, default 0.3
        Expected fraction of images with at least one nodule, in [0, 1]. Positive images
        cluster in patients: a share ``min(1, prevalence / 0.8)`` of patients carry nodules and
        each of their images shows them with probability ``prevalence / that share``.
    max_nodules : int, default 3
        Largest number of nodules in one image (1 to 5).
    nodule_contrast : float, default 1.0
        Multiplies every nodule's attenuation (0.1 to 5): below 1 is harder, above 1 easier.
    noise : float, default 1.0
        Multiplies the quantum noise (0 to 5): 0 gives noiseless images.
    seed : int, default 0
        Seed of ``numpy.random.default_rng``.
    progress : bool or None, default None
        Show a tqdm progress bar: ``None`` only when generation lasts over a second.

    Returns
    -------
    ChestXrayNodules
        Fields ``images (N, H, W, 1) float32``, ``labels (N,) int64``, ``boxes`` (list of
        ``(k, 4)`` float32), ``masks (N, H, W, 1) uint8``, ``patient_ids (N,) int64``.

    Raises
    ------
    ValueError
        If an argument is out of range; the message names it and the allowed values.

    Examples
    --------
    >>> data = chest_xray_nodules(n_patients=10, images_per_patient=2, seed=1)
    >>> data.images.shape, data.labels.shape, len(data.boxes)
    ((20, 64, 64, 1), (20,), 20)
    """
    n_patients = _checks.check_int("n_patients", n_patients, 1)
    images_per_patient = _checks.check_int("images_per_patient", images_per_patient, 1)
    size = _checks.check_size(size)
    prevalence = _checks.check_float("prevalence", prevalence, 0.0, 1.0)
    max_nodules = _checks.check_int("max_nodules", max_nodules, 1, 5)
    nodule_contrast = _checks.check_float("nodule_contrast", nodule_contrast, 0.1, 5.0)
    noise = _checks.check_float("noise", noise, 0.0, 5.0)
    seed = _checks.check_seed(seed)
    n_images = n_patients * images_per_patient
    if n_images * size * size > 400_000_000:
        raise ValueError(
            f"{n_images} images of {size}x{size} would need about "
            f"{n_images * size * size * 5 / 1e9:.1f} GB; ask for fewer patients, fewer images "
            "per patient or a smaller size"
        )

    rng = np.random.default_rng(seed)
    anatomy = _draw_patients(rng, n_patients)
    sites = _draw_nodule_sites(rng, anatomy, prevalence, max_nodules)
    shows = _draw_visits(rng, sites, images_per_patient, prevalence)
    acquisition = _draw_acquisition(rng, anatomy, n_patients, images_per_patient)

    images = np.empty((n_images, size, size, 1), dtype=np.float32)
    masks = np.zeros((n_images, size, size, 1), dtype=np.uint8)
    boxes: list[np.ndarray] = [np.zeros((0, 4), dtype=np.float32) for _ in range(n_images)]
    u, v = normalised_grid(size)
    for block in blocks(n_patients, "chest_xray_nodules", progress, size=_PATIENTS_PER_BLOCK):
        pats = np.arange(block.start, block.stop)
        _render_block(
            rng, pats, images_per_patient, size, u, v, anatomy, sites, shows, acquisition,
            nodule_contrast, noise, images, masks, boxes,
        )
    labels = np.array([len(b) > 0 for b in boxes], dtype=np.int64)
    patient_ids = np.repeat(np.arange(n_patients, dtype=np.int64), images_per_patient)
    return ChestXrayNodules(images=images, labels=labels, boxes=boxes, masks=masks, patient_ids=patient_ids)


# --------------------------------------------------------------------------- patients


def _draw_patients(rng: np.random.Generator, n: int) -> dict[str, np.ndarray]:
    """Patient-level anatomy and acquisition traits, each an array of shape (n,)."""
    z = lambda: rng.standard_normal(n)  # noqa: E731
    habitus = np.clip(z(), -2.0, 2.0)
    a = {
        "habitus": habitus,
        "body_half_width": np.clip(0.90 + 0.06 * habitus + 0.02 * z(), 0.78, 1.08),
        "soft_tissue": 1.45 + 0.22 * habitus + 0.05 * z(),
        "lung_cx": 0.40 + 0.02 * z(),
        "lung_wx": 0.29 + 0.02 * z(),
        "lung_top": -0.74 + 0.04 * z(),
        "lung_bottom": 0.52 + 0.06 * z(),
        "left_base_drop": 0.05 + 0.02 * z(),
        "dome": 0.13 + 0.03 * z(),
        "lung_air": 0.85 + 0.06 * z(),
        "heart_x": 0.11 + 0.03 * z(),
        "heart_y": 0.33 + 0.035 * z(),
        "heart_ax": 0.33 + 0.035 * z(),
        "heart_ay": 0.22 + 0.02 * z(),
        "mediastinum_w": 0.13 + 0.015 * z(),
        "rib_spacing": 0.150 + 0.010 * z(),
        "rib_curve": 0.50 + 0.08 * z(),
        "rib_phase": rng.uniform(0.0, 1.0, n),
        "rib_density": 0.16 + 0.03 * z(),
        "clavicle_y": -0.80 + 0.04 * z(),
        "breast": np.where(rng.uniform(size=n) < 0.45, rng.uniform(0.12, 0.30, n), 0.0),
        "gastric": np.where(rng.uniform(size=n) < 0.6, rng.uniform(0.15, 0.45, n), 0.0),
        "window_c": 1.12 + 0.07 * z(),
        "window_w": 0.75 + 0.05 * z(),
        "photons": np.exp(8.6 + 0.25 * z() - 0.15 * habitus),
        "scatter": np.clip(0.025 + 0.012 * habitus + 0.005 * z(), 0.005, 0.08),
    }
    a["vessel_seed"] = rng.integers(0, 2**31, n)
    return a


def _column(values: np.ndarray, idx: np.ndarray) -> np.ndarray:
    """``values[idx]`` shaped ``(len(idx), 1, 1)`` to broadcast against image stacks."""
    return values[idx][:, None, None]


def _lung_depth(a: dict, idx: np.ndarray, u: np.ndarray, v: np.ndarray) -> np.ndarray:
    """Projected air thickness of both lungs (0 outside, about 1 in the middle).

    ``u, v`` broadcast against ``(len(idx), ...)``.
    """
    col = lambda name: _column(a[name], idx)  # noqa: E731
    depth = 0.0
    for side in (-1.0, 1.0):
        cx = side * col("lung_cx")
        top = col("lung_top")
        bottom = col("lung_bottom") + (col("left_base_drop") if side > 0 else 0.0)
        t = np.clip((v - top) / (bottom - top), 0.0, 1.0)
        half = col("lung_wx") * (0.50 + 0.50 * np.sqrt(t))  # narrow apex, wide base
        x = (u - cx) / half
        lateral = np.clip(1.0 - np.abs(x) ** 2.5, 0.0, 1.0) ** 0.5
        apex = smoothstep(0.0, 0.15, v - (top + 0.30 * x**2))
        base = smoothstep(0.0, 0.035, (bottom - col("dome") * (1.0 - np.clip(x, -1, 1) ** 2)) - v)
        depth = depth + lateral * apex * base * (0.75 + 0.25 * t)
    return depth


def _heart(a: dict, idx: np.ndarray, u: np.ndarray, v: np.ndarray) -> np.ndarray:
    """Heart occupancy in [0, 1] (projected ellipsoid)."""
    col = lambda name: _column(a[name], idx)  # noqa: E731
    # long axis tilted ~30 degrees: from the upper mediastinum down to the apex at the image right
    du, dv = u - col("heart_x"), v - col("heart_y")
    along = 0.866 * du + 0.5 * dv
    across = -0.5 * du + 0.866 * dv
    r2 = (along / col("heart_ax")) ** 2 + (across / col("heart_ay")) ** 2
    return smoothstep(1.08, 0.80, r2)


def _mediastinum(a: dict, idx: np.ndarray, u: np.ndarray, v: np.ndarray) -> np.ndarray:
    """Mediastinal occupancy in [0, 1], widening towards the heart."""
    med_w = _column(a["mediastinum_w"], idx) * (1.0 + 0.35 * smoothstep(-0.2, 0.3, v))
    return smoothstep(med_w + 0.04, med_w - 0.02, np.abs(u)) * smoothstep(-1.0, -0.85, v)


def _visible_lung(a: dict, idx: np.ndarray, u: np.ndarray, v: np.ndarray) -> np.ndarray:
    """Lung depth where neither heart nor mediastinum overlaps it (where nodules may sit)."""
    return _lung_depth(a, idx, u, v) * (1.0 - _heart(a, idx, u, v)) * (1.0 - _mediastinum(a, idx, u, v))


def _anatomy(a: dict, idx: np.ndarray, u: np.ndarray, v: np.ndarray, vessels: np.ndarray) -> np.ndarray:
    """Total attenuation ``A`` (line integral of mu) of each patient's chest, shape (P, H, W)."""
    col = lambda name: _column(a[name], idx)  # noqa: E731
    ax = np.abs(u)
    bw = col("body_half_width") * (1.0 - 0.12 * smoothstep(-0.75, -1.0, v))  # neck and shoulders
    body = np.sqrt(np.clip(1.0 - (u / bw) ** 2, 0.0, 1.0))
    att = col("soft_tissue") * body
    # abdomen below the diaphragm is thicker than the chest wall
    att = att + 0.25 * body * smoothstep(0.35, 0.75, v)

    heart = _heart(a, idx, u, v)
    lungs = _lung_depth(a, idx, u, v) * (1.0 - 0.85 * heart)
    att = att - col("lung_air") * lungs

    mediastinum = _mediastinum(a, idx, u, v)
    above_diaphragm = smoothstep(col("lung_bottom") + 0.1, col("lung_bottom") - 0.1, v)
    att = att + 0.45 * np.maximum(mediastinum, heart * above_diaphragm)
    knob = np.sqrt(np.clip(1.0 - ((u - 0.12) ** 2 + (v + 0.30) ** 2) / 0.07**2, 0.0, 1.0))
    att = att + 0.25 * knob
    hila = sum(
        np.exp(-((u - s * 0.17) ** 2 + (v + 0.02) ** 2) / (2 * 0.045**2)) for s in (-1.0, 1.0)
    )
    att = att + 0.18 * hila

    spine = smoothstep(0.085, 0.06, ax) * (0.85 + 0.15 * np.cos(2 * np.pi * v / 0.13))
    att = att + 0.35 * spine

    # ribs: posterior arcs rising to the spine, anterior ribs sloping down medially
    cage = smoothstep(bw - 0.02, bw - 0.14, ax) * smoothstep(col("lung_bottom") + 0.30, col("lung_bottom") + 0.05, v)
    phase = (v - col("rib_curve") * ax**2) / col("rib_spacing") + col("rib_phase")
    posterior = (0.5 + 0.5 * np.cos(2 * np.pi * phase)) ** 4
    phase_a = (v + 0.55 * ax) / (col("rib_spacing") * 1.35) + 0.37 * col("rib_phase")
    anterior = (0.5 + 0.5 * np.cos(2 * np.pi * phase_a)) ** 6 * smoothstep(0.12, 0.35, ax)
    att = att + col("rib_density") * cage * (posterior + 0.45 * anterior)

    clav_center = col("clavicle_y") - 0.20 * ax + 0.12 * ax**2
    clavicle = smoothstep(0.045, 0.015, np.abs(v - clav_center))
    clavicle = clavicle * smoothstep(0.72, 0.58, ax) * smoothstep(0.02, 0.08, ax)
    att = att + 0.30 * clavicle

    breast = sum(
        smoothstep(1.0, 0.7, ((u - s * 0.46) / 0.36) ** 2 + ((v - 0.42) / 0.26) ** 2) for s in (-1.0, 1.0)
    )
    att = att + col("breast") * breast * body
    gastric = np.sqrt(np.clip(1.0 - ((u - 0.36) / 0.13) ** 2 - ((v - col("lung_bottom") - 0.17) / 0.08) ** 2, 0.0, 1.0))
    att = att - col("gastric") * gastric
    return att + vessels * np.minimum(1.0, 1.6 * lungs)


def _vessel_maps(a: dict, idx: np.ndarray, size: int) -> np.ndarray:
    """Pulmonary vessel trees branching from the hila, shape (P, H, W).

    Segments are rasterised by splatting points along them and blurring; widths and
    intensities halve roughly with every branching generation.
    """
    p = len(idx)
    n_points = max(8, size // 6)
    xs, ys, ws, which = [], [], [], []
    thick_xs, thick_ys, thick_ws, thick_which = [], [], [], []
    for k, patient in enumerate(idx):
        prng = np.random.default_rng(int(a["vessel_seed"][patient]))
        for side in (-1.0, 1.0):
            start_x = np.full(6, side * 0.17)
            start_y = np.linspace(-0.12, 0.08, 6)
            angle = np.deg2rad(np.array([-75.0, -45.0, -15.0, 15.0, 45.0, 80.0])) + prng.normal(0, 0.12, 6)
            length = np.full(6, 0.22) * prng.uniform(0.8, 1.2, 6)
            strength = np.full(6, 1.0)
            for gen in range(4):
                t = np.linspace(0.0, 1.0, n_points)[None, :]
                px = start_x[:, None] + side * np.cos(angle)[:, None] * length[:, None] * t
                py = start_y[:, None] + np.sin(angle)[:, None] * length[:, None] * t
                w = np.repeat(strength[:, None] * length[:, None] / n_points, n_points, axis=1)
                target = (thick_xs, thick_ys, thick_ws, thick_which) if gen < 2 else (xs, ys, ws, which)
                target[0].append(px.ravel())
                target[1].append(py.ravel())
                target[2].append(w.ravel())
                target[3].append(np.full(px.size, k))
                end_x = px[:, -1]
                end_y = py[:, -1]
                spread = prng.uniform(0.25, 0.55, (2, len(angle)))
                angle = np.concatenate([angle - spread[0], angle + spread[1]])
                start_x = np.concatenate([end_x, end_x])
                start_y = np.concatenate([end_y, end_y])
                length = np.concatenate([length, length]) * prng.uniform(0.55, 0.8, 2 * len(length))
                strength = np.concatenate([strength, strength]) * 0.55
    shape = (p, size, size)
    scale = size / 2.0
    thick = splat(to_pixels(np.concatenate(thick_xs), size), to_pixels(np.concatenate(thick_ys), size),
                  np.concatenate(thick_ws) * scale, shape, np.concatenate(thick_which))
    thin = splat(to_pixels(np.concatenate(xs), size), to_pixels(np.concatenate(ys), size),
                 np.concatenate(ws) * scale, shape, np.concatenate(which))
    s = size / 64.0  # vessel widths scale with the image; the line integral across one does not
    return 0.45 * s * (gaussian_blur(thick, 0.9 * s) + gaussian_blur(thin, 0.6 * s))


# --------------------------------------------------------------------------- nodules


def _draw_nodule_sites(rng: np.random.Generator, a: dict, prevalence: float, max_nodules: int) -> dict:
    """Nodule sites of each patient in patient (normalised) coordinates.

    Returns a dict with ``count (P,)``, ``x, y, radius, contrast (P, max_nodules)``; entries
    beyond ``count`` are unused.
    """
    n = len(a["habitus"])
    carrier_share = min(1.0, prevalence / 0.8)
    carrier = rng.uniform(size=n) < carrier_share
    probs = np.array([0.6, 0.28, 0.09, 0.02, 0.01])[:max_nodules]
    count = 1 + rng.choice(max_nodules, size=n, p=probs / probs.sum())
    count = np.where(carrier, count, 0)
    radius = 0.075 + 0.105 * rng.beta(1.6, 2.4, (n, max_nodules))  # normalised; 2.4 to 5.8 px at 64
    contrast = rng.uniform(0.55, 1.20, (n, max_nodules)) * (0.75 + 0.25 * radius / 0.18)

    n_candidates = 96
    cu = rng.uniform(-0.75, 0.75, (n, n_candidates))
    cv = rng.uniform(-0.70, 0.65, (n, n_candidates))
    idx = np.arange(n)
    depth = _visible_lung(a, idx, cu[:, :, None], cv[:, :, None])[:, :, 0]
    ok = depth > 0.5
    x = np.zeros((n, max_nodules))
    y = np.zeros((n, max_nodules))
    for j in range(max_nodules):
        free = ok.copy()
        for i in range(j):
            gap = np.hypot(cu - x[:, i : i + 1], cv - y[:, i : i + 1])
            free &= gap > 1.15 * (radius[:, i : i + 1] + radius[:, j : j + 1]) + 0.08
        first = np.argmax(free, axis=1)
        found = free[np.arange(n), first]
        count = np.where((count > j) & ~found, j, count)  # no room left: fewer nodules
        x[:, j] = cu[np.arange(n), first]
        y[:, j] = cv[np.arange(n), first]
    return {"count": count, "x": x, "y": y, "radius": radius, "contrast": contrast}


def _draw_visits(rng: np.random.Generator, sites: dict, images_per_patient: int, prevalence: float) -> np.ndarray:
    """Which images show their patient's nodules, shape (P, images_per_patient), bool."""
    carriers = sites["count"] > 0
    share = min(1.0, prevalence / 0.8)
    p_show = prevalence / share if share > 0 else 0.0
    shows = rng.uniform(size=(len(carriers), images_per_patient)) < p_show
    return shows & carriers[:, None]


def _draw_acquisition(rng: np.random.Generator, a: dict, n_patients: int, per: int) -> dict[str, np.ndarray]:
    """Per-image positioning and exposure, each shape (P, per)."""
    shape = (n_patients, per)
    return {
        "shift_x": rng.normal(0.0, 0.025, shape),
        "shift_y": rng.normal(0.0, 0.03, shape),
        "angle": np.deg2rad(rng.normal(0.0, 2.0, shape)),
        "scale": 1.0 + rng.normal(0.0, 0.025, shape),
        "growth": rng.uniform(0.88, 1.12, shape),
        "window_c": a["window_c"][:, None] + rng.normal(0.0, 0.05, shape),
        "window_w": a["window_w"][:, None] * (1.0 + rng.normal(0.0, 0.04, shape)),
        "photons": a["photons"][:, None] * np.exp(rng.normal(0.0, 0.15, shape)),
    }


# --------------------------------------------------------------------------- rendering


def _render_block(
    rng: np.random.Generator,
    pats: np.ndarray,
    per: int,
    size: int,
    u: np.ndarray,
    v: np.ndarray,
    a: dict,
    sites: dict,
    shows: np.ndarray,
    acq: dict,
    nodule_contrast: float,
    noise: float,
    images: np.ndarray,
    masks: np.ndarray,
    boxes: list,
) -> None:
    """Render the images of patients ``pats`` into ``images``, ``masks`` and ``boxes``."""
    maps = _anatomy(a, pats, u[None], v[None], _vessel_maps(a, pats, size))
    texture = smooth_noise(rng, maps.shape, 1.2 * size / 64.0)
    maps = maps + 0.05 * texture * np.minimum(1.0, _lung_depth(a, pats, u[None], v[None]))

    n = len(pats) * per
    first = pats[0] * per
    get = lambda name: acq[name][pats].reshape(n)  # noqa: E731
    which = np.repeat(np.arange(len(pats)), per)
    cos, sin = np.cos(get("angle")), np.sin(get("angle"))
    scale, tx, ty = get("scale"), get("shift_x"), get("shift_y")
    # image point q = scale * R q_patient + t  =>  q_patient = R^T (q - t) / scale
    du = (u[None] - tx[:, None, None]) / scale[:, None, None]
    dv = (v[None] - ty[:, None, None]) / scale[:, None, None]
    pu = cos[:, None, None] * du + sin[:, None, None] * dv
    pv = -sin[:, None, None] * du + cos[:, None, None] * dv
    att = bilinear_sample(maps, which, to_pixels(pu, size), to_pixels(pv, size))

    # nodules, in image coordinates
    shown = shows[pats].reshape(n)
    counts = np.where(shown, sites["count"][pats][which], 0)
    img_idx, slot = np.nonzero(np.arange(sites["x"].shape[1])[None, :] < counts[:, None])
    pat = pats[which[img_idx]]
    sx, sy = sites["x"][pat, slot], sites["y"][pat, slot]
    c, s_, sc = cos[img_idx], sin[img_idx], scale[img_idx]
    nx = to_pixels(sc * (c * sx - s_ * sy) + tx[img_idx], size)
    ny = to_pixels(sc * (s_ * sx + c * sy) + ty[img_idx], size)
    nr = sites["radius"][pat, slot] * sc * get("growth")[img_idx] * size / 2.0
    ncon = sites["contrast"][pat, slot] * nodule_contrast
    px = np.arange(size, dtype=np.float32) + 0.5
    block_masks = np.zeros((n, size, size), dtype=bool)
    block_boxes: list[list[np.ndarray]] = [[] for _ in range(n)]
    for k in range(len(img_idx)):  # one small patch per nodule
        r = nr[k]
        x0, x1 = int(max(0, np.floor(nx[k] - r - 1))), int(min(size, np.ceil(nx[k] + r + 1)))
        y0, y1 = int(max(0, np.floor(ny[k] - r - 1))), int(min(size, np.ceil(ny[k] + r + 1)))
        d2 = (px[None, x0:x1] - nx[k]) ** 2 + (px[y0:y1, None] - ny[k]) ** 2
        inside = d2 < r * r
        if not inside.any():
            continue
        att[img_idx[k], y0:y1, x0:x1] += ncon[k] * np.sqrt(np.clip(1.0 - d2 / (r * r), 0.0, 1.0))
        block_masks[img_idx[k], y0:y1, x0:x1] |= inside
        rows, cols = np.nonzero(inside)
        block_boxes[img_idx[k]].append(
            np.array([x0 + cols.min(), y0 + rows.min(), x0 + cols.max() + 1, y0 + rows.max() + 1], dtype=np.float32)
        )

    # acquisition: scatter, quantum noise, detector blur, display curve
    scatter = a["scatter"][pats][which][:, None, None]
    primary = np.exp(-att)
    att = -np.log(primary + scatter) + np.log1p(scatter)
    # drawn even when noise=0, so that `noise` changes the noise and nothing else
    grain = gaussian_blur(rng.standard_normal(att.shape, dtype=np.float32), 0.5) * 1.9  # ~unit std
    photons = get("photons")[:, None, None]
    att = att + noise * grain * np.exp(0.5 * att) / np.sqrt(photons)
    att = gaussian_blur(att, 0.55 * size / 64.0)
    centre = get("window_c")[:, None, None]
    width = get("window_w")[:, None, None]
    shown_img = 0.5 * (1.0 + np.tanh((att - centre) / width))
    images[first : first + n, :, :, 0] = np.clip(shown_img, 0.0, 1.0)
    masks[first : first + n, :, :, 0] = block_masks
    for i in range(n):
        if block_boxes[i]:
            boxes[first + i] = np.stack(block_boxes[i])
