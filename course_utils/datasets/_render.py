"""Vectorised image-making primitives shared by the synthetic generators (numpy only).

Conventions: images are stacks ``(N, H, W)``; pixel ``(row j, column i)`` covers
``[i, i + 1) x [j, j + 1)`` in pixel coordinates, so its centre is ``(i + 0.5, j + 0.5)``.
Normalised coordinates ``u, v`` run from -1 (left / top edge) to +1 (right / bottom edge).
"""

from __future__ import annotations

from typing import Iterator

import numpy as np

from tqdm.auto import tqdm

#: Images generated per block. Fixed (never derived from ``n`` or the display), so the
#: random stream, hence every array, is the same however the work is split or shown.
BLOCK = 256


def normalised_grid(size: int) -> tuple[np.ndarray, np.ndarray]:
    """Normalised coordinates of the pixel centres of a ``size x size`` image.

    Returns
    -------
    u, v : ndarray, shape (size, size), float32
        ``u`` grows to the right, ``v`` downwards, both in (-1, 1).
    """
    c = ((np.arange(size, dtype=np.float32) + 0.5) / size) * 2.0 - 1.0
    v, u = np.meshgrid(c, c, indexing="ij")
    return u, v


def to_pixels(coord: np.ndarray | float, size: int) -> np.ndarray:
    """Normalised coordinate(s) to pixel coordinate(s) (continuous, edges at 0 and ``size``)."""
    return (np.asarray(coord) + 1.0) * (0.5 * size)


def gaussian_blur(images: np.ndarray, sigma: float) -> np.ndarray:
    """Blur the last two axes with a Gaussian of ``sigma`` pixels (edges reflected).

    Small kernels (``sigma <= 2``) are applied as two 1-D convolutions; larger ones
    through the FFT.

    Parameters
    ----------
    images : ndarray, shape (..., H, W)
    sigma : float
        Standard deviation in pixels; ``0`` returns a copy.

    Returns
    -------
    ndarray, shape (..., H, W), float32
    """
    images = np.asarray(images, dtype=np.float32)
    if sigma <= 0:
        return images.copy()
    if sigma <= 2.0:
        return blur_axis(blur_axis(images, sigma, -2), sigma, -1)
    h, w = images.shape[-2:]
    pad = int(min(min(h, w) - 1, np.ceil(3.0 * sigma)))
    widths = [(0, 0)] * (images.ndim - 2) + [(pad, pad), (pad, pad)]
    padded = np.pad(images, widths, mode="reflect")
    ph, pw = padded.shape[-2:]
    fy = np.fft.fftfreq(ph)[:, None]
    fx = np.fft.rfftfreq(pw)[None, :]
    transfer = np.exp(-2.0 * (np.pi * sigma) ** 2 * (fy**2 + fx**2)).astype(np.float32)
    out = np.fft.irfft2(np.fft.rfft2(padded) * transfer, s=(ph, pw))
    return out[..., pad : pad + h, pad : pad + w].astype(np.float32)


def gaussian_kernel(sigma: float, n: int) -> np.ndarray:
    """Normalised 1-D Gaussian taps of ``sigma`` pixels, at most ``2 n - 1`` long, float32."""
    pad = int(min(n - 1, np.ceil(3.0 * sigma)))
    taps = np.arange(-pad, pad + 1, dtype=np.float32)
    kernel = np.exp(-0.5 * (taps / sigma) ** 2)
    return (kernel / kernel.sum()).astype(np.float32)


def blur_axis(images: np.ndarray, sigma: float, axis: int) -> np.ndarray:
    """1-D Gaussian convolution along ``axis`` (edges reflected), accumulated in place."""
    n = images.shape[axis]
    kernel = gaussian_kernel(sigma, n)
    pad = len(kernel) // 2
    widths = [(0, 0)] * images.ndim
    widths[axis] = (pad, pad)
    padded = np.moveaxis(np.pad(images, widths, mode="reflect"), axis, 0)
    out = padded[0:n] * kernel[0]
    tmp = np.empty_like(out)
    for i in range(1, len(kernel)):
        np.multiply(padded[i : i + n], kernel[i], out=tmp)
        out += tmp
    return np.ascontiguousarray(np.moveaxis(out, 0, axis))


