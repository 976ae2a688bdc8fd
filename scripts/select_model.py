#!/usr/bin/env python3
"""Measure candidate colorizers on the validation split at full resolution (cached in runs/eval_cache), to choose the one
that ships; `--test` measures the named rows once on the test split.

Makes: a printed table, one row per candidate (ab MAE, ΔCF, their ratios to gray's, PSNR), and the per-photo CSVs in
runs/eval_cache (`scripts/evalkit.py`).
From: candidate generators (files, with a gain or a decoding) and the photos of `colorlab/assets/splits.csv`.
Read by: whoever chooses the colorizer that ships: the choice (the run and its decoding, T and calibrate) is what
`scripts/ship_model.py` ships and the model card (`colorlab/assets/model/MODEL_CARD.md`) states.

    python scripts/select_model.py 'S1=runs/S1/generator_l1.pth' 'S1 g1.4=runs/S1/generator_l1.pth:gain=1.4' ...

A candidate is NAME=PATH[:gain=G][:T=T,c=C][:s=SIZE]: `gain` multiplies a regression generator's a*b* (a vividness dial
chosen on validation, as T and calibrate are for the classes head); `s` is the working size `colorize` gives it (default:
the generator's own, its spec's `work_size` or training size). Names must differ where any of these do (they name the cache)."""
import argparse, sys
from pathlib import Path
import torch, torch.nn as nn
sys.path.insert(0, str(Path(__file__).parent))
from evalkit import split_files, measure
from colorlab.models import load_generator

class Gain(nn.Module):
    "A regression generator whose a*b* are multiplied by `gain` (clamped to the trained range)."
    def __init__(self, G, gain):
        super().__init__(); self.G, self.gain, self.n_down, self.train_size = G, gain, G.n_down, G.train_size
    def forward(self, L): return (self.G(L) * self.gain).clamp(-1, 1)

def make(path, gain=1., T=None, c=None, size=None):
    G = load_generator(path)
    if T is not None: G.T, G.calibrate = T, c
    if size: G.train_size = size
    return Gain(G, gain).eval() if gain != 1 else G

def parse(s):
    name, rest = s.split('=', 1)
    path, *opts = rest.split(':')
    kw = dict(o.split('=') for o in ','.join(opts).split(',') if o)
    return name, (path, float(kw.get('gain', 1)), float(kw['T']) if 'T' in kw else None, float(kw['c']) if 'c' in kw else None, int(kw['s']) if 's' in kw else None)

ap = argparse.ArgumentParser(); ap.add_argument('cands', nargs='+'); ap.add_argument('--test', action='store_true')
a = ap.parse_args()
torch.set_num_threads(1)
which = 'test' if a.test else 'valid'
r = measure(dict(map(parse, a.cands)), split_files()[which], which, make, Path('runs/eval_cache'), size=None)
print(r[['ab_mae', 'delta_cf', 'ab_vs_gray', 'dcf_vs_gray', 'psnr']].round(4).to_string(), flush=True)
