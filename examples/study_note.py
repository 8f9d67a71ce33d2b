# The study note's example y = (x - 1)^2 + 1: from x = 5 the gradient is 8. Try lr 0.1, then 0.9, then 1.1 (diverges).


def loss(x=5.0):
    return (x - 1) ** 2 + 1
