#!/usr/bin/env python
"""The GAN phase on the shipped colorizer, as a table lesson 8 reads: `colorlab/assets/model/gan_phase.csv`.

Makes: one row per validation measurement of `scripts/train_gpu.py`'s log (the start, then every quarter of the GAN phase),
at every decoding it measured (T, calibrate): a*b* error and colorfulness gap × gray's; and one row per GAN epoch with
its mean losses (G, G_GAN, the class loss, D_real, D_fake).
From: the run's log, written by (on the 2 CPU cores, 1 thread, beside other work):

    python scripts/train_gpu.py --photos runs/photos --out runs/lite0 --name G_CL --arch lite0 --head classes \\
        --init colorlab/assets/model/generator.pth --max_steps 1 --lr 1e-6 --freeze_frac 0 --bs 16 --size 128 \\
        --eval_size 192 --gan_seconds 4800 --gan_lr 1e-4 --adv 0.2 --diffaug --n_evals 4 --threads 1 \\
        --Ts 0.38,0.5 --Cs 0.3,0.45,0.55

The run was stopped by hand after the measurement at GAN epoch 4.9 (of 9.9 planned): both measures had turned worse
than at the start, at every decoding.
Read by: lesson 8 ("A GAN phase on the pretrained colorizer").
    python scripts/gan_phase_table.py runs/lite0/G_CL.jsonl
"""
import json, sys
from pathlib import Path
import pandas as pd
root = Path(__file__).resolve().parent.parent
log = [json.loads(l) for l in open(sys.argv[1] if len(sys.argv) > 1 else root/'runs'/'lite0'/'G_CL.jsonl')]
start = next(e for e in log if e['event'] == 'start')
gray_ab, gray_dcf = start['gray_ab'], start['gray_dcf']
rows = []
for e in log:
    if e['event'] == 'eval':
        for k, (ab, dcf) in e['all'].items():
            T, c = k[1:].split('_c')
            rows.append(dict(kind='eval', phase=e['phase'], epoch=0. if e['phase'] == 'pre' else e['epoch'] - 1 / 36, T=float(T), calibrate=float(c),
                             ab_x_gray=ab / gray_ab, dcf_x_gray=dcf / gray_dcf))
    if e['event'] == 'epoch' and e['phase'] == 'gan':
        rows.append(dict(kind='losses', phase='gan', epoch=e['epoch'], G=e['G'], G_GAN=e['G_GAN'], class_loss=e['G_base'], D_real=e['D_real'], D_fake=e['D_fake']))
df = pd.DataFrame(rows).round(4)
df.to_csv(root/'colorlab'/'assets'/'model'/'gan_phase.csv', index=False)
print(df.to_string())
