"""Plausible wrong answers for notebook 05; each must fail at least one test cell of its exercise."""

WRONG_ANSWERS = {
    'conv_output_size': {
        'no floor (true division)': '''def conv_output_size(n, k, p, s):
    for name, value, low in [("n", n, 1), ("k", k, 1), ("p", p, 0), ("s", s, 1)]:
        if int(value) != value or value < low:
            raise ValueError(f"conv_output_size: {name} must be an integer >= {low}, got {value!r}")
    if k > n + 2 * p:
        raise ValueError(f"conv_output_size: the kernel (k={k}) is larger than the padded input "
                         f"(n + 2p = {n + 2 * p}); use a smaller kernel or more padding")
    return (n + 2 * p - k) / s + 1
''',
        '+2p missing': '''def conv_output_size(n, k, p, s):
    for name, value, low in [("n", n, 1), ("k", k, 1), ("p", p, 0), ("s", s, 1)]:
        if int(value) != value or value < low:
            raise ValueError(f"conv_output_size: {name} must be an integer >= {low}, got {value!r}")
    if k > n + 2 * p:
        raise ValueError(f"conv_output_size: the kernel (k={k}) is larger than the padded input "
                         f"(n + 2p = {n + 2 * p}); use a smaller kernel or more padding")
    return int((n - k) // s + 1)
''',
        'padding counted on one side only': '''def conv_output_size(n, k, p, s):
    for name, value, low in [("n", n, 1), ("k", k, 1), ("p", p, 0), ("s", s, 1)]:
        if int(value) != value or value < low:
            raise ValueError(f"conv_output_size: {name} must be an integer >= {low}, got {value!r}")
    if k > n + 2 * p:
        raise ValueError(f"conv_output_size: the kernel (k={k}) is larger than the padded input "
                         f"(n + 2p = {n + 2 * p}); use a smaller kernel or more padding")
    return int((n + p - k) // s + 1)
''',
        'ceil instead of floor': '''def conv_output_size(n, k, p, s):
    for name, value, low in [("n", n, 1), ("k", k, 1), ("p", p, 0), ("s", s, 1)]:
        if int(value) != value or value < low:
            raise ValueError(f"conv_output_size: {name} must be an integer >= {low}, got {value!r}")
    if k > n + 2 * p:
        raise ValueError(f"conv_output_size: the kernel (k={k}) is larger than the padded input "
                         f"(n + 2p = {n + 2 * p}); use a smaller kernel or more padding")
    return int(-(-(n + 2 * p - k) // s) + 1)
''',
        'no +1': '''def conv_output_size(n, k, p, s):
    for name, value, low in [("n", n, 1), ("k", k, 1), ("p", p, 0), ("s", s, 1)]:
        if int(value) != value or value < low:
            raise ValueError(f"conv_output_size: {name} must be an integer >= {low}, got {value!r}")
    if k > n + 2 * p:
        raise ValueError(f"conv_output_size: the kernel (k={k}) is larger than the padded input "
                         f"(n + 2p = {n + 2 * p}); use a smaller kernel or more padding")
    return int((n + 2 * p - k) // s)
''',
        'no check that the kernel fits': '''def conv_output_size(n, k, p, s):
    for name, value, low in [("n", n, 1), ("k", k, 1), ("p", p, 0), ("s", s, 1)]:
        if int(value) != value or value < low:
            raise ValueError(f"conv_output_size: {name} must be an integer >= {low}, got {value!r}")
    if False:
        raise ValueError(f"conv_output_size: the kernel (k={k}) is larger than the padded input "
                         f"(n + 2p = {n + 2 * p}); use a smaller kernel or more padding")
    return int((n + 2 * p - k) // s + 1)
''',
    },
    'zero_pad': {
        'pads every axis (np.pad(X, pad))': '''def zero_pad(X, pad):
    X = np.asarray(X)
    if X.ndim != 4:
        raise ValueError(f"zero_pad: expected images of shape (N, H, W, C), got shape {X.shape}; "
                         "add the missing axes, e.g. image[None, :, :, None]")
    if int(pad) != pad or pad < 0:
        raise ValueError(f"zero_pad: pad must be an integer >= 0, got {pad!r}")
    pad = int(pad)
    return np.pad(X, pad)
''',
        'pads the batch axis': '''def zero_pad(X, pad):
    X = np.asarray(X)
    if X.ndim != 4:
        raise ValueError(f"zero_pad: expected images of shape (N, H, W, C), got shape {X.shape}; "
                         "add the missing axes, e.g. image[None, :, :, None]")
    if int(pad) != pad or pad < 0:
        raise ValueError(f"zero_pad: pad must be an integer >= 0, got {pad!r}")
    pad = int(pad)
    return np.pad(X, ((pad, pad), (pad, pad), (pad, pad), (0, 0)), mode="constant", constant_values=0)
''',
        'pads the channel axis': '''def zero_pad(X, pad):
    X = np.asarray(X)
    if X.ndim != 4:
        raise ValueError(f"zero_pad: expected images of shape (N, H, W, C), got shape {X.shape}; "
                         "add the missing axes, e.g. image[None, :, :, None]")
    if int(pad) != pad or pad < 0:
        raise ValueError(f"zero_pad: pad must be an integer >= 0, got {pad!r}")
    pad = int(pad)
    return np.pad(X, ((0, 0), (pad, pad), (pad, pad), (pad, pad)), mode="constant", constant_values=0)
''',
        'pads only after (bottom/right)': '''def zero_pad(X, pad):
    X = np.asarray(X)
    if X.ndim != 4:
        raise ValueError(f"zero_pad: expected images of shape (N, H, W, C), got shape {X.shape}; "
                         "add the missing axes, e.g. image[None, :, :, None]")
    if int(pad) != pad or pad < 0:
        raise ValueError(f"zero_pad: pad must be an integer >= 0, got {pad!r}")
    pad = int(pad)
    return np.pad(X, ((0, 0), (0, 2 * pad), (0, 2 * pad), (0, 0)), mode="constant", constant_values=0)
''',
        'returns X itself for pad = 0': '''def zero_pad(X, pad):
    X = np.asarray(X)
    if X.ndim != 4:
        raise ValueError(f"zero_pad: expected images of shape (N, H, W, C), got shape {X.shape}; "
                         "add the missing axes, e.g. image[None, :, :, None]")
    if int(pad) != pad or pad < 0:
        raise ValueError(f"zero_pad: pad must be an integer >= 0, got {pad!r}")
    pad = int(pad)
    if pad == 0:
        return X
    return np.pad(X, ((0, 0), (pad, pad), (pad, pad), (0, 0)), mode="constant", constant_values=0)
''',
        'always float64': '''def zero_pad(X, pad):
    X = np.asarray(X)
    if X.ndim != 4:
        raise ValueError(f"zero_pad: expected images of shape (N, H, W, C), got shape {X.shape}; "
                         "add the missing axes, e.g. image[None, :, :, None]")
    if int(pad) != pad or pad < 0:
        raise ValueError(f"zero_pad: pad must be an integer >= 0, got {pad!r}")
    pad = int(pad)
    X = X.astype(np.float64)
    return np.pad(X, ((0, 0), (pad, pad), (pad, pad), (0, 0)), mode="constant", constant_values=0)
''',
    },
    'conv2d_single': {
        'true convolution (flipped kernel)': '''def conv2d_single(image, kernel):
    image = np.asarray(image, dtype=np.float64)
    kernel = np.asarray(kernel, dtype=np.float64)
    if image.ndim != 2 or kernel.ndim != 2:
        raise ValueError(f"conv2d_single: expected a 2-D image and a 2-D kernel, got shapes {image.shape} and "
                         f"{kernel.shape}; pass one channel of one image, e.g. X[0, :, :, 0]")
    kh, kw = kernel.shape
    H, W = image.shape
    if kh > H or kw > W:
        raise ValueError(f"conv2d_single: the kernel {kernel.shape} is larger than the image {image.shape}; "
                         "a valid convolution needs the kernel to fit inside the image")
    out = np.zeros((H - kh + 1, W - kw + 1))
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = np.sum(image[i:i + kh, j:j + kw] * kernel[::-1, ::-1])
    return out
''',
        'output one pixel too small': '''def conv2d_single(image, kernel):
    image = np.asarray(image, dtype=np.float64)
    kernel = np.asarray(kernel, dtype=np.float64)
    if image.ndim != 2 or kernel.ndim != 2:
        raise ValueError(f"conv2d_single: expected a 2-D image and a 2-D kernel, got shapes {image.shape} and "
                         f"{kernel.shape}; pass one channel of one image, e.g. X[0, :, :, 0]")
    kh, kw = kernel.shape
    H, W = image.shape
    if kh > H or kw > W:
        raise ValueError(f"conv2d_single: the kernel {kernel.shape} is larger than the image {image.shape}; "
                         "a valid convolution needs the kernel to fit inside the image")
    out = np.zeros((H - kh, W - kw))
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = np.sum(image[i:i + kh, j:j + kw] * kernel)
    return out
''',
        'kernel transposed': '''def conv2d_single(image, kernel):
    image = np.asarray(image, dtype=np.float64)
    kernel = np.asarray(kernel, dtype=np.float64)
    if image.ndim != 2 or kernel.ndim != 2:
        raise ValueError(f"conv2d_single: expected a 2-D image and a 2-D kernel, got shapes {image.shape} and "
                         f"{kernel.shape}; pass one channel of one image, e.g. X[0, :, :, 0]")
    kh, kw = kernel.shape
    H, W = image.shape
    if kh > H or kw > W:
        raise ValueError(f"conv2d_single: the kernel {kernel.shape} is larger than the image {image.shape}; "
                         "a valid convolution needs the kernel to fit inside the image")
    out = np.zeros((H - kh + 1, W - kw + 1))
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = np.sum(image[i:i + kh, j:j + kw] * kernel.T)
    return out
''',
        'no check that the kernel fits': '''def conv2d_single(image, kernel):
    image = np.asarray(image, dtype=np.float64)
    kernel = np.asarray(kernel, dtype=np.float64)
    if image.ndim != 2 or kernel.ndim != 2:
        raise ValueError(f"conv2d_single: expected a 2-D image and a 2-D kernel, got shapes {image.shape} and "
                         f"{kernel.shape}; pass one channel of one image, e.g. X[0, :, :, 0]")
    kh, kw = kernel.shape
    H, W = image.shape
    if False:
        raise ValueError(f"conv2d_single: the kernel {kernel.shape} is larger than the image {image.shape}; "
                         "a valid convolution needs the kernel to fit inside the image")
    out = np.zeros((H - kh + 1, W - kw + 1))
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = np.sum(image[i:i + kh, j:j + kw] * kernel)
    return out
''',
    },
    'conv2d_forward': {
        'flipped kernel (true convolution)': '''def conv2d_forward(X, W, b, stride=1, padding="valid"):
    X, W, b = np.asarray(X), np.asarray(W), np.asarray(b)
    if X.ndim != 4:
        raise ValueError(f"conv2d_forward: expected X of shape (N, H, W, C_in), got shape {X.shape}")
    if W.ndim != 4:
        raise ValueError(f"conv2d_forward: expected W of shape (kh, kw, C_in, C_out), got shape {W.shape}")
    N, H, Wd, C = X.shape
    kh, kw, c_in, F = W.shape
    if c_in != C:
        raise ValueError(f"conv2d_forward: X has {C} channels but W expects {c_in} (W.shape[2]); they must match")
    if b.shape != (F,):
        raise ValueError(f"conv2d_forward: b must have shape ({F},), one bias per filter, got shape {b.shape}")
    if padding not in ("valid", "same"):
        raise ValueError(f"conv2d_forward: padding must be 'valid' or 'same', got {padding!r}")
    if int(stride) != stride or stride < 1:
        raise ValueError(f"conv2d_forward: stride must be an integer >= 1, got {stride!r}")
    s = int(stride)
    W = W[::-1, ::-1]
    if padding == "same":
        Ho, Wo = -(-H // s), -(-Wd // s)
        ph, pw = max((Ho - 1) * s + kh - H, 0), max((Wo - 1) * s + kw - Wd, 0)
    else:
        if kh > H or kw > Wd:
            raise ValueError(f"conv2d_forward: the kernel ({kh}x{kw}) is larger than the image ({H}x{Wd}); "
                             "use padding='same' or a smaller kernel")
        Ho, Wo = (H - kh) // s + 1, (Wd - kw) // s + 1
        ph = pw = 0
    dtype = np.result_type(X.dtype, W.dtype, b.dtype, np.float32)
    # Channels first, so that each patch copy below moves whole rows of pixels.
    Xt = np.zeros((C, N, H + ph, Wd + pw), dtype=dtype)
    Xt[:, :, ph // 2:ph // 2 + H, pw // 2:pw // 2 + Wd] = X.transpose(3, 0, 1, 2)
    cols = np.empty((kh, kw, C, N, Ho, Wo), dtype=dtype)
    for u in range(kh):
        for v in range(kw):
            cols[u, v] = Xt[:, :, u:u + (Ho - 1) * s + 1:s, v:v + (Wo - 1) * s + 1:s]
    out = cols.reshape(kh * kw * C, N * Ho * Wo).T @ W.reshape(kh * kw * C, F).astype(dtype, copy=False)
    out += b.astype(dtype, copy=False)
    return out.reshape(N, Ho, Wo, F)
''',
        'symmetric padding for same (k // 2 on each side)': '''def conv2d_forward(X, W, b, stride=1, padding="valid"):
    X, W, b = np.asarray(X), np.asarray(W), np.asarray(b)
    if X.ndim != 4:
        raise ValueError(f"conv2d_forward: expected X of shape (N, H, W, C_in), got shape {X.shape}")
    if W.ndim != 4:
        raise ValueError(f"conv2d_forward: expected W of shape (kh, kw, C_in, C_out), got shape {W.shape}")
    N, H, Wd, C = X.shape
    kh, kw, c_in, F = W.shape
    if c_in != C:
        raise ValueError(f"conv2d_forward: X has {C} channels but W expects {c_in} (W.shape[2]); they must match")
    if b.shape != (F,):
        raise ValueError(f"conv2d_forward: b must have shape ({F},), one bias per filter, got shape {b.shape}")
    if padding not in ("valid", "same"):
        raise ValueError(f"conv2d_forward: padding must be 'valid' or 'same', got {padding!r}")
    if int(stride) != stride or stride < 1:
        raise ValueError(f"conv2d_forward: stride must be an integer >= 1, got {stride!r}")
    s = int(stride)
    if padding == "same":
        ph, pw = 2 * (kh // 2), 2 * (kw // 2)
        Ho, Wo = (H + ph - kh) // s + 1, (Wd + pw - kw) // s + 1
    else:
        if kh > H or kw > Wd:
            raise ValueError(f"conv2d_forward: the kernel ({kh}x{kw}) is larger than the image ({H}x{Wd}); "
                             "use padding='same' or a smaller kernel")
        Ho, Wo = (H - kh) // s + 1, (Wd - kw) // s + 1
        ph = pw = 0
    dtype = np.result_type(X.dtype, W.dtype, b.dtype, np.float32)
    # Channels first, so that each patch copy below moves whole rows of pixels.
    Xt = np.zeros((C, N, H + ph, Wd + pw), dtype=dtype)
    Xt[:, :, ph // 2:ph // 2 + H, pw // 2:pw // 2 + Wd] = X.transpose(3, 0, 1, 2)
    cols = np.empty((kh, kw, C, N, Ho, Wo), dtype=dtype)
    for u in range(kh):
        for v in range(kw):
            cols[u, v] = Xt[:, :, u:u + (Ho - 1) * s + 1:s, v:v + (Wo - 1) * s + 1:s]
    out = cols.reshape(kh * kw * C, N * Ho * Wo).T @ W.reshape(kh * kw * C, F).astype(dtype, copy=False)
    out += b.astype(dtype, copy=False)
    return out.reshape(N, Ho, Wo, F)
''',
        'extra padding pixel at the top/left': '''def conv2d_forward(X, W, b, stride=1, padding="valid"):
    X, W, b = np.asarray(X), np.asarray(W), np.asarray(b)
    if X.ndim != 4:
        raise ValueError(f"conv2d_forward: expected X of shape (N, H, W, C_in), got shape {X.shape}")
    if W.ndim != 4:
        raise ValueError(f"conv2d_forward: expected W of shape (kh, kw, C_in, C_out), got shape {W.shape}")
    N, H, Wd, C = X.shape
    kh, kw, c_in, F = W.shape
    if c_in != C:
        raise ValueError(f"conv2d_forward: X has {C} channels but W expects {c_in} (W.shape[2]); they must match")
    if b.shape != (F,):
        raise ValueError(f"conv2d_forward: b must have shape ({F},), one bias per filter, got shape {b.shape}")
    if padding not in ("valid", "same"):
        raise ValueError(f"conv2d_forward: padding must be 'valid' or 'same', got {padding!r}")
    if int(stride) != stride or stride < 1:
        raise ValueError(f"conv2d_forward: stride must be an integer >= 1, got {stride!r}")
    s = int(stride)
    if padding == "same":
        Ho, Wo = -(-H // s), -(-Wd // s)
        ph, pw = max((Ho - 1) * s + kh - H, 0), max((Wo - 1) * s + kw - Wd, 0)
    else:
        if kh > H or kw > Wd:
            raise ValueError(f"conv2d_forward: the kernel ({kh}x{kw}) is larger than the image ({H}x{Wd}); "
                             "use padding='same' or a smaller kernel")
        Ho, Wo = (H - kh) // s + 1, (Wd - kw) // s + 1
        ph = pw = 0
    dtype = np.result_type(X.dtype, W.dtype, b.dtype, np.float32)
    # Channels first, so that each patch copy below moves whole rows of pixels.
    Xt = np.zeros((C, N, H + ph, Wd + pw), dtype=dtype)
    Xt[:, :, ph - ph // 2:ph - ph // 2 + H, pw - pw // 2:pw - pw // 2 + Wd] = X.transpose(3, 0, 1, 2)
    cols = np.empty((kh, kw, C, N, Ho, Wo), dtype=dtype)
    for u in range(kh):
        for v in range(kw):
            cols[u, v] = Xt[:, :, u:u + (Ho - 1) * s + 1:s, v:v + (Wo - 1) * s + 1:s]
    out = cols.reshape(kh * kw * C, N * Ho * Wo).T @ W.reshape(kh * kw * C, F).astype(dtype, copy=False)
    out += b.astype(dtype, copy=False)
    return out.reshape(N, Ho, Wo, F)
''',
        'same as stride-1 same, then subsampled': '''def conv2d_forward(X, W, b, stride=1, padding="valid"):
    X, W, b = np.asarray(X), np.asarray(W), np.asarray(b)
    if X.ndim != 4:
        raise ValueError(f"conv2d_forward: expected X of shape (N, H, W, C_in), got shape {X.shape}")
    if W.ndim != 4:
        raise ValueError(f"conv2d_forward: expected W of shape (kh, kw, C_in, C_out), got shape {W.shape}")
    N, H, Wd, C = X.shape
    kh, kw, c_in, F = W.shape
    if c_in != C:
        raise ValueError(f"conv2d_forward: X has {C} channels but W expects {c_in} (W.shape[2]); they must match")
    if b.shape != (F,):
        raise ValueError(f"conv2d_forward: b must have shape ({F},), one bias per filter, got shape {b.shape}")
    if padding not in ("valid", "same"):
        raise ValueError(f"conv2d_forward: padding must be 'valid' or 'same', got {padding!r}")
    if int(stride) != stride or stride < 1:
        raise ValueError(f"conv2d_forward: stride must be an integer >= 1, got {stride!r}")
    s = int(stride)
    if padding == "same":
        Ho, Wo = -(-H // s), -(-Wd // s)
        ph, pw = kh - 1, kw - 1
    else:
        if kh > H or kw > Wd:
            raise ValueError(f"conv2d_forward: the kernel ({kh}x{kw}) is larger than the image ({H}x{Wd}); "
                             "use padding='same' or a smaller kernel")
        Ho, Wo = (H - kh) // s + 1, (Wd - kw) // s + 1
        ph = pw = 0
    dtype = np.result_type(X.dtype, W.dtype, b.dtype, np.float32)
    # Channels first, so that each patch copy below moves whole rows of pixels.
    Xt = np.zeros((C, N, H + ph, Wd + pw), dtype=dtype)
    Xt[:, :, ph // 2:ph // 2 + H, pw // 2:pw // 2 + Wd] = X.transpose(3, 0, 1, 2)
    cols = np.empty((kh, kw, C, N, Ho, Wo), dtype=dtype)
    for u in range(kh):
        for v in range(kw):
            cols[u, v] = Xt[:, :, u:u + (Ho - 1) * s + 1:s, v:v + (Wo - 1) * s + 1:s]
    out = cols.reshape(kh * kw * C, N * Ho * Wo).T @ W.reshape(kh * kw * C, F).astype(dtype, copy=False)
    out += b.astype(dtype, copy=False)
    return out.reshape(N, Ho, Wo, F)
''',
        'bias added per pixel (sum of all biases)': '''def conv2d_forward(X, W, b, stride=1, padding="valid"):
    X, W, b = np.asarray(X), np.asarray(W), np.asarray(b)
    if X.ndim != 4:
        raise ValueError(f"conv2d_forward: expected X of shape (N, H, W, C_in), got shape {X.shape}")
    if W.ndim != 4:
        raise ValueError(f"conv2d_forward: expected W of shape (kh, kw, C_in, C_out), got shape {W.shape}")
    N, H, Wd, C = X.shape
    kh, kw, c_in, F = W.shape
    if c_in != C:
        raise ValueError(f"conv2d_forward: X has {C} channels but W expects {c_in} (W.shape[2]); they must match")
    if b.shape != (F,):
        raise ValueError(f"conv2d_forward: b must have shape ({F},), one bias per filter, got shape {b.shape}")
    if padding not in ("valid", "same"):
        raise ValueError(f"conv2d_forward: padding must be 'valid' or 'same', got {padding!r}")
    if int(stride) != stride or stride < 1:
        raise ValueError(f"conv2d_forward: stride must be an integer >= 1, got {stride!r}")
    s = int(stride)
    if padding == "same":
        Ho, Wo = -(-H // s), -(-Wd // s)
        ph, pw = max((Ho - 1) * s + kh - H, 0), max((Wo - 1) * s + kw - Wd, 0)
    else:
        if kh > H or kw > Wd:
            raise ValueError(f"conv2d_forward: the kernel ({kh}x{kw}) is larger than the image ({H}x{Wd}); "
                             "use padding='same' or a smaller kernel")
        Ho, Wo = (H - kh) // s + 1, (Wd - kw) // s + 1
        ph = pw = 0
    dtype = np.result_type(X.dtype, W.dtype, b.dtype, np.float32)
    # Channels first, so that each patch copy below moves whole rows of pixels.
    Xt = np.zeros((C, N, H + ph, Wd + pw), dtype=dtype)
    Xt[:, :, ph // 2:ph // 2 + H, pw // 2:pw // 2 + Wd] = X.transpose(3, 0, 1, 2)
    cols = np.empty((kh, kw, C, N, Ho, Wo), dtype=dtype)
    for u in range(kh):
        for v in range(kw):
            cols[u, v] = Xt[:, :, u:u + (Ho - 1) * s + 1:s, v:v + (Wo - 1) * s + 1:s]
    out = cols.reshape(kh * kw * C, N * Ho * Wo).T @ W.reshape(kh * kw * C, F).astype(dtype, copy=False)
    out += b.sum()
    return out.reshape(N, Ho, Wo, F)
''',
        'no bias': '''def conv2d_forward(X, W, b, stride=1, padding="valid"):
    X, W, b = np.asarray(X), np.asarray(W), np.asarray(b)
    if X.ndim != 4:
        raise ValueError(f"conv2d_forward: expected X of shape (N, H, W, C_in), got shape {X.shape}")
    if W.ndim != 4:
        raise ValueError(f"conv2d_forward: expected W of shape (kh, kw, C_in, C_out), got shape {W.shape}")
    N, H, Wd, C = X.shape
    kh, kw, c_in, F = W.shape
    if c_in != C:
        raise ValueError(f"conv2d_forward: X has {C} channels but W expects {c_in} (W.shape[2]); they must match")
    if b.shape != (F,):
        raise ValueError(f"conv2d_forward: b must have shape ({F},), one bias per filter, got shape {b.shape}")
    if padding not in ("valid", "same"):
        raise ValueError(f"conv2d_forward: padding must be 'valid' or 'same', got {padding!r}")
    if int(stride) != stride or stride < 1:
        raise ValueError(f"conv2d_forward: stride must be an integer >= 1, got {stride!r}")
    s = int(stride)
    if padding == "same":
        Ho, Wo = -(-H // s), -(-Wd // s)
        ph, pw = max((Ho - 1) * s + kh - H, 0), max((Wo - 1) * s + kw - Wd, 0)
    else:
        if kh > H or kw > Wd:
            raise ValueError(f"conv2d_forward: the kernel ({kh}x{kw}) is larger than the image ({H}x{Wd}); "
                             "use padding='same' or a smaller kernel")
        Ho, Wo = (H - kh) // s + 1, (Wd - kw) // s + 1
        ph = pw = 0
    dtype = np.result_type(X.dtype, W.dtype, b.dtype, np.float32)
    # Channels first, so that each patch copy below moves whole rows of pixels.
    Xt = np.zeros((C, N, H + ph, Wd + pw), dtype=dtype)
    Xt[:, :, ph // 2:ph // 2 + H, pw // 2:pw // 2 + Wd] = X.transpose(3, 0, 1, 2)
    cols = np.empty((kh, kw, C, N, Ho, Wo), dtype=dtype)
    for u in range(kh):
        for v in range(kw):
            cols[u, v] = Xt[:, :, u:u + (Ho - 1) * s + 1:s, v:v + (Wo - 1) * s + 1:s]
    out = cols.reshape(kh * kw * C, N * Ho * Wo).T @ W.reshape(kh * kw * C, F).astype(dtype, copy=False)
    return out.reshape(N, Ho, Wo, F)
''',
        'bias added once per kernel offset': '''def conv2d_forward(X, W, b, stride=1, padding="valid"):
    X, W, b = np.asarray(X), np.asarray(W), np.asarray(b)
    if X.ndim != 4:
        raise ValueError(f"conv2d_forward: expected X of shape (N, H, W, C_in), got shape {X.shape}")
    if W.ndim != 4:
        raise ValueError(f"conv2d_forward: expected W of shape (kh, kw, C_in, C_out), got shape {W.shape}")
    N, H, Wd, C = X.shape
    kh, kw, c_in, F = W.shape
    if c_in != C:
        raise ValueError(f"conv2d_forward: X has {C} channels but W expects {c_in} (W.shape[2]); they must match")
    if b.shape != (F,):
        raise ValueError(f"conv2d_forward: b must have shape ({F},), one bias per filter, got shape {b.shape}")
    if padding not in ("valid", "same"):
        raise ValueError(f"conv2d_forward: padding must be 'valid' or 'same', got {padding!r}")
    if int(stride) != stride or stride < 1:
        raise ValueError(f"conv2d_forward: stride must be an integer >= 1, got {stride!r}")
    s = int(stride)
    if padding == "same":
        Ho, Wo = -(-H // s), -(-Wd // s)
        ph, pw = max((Ho - 1) * s + kh - H, 0), max((Wo - 1) * s + kw - Wd, 0)
    else:
        if kh > H or kw > Wd:
            raise ValueError(f"conv2d_forward: the kernel ({kh}x{kw}) is larger than the image ({H}x{Wd}); "
                             "use padding='same' or a smaller kernel")
        Ho, Wo = (H - kh) // s + 1, (Wd - kw) // s + 1
        ph = pw = 0
    dtype = np.result_type(X.dtype, W.dtype, b.dtype, np.float32)
    # Channels first, so that each patch copy below moves whole rows of pixels.
    Xt = np.zeros((C, N, H + ph, Wd + pw), dtype=dtype)
    Xt[:, :, ph // 2:ph // 2 + H, pw // 2:pw // 2 + Wd] = X.transpose(3, 0, 1, 2)
    cols = np.empty((kh, kw, C, N, Ho, Wo), dtype=dtype)
    for u in range(kh):
        for v in range(kw):
            cols[u, v] = Xt[:, :, u:u + (Ho - 1) * s + 1:s, v:v + (Wo - 1) * s + 1:s]
    out = cols.reshape(kh * kw * C, N * Ho * Wo).T @ W.reshape(kh * kw * C, F).astype(dtype, copy=False)
    out += kh * kw * b.astype(dtype, copy=False)
    return out.reshape(N, Ho, Wo, F)
''',
        'weights reshaped in the wrong order (C_in first)': '''def conv2d_forward(X, W, b, stride=1, padding="valid"):
    X, W, b = np.asarray(X), np.asarray(W), np.asarray(b)
    if X.ndim != 4:
        raise ValueError(f"conv2d_forward: expected X of shape (N, H, W, C_in), got shape {X.shape}")
    if W.ndim != 4:
        raise ValueError(f"conv2d_forward: expected W of shape (kh, kw, C_in, C_out), got shape {W.shape}")
    N, H, Wd, C = X.shape
    kh, kw, c_in, F = W.shape
    if c_in != C:
        raise ValueError(f"conv2d_forward: X has {C} channels but W expects {c_in} (W.shape[2]); they must match")
    if b.shape != (F,):
        raise ValueError(f"conv2d_forward: b must have shape ({F},), one bias per filter, got shape {b.shape}")
    if padding not in ("valid", "same"):
        raise ValueError(f"conv2d_forward: padding must be 'valid' or 'same', got {padding!r}")
    if int(stride) != stride or stride < 1:
        raise ValueError(f"conv2d_forward: stride must be an integer >= 1, got {stride!r}")
    s = int(stride)
    if padding == "same":
        Ho, Wo = -(-H // s), -(-Wd // s)
        ph, pw = max((Ho - 1) * s + kh - H, 0), max((Wo - 1) * s + kw - Wd, 0)
    else:
        if kh > H or kw > Wd:
            raise ValueError(f"conv2d_forward: the kernel ({kh}x{kw}) is larger than the image ({H}x{Wd}); "
                             "use padding='same' or a smaller kernel")
        Ho, Wo = (H - kh) // s + 1, (Wd - kw) // s + 1
        ph = pw = 0
    dtype = np.result_type(X.dtype, W.dtype, b.dtype, np.float32)
    # Channels first, so that each patch copy below moves whole rows of pixels.
    Xt = np.zeros((C, N, H + ph, Wd + pw), dtype=dtype)
    Xt[:, :, ph // 2:ph // 2 + H, pw // 2:pw // 2 + Wd] = X.transpose(3, 0, 1, 2)
    cols = np.empty((kh, kw, C, N, Ho, Wo), dtype=dtype)
    for u in range(kh):
        for v in range(kw):
            cols[u, v] = Xt[:, :, u:u + (Ho - 1) * s + 1:s, v:v + (Wo - 1) * s + 1:s]
    out = cols.reshape(kh * kw * C, N * Ho * Wo).T @ W.transpose(2, 0, 1, 3).reshape(kh * kw * C, F).astype(dtype, copy=False)
    out += b.astype(dtype, copy=False)
    return out.reshape(N, Ho, Wo, F)
''',
        'always float32': '''def conv2d_forward(X, W, b, stride=1, padding="valid"):
    X, W, b = np.asarray(X), np.asarray(W), np.asarray(b)
    if X.ndim != 4:
        raise ValueError(f"conv2d_forward: expected X of shape (N, H, W, C_in), got shape {X.shape}")
    if W.ndim != 4:
        raise ValueError(f"conv2d_forward: expected W of shape (kh, kw, C_in, C_out), got shape {W.shape}")
    N, H, Wd, C = X.shape
    kh, kw, c_in, F = W.shape
    if c_in != C:
        raise ValueError(f"conv2d_forward: X has {C} channels but W expects {c_in} (W.shape[2]); they must match")
    if b.shape != (F,):
        raise ValueError(f"conv2d_forward: b must have shape ({F},), one bias per filter, got shape {b.shape}")
    if padding not in ("valid", "same"):
        raise ValueError(f"conv2d_forward: padding must be 'valid' or 'same', got {padding!r}")
    if int(stride) != stride or stride < 1:
        raise ValueError(f"conv2d_forward: stride must be an integer >= 1, got {stride!r}")
    s = int(stride)
    if padding == "same":
        Ho, Wo = -(-H // s), -(-Wd // s)
        ph, pw = max((Ho - 1) * s + kh - H, 0), max((Wo - 1) * s + kw - Wd, 0)
    else:
        if kh > H or kw > Wd:
            raise ValueError(f"conv2d_forward: the kernel ({kh}x{kw}) is larger than the image ({H}x{Wd}); "
                             "use padding='same' or a smaller kernel")
        Ho, Wo = (H - kh) // s + 1, (Wd - kw) // s + 1
        ph = pw = 0
    dtype = np.float32
    # Channels first, so that each patch copy below moves whole rows of pixels.
    Xt = np.zeros((C, N, H + ph, Wd + pw), dtype=dtype)
    Xt[:, :, ph // 2:ph // 2 + H, pw // 2:pw // 2 + Wd] = X.transpose(3, 0, 1, 2)
    cols = np.empty((kh, kw, C, N, Ho, Wo), dtype=dtype)
    for u in range(kh):
        for v in range(kw):
            cols[u, v] = Xt[:, :, u:u + (Ho - 1) * s + 1:s, v:v + (Wo - 1) * s + 1:s]
    out = cols.reshape(kh * kw * C, N * Ho * Wo).T @ W.reshape(kh * kw * C, F).astype(dtype, copy=False)
    out += b.astype(dtype, copy=False)
    return out.reshape(N, Ho, Wo, F)
''',
        'stride ignored': '''def conv2d_forward(X, W, b, stride=1, padding="valid"):
    X, W, b = np.asarray(X), np.asarray(W), np.asarray(b)
    if X.ndim != 4:
        raise ValueError(f"conv2d_forward: expected X of shape (N, H, W, C_in), got shape {X.shape}")
    if W.ndim != 4:
        raise ValueError(f"conv2d_forward: expected W of shape (kh, kw, C_in, C_out), got shape {W.shape}")
    N, H, Wd, C = X.shape
    kh, kw, c_in, F = W.shape
    if c_in != C:
        raise ValueError(f"conv2d_forward: X has {C} channels but W expects {c_in} (W.shape[2]); they must match")
    if b.shape != (F,):
        raise ValueError(f"conv2d_forward: b must have shape ({F},), one bias per filter, got shape {b.shape}")
    if padding not in ("valid", "same"):
        raise ValueError(f"conv2d_forward: padding must be 'valid' or 'same', got {padding!r}")
    if int(stride) != stride or stride < 1:
        raise ValueError(f"conv2d_forward: stride must be an integer >= 1, got {stride!r}")
    s = 1
    if padding == "same":
        Ho, Wo = -(-H // s), -(-Wd // s)
        ph, pw = max((Ho - 1) * s + kh - H, 0), max((Wo - 1) * s + kw - Wd, 0)
    else:
        if kh > H or kw > Wd:
            raise ValueError(f"conv2d_forward: the kernel ({kh}x{kw}) is larger than the image ({H}x{Wd}); "
                             "use padding='same' or a smaller kernel")
        Ho, Wo = (H - kh) // s + 1, (Wd - kw) // s + 1
        ph = pw = 0
    dtype = np.result_type(X.dtype, W.dtype, b.dtype, np.float32)
    # Channels first, so that each patch copy below moves whole rows of pixels.
    Xt = np.zeros((C, N, H + ph, Wd + pw), dtype=dtype)
    Xt[:, :, ph // 2:ph // 2 + H, pw // 2:pw // 2 + Wd] = X.transpose(3, 0, 1, 2)
    cols = np.empty((kh, kw, C, N, Ho, Wo), dtype=dtype)
    for u in range(kh):
        for v in range(kw):
            cols[u, v] = Xt[:, :, u:u + (Ho - 1) * s + 1:s, v:v + (Wo - 1) * s + 1:s]
    out = cols.reshape(kh * kw * C, N * Ho * Wo).T @ W.reshape(kh * kw * C, F).astype(dtype, copy=False)
    out += b.astype(dtype, copy=False)
    return out.reshape(N, Ho, Wo, F)
''',
        'no stride check': '''def conv2d_forward(X, W, b, stride=1, padding="valid"):
    X, W, b = np.asarray(X), np.asarray(W), np.asarray(b)
    if X.ndim != 4:
        raise ValueError(f"conv2d_forward: expected X of shape (N, H, W, C_in), got shape {X.shape}")
    if W.ndim != 4:
        raise ValueError(f"conv2d_forward: expected W of shape (kh, kw, C_in, C_out), got shape {W.shape}")
    N, H, Wd, C = X.shape
    kh, kw, c_in, F = W.shape
    if c_in != C:
        raise ValueError(f"conv2d_forward: X has {C} channels but W expects {c_in} (W.shape[2]); they must match")
    if b.shape != (F,):
        raise ValueError(f"conv2d_forward: b must have shape ({F},), one bias per filter, got shape {b.shape}")
    if padding not in ("valid", "same"):
        raise ValueError(f"conv2d_forward: padding must be 'valid' or 'same', got {padding!r}")
    if False:
        raise ValueError(f"conv2d_forward: stride must be an integer >= 1, got {stride!r}")
    s = int(stride)
    if padding == "same":
        Ho, Wo = -(-H // s), -(-Wd // s)
        ph, pw = max((Ho - 1) * s + kh - H, 0), max((Wo - 1) * s + kw - Wd, 0)
    else:
        if kh > H or kw > Wd:
            raise ValueError(f"conv2d_forward: the kernel ({kh}x{kw}) is larger than the image ({H}x{Wd}); "
                             "use padding='same' or a smaller kernel")
        Ho, Wo = (H - kh) // s + 1, (Wd - kw) // s + 1
        ph = pw = 0
    dtype = np.result_type(X.dtype, W.dtype, b.dtype, np.float32)
    # Channels first, so that each patch copy below moves whole rows of pixels.
    Xt = np.zeros((C, N, H + ph, Wd + pw), dtype=dtype)
    Xt[:, :, ph // 2:ph // 2 + H, pw // 2:pw // 2 + Wd] = X.transpose(3, 0, 1, 2)
    cols = np.empty((kh, kw, C, N, Ho, Wo), dtype=dtype)
    for u in range(kh):
        for v in range(kw):
            cols[u, v] = Xt[:, :, u:u + (Ho - 1) * s + 1:s, v:v + (Wo - 1) * s + 1:s]
    out = cols.reshape(kh * kw * C, N * Ho * Wo).T @ W.reshape(kh * kw * C, F).astype(dtype, copy=False)
    out += b.astype(dtype, copy=False)
    return out.reshape(N, Ho, Wo, F)
''',
        'no padding-string check': '''def conv2d_forward(X, W, b, stride=1, padding="valid"):
    X, W, b = np.asarray(X), np.asarray(W), np.asarray(b)
    if X.ndim != 4:
        raise ValueError(f"conv2d_forward: expected X of shape (N, H, W, C_in), got shape {X.shape}")
    if W.ndim != 4:
        raise ValueError(f"conv2d_forward: expected W of shape (kh, kw, C_in, C_out), got shape {W.shape}")
    N, H, Wd, C = X.shape
    kh, kw, c_in, F = W.shape
    if c_in != C:
        raise ValueError(f"conv2d_forward: X has {C} channels but W expects {c_in} (W.shape[2]); they must match")
    if b.shape != (F,):
        raise ValueError(f"conv2d_forward: b must have shape ({F},), one bias per filter, got shape {b.shape}")
    if False:
        raise ValueError(f"conv2d_forward: padding must be 'valid' or 'same', got {padding!r}")
    if int(stride) != stride or stride < 1:
        raise ValueError(f"conv2d_forward: stride must be an integer >= 1, got {stride!r}")
    s = int(stride)
    if padding == "same":
        Ho, Wo = -(-H // s), -(-Wd // s)
        ph, pw = max((Ho - 1) * s + kh - H, 0), max((Wo - 1) * s + kw - Wd, 0)
    else:
        if kh > H or kw > Wd:
            raise ValueError(f"conv2d_forward: the kernel ({kh}x{kw}) is larger than the image ({H}x{Wd}); "
                             "use padding='same' or a smaller kernel")
        Ho, Wo = (H - kh) // s + 1, (Wd - kw) // s + 1
        ph = pw = 0
    dtype = np.result_type(X.dtype, W.dtype, b.dtype, np.float32)
    # Channels first, so that each patch copy below moves whole rows of pixels.
    Xt = np.zeros((C, N, H + ph, Wd + pw), dtype=dtype)
    Xt[:, :, ph // 2:ph // 2 + H, pw // 2:pw // 2 + Wd] = X.transpose(3, 0, 1, 2)
    cols = np.empty((kh, kw, C, N, Ho, Wo), dtype=dtype)
    for u in range(kh):
        for v in range(kw):
            cols[u, v] = Xt[:, :, u:u + (Ho - 1) * s + 1:s, v:v + (Wo - 1) * s + 1:s]
    out = cols.reshape(kh * kw * C, N * Ho * Wo).T @ W.reshape(kh * kw * C, F).astype(dtype, copy=False)
    out += b.astype(dtype, copy=False)
    return out.reshape(N, Ho, Wo, F)
''',
    },
    'conv2d_backward': {
        'dW divided by N': '''def conv2d_backward(dout, X, W, b, stride=1, padding="valid"):
    X, W, b, dout = np.asarray(X), np.asarray(W), np.asarray(b), np.asarray(dout)
    out_shape = conv2d_forward(X, W, b, stride, padding).shape     # also validates the inputs
    if dout.shape != out_shape:
        raise ValueError(f"conv2d_backward: dout has shape {dout.shape}, but the forward output has shape {out_shape}")
    N, H, Wd, C = X.shape
    kh, kw, _, F = W.shape
    s = int(stride)
    Ho, Wo = out_shape[1], out_shape[2]
    ph = max((Ho - 1) * s + kh - H, 0) if padding == "same" else 0
    pw = max((Wo - 1) * s + kw - Wd, 0) if padding == "same" else 0
    top, left = ph // 2, pw // 2
    dtype = np.result_type(X.dtype, W.dtype, b.dtype, dout.dtype, np.float32)
    Xt = np.zeros((C, N, H + ph, Wd + pw), dtype=dtype)
    Xt[:, :, top:top + H, left:left + Wd] = X.transpose(3, 0, 1, 2)
    D = dout.reshape(N * Ho * Wo, F).astype(dtype, copy=False)
    Wm = W.reshape(kh * kw * C, F).astype(dtype, copy=False)
    cols = np.empty((kh, kw, C, N, Ho, Wo), dtype=dtype)
    for u in range(kh):
        for v in range(kw):
            cols[u, v] = Xt[:, :, u:u + (Ho - 1) * s + 1:s, v:v + (Wo - 1) * s + 1:s]
    db = D.sum(axis=0)
    dW_scale = 1.0 / N
    dW = (cols.reshape(kh * kw * C, -1) @ D).reshape(kh, kw, C, F) * dW_scale
    dcols = (Wm @ D.T).reshape(kh, kw, C, N, Ho, Wo)
    dXt = np.zeros_like(Xt)
    for u in range(kh):
        for v in range(kw):
            dXt[:, :, u:u + (Ho - 1) * s + 1:s, v:v + (Wo - 1) * s + 1:s] += dcols[u, v]
    dX = dXt[:, :, top:top + H, left:left + Wd].transpose(1, 2, 3, 0)
    return np.ascontiguousarray(dX), dW, db
''',
        'dW from sample 0 only': '''def conv2d_backward(dout, X, W, b, stride=1, padding="valid"):
    X, W, b, dout = np.asarray(X), np.asarray(W), np.asarray(b), np.asarray(dout)
    out_shape = conv2d_forward(X, W, b, stride, padding).shape     # also validates the inputs
    if dout.shape != out_shape:
        raise ValueError(f"conv2d_backward: dout has shape {dout.shape}, but the forward output has shape {out_shape}")
    N, H, Wd, C = X.shape
    kh, kw, _, F = W.shape
    s = int(stride)
    Ho, Wo = out_shape[1], out_shape[2]
    ph = max((Ho - 1) * s + kh - H, 0) if padding == "same" else 0
    pw = max((Wo - 1) * s + kw - Wd, 0) if padding == "same" else 0
    top, left = ph // 2, pw // 2
    dtype = np.result_type(X.dtype, W.dtype, b.dtype, dout.dtype, np.float32)
    Xt = np.zeros((C, N, H + ph, Wd + pw), dtype=dtype)
    Xt[:, :, top:top + H, left:left + Wd] = X.transpose(3, 0, 1, 2)
    D = dout.reshape(N * Ho * Wo, F).astype(dtype, copy=False)
    Wm = W.reshape(kh * kw * C, F).astype(dtype, copy=False)
    cols = np.empty((kh, kw, C, N, Ho, Wo), dtype=dtype)
    for u in range(kh):
        for v in range(kw):
            cols[u, v] = Xt[:, :, u:u + (Ho - 1) * s + 1:s, v:v + (Wo - 1) * s + 1:s]
    db = D.sum(axis=0)
    dW = (cols[:, :, :, :1].reshape(kh * kw * C, -1) @ D[:Ho * Wo]).reshape(kh, kw, C, F)
    dcols = (Wm @ D.T).reshape(kh, kw, C, N, Ho, Wo)
    dXt = np.zeros_like(Xt)
    for u in range(kh):
        for v in range(kw):
            dXt[:, :, u:u + (Ho - 1) * s + 1:s, v:v + (Wo - 1) * s + 1:s] += dcols[u, v]
    dX = dXt[:, :, top:top + H, left:left + Wd].transpose(1, 2, 3, 0)
    return np.ascontiguousarray(dX), dW, db
''',
        'db averaged instead of summed': '''def conv2d_backward(dout, X, W, b, stride=1, padding="valid"):
    X, W, b, dout = np.asarray(X), np.asarray(W), np.asarray(b), np.asarray(dout)
    out_shape = conv2d_forward(X, W, b, stride, padding).shape     # also validates the inputs
    if dout.shape != out_shape:
        raise ValueError(f"conv2d_backward: dout has shape {dout.shape}, but the forward output has shape {out_shape}")
    N, H, Wd, C = X.shape
    kh, kw, _, F = W.shape
    s = int(stride)
    Ho, Wo = out_shape[1], out_shape[2]
    ph = max((Ho - 1) * s + kh - H, 0) if padding == "same" else 0
    pw = max((Wo - 1) * s + kw - Wd, 0) if padding == "same" else 0
    top, left = ph // 2, pw // 2
    dtype = np.result_type(X.dtype, W.dtype, b.dtype, dout.dtype, np.float32)
    Xt = np.zeros((C, N, H + ph, Wd + pw), dtype=dtype)
    Xt[:, :, top:top + H, left:left + Wd] = X.transpose(3, 0, 1, 2)
    D = dout.reshape(N * Ho * Wo, F).astype(dtype, copy=False)
    Wm = W.reshape(kh * kw * C, F).astype(dtype, copy=False)
    cols = np.empty((kh, kw, C, N, Ho, Wo), dtype=dtype)
    for u in range(kh):
        for v in range(kw):
            cols[u, v] = Xt[:, :, u:u + (Ho - 1) * s + 1:s, v:v + (Wo - 1) * s + 1:s]
    db = D.mean(axis=0)
    dW = (cols.reshape(kh * kw * C, -1) @ D).reshape(kh, kw, C, F)
    dcols = (Wm @ D.T).reshape(kh, kw, C, N, Ho, Wo)
    dXt = np.zeros_like(Xt)
    for u in range(kh):
        for v in range(kw):
            dXt[:, :, u:u + (Ho - 1) * s + 1:s, v:v + (Wo - 1) * s + 1:s] += dcols[u, v]
    dX = dXt[:, :, top:top + H, left:left + Wd].transpose(1, 2, 3, 0)
    return np.ascontiguousarray(dX), dW, db
''',
        'db summed over the filters too (a scalar)': '''def conv2d_backward(dout, X, W, b, stride=1, padding="valid"):
    X, W, b, dout = np.asarray(X), np.asarray(W), np.asarray(b), np.asarray(dout)
    out_shape = conv2d_forward(X, W, b, stride, padding).shape     # also validates the inputs
    if dout.shape != out_shape:
        raise ValueError(f"conv2d_backward: dout has shape {dout.shape}, but the forward output has shape {out_shape}")
    N, H, Wd, C = X.shape
    kh, kw, _, F = W.shape
    s = int(stride)
    Ho, Wo = out_shape[1], out_shape[2]
    ph = max((Ho - 1) * s + kh - H, 0) if padding == "same" else 0
    pw = max((Wo - 1) * s + kw - Wd, 0) if padding == "same" else 0
    top, left = ph // 2, pw // 2
    dtype = np.result_type(X.dtype, W.dtype, b.dtype, dout.dtype, np.float32)
    Xt = np.zeros((C, N, H + ph, Wd + pw), dtype=dtype)
    Xt[:, :, top:top + H, left:left + Wd] = X.transpose(3, 0, 1, 2)
    D = dout.reshape(N * Ho * Wo, F).astype(dtype, copy=False)
    Wm = W.reshape(kh * kw * C, F).astype(dtype, copy=False)
    cols = np.empty((kh, kw, C, N, Ho, Wo), dtype=dtype)
    for u in range(kh):
        for v in range(kw):
            cols[u, v] = Xt[:, :, u:u + (Ho - 1) * s + 1:s, v:v + (Wo - 1) * s + 1:s]
    db = D.sum()
    dW = (cols.reshape(kh * kw * C, -1) @ D).reshape(kh, kw, C, F)
    dcols = (Wm @ D.T).reshape(kh, kw, C, N, Ho, Wo)
    dXt = np.zeros_like(Xt)
    for u in range(kh):
        for v in range(kw):
            dXt[:, :, u:u + (Ho - 1) * s + 1:s, v:v + (Wo - 1) * s + 1:s] += dcols[u, v]
    dX = dXt[:, :, top:top + H, left:left + Wd].transpose(1, 2, 3, 0)
    return np.ascontiguousarray(dX), dW, db
''',
        'db per sample (not summed over the batch)': '''def conv2d_backward(dout, X, W, b, stride=1, padding="valid"):
    X, W, b, dout = np.asarray(X), np.asarray(W), np.asarray(b), np.asarray(dout)
    out_shape = conv2d_forward(X, W, b, stride, padding).shape     # also validates the inputs
    if dout.shape != out_shape:
        raise ValueError(f"conv2d_backward: dout has shape {dout.shape}, but the forward output has shape {out_shape}")
    N, H, Wd, C = X.shape
    kh, kw, _, F = W.shape
    s = int(stride)
    Ho, Wo = out_shape[1], out_shape[2]
    ph = max((Ho - 1) * s + kh - H, 0) if padding == "same" else 0
    pw = max((Wo - 1) * s + kw - Wd, 0) if padding == "same" else 0
    top, left = ph // 2, pw // 2
    dtype = np.result_type(X.dtype, W.dtype, b.dtype, dout.dtype, np.float32)
    Xt = np.zeros((C, N, H + ph, Wd + pw), dtype=dtype)
    Xt[:, :, top:top + H, left:left + Wd] = X.transpose(3, 0, 1, 2)
    D = dout.reshape(N * Ho * Wo, F).astype(dtype, copy=False)
    Wm = W.reshape(kh * kw * C, F).astype(dtype, copy=False)
    cols = np.empty((kh, kw, C, N, Ho, Wo), dtype=dtype)
    for u in range(kh):
        for v in range(kw):
            cols[u, v] = Xt[:, :, u:u + (Ho - 1) * s + 1:s, v:v + (Wo - 1) * s + 1:s]
    db = dout[0].sum(axis=(0, 1))
    dW = (cols.reshape(kh * kw * C, -1) @ D).reshape(kh, kw, C, F)
    dcols = (Wm @ D.T).reshape(kh, kw, C, N, Ho, Wo)
    dXt = np.zeros_like(Xt)
    for u in range(kh):
        for v in range(kw):
            dXt[:, :, u:u + (Ho - 1) * s + 1:s, v:v + (Wo - 1) * s + 1:s] += dcols[u, v]
    dX = dXt[:, :, top:top + H, left:left + Wd].transpose(1, 2, 3, 0)
    return np.ascontiguousarray(dX), dW, db
''',
        'dX without the flip': '''def conv2d_backward(dout, X, W, b, stride=1, padding="valid"):
    X, W, b, dout = np.asarray(X), np.asarray(W), np.asarray(b), np.asarray(dout)
    out_shape = conv2d_forward(X, W, b, stride, padding).shape     # also validates the inputs
    if dout.shape != out_shape:
        raise ValueError(f"conv2d_backward: dout has shape {dout.shape}, but the forward output has shape {out_shape}")
    N, H, Wd, C = X.shape
    kh, kw, _, F = W.shape
    s = int(stride)
    Ho, Wo = out_shape[1], out_shape[2]
    ph = max((Ho - 1) * s + kh - H, 0) if padding == "same" else 0
    pw = max((Wo - 1) * s + kw - Wd, 0) if padding == "same" else 0
    top, left = ph // 2, pw // 2
    dtype = np.result_type(X.dtype, W.dtype, b.dtype, dout.dtype, np.float32)
    Xt = np.zeros((C, N, H + ph, Wd + pw), dtype=dtype)
    Xt[:, :, top:top + H, left:left + Wd] = X.transpose(3, 0, 1, 2)
    D = dout.reshape(N * Ho * Wo, F).astype(dtype, copy=False)
    Wm = W.reshape(kh * kw * C, F).astype(dtype, copy=False)
    cols = np.empty((kh, kw, C, N, Ho, Wo), dtype=dtype)
    for u in range(kh):
        for v in range(kw):
            cols[u, v] = Xt[:, :, u:u + (Ho - 1) * s + 1:s, v:v + (Wo - 1) * s + 1:s]
    db = D.sum(axis=0)
    dW = (cols.reshape(kh * kw * C, -1) @ D).reshape(kh, kw, C, F)
    dcols = (W[::-1, ::-1].reshape(kh * kw * C, F).astype(dtype) @ D.T).reshape(kh, kw, C, N, Ho, Wo)
    dXt = np.zeros_like(Xt)
    for u in range(kh):
        for v in range(kw):
            dXt[:, :, u:u + (Ho - 1) * s + 1:s, v:v + (Wo - 1) * s + 1:s] += dcols[u, v]
    dX = dXt[:, :, top:top + H, left:left + Wd].transpose(1, 2, 3, 0)
    return np.ascontiguousarray(dX), dW, db
''',
        'dX ignores the stride': '''def conv2d_backward(dout, X, W, b, stride=1, padding="valid"):
    X, W, b, dout = np.asarray(X), np.asarray(W), np.asarray(b), np.asarray(dout)
    out_shape = conv2d_forward(X, W, b, stride, padding).shape     # also validates the inputs
    if dout.shape != out_shape:
        raise ValueError(f"conv2d_backward: dout has shape {dout.shape}, but the forward output has shape {out_shape}")
    N, H, Wd, C = X.shape
    kh, kw, _, F = W.shape
    s = int(stride)
    Ho, Wo = out_shape[1], out_shape[2]
    ph = max((Ho - 1) * s + kh - H, 0) if padding == "same" else 0
    pw = max((Wo - 1) * s + kw - Wd, 0) if padding == "same" else 0
    top, left = ph // 2, pw // 2
    dtype = np.result_type(X.dtype, W.dtype, b.dtype, dout.dtype, np.float32)
    Xt = np.zeros((C, N, H + ph, Wd + pw), dtype=dtype)
    Xt[:, :, top:top + H, left:left + Wd] = X.transpose(3, 0, 1, 2)
    D = dout.reshape(N * Ho * Wo, F).astype(dtype, copy=False)
    Wm = W.reshape(kh * kw * C, F).astype(dtype, copy=False)
    cols = np.empty((kh, kw, C, N, Ho, Wo), dtype=dtype)
    for u in range(kh):
        for v in range(kw):
            cols[u, v] = Xt[:, :, u:u + (Ho - 1) * s + 1:s, v:v + (Wo - 1) * s + 1:s]
    db = D.sum(axis=0)
    dW = (cols.reshape(kh * kw * C, -1) @ D).reshape(kh, kw, C, F)
    dcols = (Wm @ D.T).reshape(kh, kw, C, N, Ho, Wo)
    dXt = np.zeros_like(Xt)
    for u in range(kh):
        for v in range(kw):
            dXt[:, :, u:u + Ho, v:v + Wo] += dcols[u, v]
    dX = dXt[:, :, top:top + H, left:left + Wd].transpose(1, 2, 3, 0)
    return np.ascontiguousarray(dX), dW, db
''',
        'dX cropped at the wrong offset': '''def conv2d_backward(dout, X, W, b, stride=1, padding="valid"):
    X, W, b, dout = np.asarray(X), np.asarray(W), np.asarray(b), np.asarray(dout)
    out_shape = conv2d_forward(X, W, b, stride, padding).shape     # also validates the inputs
    if dout.shape != out_shape:
        raise ValueError(f"conv2d_backward: dout has shape {dout.shape}, but the forward output has shape {out_shape}")
    N, H, Wd, C = X.shape
    kh, kw, _, F = W.shape
    s = int(stride)
    Ho, Wo = out_shape[1], out_shape[2]
    ph = max((Ho - 1) * s + kh - H, 0) if padding == "same" else 0
    pw = max((Wo - 1) * s + kw - Wd, 0) if padding == "same" else 0
    top, left = ph // 2, pw // 2
    crop_top, crop_left = ph - top, pw - left
    dtype = np.result_type(X.dtype, W.dtype, b.dtype, dout.dtype, np.float32)
    Xt = np.zeros((C, N, H + ph, Wd + pw), dtype=dtype)
    Xt[:, :, top:top + H, left:left + Wd] = X.transpose(3, 0, 1, 2)
    D = dout.reshape(N * Ho * Wo, F).astype(dtype, copy=False)
    Wm = W.reshape(kh * kw * C, F).astype(dtype, copy=False)
    cols = np.empty((kh, kw, C, N, Ho, Wo), dtype=dtype)
    for u in range(kh):
        for v in range(kw):
            cols[u, v] = Xt[:, :, u:u + (Ho - 1) * s + 1:s, v:v + (Wo - 1) * s + 1:s]
    db = D.sum(axis=0)
    dW = (cols.reshape(kh * kw * C, -1) @ D).reshape(kh, kw, C, F)
    dcols = (Wm @ D.T).reshape(kh, kw, C, N, Ho, Wo)
    dXt = np.zeros_like(Xt)
    for u in range(kh):
        for v in range(kw):
            dXt[:, :, u:u + (Ho - 1) * s + 1:s, v:v + (Wo - 1) * s + 1:s] += dcols[u, v]
    dX = dXt[:, :, crop_top:crop_top + H, crop_left:crop_left + Wd].transpose(1, 2, 3, 0)
    return np.ascontiguousarray(dX), dW, db
''',
        'dW transposed (flipped) kernel': '''def conv2d_backward(dout, X, W, b, stride=1, padding="valid"):
    X, W, b, dout = np.asarray(X), np.asarray(W), np.asarray(b), np.asarray(dout)
    out_shape = conv2d_forward(X, W, b, stride, padding).shape     # also validates the inputs
    if dout.shape != out_shape:
        raise ValueError(f"conv2d_backward: dout has shape {dout.shape}, but the forward output has shape {out_shape}")
    N, H, Wd, C = X.shape
    kh, kw, _, F = W.shape
    s = int(stride)
    Ho, Wo = out_shape[1], out_shape[2]
    ph = max((Ho - 1) * s + kh - H, 0) if padding == "same" else 0
    pw = max((Wo - 1) * s + kw - Wd, 0) if padding == "same" else 0
    top, left = ph // 2, pw // 2
    dtype = np.result_type(X.dtype, W.dtype, b.dtype, dout.dtype, np.float32)
    Xt = np.zeros((C, N, H + ph, Wd + pw), dtype=dtype)
    Xt[:, :, top:top + H, left:left + Wd] = X.transpose(3, 0, 1, 2)
    D = dout.reshape(N * Ho * Wo, F).astype(dtype, copy=False)
    Wm = W.reshape(kh * kw * C, F).astype(dtype, copy=False)
    cols = np.empty((kh, kw, C, N, Ho, Wo), dtype=dtype)
    for u in range(kh):
        for v in range(kw):
            cols[u, v] = Xt[:, :, u:u + (Ho - 1) * s + 1:s, v:v + (Wo - 1) * s + 1:s]
    db = D.sum(axis=0)
    dW = (cols.reshape(kh * kw * C, -1) @ D).reshape(kh, kw, C, F)[::-1, ::-1]
    dcols = (Wm @ D.T).reshape(kh, kw, C, N, Ho, Wo)
    dXt = np.zeros_like(Xt)
    for u in range(kh):
        for v in range(kw):
            dXt[:, :, u:u + (Ho - 1) * s + 1:s, v:v + (Wo - 1) * s + 1:s] += dcols[u, v]
    dX = dXt[:, :, top:top + H, left:left + Wd].transpose(1, 2, 3, 0)
    return np.ascontiguousarray(dX), dW, db
''',
        "no check of dout's shape": '''def conv2d_backward(dout, X, W, b, stride=1, padding="valid"):
    X, W, b, dout = np.asarray(X), np.asarray(W), np.asarray(b), np.asarray(dout)
    out_shape = conv2d_forward(X, W, b, stride, padding).shape     # also validates the inputs
    if False:
        raise ValueError(f"conv2d_backward: dout has shape {dout.shape}, but the forward output has shape {out_shape}")
    N, H, Wd, C = X.shape
    kh, kw, _, F = W.shape
    s = int(stride)
    Ho, Wo = out_shape[1], out_shape[2]
    ph = max((Ho - 1) * s + kh - H, 0) if padding == "same" else 0
    pw = max((Wo - 1) * s + kw - Wd, 0) if padding == "same" else 0
    top, left = ph // 2, pw // 2
    dtype = np.result_type(X.dtype, W.dtype, b.dtype, dout.dtype, np.float32)
    Xt = np.zeros((C, N, H + ph, Wd + pw), dtype=dtype)
    Xt[:, :, top:top + H, left:left + Wd] = X.transpose(3, 0, 1, 2)
    D = dout.reshape(N * Ho * Wo, F).astype(dtype, copy=False)
    Wm = W.reshape(kh * kw * C, F).astype(dtype, copy=False)
    cols = np.empty((kh, kw, C, N, Ho, Wo), dtype=dtype)
    for u in range(kh):
        for v in range(kw):
            cols[u, v] = Xt[:, :, u:u + (Ho - 1) * s + 1:s, v:v + (Wo - 1) * s + 1:s]
    db = D.sum(axis=0)
    dW = (cols.reshape(kh * kw * C, -1) @ D).reshape(kh, kw, C, F)
    dcols = (Wm @ D.T).reshape(kh, kw, C, N, Ho, Wo)
    dXt = np.zeros_like(Xt)
    for u in range(kh):
        for v in range(kw):
            dXt[:, :, u:u + (Ho - 1) * s + 1:s, v:v + (Wo - 1) * s + 1:s] += dcols[u, v]
    dX = dXt[:, :, top:top + H, left:left + Wd].transpose(1, 2, 3, 0)
    return np.ascontiguousarray(dX), dW, db
''',
    },
    'max_pool_forward': {
        'reshape pooling (ignores stride != pool)': '''def max_pool_forward(X, pool=2, stride=2):
    X = np.asarray(X)
    if X.ndim != 4 or pool < 1 or stride < 1 or pool > X.shape[1] or pool > X.shape[2]:
        raise ValueError("max_pool_forward: bad input")
    N, H, W, C = X.shape
    Ho, Wo = H // pool, W // pool
    return X[:, :Ho * pool, :Wo * pool].reshape(N, Ho, pool, Wo, pool, C).max(axis=(2, 4))
''',
        'windows step by pool, not by stride': '''def max_pool_forward(X, pool=2, stride=2):
    X = np.asarray(X)
    if X.ndim != 4:
        raise ValueError(f"max_pool_forward: expected X of shape (N, H, W, C), got shape {X.shape}")
    for name, value in [("pool", pool), ("stride", stride)]:
        if int(value) != value or value < 1:
            raise ValueError(f"max_pool_forward: {name} must be an integer >= 1, got {value!r}")
    N, H, W, C = X.shape
    if pool > H or pool > W:
        raise ValueError(f"max_pool_forward: the {pool}x{pool} window is larger than the {H}x{W} image")
    stride = pool
    Ho, Wo = (H - pool) // stride + 1, (W - pool) // stride + 1
    out = None
    for u in range(pool):
        for v in range(pool):
            window = X[:, u:u + (Ho - 1) * stride + 1:stride, v:v + (Wo - 1) * stride + 1:stride, :]
            out = window.copy() if out is None else np.maximum(out, window)
    return out
''',
        'output one pixel too small': '''def max_pool_forward(X, pool=2, stride=2):
    X = np.asarray(X)
    if X.ndim != 4:
        raise ValueError(f"max_pool_forward: expected X of shape (N, H, W, C), got shape {X.shape}")
    for name, value in [("pool", pool), ("stride", stride)]:
        if int(value) != value or value < 1:
            raise ValueError(f"max_pool_forward: {name} must be an integer >= 1, got {value!r}")
    N, H, W, C = X.shape
    if pool > H or pool > W:
        raise ValueError(f"max_pool_forward: the {pool}x{pool} window is larger than the {H}x{W} image")
    Ho, Wo = (H - pool) // stride, (W - pool) // stride
    Ho, Wo = max(Ho, 1), max(Wo, 1)
    out = None
    for u in range(pool):
        for v in range(pool):
            window = X[:, u:u + (Ho - 1) * stride + 1:stride, v:v + (Wo - 1) * stride + 1:stride, :]
            out = window.copy() if out is None else np.maximum(out, window)
    return out
''',
        'max over the channels too': '''def max_pool_forward(X, pool=2, stride=2):
    X = np.asarray(X)
    if X.ndim != 4:
        raise ValueError(f"max_pool_forward: expected X of shape (N, H, W, C), got shape {X.shape}")
    for name, value in [("pool", pool), ("stride", stride)]:
        if int(value) != value or value < 1:
            raise ValueError(f"max_pool_forward: {name} must be an integer >= 1, got {value!r}")
    N, H, W, C = X.shape
    if pool > H or pool > W:
        raise ValueError(f"max_pool_forward: the {pool}x{pool} window is larger than the {H}x{W} image")
    Ho, Wo = (H - pool) // stride + 1, (W - pool) // stride + 1
    out = None
    for u in range(pool):
        for v in range(pool):
            window = X[:, u:u + (Ho - 1) * stride + 1:stride, v:v + (Wo - 1) * stride + 1:stride, :]
            out = window.copy() if out is None else np.maximum(out, window)
    return np.repeat(out.max(axis=-1, keepdims=True), C, axis=-1)
''',
        'starts from zeros (wrong for negative maps)': '''def max_pool_forward(X, pool=2, stride=2):
    X = np.asarray(X)
    if X.ndim != 4:
        raise ValueError(f"max_pool_forward: expected X of shape (N, H, W, C), got shape {X.shape}")
    for name, value in [("pool", pool), ("stride", stride)]:
        if int(value) != value or value < 1:
            raise ValueError(f"max_pool_forward: {name} must be an integer >= 1, got {value!r}")
    N, H, W, C = X.shape
    if pool > H or pool > W:
        raise ValueError(f"max_pool_forward: the {pool}x{pool} window is larger than the {H}x{W} image")
    Ho, Wo = (H - pool) // stride + 1, (W - pool) // stride + 1
    out = None
    for u in range(pool):
        for v in range(pool):
            window = X[:, u:u + (Ho - 1) * stride + 1:stride, v:v + (Wo - 1) * stride + 1:stride, :]
            out = np.maximum(np.zeros_like(window) if out is None else out, window)
    return out
''',
        'no stride check': '''def max_pool_forward(X, pool=2, stride=2):
    X = np.asarray(X)
    if X.ndim != 4:
        raise ValueError(f"max_pool_forward: expected X of shape (N, H, W, C), got shape {X.shape}")
    for name, value in [("pool", pool)]:
        if int(value) != value or value < 1:
            raise ValueError(f"max_pool_forward: {name} must be an integer >= 1, got {value!r}")
    N, H, W, C = X.shape
    if pool > H or pool > W:
        raise ValueError(f"max_pool_forward: the {pool}x{pool} window is larger than the {H}x{W} image")
    Ho, Wo = (H - pool) // stride + 1, (W - pool) // stride + 1
    out = None
    for u in range(pool):
        for v in range(pool):
            window = X[:, u:u + (Ho - 1) * stride + 1:stride, v:v + (Wo - 1) * stride + 1:stride, :]
            out = window.copy() if out is None else np.maximum(out, window)
    return out
''',
    },
    'avg_pool_forward': {
        'windows step by pool, not by stride': '''def avg_pool_forward(X, pool=2, stride=2):
    X = np.asarray(X)
    if X.ndim != 4:
        raise ValueError(f"avg_pool_forward: expected X of shape (N, H, W, C), got shape {X.shape}")
    for name, value in [("pool", pool), ("stride", stride)]:
        if int(value) != value or value < 1:
            raise ValueError(f"avg_pool_forward: {name} must be an integer >= 1, got {value!r}")
    N, H, W, C = X.shape
    if pool > H or pool > W:
        raise ValueError(f"avg_pool_forward: the {pool}x{pool} window is larger than the {H}x{W} image")
    stride = pool
    Ho, Wo = (H - pool) // stride + 1, (W - pool) // stride + 1
    out = np.zeros((N, Ho, Wo, C), dtype=np.result_type(X.dtype, np.float32))
    for u in range(pool):
        for v in range(pool):
            out += X[:, u:u + (Ho - 1) * stride + 1:stride, v:v + (Wo - 1) * stride + 1:stride, :]
    return out / (pool * pool)
''',
        'divides by pool, not pool * pool': '''def avg_pool_forward(X, pool=2, stride=2):
    X = np.asarray(X)
    if X.ndim != 4:
        raise ValueError(f"avg_pool_forward: expected X of shape (N, H, W, C), got shape {X.shape}")
    for name, value in [("pool", pool), ("stride", stride)]:
        if int(value) != value or value < 1:
            raise ValueError(f"avg_pool_forward: {name} must be an integer >= 1, got {value!r}")
    N, H, W, C = X.shape
    if pool > H or pool > W:
        raise ValueError(f"avg_pool_forward: the {pool}x{pool} window is larger than the {H}x{W} image")
    Ho, Wo = (H - pool) // stride + 1, (W - pool) // stride + 1
    out = np.zeros((N, Ho, Wo, C), dtype=np.result_type(X.dtype, np.float32))
    for u in range(pool):
        for v in range(pool):
            out += X[:, u:u + (Ho - 1) * stride + 1:stride, v:v + (Wo - 1) * stride + 1:stride, :]
    return out / pool
''',
        'integer division for integer inputs': '''def avg_pool_forward(X, pool=2, stride=2):
    X = np.asarray(X)
    if X.ndim != 4:
        raise ValueError(f"avg_pool_forward: expected X of shape (N, H, W, C), got shape {X.shape}")
    for name, value in [("pool", pool), ("stride", stride)]:
        if int(value) != value or value < 1:
            raise ValueError(f"avg_pool_forward: {name} must be an integer >= 1, got {value!r}")
    N, H, W, C = X.shape
    if pool > H or pool > W:
        raise ValueError(f"avg_pool_forward: the {pool}x{pool} window is larger than the {H}x{W} image")
    Ho, Wo = (H - pool) // stride + 1, (W - pool) // stride + 1
    out = np.zeros((N, Ho, Wo, C), dtype=X.dtype)
    for u in range(pool):
        for v in range(pool):
            out += X[:, u:u + (Ho - 1) * stride + 1:stride, v:v + (Wo - 1) * stride + 1:stride, :]
    return out // (pool * pool) if X.dtype.kind in 'iu' else out / (pool * pool)
''',
        'reshape pooling (ignores stride != pool)': '''def avg_pool_forward(X, pool=2, stride=2):
    X = np.asarray(X)
    if X.ndim != 4 or pool < 1 or stride < 1 or pool > X.shape[1] or pool > X.shape[2]:
        raise ValueError("avg_pool_forward: bad input")
    N, H, W, C = X.shape
    Ho, Wo = H // pool, W // pool
    return X[:, :Ho * pool, :Wo * pool].reshape(N, Ho, pool, Wo, pool, C).mean(axis=(2, 4))
''',
        'no stride check': '''def avg_pool_forward(X, pool=2, stride=2):
    X = np.asarray(X)
    if X.ndim != 4:
        raise ValueError(f"avg_pool_forward: expected X of shape (N, H, W, C), got shape {X.shape}")
    for name, value in [("pool", pool)]:
        if int(value) != value or value < 1:
            raise ValueError(f"avg_pool_forward: {name} must be an integer >= 1, got {value!r}")
    N, H, W, C = X.shape
    if pool > H or pool > W:
        raise ValueError(f"avg_pool_forward: the {pool}x{pool} window is larger than the {H}x{W} image")
    Ho, Wo = (H - pool) // stride + 1, (W - pool) // stride + 1
    out = np.zeros((N, Ho, Wo, C), dtype=np.result_type(X.dtype, np.float32))
    for u in range(pool):
        for v in range(pool):
            out += X[:, u:u + (Ho - 1) * stride + 1:stride, v:v + (Wo - 1) * stride + 1:stride, :]
    return out / (pool * pool)
''',
    },
    'conv_param_count': {
        'without the bias': '''def conv_param_count(kh, kw, c_in, c_out, bias=True):
    for name, value in [("kh", kh), ("kw", kw), ("c_in", c_in), ("c_out", c_out)]:
        if int(value) != value or value < 1:
            raise ValueError(f"conv_param_count: {name} must be an integer >= 1, got {value!r}")
    return int(kh * kw * c_in * c_out + 0)
''',
        'bias always counted': '''def conv_param_count(kh, kw, c_in, c_out, bias=True):
    for name, value in [("kh", kh), ("kw", kw), ("c_in", c_in), ("c_out", c_out)]:
        if int(value) != value or value < 1:
            raise ValueError(f"conv_param_count: {name} must be an integer >= 1, got {value!r}")
    return int(kh * kw * c_in * c_out + c_out)
''',
        'without c_in': '''def conv_param_count(kh, kw, c_in, c_out, bias=True):
    for name, value in [("kh", kh), ("kw", kw), ("c_in", c_in), ("c_out", c_out)]:
        if int(value) != value or value < 1:
            raise ValueError(f"conv_param_count: {name} must be an integer >= 1, got {value!r}")
    return int(kh * kw * c_out + (c_out if bias else 0))
''',
        'one bias per input channel': '''def conv_param_count(kh, kw, c_in, c_out, bias=True):
    for name, value in [("kh", kh), ("kw", kw), ("c_in", c_in), ("c_out", c_out)]:
        if int(value) != value or value < 1:
            raise ValueError(f"conv_param_count: {name} must be an integer >= 1, got {value!r}")
    return int(kh * kw * c_in * c_out + (c_in if bias else 0))
''',
        'no check of the sizes': '''def conv_param_count(kh, kw, c_in, c_out, bias=True):
    for name, value in [("kh", kh), ("kw", kw), ("c_in", c_in), ("c_out", c_out)]:
        if False:
            raise ValueError(f"conv_param_count: {name} must be an integer >= 1, got {value!r}")
    return int(kh * kw * c_in * c_out + (c_out if bias else 0))
''',
    },
    'receptive_field': {
        'ignores the stride': '''def receptive_field(layers):
    field, jump = 1, 1
    for entry in layers:
        if len(entry) != 2:
            raise ValueError(f"receptive_field: each layer must be a (kernel_size, stride) pair, got {entry!r}")
        k, s = entry
        if int(k) != k or int(s) != s or k < 1 or s < 1:
            raise ValueError(f"receptive_field: kernel size and stride must be integers >= 1, got {entry!r}")
        field += (int(k) - 1) * jump
    return int(field)
''',
        "stride applied before the layer's own kernel": '''def receptive_field(layers):
    field, jump = 1, 1
    for entry in layers:
        if len(entry) != 2:
            raise ValueError(f"receptive_field: each layer must be a (kernel_size, stride) pair, got {entry!r}")
        k, s = entry
        if int(k) != k or int(s) != s or k < 1 or s < 1:
            raise ValueError(f"receptive_field: kernel size and stride must be integers >= 1, got {entry!r}")
        jump *= int(s)
        field += (int(k) - 1) * jump
    return int(field)
''',
        'product of kernel sizes': '''def receptive_field(layers):
    field, jump = 1, 1
    for entry in layers:
        if len(entry) != 2:
            raise ValueError(f"receptive_field: each layer must be a (kernel_size, stride) pair, got {entry!r}")
        k, s = entry
        if int(k) != k or int(s) != s or k < 1 or s < 1:
            raise ValueError(f"receptive_field: kernel size and stride must be integers >= 1, got {entry!r}")
        field *= int(k)
        jump *= int(s)
    return int(field)
''',
        'adds strides instead of multiplying': '''def receptive_field(layers):
    field, jump = 1, 1
    for entry in layers:
        if len(entry) != 2:
            raise ValueError(f"receptive_field: each layer must be a (kernel_size, stride) pair, got {entry!r}")
        k, s = entry
        if int(k) != k or int(s) != s or k < 1 or s < 1:
            raise ValueError(f"receptive_field: kernel size and stride must be integers >= 1, got {entry!r}")
        field += (int(k) - 1) * jump
        jump += int(s) - 1
    return int(field)
''',
        'starts from 0': '''def receptive_field(layers):
    field, jump = 0, 1
    for entry in layers:
        if len(entry) != 2:
            raise ValueError(f"receptive_field: each layer must be a (kernel_size, stride) pair, got {entry!r}")
        k, s = entry
        if int(k) != k or int(s) != s or k < 1 or s < 1:
            raise ValueError(f"receptive_field: kernel size and stride must be integers >= 1, got {entry!r}")
        field += (int(k) - 1) * jump
        jump *= int(s)
    return int(field)
''',
        'no check of the stride': '''def receptive_field(layers):
    field, jump = 1, 1
    for entry in layers:
        if len(entry) != 2:
            raise ValueError(f"receptive_field: each layer must be a (kernel_size, stride) pair, got {entry!r}")
        k, s = entry
        if int(k) != k or k < 1:
            raise ValueError(f"receptive_field: kernel size and stride must be integers >= 1, got {entry!r}")
        field += (int(k) - 1) * jump
        jump *= int(s)
    return int(field)
''',
    },
    'numerical_gradient': {
        'one-sided difference': '''def numerical_gradient(f, x, h=1e-5):
    if not isinstance(x, np.ndarray) or x.dtype.kind != "f":
        raise ValueError(f"numerical_gradient: x must be a float numpy array, got {type(x).__name__}")
    if not h > 0:
        raise ValueError(f"numerical_gradient: the step h must be positive, got {h!r}")
    grad = np.zeros(x.shape, dtype=np.float64)
    for idx in np.ndindex(x.shape):
        saved = x[idx]
        try:
            x[idx] = saved + h
            up = float(f(x))
            x[idx] = saved
            down = float(f(x))
        finally:
            x[idx] = saved
        grad[idx] = (up - down) / h
    return grad
''',
        'ignores the h argument': '''def numerical_gradient(f, x, h=1e-5):
    if not isinstance(x, np.ndarray) or x.dtype.kind != "f":
        raise ValueError(f"numerical_gradient: x must be a float numpy array, got {type(x).__name__}")
    if not h > 0:
        raise ValueError(f"numerical_gradient: the step h must be positive, got {h!r}")
    h = 1e-5
    grad = np.zeros(x.shape, dtype=np.float64)
    for idx in np.ndindex(x.shape):
        saved = x[idx]
        try:
            x[idx] = saved + h
            up = float(f(x))
            x[idx] = saved - h
            down = float(f(x))
        finally:
            x[idx] = saved
        grad[idx] = (up - down) / (2.0 * h)
    return grad
''',
        'does not restore x': '''def numerical_gradient(f, x, h=1e-5):
    if not isinstance(x, np.ndarray) or x.dtype.kind != "f":
        raise ValueError(f"numerical_gradient: x must be a float numpy array, got {type(x).__name__}")
    if not h > 0:
        raise ValueError(f"numerical_gradient: the step h must be positive, got {h!r}")
    grad = np.zeros(x.shape, dtype=np.float64)
    for idx in np.ndindex(x.shape):
        saved = x[idx]
        try:
            x[idx] = saved + h
            up = float(f(x))
            x[idx] = saved - h
            down = float(f(x))
        finally:
            pass
        grad[idx] = (up - down) / (2.0 * h)
    return grad
''',
    },
}
