#!/usr/bin/env python3
"""The recipe table of issue 19 (lesson 8): every run of scripts/gan_recipes.sh, and the class-loss run F, measured at full
resolution on the validation split, each at the epoch (and, for F, the decoding) that validation prefers; then each chosen
row once on the test split, which chose nothing.

Makes: `--out` (recipes.csv: one row per run, as chosen on validation, with its test figures) and recipes_all_valid.csv
(every measurement on validation), copied by hand to `colorlab/assets/gan_search/`.
From: the run folders of scripts/gan_recipes.sh (runs/S1, runs/G_*, runs/F) and the splits of `colorlab/assets/splits.csv`,
measured by `scripts/evalkit.py` (cached in runs/eval_cache).
Read by: lesson 8 (metrics, "Can a GAN phase help on few photos?"), from `colorlab/assets/gan_search/`.

    python scripts/recipe_table.py --corpus ../shared/data/corpus --out runs/recipes.csv   # then copied, with recipes_all_valid.csv, to colorlab/assets/gan_search/

Each GAN run is measured after its first and second epochs (the later epochs of the first runs were only less accurate),
and halfway between S1 and its last of these (the network interpolation of lesson 6c, α = 0.5). A GAN run's epoch is chosen as the validation-best by the issue's own rule: the lowest colorfulness gap (ΔCF) among its
epochs whose ab error is at most 2 % above its starting generator's (S1's L1 generator); if none is, the lowest ab error.
A row "helps" when its ΔCF is at least 15 % below the starting generator's with ab error at most 2 % above it."""
import argparse, json
from pathlib import Path
import pandas as pd
from colorlab.models import load_generator, interpolate_generators
from evalkit import split_files, measure as _measure

ap = argparse.ArgumentParser()
ap.add_argument('--corpus', default='../shared/data/corpus'); ap.add_argument('--splits', default='colorlab/assets/splits.csv')
ap.add_argument('--runs', default='runs'); ap.add_argument('--out', default='recipes.csv'); ap.add_argument('--size', type=int, default=128)
ap.add_argument('--decodings', default='0.2:0.55,0.3:0.3,0.38:0,0.3:0,0.2:0.3', help="T:calibrate pairs tried on F's generators")
a = ap.parse_args()
R = Path(a.runs)
files = split_files(a.splits, a.corpus)
measure = lambda models, which: _measure(models, files[which], which, gen, R/'eval_cache', a.size)

def gen(path, T=None, calibrate=None, alpha=None):
    "A generator: a file, a classes generator decoded at (T, calibrate), or the interpolation (1 − α)·S1 + α·file (lesson 6c)."
    G = load_generator(path)
    if T is not None: G.T, G.calibrate = T, calibrate
    if alpha is not None: G = interpolate_generators(load_generator(R/'S1'/'generator_l1.pth'), G, alpha)
    return G

cands = {'S1 (L1 only, 20 epochs)': (R/'S1'/'generator_l1.pth', None, None)}
for run in sorted(R.glob('G_*')):
    if (R/f'{run.name}.done').exists():
        kept = sorted((run/'generators').glob('epoch_*.pth'))[:2]
        for p in kept: cands[f'{run.name} e{int(p.stem[6:])}'] = (p, None, None)
        cands[f'{run.name} e{len(kept)} α0.5'] = (kept[-1], None, None, 0.5)  # halfway back to S1 (lesson 6c)
if (R/'F.done').exists():
    for d in a.decodings.split(','):
        T, c = map(float, d.split(':')); cands[f'F T{T:g} c{c:g}'] = (R/'F'/'generator.pth', T, c)
val = measure(cands, 'valid')
print(val.round(3).to_string(), flush=True)
base = val.loc['S1 (L1 only, 20 epochs)']
def choose(rows):
    ok = rows[rows.ab_mae <= 1.02 * base.ab_mae]
    return (ok.delta_cf.idxmin() if len(ok) else rows.ab_mae.idxmin())
groups = {}
for k in val.index.drop('gray'): groups.setdefault(k.split()[0] + (' α' if 'α' in k else '') if k[:2] in ('G_', 'F ') else k, []).append(k)
chosen = {g: choose(val.loc[ks]) for g, ks in groups.items()}
test = measure({k: cands[k] for k in chosen.values()}, 'test')
rows = []
for g, k in chosen.items():
    v, t = val.loc[k], test.loc[k]
    name = g.split()[0]
    cmd = (R/f'{name}.cmd').read_text().strip()
    rows.append(dict(run=g, chosen=k, command=cmd, valid_ab_mae=v.ab_mae, valid_ab_vs_gray=v.ab_vs_gray, valid_delta_cf=v.delta_cf,
                     valid_dcf_vs_gray=v.dcf_vs_gray, valid_vs_start_ab=v.ab_mae / base.ab_mae, valid_vs_start_dcf=v.delta_cf / base.delta_cf,
                     helps=bool(v.ab_mae <= 1.02 * base.ab_mae and v.delta_cf <= 0.85 * base.delta_cf),
                     test_ab_mae=t.ab_mae, test_ab_vs_gray=t.ab_vs_gray, test_delta_cf=t.delta_cf, test_dcf_vs_gray=t.dcf_vs_gray))
df = pd.DataFrame(rows).round(4)
df.to_csv(a.out, index=False)
val.round(4).to_csv(Path(a.out).with_name(Path(a.out).stem + '_all_valid.csv'))
print(df.drop(columns='command').to_string(index=False))
