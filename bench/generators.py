#!/usr/bin/env python3
"""Benchmark: a training step of the colorizer that ships (lesson 5's EfficientNet-Lite0 `DynamicUnet` with lesson 6b's
classes head) against the one it replaced (the pix2pix U-Net of lesson 4 with 32 filters and the classes head) and the
pix2pix U-Net of the reference recipe (64 filters, a*b* head), at the same size and batch, in the same run.

A step is a forward pass, the loss (the rebalanced class loss, or L1), the backward pass and an AdamW update: what
scripts/train_gpu.py does. Prints seconds per step, images per second, the ratio against the old shipped U-Net, the
parameters of each, and the Lite0 U-Net's step with its pretrained body frozen (the first stage of `fine_tune`).
Usage: python bench/generators.py [--size 128] [--bs 16] [--steps 4] [--threads 2] [--device cpu]"""
import argparse, time, warnings
import torch

p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
p.add_argument('--size', type=int, default=128); p.add_argument('--bs', type=int, default=16)
p.add_argument('--steps', type=int, default=4); p.add_argument('--threads', type=int, default=2); p.add_argument('--device', default='cpu')
a = p.parse_args()
torch.set_num_threads(a.threads); warnings.simplefilter('ignore')
from colorlab.core import set_seed
from colorlab.models import make_generator
from colorlab.classes import class_loss

dev = torch.device(a.device)
set_seed(0)
L, ab = torch.rand(a.bs, 1, a.size, a.size, device=dev) * 2 - 1, (torch.rand(a.bs, 2, a.size, a.size, device=dev) - 0.5) * 0.6
specs = {'old shipped U-Net (unet, nf 32, classes)': dict(arch='unet', size=a.size, nf=32, head='classes'),
         'pix2pix U-Net (unet, nf 64, ab)': dict(arch='unet', size=a.size, nf=64),
         'shipped Lite0 U-Net (lite0, classes)': dict(arch='lite0', size=a.size, head='classes'),
         'shipped Lite0 U-Net, body frozen': dict(arch='lite0', size=a.size, head='classes')}

def seconds_per_step(name, spec):
    G = make_generator(**spec).to(dev).train()
    if 'frozen' in name:
        for q in G.unet[0].parameters(): q.requires_grad_(False)
    opt = torch.optim.AdamW([q for q in G.parameters() if q.requires_grad], 1e-3)
    def step():
        loss = class_loss(G.logits(L), ab, G.centers) if spec.get('head') == 'classes' else (G(L) - ab).abs().mean()
        opt.zero_grad(); loss.backward(); opt.step()
    step()  # warm-up
    if dev.type == 'cuda': torch.cuda.synchronize()
    t = time.perf_counter()
    for _ in range(a.steps): step()
    if dev.type == 'cuda': torch.cuda.synchronize()
    return (time.perf_counter() - t) / a.steps, sum(q.numel() for q in G.parameters())

res = {k: seconds_per_step(k, s) for k, s in specs.items()}
base = res['old shipped U-Net (unet, nf 32, classes)'][0]
print(f"training step at {a.size}×{a.size}, batch {a.bs}, {a.threads} threads on {dev}:")
for k, (s, n) in res.items():
    print(f"  {k:42} {n / 1e6:6.2f} M weights  {s:6.2f} s/step  {a.bs / s:6.1f} images/s  {s / base:5.2f}× the old shipped U-Net's time")
