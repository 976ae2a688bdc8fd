#!/usr/bin/env bash
# Issue 34's question of data: how much would more training photos buy? The shipped colorizer's L1 run (P_L1, the model
# card's first command) again on a quarter (146) and a half (292) of the 584 training photos, nothing else changed (the
# same 420 steps, the same validation photos), beside P_L1 itself on all 584; then the quarter and all 584 again with a
# second seed, to see how much two runs of one command differ.
# Makes: runs/photos_quarter and runs/photos_half (train/: links to a seeded random subset of runs/photos/train; valid/: a
# link to runs/photos/valid), and the runs' logs runs/curve/P_L1_{quarter,half,all_seed43,quarter_seed43}.jsonl (no weights kept).
# From: runs/photos (`python scripts/prepare_gpu_data.py runs/photos`: the photos of colorlab/assets/splits.csv).
# Read by: scripts/runs_table.py (later_runs.csv, column n_train), the model card's "Tried since it shipped".
#   bash scripts/learning_curve.sh      # about 40 minutes on this project's 2 cores, quiet
set -euo pipefail
cd "$(dirname "$0")/.."
python - <<'PY'
import os, random
from pathlib import Path
train = sorted(os.listdir('runs/photos/train'))
order = random.Random(0).sample(train, len(train))
for part, n in (('quarter', len(train) // 4), ('half', len(train) // 2)):
    d = Path(f'runs/photos_{part}'); (d/'train').mkdir(parents=True, exist_ok=True)
    if not (d/'valid').exists(): os.symlink(Path('runs/photos/valid').resolve(), d/'valid')
    for f in order[:n]:
        if not (d/'train'/f).exists(): os.symlink(Path('runs/photos/train', f).resolve(), d/'train'/f)
PY
for part in quarter half; do
  python scripts/train_gpu.py --photos runs/photos_$part --out runs/curve --arch lite0 --size 128 --bs 16 --min_scale 0.5 \
    --threads 2 --name P_L1_$part --head ab --pretrained 1 --lr 1e-3 --max_steps 420 --freeze_frac 0.25 --body_lr_mult 0.1 \
    --n_evals 3 --eval_size 192 --parts 1 --save 0
done
# The runs' own noise: P_L1's command again on all the photos and on the quarter with another seed (crops, flips, order).
for part in all quarter; do
  photos=runs/photos_$part; [ $part = all ] && photos=runs/photos
  python scripts/train_gpu.py --photos $photos --out runs/curve --arch lite0 --size 128 --bs 16 --min_scale 0.5 \
    --threads 2 --name P_L1_${part}_seed43 --head ab --pretrained 1 --lr 1e-3 --max_steps 420 --freeze_frac 0.25 --body_lr_mult 0.1 \
    --n_evals 3 --eval_size 192 --parts 1 --save 0 --seed 43
done
