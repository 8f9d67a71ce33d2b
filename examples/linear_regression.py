# A line y = w*x + b fitted by mean squared error: lr 0.05 converges, 0.2 diverges. Try --batch-size 4 for mini-batch SGD.
xs = [0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0]
ys = [1.1, 2.9, 5.2, 7.1, 8.8, 11.2, 13.1, 14.9]


def loss(w=0.0, b=0.0):
    total = 0.0
    for x, y in zip(xs, ys):
        error = w * x + b - y
        total += error * error
    return total / len(xs)
