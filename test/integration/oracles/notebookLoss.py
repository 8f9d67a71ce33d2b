# The numbers test/integration/notebook.test.ts checks, by numpy: the notebook's loss, the mean of (w * X[i] + b - y[i])²
# at its start point (w = 1, b = 0), its gradient by the closed form (mean of 2 r x, mean of 2 r), one SGD step with
# lr 0.01, and the start value again after cell 2's last X becomes 5.
# Run with Debian's interpreter: /usr/bin/python3 test/integration/oracles/notebookLoss.py
import numpy as np

X = np.array([1.0, 2.0, 3.0, 4.0])
y = np.array([3.0, 5.0, 7.0, 10.0])
w, b, lr = 1.0, 0.0, 0.01
r = w * X + b - y
L = np.mean(r ** 2)
dw, db = np.mean(2 * r * X), np.mean(2 * r)
print("L(start):", repr(L))
print("gradient:", repr(dw), repr(db))
print("after one SGD step:", repr(w - lr * dw), repr(b - lr * db))
X2 = np.array([1.0, 2.0, 3.0, 5.0])
print("L(start) after the edit:", repr(np.mean((w * X2 + b - y) ** 2)))
