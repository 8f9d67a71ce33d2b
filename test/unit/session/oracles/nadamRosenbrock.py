# PyTorch's own run of NAdam (lr 0.3, other settings default) on Rosenbrock from (-1.5, 2), in float64: the oracle for
# "a rise that recovers is not a divergence" in test/unit/session/stopRules.test.ts. Run with Debian's interpreter and
# torch 1.13: /usr/bin/python3 test/unit/session/oracles/nadamRosenbrock.py
# In torch 1.13 the single-tensor NAdam multiplies mu_t into mu_product_next twice (fixed in 2.0) and keeps mu_product
# as a float32 tensor; the multi-tensor path (foreach=True) has the 2.x formula, and a float64 default dtype keeps
# mu_product in float64, so this is the run PyTorch 2.x gives.
import torch

torch.set_default_dtype(torch.float64)
p = torch.tensor([-1.5, 2.0], requires_grad=True)
opt = torch.optim.NAdam([p], lr=0.3, foreach=True)
losses = []
for step in range(201):
    opt.zero_grad()
    loss = (1 - p[0]) ** 2 + 100 * (p[1] - p[0] ** 2) ** 2
    loss.backward()
    losses.append(loss.item())
    if step < 200:
        opt.step()
print("losses at 0, 44, 54, 200:", [repr(losses[k]) for k in (0, 44, 54, 200)])
print("max after step 30:", repr(max(losses[30:])), "at step", losses.index(max(losses[30:])))
print("point at 200:", [repr(v) for v in p.tolist()])
