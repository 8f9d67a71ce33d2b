# Logistic regression in numpy: the cross-entropy of sigmoid(X @ w + b). Separable data: the loss keeps falling slowly.
import numpy as np

X = np.array([[0.5, 1.0], [1.5, 2.0], [-1.0, -0.5], [-2.0, 0.5], [1.0, -1.5], [-0.5, -2.0]])
y = np.array([1.0, 1.0, 0.0, 0.0, 1.0, 0.0])


def loss(w=np.zeros(2), b=0.0):
    p = 1 / (1 + np.exp(-(X @ w + b)))
    return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