def smooth_noise(rng: np.random.Generator, shape: tuple[int, ...], sigma: float) -> np.ndarray:
    """Gaussian white noise low-passed with a Gaussian of ``sigma`` pixels, rescaled to unit std.

    Returns
    -------
    ndarray, ``shape`` (..., H, W), float32, each image zero-mean with unit standard deviation.
    """
    field = gaussian_blur(rng.standard_normal(shape, dtype=np.float32), sigma)
    field -= field.mean(axis=(-2, -1), keepdims=True)
    field /= field.std(axis=(-2, -1), keepdims=True) + np.float32(1e-8)
    return field


def splat(points_x: np.ndarray, points_y: np.ndarray, weights: np.ndarray, shape: tuple[int, int, int],
          index: np.ndarray) -> np.ndarray:
    """Add point weights into a stack of images with bilinear splatting.

    Parameters
    ----------
    points_x, points_y : ndarray, shape (M,)
        Pixel coordinates (continuous; pixel centres at ``i + 0.5``).
    weights : ndarray, shape (M,)
    shape : (N, H, W)
        Shape of the output stack.
    index : ndarray, shape (M,), int
        Which image of the stack each point goes to.

    Returns
    -------
    ndarray, shape (N, H, W), float32. Points outside the image are dropped.
    """
    n, h, w = shape
    out = np.zeros(n * h * w, dtype=np.float64)
    x = points_x - 0.5
    y = points_y - 0.5
    x0 = np.floor(x).astype(np.int64)
    y0 = np.floor(y).astype(np.int64)
    fx = x - x0
    fy = y - y0
    for dy, dx, wt in ((0, 0, (1 - fx) * (1 - fy)), (0, 1, fx * (1 - fy)), (1, 0, (1 - fx) * fy), (1, 1, fx * fy)):
        xi = x0 + dx
        yi = y0 + dy
        ok = (xi >= 0) & (xi < w) & (yi >= 0) & (yi < h)
        flat = (index[ok] * h + yi[ok]) * w + xi[ok]
        out += np.bincount(flat, weights=(weights * wt)[ok], minlength=n * h * w)
    return out.reshape(n, h, w).astype(np.float32)


def bilinear_sample(maps: np.ndarray, which: np.ndarray, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Sample ``maps[which]`` at continuous pixel coordinates, edges clamped.

    Parameters
    ----------
    maps : ndarray, shape (P, H, W)
    which : ndarray, shape (N,), int
        Map used for each output image.
    x, y : ndarray, shape (N, H2, W2)
        Pixel coordinates to sample (pixel centres at ``i + 0.5``).

    Returns
    -------
    ndarray, shape (N, H2, W2), float32
    """
    _, h, w = maps.shape
    xs = np.clip(np.asarray(x, dtype=np.float32) - 0.5, 0.0, w - 1.0)
    ys = np.clip(np.asarray(y, dtype=np.float32) - 0.5, 0.0, h - 1.0)
    x0 = np.minimum(xs.astype(np.intp), w - 2)
    y0 = np.minimum(ys.astype(np.intp), h - 2)
    xs -= x0
    ys -= y0
    flat = np.ascontiguousarray(maps, dtype=np.float32).reshape(-1)
    i00 = y0 * w
    i00 += x0
    i00 += (np.asarray(which, dtype=np.intp) * (h * w))[:, None, None]
    a = flat[i00]
    b = flat[i00 + 1]
    top = a + (b - a) * xs
    a = flat[i00 + w]
    b = flat[i00 + w + 1]
    bottom = a + (b - a) * xs
    return top + (bottom - top) * ys


def smoothstep(edge0: float | np.ndarray, edge1: float | np.ndarray, x: np.ndarray) -> np.ndarray:
    """0 below ``edge0``, 1 above ``edge1``, a smooth cubic ramp between (vectorised)."""
    t = np.clip((x - edge0) / (edge1 - edge0), 0.0, 1.0)
    return t * t * (3.0 - 2.0 * t)


def blocks(n: int, desc: str, progress: bool | None, size: int = BLOCK) -> Iterator[slice]:
    """Consecutive slices of at most ``size`` items covering ``range(n)``, with a tqdm bar.

    ``progress=None`` shows the bar only when the work lasts more than a second;
    ``True`` always, ``False`` never.
    """
    starts = range(0, n, size)
    bar = tqdm(
        starts,
        desc=desc,
        unit="block",
        total=len(starts),
        disable=progress is False,
        delay=0.0 if progress else 1.0,
        leave=False,
    )
    for start in bar:
        yield slice(start, min(n, start + size))
