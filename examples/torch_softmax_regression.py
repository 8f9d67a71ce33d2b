# Softmax regression as a PyTorch loss: F.cross_entropy with class indices. Try Adam with lr 0.1 against SGD with lr 0.5.
import torch
import torch.nn.functional as F

X = torch.tensor([[1.0, 2.0], [2.0, 0.5], [-1.0, 1.0], [-2.0, -1.0], [0.5, -2.0], [1.5, -1.0]])
y = torch.tensor([0, 0, 1, 1, 2, 2])


def loss(W=torch.zeros(2, 3, requires_grad=True), b=torch.zeros(3, requires_grad=True)):
    return F.cross_entropy(X @ W + b, y)
