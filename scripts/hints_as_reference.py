#!/usr/bin/env python3
"""Local hints are also samples of the photo's colors: would the shipped hints model place them better if it also had them as a
global hint, the way it takes a reference photo's colors (lesson 11)? A probe for issue 35, with no training: beside its n
local hints, the shipped model gets the hints' colors as a class distribution (`color_distribution`), mixed with the
colorizer's own mean class distribution by w = n / (n + k), so that few hints shift the photo's colors less. Measured on the
hints model's 37 validation photos with 1, 5 and 10 hints, drawn as `evaluate_hints` draws them (the same hints as the card's).

Makes: `colorlab/assets/hints/hints_as_reference.csv` (per photo, model and number of hints: a*b* error and colorfulness).
From: the shipped hints model and colorizer, the hints model's validation photos (the bundled photos and the corpus).
Read by: the hints model card (section "Where the hints' colors go: two more probes").

    python scripts/hints_as_reference.py      # about 10 minutes on one core"""
import csv, random
from pathlib import Path
import numpy as np, pandas as pd, torch, torch.nn.functional as F
from colorlab.core import sample_photos_path
from colorlab.metrics import photo_rgb, colorfulness
from colorlab.lab import rgb_to_lab, AB_SCALE
from colorlab.guide import shipped_hint_model, colorize_hints, parse_color
from colorlab.reference import photo_hints
from colorlab.hints import color_distribution
from colorlab.inference import photo_lightness
root = Path(__file__).resolve().parent.parent; corpus = root.parent/'shared'/'data'/'corpus'
torch.set_num_threads(1)
which, ks = 'valid', (float('inf'), 0., 3., 10.)  # k = ∞: the shipped model as it is
split = {r['file']: r['split'] for r in csv.DictReader(open(root/'colorlab/assets/hints/splits.csv'))}
pool = {p.name: p for d in (sample_photos_path(), corpus) for p in d.iterdir()}
files = sorted(pool[f] for f, s in split.items() if s == which)
H = shipped_hint_model('cpu'); G = H.G; C = H.centers.float()
rows = []
for f in files:
    truth = np.array(photo_rgb(f))
    ab_t = rgb_to_lab(torch.from_numpy(truth).permute(2, 0, 1))[1:].double(); cf_t = colorfulness(truth)
    L, _ = photo_lightness(truth, H.size, 2 ** H.n_down)
    z, _ = H.base(L)
    z = z.float(); zc = z - G.calibrate * G.class_weights.log()[:, None, None] if G.calibrate else z
    auto = torch.softmax(zc / G.T, 1).mean((2, 3))  # 1×Q: the colorizer's own mean class distribution
    rows.append(dict(photo=f.name, model='gray', hints=0, ab_mae=float(ab_t.abs().mean()), cf=0., cf_truth=cf_t))
    for n in (1, 5, 10):
        hints = photo_hints(truth, n, random.Random(f"0/{f.name}/{n}"))
        hab = torch.stack([rgb_to_lab(torch.tensor(parse_color(c), dtype=torch.uint8).view(3, 1, 1))[1:, 0, 0] for _, _, c in hints], 1).float() / AB_SCALE  # 2×n
        hd = color_distribution(hab[None, :, None, :], C)  # 1×Q
        for k in ks:
            g = None if k == float('inf') else (n / (n + k)) * hd + (k / (n + k)) * auto
            im = colorize_hints(truth, hints, H, glob=g)
            out = np.array(im); ab = rgb_to_lab(torch.from_numpy(out).permute(2, 0, 1))[1:].double()
            rows.append(dict(photo=f.name, model='shipped' if k == float('inf') else f'hints as reference, k {k:g}', hints=n, ab_mae=float((ab - ab_t).abs().mean()), cf=colorfulness(out), cf_truth=cf_t))
df = pd.DataFrame(rows); df.to_csv(root/'colorlab/assets/hints/hints_as_reference.csv', index=False)
from colorlab.reference import hint_summary
print(hint_summary(df)[['ab_mae_x_gray', 'delta_cf_x_gray']].to_string())
