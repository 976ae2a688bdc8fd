#!/usr/bin/env python3
"""Compare training runs, and the epochs each kept (`--keep_every`), on their held-out photos at full resolution.

    python scripts/compare_runs.py runs/A runs/B --corpus ../shared/data/corpus --out recipes.csv

For every run: the gray baseline, the L1-only generator (`generator_l1.pth`) and each `generators/epoch_NNN.pth` (and the
final `generator.pth`), on the run's validation photos (`config.json`), colorized at their own size. Prints and writes one
row per (run, generator): ab MAE and ΔCF, and both as ratios to gray. Runs must share their held-out photos to be compared."""
import argparse, json
from pathlib import Path
import pandas as pd
from colorlab.core import sample_photos_path
from colorlab.models import load_generator
from colorlab.metrics import evaluate, summarize

ap = argparse.ArgumentParser()
ap.add_argument('runs', nargs='+'); ap.add_argument('--corpus', default=None); ap.add_argument('--out', default=None)
ap.add_argument('--every', type=int, default=1, help='use every n-th kept generator')
a = ap.parse_args()

def resolve(name):
    for d in (sample_photos_path(), a.corpus):
        if d and (Path(d)/name).exists(): return Path(d)/name
    raise FileNotFoundError(name)

rows = []
for run in map(Path, a.runs):
    cfg = json.loads((run/'config.json').read_text())
    files = [resolve(Path(f).name) for f in cfg['valid_files']]
    gens = {'L1 only': run/'generator_l1.pth', **{f'epoch {int(p.stem[6:])}': p for p in sorted((run/'generators').glob('epoch_*.pth'))[::a.every]}}
    models = {'gray (ab = 0)': None, **{k: load_generator(p) for k, p in gens.items() if p.exists()}}
    s = summarize(evaluate(models, files, size=cfg['size'], full=True))
    g = s.loc['gray (ab = 0)']
    for k, r in s.iterrows():
        rows.append(dict(run=run.name, model=k, min_scale=cfg.get('min_scale', 1.), lambda_l1=cfg['lambda_l1'], photos=len(files),
                         ab_mae=r.ab_mae, ab_mae_vs_gray=r.ab_mae / g.ab_mae, cf=r.cf, delta_cf=r.delta_cf, delta_cf_vs_gray=r.delta_cf / g.delta_cf))
df = pd.DataFrame(rows).round(3)
print(df.to_string(index=False))
if a.out: df.to_csv(a.out, index=False)
