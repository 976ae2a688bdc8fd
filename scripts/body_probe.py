#!/usr/bin/env python3
"""Lesson 5's measurement of the deck's claim: the EfficientNet-Lite0 U-Net trained with the same budget (420 steps of L1,
batch 16, 128-px crops) from a random body and from the ImageNet-pretrained body, on the validation split.

    python scripts/body_probe.py --pretrained runs/lite0/P_L1 --random runs/lite0/R_L1

From the two runs of scripts/train_gpu.py (their `NAME.jsonl` logs and `NAME_pre.pth` weights) it writes, into
colorlab/assets/model/ (the package ships them; lesson 5 reads them):
- body_probe.csv: each run's validation a*b* error and colorfulness gap against gray's, at every evaluation during training
  (kind 'curve', colorized at 192 px by the training script), and at the end at full resolution as `colorlab_colorize`
  makes them (kind 'final', scripts/evalkit.py);
- body_probe.jpg: five validation photos (Public Domain or CC0): input, random body, pretrained body, truth."""
import argparse, json, sys
from pathlib import Path
import pandas as pd
sys.path.insert(0, str(Path(__file__).parent))
from evalkit import split_files, measure
from ship_model import figure
from colorlab.models import load_generator
from colorlab.metrics import colorize_full, photo_rgb
from colorlab.core import sample_photos_path

ap = argparse.ArgumentParser(); ap.add_argument('--pretrained', required=True); ap.add_argument('--random', required=True)
ap.add_argument('--out', default='colorlab/assets/model'); ap.add_argument('--size', type=int, default=192)
a = ap.parse_args()
runs = {'pretrained': Path(a.pretrained), 'random': Path(a.random)}
rows = []
for body, r in runs.items():
    for e in map(json.loads, open(f'{r}.jsonl')):
        if e['event'] == 'eval': rows.append(dict(kind='curve', body=body, epoch=e['epoch'], ab_x_gray=e['ab_x_gray'], dcf_x_gray=e['dcf_x_gray']))
def make(path):
    G = load_generator(path); G.train_size = a.size; return G
files = split_files()['valid']
m = measure({body: (f'{r}_pre.pth',) for body, r in runs.items()}, files, 'valid', make, Path('runs/eval_cache_probe'), size=a.size)
for body in runs: rows.append(dict(kind='final', body=body, epoch=None, ab_x_gray=m.loc[body].ab_vs_gray, dcf_x_gray=m.loc[body].dcf_vs_gray))
pd.DataFrame(rows).round(4).to_csv(Path(a.out)/'body_probe.csv', index=False)
print(pd.DataFrame(rows).round(3).to_string(index=False))
shown = [f for f in files if (sample_photos_path()/f.name).exists()][::4][:5]
Gs = {body: make(f'{r}_pre.pth') for body, r in runs.items()}
figure(shown, {'input (L only)': lambda f: colorize_full(None, f, a.size), 'random body': lambda f: colorize_full(Gs['random'], f, a.size),
               'pretrained body': lambda f: colorize_full(Gs['pretrained'], f, a.size), 'truth': photo_rgb}, Path(a.out)/'body_probe.jpg', h=150)
