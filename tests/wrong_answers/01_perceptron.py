"""Plausible wrong answers for notebook 01; each must fail at least one of its exercise's test cells."""

_FIT_CHECKS = '''    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    if X.ndim != 2:
        raise ValueError("X must be 2-D")
    if y.shape != (X.shape[0],):
        raise ValueError("one label per row")
    if not np.all((y == 0) | (y == 1)):
        raise ValueError("labels 0 or 1")
    y = y.astype(int)
'''


def _fit(body, checks=_FIT_CHECKS):
    return "def perceptron_fit(X, y, lr=0.1, epochs=20, seed=0):\n" + checks + body


WRONG_ANSWERS = {
    "heaviside": {
        "> instead of >=": '''def heaviside(z):
    return (np.asarray(z) > 0).astype(int)
''',
        "np.heaviside returns floats": '''def heaviside(z):
    return np.heaviside(np.asarray(z, dtype=float), 1.0)
''',
        "returns booleans": '''def heaviside(z):
    return np.asarray(z) >= 0
''',
        "np.heaviside with 0.5 at zero": '''def heaviside(z):
    return np.heaviside(np.asarray(z, dtype=float), 0.5).astype(int)
''',
        "sign instead of step": '''def heaviside(z):
    return np.sign(np.asarray(z)).astype(int)
''',
        "python int for a scalar, list otherwise": '''def heaviside(z):
    if np.ndim(z) == 0:
        return int(z >= 0)
    return [int(v >= 0) for v in np.ravel(z)]
''',
    },
    "perceptron_predict": {
        "ignores the bias": '''def perceptron_predict(X, w, b):
    X = np.asarray(X, dtype=float)
    w = np.asarray(w, dtype=float)
    if X.ndim != 2 or w.shape != (X.shape[1],):
        raise ValueError("bad shapes")
    return heaviside(X @ w)
''',
        "> at z = 0": '''def perceptron_predict(X, w, b):
    X = np.asarray(X, dtype=float)
    w = np.asarray(w, dtype=float)
    if X.ndim != 2 or w.shape != (X.shape[1],):
        raise ValueError("bad shapes")
    return (X @ w + b > 0).astype(int)
''',
        "returns the pre-activation": '''def perceptron_predict(X, w, b):
    X = np.asarray(X, dtype=float)
    w = np.asarray(w, dtype=float)
    if X.ndim != 2 or w.shape != (X.shape[1],):
        raise ValueError("bad shapes")
    return X @ w + b
''',
        "returns a column (N, 1)": '''def perceptron_predict(X, w, b):
    X = np.asarray(X, dtype=float)
    w = np.asarray(w, dtype=float)
    if X.ndim != 2 or w.shape != (X.shape[1],):
        raise ValueError("bad shapes")
    return heaviside(X @ w[:, None] + b)
''',
        "bias subtracted": '''def perceptron_predict(X, w, b):
    X = np.asarray(X, dtype=float)
    w = np.asarray(w, dtype=float)
    if X.ndim != 2 or w.shape != (X.shape[1],):
        raise ValueError("bad shapes")
    return heaviside(X @ w - b)
''',
        "no shape checks": '''def perceptron_predict(X, w, b):
    return heaviside(np.asarray(X, dtype=float) @ np.asarray(w, dtype=float) + b)
''',
        "checks only that X is 2-D": '''def perceptron_predict(X, w, b):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2:
        raise ValueError("X must be 2-D")
    return heaviside(X @ np.asarray(w, dtype=float)[: X.shape[1]] + b)
''',
    },
    "logic_gate_weights": {
        "NAND equals AND": '''def logic_gate_weights(gate):
    table = {"AND": ([1.0, 1.0], -1.5), "OR": ([1.0, 1.0], -0.5), "NAND": ([1.0, 1.0], -1.5), "NOR": ([-1.0, -1.0], 0.5)}
    if gate not in table:
        raise ValueError(f"unknown gate {gate!r}")
    w, b = table[gate]
    return np.array(w), b
''',
        "AND on the z = 0 edge with > semantics": '''def logic_gate_weights(gate):
    table = {"AND": ([1.0, 1.0], -1.0), "OR": ([1.0, 1.0], -0.5), "NAND": ([-1.0, -1.0], 1.5), "NOR": ([-1.0, -1.0], 0.5)}
    if gate not in table:
        raise ValueError(f"unknown gate {gate!r}")
    w, b = table[gate]
    return np.array(w), b
''',
        "XOR gets weights": '''def logic_gate_weights(gate):
    table = {"AND": ([1.0, 1.0], -1.5), "OR": ([1.0, 1.0], -0.5), "NAND": ([-1.0, -1.0], 1.5),
             "NOR": ([-1.0, -1.0], 0.5), "XOR": ([1.0, 1.0], -0.5)}
    if gate not in table:
        raise ValueError(f"unknown gate {gate!r}")
    w, b = table[gate]
    return np.array(w), b
''',
        "NOR with the bias of OR": '''def logic_gate_weights(gate):
    table = {"AND": ([1.0, 1.0], -1.5), "OR": ([1.0, 1.0], -0.5), "NAND": ([-1.0, -1.0], 1.5), "NOR": ([-1.0, -1.0], -0.5)}
    if gate not in table:
        raise ValueError(f"unknown gate {gate!r}")
    w, b = table[gate]
    return np.array(w), b
''',
        "unknown gate returns None": '''def logic_gate_weights(gate):
    table = {"AND": ([1.0, 1.0], -1.5), "OR": ([1.0, 1.0], -0.5), "NAND": ([-1.0, -1.0], 1.5), "NOR": ([-1.0, -1.0], 0.5)}
    if gate == "XOR":
        raise ValueError("no single TLU computes XOR")
    if gate not in table:
        return None
    w, b = table[gate]
    return np.array(w), b
''',
        "w as a (2, 1) column": '''def logic_gate_weights(gate):
    table = {"AND": ([1.0, 1.0], -1.5), "OR": ([1.0, 1.0], -0.5), "NAND": ([-1.0, -1.0], 1.5), "NOR": ([-1.0, -1.0], 0.5)}
    if gate not in table:
        raise ValueError(f"unknown gate {gate!r}")
    w, b = table[gate]
    return np.array(w)[:, None], b
''',
    },
    "perceptron_fit": {
        "no shuffling": _fit('''    w, b, errs = np.zeros(X.shape[1]), 0.0, []
    for _ in range(epochs):
        e = 0
        for i in range(X.shape[0]):
            err = y[i] - int(X[i] @ w + b >= 0)
            if err:
                w = w + lr * err * X[i]
                b = b + lr * err
                e += 1
        errs.append(e)
        if e == 0:
            break
    return w, float(b), errs
'''),
        "unseeded shuffle": _fit('''    w, b, errs = np.zeros(X.shape[1]), 0.0, []
    for _ in range(epochs):
        e = 0
        for i in np.random.permutation(X.shape[0]):
            err = y[i] - int(X[i] @ w + b >= 0)
            if err:
                w = w + lr * err * X[i]
                b = b + lr * err
                e += 1
        errs.append(e)
        if e == 0:
            break
    return w, float(b), errs
'''),
        "new generator every epoch": _fit('''    w, b, errs = np.zeros(X.shape[1]), 0.0, []
    for _ in range(epochs):
        rng = np.random.default_rng(seed)
        e = 0
        for i in rng.permutation(X.shape[0]):
            err = y[i] - int(X[i] @ w + b >= 0)
            if err:
                w = w + lr * err * X[i]
                b = b + lr * err
                e += 1
        errs.append(e)
        if e == 0:
            break
    return w, float(b), errs
'''),
        "no early stop": _fit('''    rng = np.random.default_rng(seed)
    w, b, errs = np.zeros(X.shape[1]), 0.0, []
    for _ in range(epochs):
        e = 0
        for i in rng.permutation(X.shape[0]):
            err = y[i] - int(X[i] @ w + b >= 0)
            if err:
                w = w + lr * err * X[i]
                b = b + lr * err
                e += 1
        errs.append(e)
    return w, float(b), errs
'''),
        "bias never updated": _fit('''    rng = np.random.default_rng(seed)
    w, b, errs = np.zeros(X.shape[1]), 0.0, []
    for _ in range(epochs):
        e = 0
        for i in rng.permutation(X.shape[0]):
            err = y[i] - int(X[i] @ w + b >= 0)
            if err:
                w = w + lr * err * X[i]
                e += 1
        errs.append(e)
        if e == 0:
            break
    return w, float(b), errs
'''),
        "> instead of >= in the prediction": _fit('''    rng = np.random.default_rng(seed)
    w, b, errs = np.zeros(X.shape[1]), 0.0, []
    for _ in range(epochs):
        e = 0
        for i in rng.permutation(X.shape[0]):
            err = y[i] - int(X[i] @ w + b > 0)
            if err:
                w = w + lr * err * X[i]
                b = b + lr * err
                e += 1
        errs.append(e)
        if e == 0:
            break
    return w, float(b), errs
'''),
        "batch update with stale weights": _fit('''    rng = np.random.default_rng(seed)
    w, b, errs = np.zeros(X.shape[1]), 0.0, []
    for _ in range(epochs):
        order = rng.permutation(X.shape[0])
        pred = (X[order] @ w + b >= 0).astype(int)
        err = y[order] - pred
        w = w + lr * err @ X[order]
        b = b + lr * err.sum()
        e = int(np.count_nonzero(err))
        errs.append(e)
        if e == 0:
            break
    return w, float(b), errs
'''),
        "wrong sign in the update": _fit('''    rng = np.random.default_rng(seed)
    w, b, errs = np.zeros(X.shape[1]), 0.0, []
    for _ in range(epochs):
        e = 0
        for i in rng.permutation(X.shape[0]):
            err = int(X[i] @ w + b >= 0) - y[i]
            if err:
                w = w + lr * err * X[i]
                b = b + lr * err
                e += 1
        errs.append(e)
        if e == 0:
            break
    return w, float(b), errs
'''),
        "ignores the learning rate": _fit('''    rng = np.random.default_rng(seed)
    w, b, errs = np.zeros(X.shape[1]), 0.0, []
    for _ in range(epochs):
        e = 0
        for i in rng.permutation(X.shape[0]):
            err = y[i] - int(X[i] @ w + b >= 0)
            if err:
                w = w + err * X[i]
                b = b + err
                e += 1
        errs.append(e)
        if e == 0:
            break
    return w, float(b), errs
'''),
        "stops before recording the error-free epoch": _fit('''    rng = np.random.default_rng(seed)
    w, b, errs = np.zeros(X.shape[1]), 0.0, []
    for _ in range(epochs):
        e = 0
        for i in rng.permutation(X.shape[0]):
            err = y[i] - int(X[i] @ w + b >= 0)
            if err:
                w = w + lr * err * X[i]
                b = b + lr * err
                e += 1
        if e == 0:
            break
        errs.append(e)
    return w, float(b), errs
'''),
        "no label check": _fit('''    rng = np.random.default_rng(seed)
    w, b, errs = np.zeros(X.shape[1]), 0.0, []
    for _ in range(epochs):
        e = 0
        for i in rng.permutation(X.shape[0]):
            err = y[i] - int(X[i] @ w + b >= 0)
            if err:
                w = w + lr * err * X[i]
                b = b + lr * err
                e += 1
        errs.append(e)
        if e == 0:
            break
    return w, float(b), errs
''', checks='''    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    if X.ndim != 2 or y.shape != (X.shape[0],):
        raise ValueError("bad shapes")
    y = y.astype(int)
'''),
    },
    "standardize_features": {
        "test set scaled with its own statistics": '''def standardize_features(X_train, X_test):
    X_train = np.asarray(X_train, dtype=float)
    X_test = np.asarray(X_test, dtype=float)
    if X_train.ndim != 2 or X_test.ndim != 2 or X_test.shape[1] != X_train.shape[1]:
        raise ValueError("bad shapes")
    def z(A):
        s = A.std(axis=0)
        return (A - A.mean(axis=0)) / np.where(s == 0, 1.0, s)
    return z(X_train), z(X_test)
''',
        "statistics of train and test together": '''def standardize_features(X_train, X_test):
    X_train = np.asarray(X_train, dtype=float)
    X_test = np.asarray(X_test, dtype=float)
    if X_train.ndim != 2 or X_test.ndim != 2 or X_test.shape[1] != X_train.shape[1]:
        raise ValueError("bad shapes")
    both = np.vstack([X_train, X_test])
    m, s = both.mean(axis=0), both.std(axis=0)
    s = np.where(s == 0, 1.0, s)
    return (X_train - m) / s, (X_test - m) / s
''',
        "sample standard deviation (ddof=1)": '''def standardize_features(X_train, X_test):
    X_train = np.asarray(X_train, dtype=float)
    X_test = np.asarray(X_test, dtype=float)
    if X_train.ndim != 2 or X_test.ndim != 2 or X_test.shape[1] != X_train.shape[1]:
        raise ValueError("bad shapes")
    m, s = X_train.mean(axis=0), X_train.std(axis=0, ddof=1)
    s = np.where(s == 0, 1.0, s)
    return (X_train - m) / s, (X_test - m) / s
''',
        "no guard for a constant column": '''def standardize_features(X_train, X_test):
    X_train = np.asarray(X_train, dtype=float)
    X_test = np.asarray(X_test, dtype=float)
    if X_train.ndim != 2 or X_test.ndim != 2 or X_test.shape[1] != X_train.shape[1]:
        raise ValueError("bad shapes")
    m, s = X_train.mean(axis=0), X_train.std(axis=0)
    return (X_train - m) / s, (X_test - m) / s
''',
        "statistics per row": '''def standardize_features(X_train, X_test):
    X_train = np.asarray(X_train, dtype=float)
    X_test = np.asarray(X_test, dtype=float)
    if X_train.ndim != 2 or X_test.ndim != 2 or X_test.shape[1] != X_train.shape[1]:
        raise ValueError("bad shapes")
    def z(A):
        s = A.std(axis=1, keepdims=True)
        return (A - A.mean(axis=1, keepdims=True)) / np.where(s == 0, 1.0, s)
    return z(X_train), z(X_test)
''',
        "one mean and std for the whole array": '''def standardize_features(X_train, X_test):
    X_train = np.asarray(X_train, dtype=float)
    X_test = np.asarray(X_test, dtype=float)
    if X_train.ndim != 2 or X_test.ndim != 2 or X_test.shape[1] != X_train.shape[1]:
        raise ValueError("bad shapes")
    m, s = X_train.mean(), X_train.std() or 1.0
    return (X_train - m) / s, (X_test - m) / s
''',
        "only centres": '''def standardize_features(X_train, X_test):
    X_train = np.asarray(X_train, dtype=float)
    X_test = np.asarray(X_test, dtype=float)
    if X_train.ndim != 2 or X_test.ndim != 2 or X_test.shape[1] != X_train.shape[1]:
        raise ValueError("bad shapes")
    m = X_train.mean(axis=0)
    return X_train - m, X_test - m
''',
        "no check that the columns match": '''def standardize_features(X_train, X_test):
    X_train = np.asarray(X_train, dtype=float)
    X_test = np.asarray(X_test, dtype=float)
    m, s = X_train.mean(axis=0), X_train.std(axis=0)
    s = np.where(s == 0, 1.0, s)
    return (X_train - m) / s, (X_test - m[: X_test.shape[-1]]) / s[: X_test.shape[-1]]
''',
    },
}
