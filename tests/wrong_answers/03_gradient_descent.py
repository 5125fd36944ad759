"""Plausible wrong answers for notebook 03; each must fail at least one test cell of its exercise."""

WRONG_ANSWERS = {
    "mse": {
        "sum instead of mean": '''def mse(y_pred, y):
    y_pred, y = np.asarray(y_pred, dtype=float), np.asarray(y, dtype=float)
    if y_pred.shape != y.shape or y.size == 0:
        raise ValueError("mse: shapes differ or empty")
    return float(np.sum((y_pred - y) ** 2))
''',
        "mean absolute error": '''def mse(y_pred, y):
    y_pred, y = np.asarray(y_pred, dtype=float), np.asarray(y, dtype=float)
    if y_pred.shape != y.shape or y.size == 0:
        raise ValueError("mse: shapes differ or empty")
    return float(np.mean(np.abs(y_pred - y)))
''',
        "no shape check (broadcasts (N, 1) against (N,))": '''def mse(y_pred, y):
    return float(np.mean((np.asarray(y_pred, dtype=float) - np.asarray(y, dtype=float)) ** 2))
''',
        "compares lengths instead of shapes": '''def mse(y_pred, y):
    y_pred, y = np.asarray(y_pred, dtype=float), np.asarray(y, dtype=float)
    if len(y_pred) != len(y) or y.size == 0:
        raise ValueError("mse: lengths differ or empty")
    return float(np.mean((y_pred - y) ** 2))
''',
    },
    "mse_gradients": {
        "gradient sign flipped (target minus prediction, no minus)": '''def mse_gradients(x, y, m, b):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if x.ndim != 1 or x.shape != y.shape or x.size == 0:
        raise ValueError("bad shapes")
    e = y - (m * x + b)
    return float(2 * np.mean(e * x)), float(2 * np.mean(e))
''',
        "sum instead of mean": '''def mse_gradients(x, y, m, b):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if x.ndim != 1 or x.shape != y.shape or x.size == 0:
        raise ValueError("bad shapes")
    e = m * x + b - y
    return float(2 * np.sum(e * x)), float(2 * np.sum(e))
''',
        "factor 2 dropped": '''def mse_gradients(x, y, m, b):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if x.ndim != 1 or x.shape != y.shape or x.size == 0:
        raise ValueError("bad shapes")
    e = m * x + b - y
    return float(np.mean(e * x)), float(np.mean(e))
''',
        "the two gradients swapped": '''def mse_gradients(x, y, m, b):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if x.ndim != 1 or x.shape != y.shape or x.size == 0:
        raise ValueError("bad shapes")
    e = m * x + b - y
    return float(2 * np.mean(e)), float(2 * np.mean(e * x))
''',
    },
    "gradient_descent": {
        "loss recorded after the step": '''def gradient_descent(x, y, lr, epochs, m0=0.0, b0=0.0):
    if not lr > 0 or epochs < 0:
        raise ValueError("bad lr or epochs")
    m, b, losses = float(m0), float(b0), []
    for _ in range(epochs):
        dm, db = mse_gradients(x, y, m, b)
        m, b = m - lr * dm, b - lr * db
        losses.append(mse(m * np.asarray(x) + b, np.asarray(y, dtype=float)))
    return m, b, np.array(losses)
''',
        "m updated before the gradient for b is computed": '''def gradient_descent(x, y, lr, epochs, m0=0.0, b0=0.0):
    if not lr > 0 or epochs < 0:
        raise ValueError("bad lr or epochs")
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    m, b, losses = float(m0), float(b0), []
    for _ in range(epochs):
        losses.append(mse(m * x + b, y))
        m = m - lr * mse_gradients(x, y, m, b)[0]
        b = b - lr * mse_gradients(x, y, m, b)[1]
    return m, b, np.array(losses)
''',
        "steps uphill (plus instead of minus)": '''def gradient_descent(x, y, lr, epochs, m0=0.0, b0=0.0):
    if not lr > 0 or epochs < 0:
        raise ValueError("bad lr or epochs")
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    m, b, losses = float(m0), float(b0), []
    for _ in range(epochs):
        losses.append(mse(m * x + b, y))
        dm, db = mse_gradients(x, y, m, b)
        m, b = m + lr * dm, b + lr * db
    return m, b, np.array(losses)
''',
        "no validation of lr and epochs": '''def gradient_descent(x, y, lr, epochs, m0=0.0, b0=0.0):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    m, b, losses = float(m0), float(b0), []
    for _ in range(max(int(epochs), 0)):
        losses.append(mse(m * x + b, y))
        dm, db = mse_gradients(x, y, m, b)
        m, b = m - lr * dm, b - lr * db
    return m, b, np.array(losses)
''',
    },
    "iterate_minibatches": {
        "drops the last partial batch": '''def iterate_minibatches(X, y, batch_size, rng):
    X, y = np.asarray(X), np.asarray(y)
    if len(X) != len(y) or batch_size < 1:
        raise ValueError("bad input")
    order = rng.permutation(len(X))
    for start in range(0, len(X) - batch_size + 1, batch_size):
        idx = order[start:start + batch_size]
        yield X[idx], y[idx]
''',
        "samples with replacement (repeats samples)": '''def iterate_minibatches(X, y, batch_size, rng):
    X, y = np.asarray(X), np.asarray(y)
    if len(X) != len(y) or batch_size < 1:
        raise ValueError("bad input")
    n = len(X)
    for start in range(0, n, batch_size):
        idx = rng.integers(0, n, size=min(batch_size, n - start))
        yield X[idx], y[idx]
''',
        "no shuffling": '''def iterate_minibatches(X, y, batch_size, rng):
    X, y = np.asarray(X), np.asarray(y)
    if len(X) != len(y) or batch_size < 1:
        raise ValueError("bad input")
    for start in range(0, len(X), batch_size):
        yield X[start:start + batch_size], y[start:start + batch_size]
''',
        "X and y shuffled with different permutations": '''def iterate_minibatches(X, y, batch_size, rng):
    X, y = np.asarray(X), np.asarray(y)
    if len(X) != len(y) or batch_size < 1:
        raise ValueError("bad input")
    ox, oy = rng.permutation(len(X)), rng.permutation(len(y))
    for start in range(0, len(X), batch_size):
        yield X[ox[start:start + batch_size]], y[oy[start:start + batch_size]]
''',
        "shuffles with the global np.random, not rng": '''def iterate_minibatches(X, y, batch_size, rng):
    X, y = np.asarray(X), np.asarray(y)
    if len(X) != len(y) or batch_size < 1:
        raise ValueError("bad input")
    order = np.random.permutation(len(X))
    for start in range(0, len(X), batch_size):
        idx = order[start:start + batch_size]
        yield X[idx], y[idx]
''',
        "shuffles the caller's arrays in place": '''def iterate_minibatches(X, y, batch_size, rng):
    if len(X) != len(y) or batch_size < 1:
        raise ValueError("bad input")
    state = rng.bit_generator.state
    rng.shuffle(X)
    rng.bit_generator.state = state
    rng.shuffle(y)
    for start in range(0, len(X), batch_size):
        yield X[start:start + batch_size], y[start:start + batch_size]
''',
        "no validation of batch_size": '''def iterate_minibatches(X, y, batch_size, rng):
    X, y = np.asarray(X), np.asarray(y)
    if len(X) != len(y):
        raise ValueError("bad input")
    order = rng.permutation(len(X))
    for start in range(0, len(X), max(int(batch_size), 1)):
        idx = order[start:start + max(int(batch_size), 1)]
        yield X[idx], y[idx]
''',
    },
    "momentum_step": {
        "velocity not returned (the input velocity is given back)": '''def momentum_step(params, grads, velocity, lr, beta=0.9):
    params, grads, velocity = (np.asarray(a, dtype=float) for a in (params, grads, velocity))
    if not params.shape == grads.shape == velocity.shape or not 0 <= beta < 1:
        raise ValueError("bad input")
    new_velocity = beta * velocity - lr * grads
    return params + new_velocity, velocity
''',
        "beta applied to the gradient": '''def momentum_step(params, grads, velocity, lr, beta=0.9):
    params, grads, velocity = (np.asarray(a, dtype=float) for a in (params, grads, velocity))
    if not params.shape == grads.shape == velocity.shape or not 0 <= beta < 1:
        raise ValueError("bad input")
    velocity = velocity - lr * beta * grads
    return params + velocity, velocity
''',
        "params moved with the old velocity": '''def momentum_step(params, grads, velocity, lr, beta=0.9):
    params, grads, velocity = (np.asarray(a, dtype=float) for a in (params, grads, velocity))
    if not params.shape == grads.shape == velocity.shape or not 0 <= beta < 1:
        raise ValueError("bad input")
    new_params = params + velocity
    return new_params, beta * velocity - lr * grads
''',
        "updates the caller's arrays in place": '''def momentum_step(params, grads, velocity, lr, beta=0.9):
    if not params.shape == grads.shape == velocity.shape or not 0 <= beta < 1:
        raise ValueError("bad input")
    velocity *= beta
    velocity -= lr * grads
    params += velocity
    return params, velocity
''',
        "PyTorch convention (velocity accumulates +g)": '''def momentum_step(params, grads, velocity, lr, beta=0.9):
    params, grads, velocity = (np.asarray(a, dtype=float) for a in (params, grads, velocity))
    if not params.shape == grads.shape == velocity.shape or not 0 <= beta < 1:
        raise ValueError("bad input")
    velocity = beta * velocity + grads
    return params - lr * velocity, velocity
''',
    },
    "adam_step": {
        "no bias correction": '''def adam_step(params, grads, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    params, grads, m, v = (np.asarray(a, dtype=float) for a in (params, grads, m, v))
    if not params.shape == grads.shape == m.shape == v.shape or t < 1:
        raise ValueError("bad input")
    m = beta1 * m + (1 - beta1) * grads
    v = beta2 * v + (1 - beta2) * grads ** 2
    return params - lr * m / (np.sqrt(v) + eps), m, v
''',
        "eps inside the square root": '''def adam_step(params, grads, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    params, grads, m, v = (np.asarray(a, dtype=float) for a in (params, grads, m, v))
    if not params.shape == grads.shape == m.shape == v.shape or t < 1:
        raise ValueError("bad input")
    m = beta1 * m + (1 - beta1) * grads
    v = beta2 * v + (1 - beta2) * grads ** 2
    alpha = lr * np.sqrt(1 - beta2 ** t) / (1 - beta1 ** t)
    return params - alpha * m / np.sqrt(v + eps), m, v
''',
        "eps added to the corrected sqrt(v_hat) (Algorithm 1)": '''def adam_step(params, grads, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    params, grads, m, v = (np.asarray(a, dtype=float) for a in (params, grads, m, v))
    if not params.shape == grads.shape == m.shape == v.shape or t < 1:
        raise ValueError("bad input")
    m = beta1 * m + (1 - beta1) * grads
    v = beta2 * v + (1 - beta2) * grads ** 2
    m_hat, v_hat = m / (1 - beta1 ** t), v / (1 - beta2 ** t)
    return params - lr * m_hat / (np.sqrt(v_hat) + eps), m, v
''',
        "t shifted by one (t + 1 in the correction)": '''def adam_step(params, grads, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    params, grads, m, v = (np.asarray(a, dtype=float) for a in (params, grads, m, v))
    if not params.shape == grads.shape == m.shape == v.shape or t < 1:
        raise ValueError("bad input")
    m = beta1 * m + (1 - beta1) * grads
    v = beta2 * v + (1 - beta2) * grads ** 2
    alpha = lr * np.sqrt(1 - beta2 ** (t + 1)) / (1 - beta1 ** (t + 1))
    return params - alpha * m / (np.sqrt(v) + eps), m, v
''',
        "returns the bias-corrected averages as the new state": '''def adam_step(params, grads, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    params, grads, m, v = (np.asarray(a, dtype=float) for a in (params, grads, m, v))
    if not params.shape == grads.shape == m.shape == v.shape or t < 1:
        raise ValueError("bad input")
    m = (beta1 * m + (1 - beta1) * grads) / (1 - beta1 ** t)
    v = (beta2 * v + (1 - beta2) * grads ** 2) / (1 - beta2 ** t)
    return params - lr * m / (np.sqrt(v) + eps), m, v
''',
        "|g| instead of g**2 in v": '''def adam_step(params, grads, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    params, grads, m, v = (np.asarray(a, dtype=float) for a in (params, grads, m, v))
    if not params.shape == grads.shape == m.shape == v.shape or t < 1:
        raise ValueError("bad input")
    m = beta1 * m + (1 - beta1) * grads
    v = beta2 * v + (1 - beta2) * np.abs(grads)
    alpha = lr * np.sqrt(1 - beta2 ** t) / (1 - beta1 ** t)
    return params - alpha * m / (np.sqrt(v) + eps), m, v
''',
        "no validation of t": '''def adam_step(params, grads, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    params, grads, m, v = (np.asarray(a, dtype=float) for a in (params, grads, m, v))
    if not params.shape == grads.shape == m.shape == v.shape:
        raise ValueError("bad input")
    m = beta1 * m + (1 - beta1) * grads
    v = beta2 * v + (1 - beta2) * grads ** 2
    alpha = lr * np.sqrt(1 - beta2 ** t) / (1 - beta1 ** t)
    return params - alpha * m / (np.sqrt(v) + eps), m, v
''',
    },
}
