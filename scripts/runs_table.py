#!/usr/bin/env python
"""Recipes tried on the shipped colorizer after it shipped, as a table the model card reads: `colorlab/assets/model/later_runs.csv`.

Makes: one row per validation measurement in the logs of `scripts/train_gpu.py` named on the command line (the 88 validation
photos colorized whole at the run's `--eval_size`, as the run measures them), at every decoding it measured (T, calibrate):
run, head ('ab': L1; 'classes'), n_train (its training photos), phase ('pre': the class loss; 'gan': the GAN phase), epoch (of that phase; 0 for the measurement before a GAN phase),
a*b* error and colorfulness gap × gray's. The shipped weights' own runs (P_L1, the L1 run
they started from, and P_CL2, their last) come first, as the baselines; P_CL (the run between them), the Lite1 runs (`scripts/lite1.py`)
and P_L1 on a quarter and a half of the training photos, and again with another seed (`scripts/learning_curve.sh`), after the others.
From: the runs' logs (`runs/lite0/*.jsonl`, not shipped), written by the commands in the model card ("Tried since").

    python scripts/runs_table.py runs/lite0/P_L1.jsonl runs/lite0/P_CL2.jsonl runs/lite0/P_CL3.jsonl runs/lite0/G_R1.jsonl runs/lite0/G_R1b.jsonl \
        runs/lite0/P_CL.jsonl runs/lite1/L1_L1.jsonl runs/lite1/L1_CL.jsonl runs/lite1/L1_CL2.jsonl \
        runs/curve/P_L1_quarter.jsonl runs/curve/P_L1_half.jsonl runs/curve/P_L1_all_seed43.jsonl runs/curve/P_L1_quarter_seed43.jsonl
"""
import json, sys
from pathlib import Path
import pandas as pd
root = Path(__file__).resolve().parent.parent
rows = []
for f in sys.argv[1:]:
    log = [json.loads(l) for l in open(f)]
    start = next(e for e in log if e['event'] == 'start')
    gray_ab, gray_dcf = start['gray_ab'], start['gray_dcf']
    gan = any(e['event'] == 'eval' and e['phase'] == 'gan' for e in log)
    for e in log:
        if e['event'] != 'eval': continue
        epoch = 0. if gan and e['phase'] == 'pre' else e['epoch']
        for k, (ab, dcf) in e['all'].items():
            T, c = k[1:].split('_c') if k != 'ab' else ('nan', 'nan')  # 'ab': the L1 head, no decoding to choose
            rows.append(dict(run=start['run'], head=start['args']['head'], n_train=start['n_train'], phase=e['phase'], epoch=round(epoch, 2), T=float(T), calibrate=float(c),
                             ab_x_gray=round(ab / gray_ab, 4), dcf_x_gray=round(dcf / gray_dcf, 4)))
df = pd.DataFrame(rows)
df.to_csv(root/'colorlab'/'assets'/'model'/'later_runs.csv', index=False)
print(df.to_string())
