"""Plausible wrong answers for notebook 04; each must fail at least one test cell of its exercise."""

_PASTE_OK_ADAM = '''

def adam_step(params, grads, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    params, grads, m, v = (np.asarray(a, dtype=float) for a in (params, grads, m, v))
    m = beta1 * m + (1 - beta1) * grads
    v = beta2 * v + (1 - beta2) * grads ** 2
    alpha = lr * np.sqrt(1 - beta2 ** t) / (1 - beta1 ** t)
    return params - alpha * m / (np.sqrt(v) + eps), m, v
'''

_PASTE_OK_BATCHES = '''

def iterate_minibatches(X, y, batch_size, rng):
    X, y = np.asarray(X), np.asarray(y)
    order = rng.permutation(len(X))
    for start in range(0, len(X), batch_size):
        idx = order[start:start + batch_size]
        yield X[idx], y[idx]
'''

WRONG_ANSWERS = {
    "binary_cross_entropy": {
        "sum instead of mean": '''def binary_cross_entropy(p, y, eps=1e-12):
    p, y = np.asarray(p, dtype=float), np.asarray(y, dtype=float)
    if p.shape != y.shape or p.size == 0 or np.any((p < 0) | (p > 1)) or np.any((y < 0) | (y > 1)):
        raise ValueError("bad input")
    p = np.clip(p, eps, 1 - eps)
    return float(-np.sum(y * np.log(p) + (1 - y) * np.log(1 - p)))
''',
        "no clipping": '''def binary_cross_entropy(p, y, eps=1e-12):
    p, y = np.asarray(p, dtype=float), np.asarray(y, dtype=float)
    if p.shape != y.shape or p.size == 0 or np.any((p < 0) | (p > 1)) or np.any((y < 0) | (y > 1)):
        raise ValueError("bad input")
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
''',
        "clips the caller's array in place": '''def binary_cross_entropy(p, y, eps=1e-12):
    y = np.asarray(y, dtype=float)
    if p.shape != y.shape or p.size == 0 or np.any((p < 0) | (p > 1)) or np.any((y < 0) | (y > 1)):
        raise ValueError("bad input")
    np.clip(p, eps, 1 - eps, out=p)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
''',
        "ignores the eps argument": '''def binary_cross_entropy(p, y, eps=1e-12):
    p, y = np.asarray(p, dtype=float), np.asarray(y, dtype=float)
    if p.shape != y.shape or p.size == 0 or np.any((p < 0) | (p > 1)) or np.any((y < 0) | (y > 1)):
        raise ValueError("bad input")
    p = np.clip(p, 1e-12, 1 - 1e-12)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
''',
        "no shape check": '''def binary_cross_entropy(p, y, eps=1e-12):
    p, y = np.asarray(p, dtype=float), np.asarray(y, dtype=float)
    p = np.clip(p, eps, 1 - eps)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
''',
    },
    "sigmoid_backward": {
        "without (1 - s)": '''def sigmoid_backward(dA, Z):
    dA, Z = np.asarray(dA, dtype=float), np.asarray(Z, dtype=float)
    if dA.shape != Z.shape:
        raise ValueError("shapes differ")
    return dA * sigmoid(Z)
''',
        "derivative written with Z instead of sigmoid(Z)": '''def sigmoid_backward(dA, Z):
    dA, Z = np.asarray(dA, dtype=float), np.asarray(Z, dtype=float)
    if dA.shape != Z.shape:
        raise ValueError("shapes differ")
    return dA * Z * (1 - Z)
''',
    },
    "relu_backward": {
        "mask on dA instead of Z": '''def relu_backward(dA, Z):
    dA, Z = np.asarray(dA, dtype=float), np.asarray(Z, dtype=float)
    if dA.shape != Z.shape:
        raise ValueError("shapes differ")
    return np.where(dA > 0, dA, 0.0)
''',
        "gradient 1 at Z == 0": '''def relu_backward(dA, Z):
    dA, Z = np.asarray(dA, dtype=float), np.asarray(Z, dtype=float)
    if dA.shape != Z.shape:
        raise ValueError("shapes differ")
    return np.where(Z >= 0, dA, 0.0)
''',
        "zeroes dA in place": '''def relu_backward(dA, Z):
    if dA.shape != Z.shape:
        raise ValueError("shapes differ")
    dA[Z <= 0] = 0
    return dA
''',
    },
    "dense_backward": {
        "dW without the transpose (dZ.T @ A_prev)": '''def dense_backward(dZ, A_prev, W):
    dZ, A_prev, W = (np.asarray(a, dtype=float) for a in (dZ, A_prev, W))
    if dZ.ndim != 2 or A_prev.ndim != 2 or W.ndim != 2 or len(dZ) != len(A_prev) or W.shape != (A_prev.shape[1], dZ.shape[1]):
        raise ValueError("bad shapes")
    return dZ @ W.T, dZ.T @ A_prev, dZ.sum(axis=0)
''',
        "db not summed over the samples": '''def dense_backward(dZ, A_prev, W):
    dZ, A_prev, W = (np.asarray(a, dtype=float) for a in (dZ, A_prev, W))
    if dZ.ndim != 2 or A_prev.ndim != 2 or W.ndim != 2 or len(dZ) != len(A_prev) or W.shape != (A_prev.shape[1], dZ.shape[1]):
        raise ValueError("bad shapes")
    return dZ @ W.T, A_prev.T @ dZ, dZ
''',
        "db averaged instead of summed": '''def dense_backward(dZ, A_prev, W):
    dZ, A_prev, W = (np.asarray(a, dtype=float) for a in (dZ, A_prev, W))
    if dZ.ndim != 2 or A_prev.ndim != 2 or W.ndim != 2 or len(dZ) != len(A_prev) or W.shape != (A_prev.shape[1], dZ.shape[1]):
        raise ValueError("bad shapes")
    return dZ @ W.T, A_prev.T @ dZ, dZ.mean(axis=0)
''',
        "dW divided by N a second time": '''def dense_backward(dZ, A_prev, W):
    dZ, A_prev, W = (np.asarray(a, dtype=float) for a in (dZ, A_prev, W))
    if dZ.ndim != 2 or A_prev.ndim != 2 or W.ndim != 2 or len(dZ) != len(A_prev) or W.shape != (A_prev.shape[1], dZ.shape[1]):
        raise ValueError("bad shapes")
    return dZ @ W.T, A_prev.T @ dZ / len(dZ), dZ.sum(axis=0)
''',
        "dA_prev with W instead of W.T (works only when K == M)": '''def dense_backward(dZ, A_prev, W):
    dZ, A_prev, W = (np.asarray(a, dtype=float) for a in (dZ, A_prev, W))
    if dZ.ndim != 2 or A_prev.ndim != 2 or W.ndim != 2 or len(dZ) != len(A_prev) or W.shape != (A_prev.shape[1], dZ.shape[1]):
        raise ValueError("bad shapes")
    dA_prev = dZ @ W if W.shape[0] == W.shape[1] else (W @ dZ.T).T
    return dA_prev, A_prev.T @ dZ, dZ.sum(axis=0)
''',
        "no shape validation": '''def dense_backward(dZ, A_prev, W):
    dZ, A_prev, W = (np.asarray(a, dtype=float) for a in (dZ, A_prev, W))
    return dZ @ W.T, A_prev.T @ dZ, dZ.sum(axis=0)
''',
    },
    "forward_backward": {
        "forward_backward without 1/N": '''def forward_backward(params, X, y):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or params["W1"].shape[0] != X.shape[1] or np.size(y) != len(X):
        raise ValueError("bad shapes")
    y = np.asarray(y, dtype=float).reshape(-1, 1)
    Z1 = X @ params["W1"] + params["b1"]
    A1 = relu(Z1)
    Z2 = A1 @ params["W2"] + params["b2"]
    P = sigmoid(Z2)
    loss = binary_cross_entropy(P, y)
    dA1, dW2, db2 = dense_backward(P - y, A1, params["W2"])
    _, dW1, db1 = dense_backward(relu_backward(dA1, Z1), X, params["W1"])
    return loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}
''',
        "labels not reshaped to a column (P - y broadcasts to (N, N))": '''def forward_backward(params, X, y):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or params["W1"].shape[0] != X.shape[1] or np.size(y) != len(X):
        raise ValueError("bad shapes")
    y = np.asarray(y, dtype=float)
    Z1 = X @ params["W1"] + params["b1"]
    A1 = relu(Z1)
    P = sigmoid(A1 @ params["W2"] + params["b2"])
    loss = binary_cross_entropy(P, y.reshape(P.shape))
    dA1, dW2, db2 = dense_backward((P - y) / len(X), A1, params["W2"])
    _, dW1, db1 = dense_backward(relu_backward(dA1, Z1), X, params["W1"])
    return loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}
''',
        "hidden layer's ReLU mask forgotten": '''def forward_backward(params, X, y):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or params["W1"].shape[0] != X.shape[1] or np.size(y) != len(X):
        raise ValueError("bad shapes")
    y = np.asarray(y, dtype=float).reshape(-1, 1)
    Z1 = X @ params["W1"] + params["b1"]
    A1 = relu(Z1)
    P = sigmoid(A1 @ params["W2"] + params["b2"])
    loss = binary_cross_entropy(P, y)
    dA1, dW2, db2 = dense_backward((P - y) / len(X), A1, params["W2"])
    _, dW1, db1 = dense_backward(dA1, X, params["W1"])
    return loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}
''',
        "no validation of the shapes": '''def forward_backward(params, X, y):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float).reshape(-1, 1)
    Z1 = X @ params["W1"] + params["b1"]
    A1 = relu(Z1)
    P = sigmoid(A1 @ params["W2"] + params["b2"])
    loss = binary_cross_entropy(P, y)
    dA1, dW2, db2 = dense_backward((P - y) / len(X), A1, params["W2"])
    _, dW1, db1 = dense_backward(relu_backward(dA1, Z1), X, params["W1"])
    return loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}
''',
    },
    "numerical_gradient": {
        "one-sided numerical gradient": '''def numerical_gradient(f, x, h=1e-5):
    if not isinstance(x, np.ndarray) or x.dtype.kind != "f" or not h > 0:
        raise ValueError("bad input")
    grad = np.zeros(x.shape)
    f0 = float(f(x))
    for idx in np.ndindex(x.shape):
        old = x[idx]
        x[idx] = old + h
        grad[idx] = (float(f(x)) - f0) / h
        x[idx] = old
    return grad
''',
        "x restored by adding and subtracting h": '''def numerical_gradient(f, x, h=1e-5):
    if not isinstance(x, np.ndarray) or x.dtype.kind != "f" or not h > 0:
        raise ValueError("bad input")
    grad = np.zeros(x.shape)
    for idx in np.ndindex(x.shape):
        x[idx] += h
        f_plus = float(f(x))
        x[idx] -= 2 * h
        f_minus = float(f(x))
        x[idx] += h
        grad[idx] = (f_plus - f_minus) / (2 * h)
    return grad
''',
        "divides by h instead of 2h": '''def numerical_gradient(f, x, h=1e-5):
    if not isinstance(x, np.ndarray) or x.dtype.kind != "f" or not h > 0:
        raise ValueError("bad input")
    grad = np.zeros(x.shape)
    for idx in np.ndindex(x.shape):
        old = x[idx]
        x[idx] = old + h
        f_plus = float(f(x))
        x[idx] = old - h
        f_minus = float(f(x))
        x[idx] = old
        grad[idx] = (f_plus - f_minus) / h
    return grad
''',
        "no validation of x and h": '''def numerical_gradient(f, x, h=1e-5):
    grad = np.zeros(np.shape(x))
    for idx in np.ndindex(grad.shape):
        old = x[idx]
        x[idx] = old + h
        f_plus = float(f(x))
        x[idx] = old - h
        f_minus = float(f(x))
        x[idx] = old
        grad[idx] = (f_plus - f_minus) / (2 * h) if h else 0.0
    return grad
''',
    },
    "train_mlp": {
        "loss recorded after the update": '''def train_mlp(X, y, hidden=16, lr=0.1, epochs=200, seed=0):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if X.ndim != 2 or len(y) != len(X):
        raise ValueError("bad shapes")
    rng = np.random.default_rng(seed)
    D = X.shape[1]
    params = {"W1": rng.normal(0.0, np.sqrt(2.0 / D), size=(D, hidden))}
    params["W2"] = rng.normal(0.0, np.sqrt(2.0 / hidden), size=(hidden, 1))
    params["b1"], params["b2"] = np.zeros(hidden), np.zeros(1)
    losses = []
    for _ in range(epochs):
        _, grads = forward_backward(params, X, y)
        params = {k: params[k] - lr * grads[k] for k in params}
        losses.append(forward_backward(params, X, y)[0])
    return params, np.array(losses)
''',
        "gradient ascent (plus instead of minus)": '''def train_mlp(X, y, hidden=16, lr=0.1, epochs=200, seed=0):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if X.ndim != 2 or len(y) != len(X):
        raise ValueError("bad shapes")
    rng = np.random.default_rng(seed)
    D = X.shape[1]
    params = {"W1": rng.normal(0.0, np.sqrt(2.0 / D), size=(D, hidden))}
    params["W2"] = rng.normal(0.0, np.sqrt(2.0 / hidden), size=(hidden, 1))
    params["b1"], params["b2"] = np.zeros(hidden), np.zeros(1)
    losses = []
    for _ in range(epochs):
        loss, grads = forward_backward(params, X, y)
        losses.append(loss)
        params = {k: params[k] + lr * grads[k] for k in params}
    return params, np.array(losses)
''',
        "weights drawn in another order (W2 first)": '''def train_mlp(X, y, hidden=16, lr=0.1, epochs=200, seed=0):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if X.ndim != 2 or len(y) != len(X):
        raise ValueError("bad shapes")
    rng = np.random.default_rng(seed)
    D = X.shape[1]
    W2 = rng.normal(0.0, np.sqrt(2.0 / hidden), size=(hidden, 1))
    W1 = rng.normal(0.0, np.sqrt(2.0 / D), size=(D, hidden))
    params = {"W1": W1, "b1": np.zeros(hidden), "W2": W2, "b2": np.zeros(1)}
    losses = []
    for _ in range(epochs):
        loss, grads = forward_backward(params, X, y)
        losses.append(loss)
        params = {k: params[k] - lr * grads[k] for k in params}
    return params, np.array(losses)
''',
    },
    "tanh_backward": {
        "1 - tanh instead of 1 - tanh**2": '''def tanh_backward(dA, Z):
    dA, Z = np.asarray(dA, dtype=float), np.asarray(Z, dtype=float)
    if dA.shape != Z.shape:
        raise ValueError("shapes differ")
    return dA * (1 - np.tanh(Z))
''',
        "1 - Z**2 (the derivative written with Z)": '''def tanh_backward(dA, Z):
    dA, Z = np.asarray(dA, dtype=float), np.asarray(Z, dtype=float)
    if dA.shape != Z.shape:
        raise ValueError("shapes differ")
    return dA * (1 - Z ** 2)
''',
        "upstream gradient dA forgotten": '''def tanh_backward(dA, Z):
    dA, Z = np.asarray(dA, dtype=float), np.asarray(Z, dtype=float)
    if dA.shape != Z.shape:
        raise ValueError("shapes differ")
    return 1 - np.tanh(Z) ** 2
''',
        "no shape check": '''def tanh_backward(dA, Z):
    return np.asarray(dA, dtype=float) * (1 - np.tanh(np.asarray(Z, dtype=float)) ** 2)
''',
    },
    "leaky_relu_backward": {
        "mask on dA instead of Z": '''def leaky_relu_backward(dA, Z, alpha=0.01):
    dA, Z = np.asarray(dA, dtype=float), np.asarray(Z, dtype=float)
    if dA.shape != Z.shape or alpha < 0:
        raise ValueError("bad input")
    return np.where(dA > 0, dA, alpha * dA)
''',
        "slope 1 at Z == 0": '''def leaky_relu_backward(dA, Z, alpha=0.01):
    dA, Z = np.asarray(dA, dtype=float), np.asarray(Z, dtype=float)
    if dA.shape != Z.shape or alpha < 0:
        raise ValueError("bad input")
    return np.where(Z >= 0, dA, alpha * dA)
''',
        "the two slopes swapped": '''def leaky_relu_backward(dA, Z, alpha=0.01):
    dA, Z = np.asarray(dA, dtype=float), np.asarray(Z, dtype=float)
    if dA.shape != Z.shape or alpha < 0:
        raise ValueError("bad input")
    return np.where(Z > 0, alpha * dA, dA)
''',
        "plain ReLU backward (alpha ignored)": '''def leaky_relu_backward(dA, Z, alpha=0.01):
    dA, Z = np.asarray(dA, dtype=float), np.asarray(Z, dtype=float)
    if dA.shape != Z.shape or alpha < 0:
        raise ValueError("bad input")
    return np.where(Z > 0, dA, 0.0)
''',
        "no check of alpha": '''def leaky_relu_backward(dA, Z, alpha=0.01):
    dA, Z = np.asarray(dA, dtype=float), np.asarray(Z, dtype=float)
    if dA.shape != Z.shape:
        raise ValueError("bad input")
    return np.where(Z > 0, dA, alpha * dA)
''',
    },
    "l2_penalty": {
        "gradient lam * W (factor 2 missing)": '''def l2_penalty(weights, lam):
    if lam < 0:
        raise ValueError("lam < 0")
    return float(lam * sum(np.sum(np.square(W)) for W in weights)), [lam * np.asarray(W, dtype=float) for W in weights]
''',
        "penalty with 1/2 (lam/2 * sum W**2)": '''def l2_penalty(weights, lam):
    if lam < 0:
        raise ValueError("lam < 0")
    return float(lam / 2 * sum(np.sum(np.square(W)) for W in weights)), [lam * np.asarray(W, dtype=float) for W in weights]
''',
        "norm instead of squared norm": '''def l2_penalty(weights, lam):
    if lam < 0:
        raise ValueError("lam < 0")
    pen = float(lam * sum(np.linalg.norm(W) for W in weights))
    return pen, [lam * np.asarray(W, dtype=float) / np.linalg.norm(W) for W in weights]
''',
        "weights decayed in place": '''def l2_penalty(weights, lam):
    if lam < 0:
        raise ValueError("lam < 0")
    pen = float(lam * sum(np.sum(np.square(W)) for W in weights))
    for W in weights:
        W *= 2 * lam
    return pen, weights
''',
        "L1 instead of L2": '''def l2_penalty(weights, lam):
    if lam < 0:
        raise ValueError("lam < 0")
    return float(lam * sum(np.sum(np.abs(W)) for W in weights)), [lam * np.sign(W) for W in weights]
''',
        "no check of lam": '''def l2_penalty(weights, lam):
    return float(lam * sum(np.sum(np.square(W)) for W in weights)), [2 * lam * np.asarray(W, dtype=float) for W in weights]
''',
    },
    "softmax_cross_entropy": {
        "dZ without 1/N": '''def softmax_cross_entropy(Z, y):
    Z, y = np.asarray(Z, dtype=float), np.asarray(y)
    if Z.ndim != 2 or y.shape != (len(Z),) or np.any(y < 0) or np.any(y >= Z.shape[1]) or np.any(y != np.round(y)):
        raise ValueError("bad input")
    y = y.astype(int)
    S = Z - Z.max(axis=1, keepdims=True)
    P = np.exp(S) / np.exp(S).sum(axis=1, keepdims=True)
    loss = float(-np.mean(np.log(P[np.arange(len(Z)), y])))
    P[np.arange(len(Z)), y] -= 1
    return loss, P
''',
        "no max subtraction (overflows)": '''def softmax_cross_entropy(Z, y):
    Z, y = np.asarray(Z, dtype=float), np.asarray(y)
    if Z.ndim != 2 or y.shape != (len(Z),) or np.any(y < 0) or np.any(y >= Z.shape[1]) or np.any(y != np.round(y)):
        raise ValueError("bad input")
    y = y.astype(int)
    P = np.exp(Z) / np.exp(Z).sum(axis=1, keepdims=True)
    loss = float(-np.mean(np.log(P[np.arange(len(Z)), y])))
    P[np.arange(len(Z)), y] -= 1
    return loss, P / len(Z)
''',
        "dZ = softmax / N (one-hot not subtracted)": '''def softmax_cross_entropy(Z, y):
    Z, y = np.asarray(Z, dtype=float), np.asarray(y)
    if Z.ndim != 2 or y.shape != (len(Z),) or np.any(y < 0) or np.any(y >= Z.shape[1]) or np.any(y != np.round(y)):
        raise ValueError("bad input")
    y = y.astype(int)
    S = Z - Z.max(axis=1, keepdims=True)
    P = np.exp(S) / np.exp(S).sum(axis=1, keepdims=True)
    return float(-np.mean(np.log(P[np.arange(len(Z)), y]))), P / len(Z)
''',
        "softmax over the samples (axis 0)": '''def softmax_cross_entropy(Z, y):
    Z, y = np.asarray(Z, dtype=float), np.asarray(y)
    if Z.ndim != 2 or y.shape != (len(Z),) or np.any(y < 0) or np.any(y >= Z.shape[1]) or np.any(y != np.round(y)):
        raise ValueError("bad input")
    y = y.astype(int)
    S = Z - Z.max(axis=0, keepdims=True)
    P = np.exp(S) / np.exp(S).sum(axis=0, keepdims=True)
    loss = float(-np.mean(np.log(P[np.arange(len(Z)), y])))
    P[np.arange(len(Z)), y] -= 1
    return loss, P / len(Z)
''',
        "loss summed over samples": '''def softmax_cross_entropy(Z, y):
    Z, y = np.asarray(Z, dtype=float), np.asarray(y)
    if Z.ndim != 2 or y.shape != (len(Z),) or np.any(y < 0) or np.any(y >= Z.shape[1]) or np.any(y != np.round(y)):
        raise ValueError("bad input")
    y = y.astype(int)
    S = Z - Z.max(axis=1, keepdims=True)
    P = np.exp(S) / np.exp(S).sum(axis=1, keepdims=True)
    loss = float(-np.sum(np.log(P[np.arange(len(Z)), y])))
    P[np.arange(len(Z)), y] -= 1
    return loss, P / len(Z)
''',
        "naive log of a clipped softmax (loss wrong for extreme logits)": '''def softmax_cross_entropy(Z, y):
    Z, y = np.asarray(Z, dtype=float), np.asarray(y)
    if Z.ndim != 2 or y.shape != (len(Z),) or np.any(y < 0) or np.any(y >= Z.shape[1]) or np.any(y != np.round(y)):
        raise ValueError("bad input")
    y = y.astype(int)
    S = Z - Z.max(axis=1, keepdims=True)
    P = np.exp(S) / np.exp(S).sum(axis=1, keepdims=True)
    loss = float(-np.mean(np.log(np.clip(P[np.arange(len(Z)), y], 1e-12, 1.0))))
    P[np.arange(len(Z)), y] -= 1
    return loss, P / len(Z)
''',
        "no check of the labels": '''def softmax_cross_entropy(Z, y):
    Z, y = np.asarray(Z, dtype=float), np.asarray(y).astype(int).ravel()
    S = Z - Z.max(axis=-1, keepdims=True)
    P = np.exp(S) / np.exp(S).sum(axis=-1, keepdims=True)
    n = len(y)
    loss = float(-np.mean(np.log(P[np.arange(n), y % P.shape[-1]])))
    P[np.arange(n), y % P.shape[-1]] -= 1
    return loss, P / n
''',
    },
    "paste_from_03": {
        "pasted iterate_minibatches drops the last partial batch": '''def iterate_minibatches(X, y, batch_size, rng):
    X, y = np.asarray(X), np.asarray(y)
    order = rng.permutation(len(X))
    for start in range(0, len(X) - batch_size + 1, batch_size):
        idx = order[start:start + batch_size]
        yield X[idx], y[idx]
''' + _PASTE_OK_ADAM,
        "pasted adam_step without bias correction": _PASTE_OK_BATCHES + '''

def adam_step(params, grads, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    m = beta1 * m + (1 - beta1) * grads
    v = beta2 * v + (1 - beta2) * grads ** 2
    return params - lr * m / (np.sqrt(v) + eps), m, v
''',
        "pasted iterate_minibatches without shuffling": '''def iterate_minibatches(X, y, batch_size, rng):
    for start in range(0, len(X), batch_size):
        yield X[start:start + batch_size], y[start:start + batch_size]
''' + _PASTE_OK_ADAM,
    },
}
