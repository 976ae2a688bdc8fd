#!/usr/bin/env python3
"""Compare generators on the held-out photos of a run (or on one split of a splits file), at full resolution, against the gray baseline.

Makes: a table, one row per generator (PSNR, ab MAE, ΔCF, and their ratios to gray's), printed and written to `--out` (CSV).
From: generators (run folders, checkpoints, generator.pth, or an interpolation of two) and photos (the run's `valid_files`,
or one split of `--splits`; found in the bundled sample or `--corpus`).
Read by: `scripts/ship_model.py --recipes`, which ships the table as `colorlab/assets/model/recipes.csv`: the recipe table of
the shipped colorizer's model card (`colorlab/assets/model/MODEL_CARD.md`) and of lesson 8 (metrics).

    python scripts/compare_runs.py --splits colorlab/assets/splits.csv --split valid --corpus ../shared/data/corpus --out valid.csv \\
        "S1: L1 only=runs/S1/generator_l1.pth" "R3=runs/R3"
    python scripts/compare_runs.py --config runs/A/config.json --corpus ../shared/data/corpus --out recipes.csv \\
        "A: L1 only=runs/A/generator_l1.pth" "A: GAN epoch 25=runs/A/generators/epoch_025.pth" \\
        "C: 0.5=runs/A/generator_l1.pth~runs/C/generator.pth@0.5"

Each argument is `LABEL=PATH` (a run folder, checkpoint or generator.pth) or `LABEL=PATH0~PATH1@ALPHA` (the network
interpolation (1 − ALPHA)·G0 + ALPHA·G1, `colorlab.models.interpolate_generators`), optionally followed by
`#T=0.38,calibrate=0.5`: the decoding settings of a 'classes' generator (lesson 6b), set before it colorizes. Every photo is colorized at its own size
(`colorize`, the generators' training size); prints and writes one row per generator: PSNR, ab MAE and ΔCF, with the ratios
of ab MAE and ΔCF to the gray baseline's."""
import argparse, json
from pathlib import Path
import pandas as pd
from colorlab.core import sample_photos_path
from colorlab.models import load_generator, interpolate_generators
from colorlab.metrics import evaluate, summarize

ap = argparse.ArgumentParser()
ap.add_argument('specs', nargs='+'); ap.add_argument('--config', default=None); ap.add_argument('--corpus', default=None)
ap.add_argument('--splits', default=None); ap.add_argument('--split', default='valid', choices=['train', 'valid', 'test'])
ap.add_argument('--size', type=int, default=None, help='working size (default: the run\'s training size)')
ap.add_argument('--out', default=None)
a = ap.parse_args()

def resolve(name):
    for d in (sample_photos_path(), a.corpus):
        if d and (Path(d)/name).exists(): return Path(d)/name
    raise FileNotFoundError(name)

def generator(spec):
    spec, _, opts = spec.partition('#')
    G = _generator(spec)
    for kv in filter(None, opts.split(',')):
        k, v = kv.split('=')
        if k not in ('T', 'calibrate') or not hasattr(G, k): raise ValueError(f"{kv}: only T and calibrate, of a 'classes' generator")
        setattr(G, k, float(v))
    return G

def _generator(spec):
    if '~' not in spec: return load_generator(spec)
    pair, alpha = spec.rsplit('@', 1)
    p0, p1 = pair.split('~')
    return interpolate_generators(load_generator(p0), load_generator(p1), float(alpha))

if a.splits:
    from colorlab.data import read_splits
    files = [resolve(n) for n, s in read_splits(a.splits).items() if s == a.split]
    size = a.size or 128  # the shipped model's working size
else:
    cfg = json.loads(Path(a.config).read_text())
    files, size = [resolve(Path(f).name) for f in cfg['valid_files']], a.size or cfg['size']
models = {'gray (ab = 0)': None, **{s.split('=', 1)[0]: generator(s.split('=', 1)[1]) for s in a.specs}}
s = summarize(evaluate(models, files, size=size, full=True))
g = s.loc['gray (ab = 0)']
s = s.assign(ab_mae_vs_gray=s.ab_mae / g.ab_mae, delta_cf_vs_gray=s.delta_cf / g.delta_cf, photos=len(files))
df = s[['photos', 'psnr', 'ab_mae', 'ab_mae_vs_gray', 'cf', 'delta_cf', 'delta_cf_vs_gray']].round(3).reset_index()
print(df.to_string(index=False))
if a.out: df.to_csv(a.out, index=False)
