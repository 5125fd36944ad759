"""Plausible wrong answers for notebook 02; each must fail at least one of its exercise's test cells."""

WRONG_ANSWERS = {
    "sigmoid": {
        "naive formula": '''def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-np.asarray(z, dtype=np.float64)))
''',
        "naive formula with the overflow warning silenced": '''def sigmoid(z):
    with np.errstate(over="ignore"):
        return 1.0 / (1.0 + np.exp(-np.asarray(z, dtype=np.float64)))
''',
        "np.where over two naive branches": '''def sigmoid(z):
    z = np.asarray(z, dtype=np.float64)
    with np.errstate(over="ignore", invalid="ignore"):
        return np.where(z >= 0, 1.0 / (1.0 + np.exp(-z)), np.exp(z) / (1.0 + np.exp(z)))
''',
        "negative branch as 1 - sigmoid(|z|)": '''def sigmoid(z):
    z = np.asarray(z, dtype=np.float64)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), 1.0 - 1.0 / (1.0 + e))
''',
        "exp(z) / (1 + exp(z)) everywhere": '''def sigmoid(z):
    z = np.asarray(z, dtype=np.float64)
    with np.errstate(over="ignore", invalid="ignore"):
        return np.exp(z) / (1.0 + np.exp(z))
''',
        "clips z to [-30, 30] first": '''def sigmoid(z):
    z = np.clip(np.asarray(z, dtype=np.float64), -30.0, 30.0)
    return 1.0 / (1.0 + np.exp(-z))
''',
        "branches swapped": '''def sigmoid(z):
    z = np.asarray(z, dtype=np.float64)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, e / (1.0 + e), 1.0 / (1.0 + e))
''',
        "tanh-based with a wrong scale": '''def sigmoid(z):
    z = np.asarray(z, dtype=np.float64)
    return 0.5 * (1.0 + np.tanh(z))
''',
    },
    "tanh": {
        "textbook fraction": '''def tanh(z):
    z = np.asarray(z, dtype=np.float64)
    with np.errstate(over="ignore", invalid="ignore"):
        return (np.exp(z) - np.exp(-z)) / (np.exp(z) + np.exp(-z))
''',
        "2 sigmoid(z) - 1 (z not doubled)": '''def tanh(z):
    z = np.asarray(z, dtype=np.float64)
    return 2.0 * sigmoid(z) - 1.0
''',
        "sigmoid(2z) without rescaling": '''def tanh(z):
    z = np.asarray(z, dtype=np.float64)
    return sigmoid(2.0 * z)
''',
        "minus one outside the factor": '''def tanh(z):
    z = np.asarray(z, dtype=np.float64)
    return 2.0 * (sigmoid(2.0 * z) - 1.0)
''',
    },
    "relu": {
        "returns ints for integer input": '''def relu(z):
    return np.maximum(np.asarray(z), 0)
''',
        "modifies the input in place": '''def relu(z):
    z = np.asarray(z)
    z[z < 0] = 0
    return z.astype(np.float64)
''',
        "returns the mask": '''def relu(z):
    return (np.asarray(z, dtype=np.float64) > 0).astype(np.float64)
''',
        "absolute value": '''def relu(z):
    return np.abs(np.asarray(z, dtype=np.float64))
''',
        "np.max instead of np.maximum": '''def relu(z):
    z = np.asarray(z, dtype=np.float64)
    return np.full_like(z, max(float(np.max(z)), 0.0))
''',
    },
    "leaky_relu": {
        "alpha on the positive side": '''def leaky_relu(z, alpha=0.01):
    if not 0 <= alpha < 1:
        raise ValueError("alpha")
    z = np.asarray(z, dtype=np.float64)
    return np.where(z > 0, alpha * z, z)
''',
        "alpha instead of alpha * z": '''def leaky_relu(z, alpha=0.01):
    if not 0 <= alpha < 1:
        raise ValueError("alpha")
    z = np.asarray(z, dtype=np.float64)
    return np.where(z > 0, z, alpha)
''',
        "ignores alpha": '''def leaky_relu(z, alpha=0.01):
    if not 0 <= alpha < 1:
        raise ValueError("alpha")
    z = np.asarray(z, dtype=np.float64)
    return np.where(z > 0, z, 0.01 * z)
''',
        "alpha check lets NaN through": '''def leaky_relu(z, alpha=0.01):
    if alpha < 0 or alpha >= 1:
        raise ValueError("alpha")
    z = np.asarray(z, dtype=np.float64)
    return np.where(z > 0, z, alpha * z)
''',
        "no alpha check": '''def leaky_relu(z, alpha=0.01):
    z = np.asarray(z, dtype=np.float64)
    return np.where(z > 0, z, alpha * z)
''',
    },
    "log_sigmoid": {
        "log of the sigmoid": '''def log_sigmoid(z):
    with np.errstate(divide="ignore"):
        return np.log(sigmoid(z))
''',
        "-log1p(exp(-z))": '''def log_sigmoid(z):
    z = np.asarray(z, dtype=np.float64)
    with np.errstate(over="ignore"):
        return -np.log1p(np.exp(-z))
''',
        "stable form but log instead of log1p": '''def log_sigmoid(z):
    z = np.asarray(z, dtype=np.float64)
    return np.minimum(z, 0.0) - np.log(1.0 + np.exp(-np.abs(z)))
''',
        "max instead of min": '''def log_sigmoid(z):
    z = np.asarray(z, dtype=np.float64)
    return -np.maximum(z, 0.0) - np.log1p(np.exp(-np.abs(z)))
''',
        "sign error": '''def log_sigmoid(z):
    z = np.asarray(z, dtype=np.float64)
    return np.minimum(z, 0.0) + np.log1p(np.exp(-np.abs(z)))
''',
        "log(1 + exp(-z)) with warnings silenced": '''def log_sigmoid(z):
    z = np.asarray(z, dtype=np.float64)
    with np.errstate(over="ignore"):
        return -np.log(1.0 + np.exp(-z))
''',
        "clips z to [-30, 30]": '''def log_sigmoid(z):
    z = np.clip(np.asarray(z, dtype=np.float64), -30.0, 30.0)
    return -np.log1p(np.exp(-z))
''',
        "softplus instead of log-sigmoid": '''def log_sigmoid(z):
    z = np.asarray(z, dtype=np.float64)
    return np.maximum(z, 0.0) + np.log1p(np.exp(-np.abs(z)))
''',
    },
    "softmax": {
        "no max subtraction": '''def softmax(z, axis=-1):
    z = np.asarray(z, dtype=np.float64)
    if z.ndim == 0 or not -z.ndim <= axis < z.ndim:
        raise ValueError("bad z or axis")
    with np.errstate(over="ignore", invalid="ignore"):
        e = np.exp(z)
        return e / e.sum(axis=axis, keepdims=True)
''',
        "global maximum": '''def softmax(z, axis=-1):
    z = np.asarray(z, dtype=np.float64)
    if z.ndim == 0 or not -z.ndim <= axis < z.ndim:
        raise ValueError("bad z or axis")
    e = np.exp(z - z.max())
    with np.errstate(invalid="ignore"):
        return e / e.sum(axis=axis, keepdims=True)
''',
        "sums over axis 0 always": '''def softmax(z, axis=-1):
    z = np.asarray(z, dtype=np.float64)
    if z.ndim == 0 or not -z.ndim <= axis < z.ndim:
        raise ValueError("bad z or axis")
    e = np.exp(z - z.max(axis=axis, keepdims=True))
    return e / e.sum(axis=0, keepdims=True)
''',
        "no keepdims": '''def softmax(z, axis=-1):
    z = np.asarray(z, dtype=np.float64)
    if z.ndim == 0 or not -z.ndim <= axis < z.ndim:
        raise ValueError("bad z or axis")
    e = np.exp(z - z.max(axis=axis))
    return e / e.sum(axis=axis)
''',
        "normalises by the sum of z": '''def softmax(z, axis=-1):
    z = np.asarray(z, dtype=np.float64)
    if z.ndim == 0 or not -z.ndim <= axis < z.ndim:
        raise ValueError("bad z or axis")
    e = np.exp(z - z.max(axis=axis, keepdims=True))
    return e / np.abs(z).sum(axis=axis, keepdims=True)
''',
        "subtracts the minimum": '''def softmax(z, axis=-1):
    z = np.asarray(z, dtype=np.float64)
    if z.ndim == 0 or not -z.ndim <= axis < z.ndim:
        raise ValueError("bad z or axis")
    with np.errstate(over="ignore", invalid="ignore"):
        e = np.exp(z - z.min(axis=axis, keepdims=True))
        return e / e.sum(axis=axis, keepdims=True)
''',
        "no validation": '''def softmax(z, axis=-1):
    z = np.atleast_1d(np.asarray(z, dtype=np.float64))
    axis = axis % z.ndim
    e = np.exp(z - z.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)
''',
    },
    "dense_forward": {
        "activation before the bias": '''def dense_forward(X, W, b, activation):
    X, W, b = (np.asarray(a, dtype=np.float64) for a in (X, W, b))
    if X.ndim != 2 or W.ndim != 2 or X.shape[1] != W.shape[0] or b.shape != (W.shape[1],):
        raise ValueError("bad shapes")
    return activation(X @ W) + b
''',
        "W transposed": '''def dense_forward(X, W, b, activation):
    X, W, b = (np.asarray(a, dtype=np.float64) for a in (X, W, b))
    if X.ndim != 2 or W.ndim != 2 or b.shape != (W.shape[1],):
        raise ValueError("bad shapes")
    if X.shape[1] != W.shape[0]:
        raise ValueError("bad shapes")
    return activation(X @ W.T + b)
''',
        "ignores the activation": '''def dense_forward(X, W, b, activation):
    X, W, b = (np.asarray(a, dtype=np.float64) for a in (X, W, b))
    if X.ndim != 2 or W.ndim != 2 or X.shape[1] != W.shape[0] or b.shape != (W.shape[1],):
        raise ValueError("bad shapes")
    return X @ W + b
''',
        "forgets the bias": '''def dense_forward(X, W, b, activation):
    X, W, b = (np.asarray(a, dtype=np.float64) for a in (X, W, b))
    if X.ndim != 2 or W.ndim != 2 or X.shape[1] != W.shape[0] or b.shape != (W.shape[1],):
        raise ValueError("bad shapes")
    return activation(X @ W)
''',
        "elementwise product": '''def dense_forward(X, W, b, activation):
    X, W, b = (np.asarray(a, dtype=np.float64) for a in (X, W, b))
    if X.ndim != 2 or W.ndim != 2 or X.shape[1] != W.shape[0] or b.shape != (W.shape[1],):
        raise ValueError("bad shapes")
    return activation((X[:, :, None] * W[None]).mean(axis=1) + b)
''',
        "no shape checks": '''def dense_forward(X, W, b, activation):
    return activation(np.asarray(X, dtype=np.float64) @ np.asarray(W, dtype=np.float64) + np.asarray(b, dtype=np.float64))
''',
        "accepts a 1-D X": '''def dense_forward(X, W, b, activation):
    X, W, b = (np.asarray(a, dtype=np.float64) for a in (X, W, b))
    X = np.atleast_2d(X)
    if W.ndim != 2 or X.shape[1] != W.shape[0] or b.shape != (W.shape[1],):
        raise ValueError("bad shapes")
    return activation(X @ W + b)
''',
    },
    "mlp_forward": {
        "returns only the last output": '''def mlp_forward(X, params, activations):
    params, activations = list(params), list(activations)
    if not params or len(params) != len(activations):
        raise ValueError("bad network")
    H = X
    for (W, b), act in zip(params, activations):
        H = dense_forward(H, W, b, act)
    return [H]
''',
        "includes X in the list": '''def mlp_forward(X, params, activations):
    params, activations = list(params), list(activations)
    if not params or len(params) != len(activations):
        raise ValueError("bad network")
    outputs = [np.asarray(X, dtype=np.float64)]
    for (W, b), act in zip(params, activations):
        outputs.append(dense_forward(outputs[-1], W, b, act))
    return outputs
''',
        "every layer reads X": '''def mlp_forward(X, params, activations):
    params, activations = list(params), list(activations)
    if not params or len(params) != len(activations):
        raise ValueError("bad network")
    outputs = []
    for (W, b), act in zip(params, activations):
        try:
            outputs.append(dense_forward(X, W, b, act))
        except ValueError:
            outputs.append(dense_forward(outputs[-1], W, b, act))
    return outputs
''',
        "activations in reverse order": '''def mlp_forward(X, params, activations):
    params, activations = list(params), list(activations)
    if not params or len(params) != len(activations):
        raise ValueError("bad network")
    outputs, H = [], X
    for (W, b), act in zip(params, activations[::-1]):
        H = dense_forward(H, W, b, act)
        outputs.append(H)
    return outputs
''',
        "the last activation everywhere": '''def mlp_forward(X, params, activations):
    params, activations = list(params), list(activations)
    if not params or len(params) != len(activations):
        raise ValueError("bad network")
    outputs, H = [], X
    for W, b in params:
        H = dense_forward(H, W, b, activations[-1])
        outputs.append(H)
    return outputs
''',
        "no validation": '''def mlp_forward(X, params, activations):
    outputs, H = [], X
    for (W, b), act in zip(params, activations):
        H = dense_forward(H, W, b, act)
        outputs.append(H)
    return outputs
''',
    },
    "xor_network": {
        "OR and AND swapped in the output": '''def xor_network():
    W1 = np.array([[1.0, 1.0], [1.0, 1.0]])
    b1 = np.array([-0.5, -1.5])
    W2 = np.array([[-1.0], [1.0]])
    b2 = np.array([-0.5])
    return [(W1, b1), (W2, b2)]
''',
        "an OR network": '''def xor_network():
    W1 = np.array([[1.0, 1.0], [1.0, 1.0]])
    b1 = np.array([-0.5, -1.5])
    W2 = np.array([[1.0], [0.0]])
    b2 = np.array([-0.5])
    return [(W1, b1), (W2, b2)]
''',
        "W2 as a row (1, 2)": '''def xor_network():
    W1 = np.array([[1.0, 1.0], [1.0, 1.0]])
    b1 = np.array([-0.5, -1.5])
    W2 = np.array([[1.0, -1.0]])
    b2 = np.array([-0.5])
    return [(W1, b1), (W2, b2)]
''',
        "output bias on the z = 0 edge": '''def xor_network():
    W1 = np.array([[1.0, 1.0], [1.0, 1.0]])
    b1 = np.array([-0.5, -1.5])
    W2 = np.array([[1.0], [-1.0]])
    b2 = np.array([0.0])
    return [(W1, b1), (W2, b2)]
''',
        "scalar output bias": '''def xor_network():
    W1 = np.array([[1.0, 1.0], [1.0, 1.0]])
    b1 = np.array([-0.5, -1.5])
    W2 = np.array([[1.0], [-1.0]])
    b2 = -0.5
    return [(W1, b1), (W2, b2)]
''',
    },
    "count_dense_params": {
        "without biases": '''def count_dense_params(layer_sizes):
    sizes = list(layer_sizes)
    if len(sizes) < 2 or any(isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1 for n in sizes):
        raise ValueError("bad sizes")
    return int(sum(a * b for a, b in zip(sizes[:-1], sizes[1:])))
''',
        "biases on the input side": '''def count_dense_params(layer_sizes):
    sizes = list(layer_sizes)
    if len(sizes) < 2 or any(isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1 for n in sizes):
        raise ValueError("bad sizes")
    return int(sum(a * b + a for a, b in zip(sizes[:-1], sizes[1:])))
''',
        "a bias for the input layer too": '''def count_dense_params(layer_sizes):
    sizes = list(layer_sizes)
    if len(sizes) < 2 or any(isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1 for n in sizes):
        raise ValueError("bad sizes")
    return int(sum(a * b for a, b in zip(sizes[:-1], sizes[1:])) + sum(sizes))
''',
        "returns a float": '''def count_dense_params(layer_sizes):
    sizes = list(layer_sizes)
    if len(sizes) < 2 or any(isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1 for n in sizes):
        raise ValueError("bad sizes")
    return float(sum(a * b + b for a, b in zip(sizes[:-1], sizes[1:])))
''',
        "product of all sizes": '''def count_dense_params(layer_sizes):
    sizes = list(layer_sizes)
    if len(sizes) < 2 or any(isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1 for n in sizes):
        raise ValueError("bad sizes")
    return int(np.prod(sizes) + sum(sizes[1:]))
''',
        "skips the last layer": '''def count_dense_params(layer_sizes):
    sizes = list(layer_sizes)
    if len(sizes) < 2 or any(isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1 for n in sizes):
        raise ValueError("bad sizes")
    return int(sum(a * b + b for a, b in zip(sizes[:-2], sizes[1:-1]))) or sizes[0] * sizes[1] + sizes[1]
''',
        "no validation": '''def count_dense_params(layer_sizes):
    sizes = list(layer_sizes)
    return int(sum(a * b + b for a, b in zip(sizes[:-1], sizes[1:])))
''',
        "accepts non-integer sizes": '''def count_dense_params(layer_sizes):
    sizes = list(layer_sizes)
    if len(sizes) < 2 or any(n < 1 for n in sizes):
        raise ValueError("bad sizes")
    return int(sum(a * b + b for a, b in zip(sizes[:-1], sizes[1:])))
''',
    },
}
