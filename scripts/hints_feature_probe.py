#!/usr/bin/env python3
"""Which features of the shipped colorizer tell where a hint's color goes? A non-learned probe for the hints model (lesson 10):
10 hints from each validation photo's own colors (`colorlab/assets/hints/splits.csv`), and each half-size pixel given a
softmax-weighted mix of the hints' colors by the distance between its features and the hint's (+ a little by place).

Makes: `colorlab/assets/hints/feature_probe.csv` (features, width σ, a*b* error × gray's over the validation photos).
From: the shipped colorizer, the hints model's validation photos (the bundled photos and the corpus).
Read by: the hints model card (section "On the pretrained colorizer"), as a direction for its next recipe.

    python scripts/hints_feature_probe.py [--corpus ../shared/data/corpus]

Features: `last37`, the 36 decoder features and the lightness the colorizer's last layer reads (what the hints model's
feature spread uses), averaged to half size; `enc_bN`, the output of stage N of the ImageNet-pretrained EfficientNet-Lite0
encoder (stride 8 for b3, 16 for b4 and b5, 32 for b6), enlarged to half size; `last+bN`, both, each normalised."""
import argparse, csv, random
from pathlib import Path
import numpy as np, pandas as pd, torch, torch.nn.functional as F
from colorlab.core import sample_photos_path
from colorlab.models import load_generator
from colorlab.metrics import photo_rgb
from colorlab.lab import rgb_to_L_ab

root = Path(__file__).resolve().parent.parent
ap = argparse.ArgumentParser(); ap.add_argument('--corpus', default=str(root.parent/'shared'/'data'/'corpus'))
a = ap.parse_args()
torch.set_num_threads(1)
G = load_generator('bundled').eval()
box = {}
G.unet.layers[11].register_forward_hook(lambda m, inp, out: box.__setitem__('last', out))  # what the last layer reads
for j in (3, 4, 5, 6): G.unet.layers[0][j].register_forward_hook(lambda m, inp, out, j=j: box.__setitem__(f'b{j}', out))  # encoder stages
split = {r['file']: r['split'] for r in csv.DictReader(open(root/'colorlab/assets/hints/splits.csv'))}
pool = {p.name: p for d in (sample_photos_path(), Path(a.corpus)) for p in d.iterdir()}
files = sorted(pool[f] for f, s in split.items() if s == 'valid')
res = {}
for f in files:
    t = torch.from_numpy(np.array(photo_rgb(f))).permute(2, 0, 1)[None].float() / 255
    L, ab = rgb_to_L_ab(t)
    s = 192 / min(L.shape[-2:]); h, w = int(L.shape[-2] * s) // 32 * 32, int(L.shape[-1] * s) // 32 * 32  # the working size
    Ls, ab2 = F.interpolate(L, (h, w), mode='bilinear'), F.interpolate(ab, (h // 2, w // 2), mode='area')
    with torch.no_grad(): G.logits(Ls)
    up = lambda x: F.interpolate(x, (h // 2, w // 2), mode='bilinear')
    last = F.avg_pool2d(box['last'], 2)
    feats = {'last37': last, **{f'enc_b{j}': up(box[f'b{j}']) for j in (3, 4, 5, 6)},
             **{f'last+b{j}': torch.cat([F.normalize(last, dim=1), F.normalize(up(box[f'b{j}']), dim=1)], 1) for j in (4, 5)}}
    rng = random.Random(f.name); n = (h // 2) * (w // 2)
    k = torch.tensor(rng.sample(range(n), 10))  # 10 hints at random pixels, each with the photo's own color there
    c = ab2.reshape(2, -1)[:, k]
    yy, xx = torch.meshgrid(torch.arange(h // 2), torch.arange(w // 2), indexing='ij')
    pos = torch.stack([yy, xx], -1).view(-1, 2).float() / min(h // 2, w // 2)
    dxy = torch.cdist(pos, pos[k]) ** 2 / (2 * 0.5 ** 2)
    gray = ab2.abs().mean().item()
    for name, fe in feats.items():
        fn = F.normalize(fe[0].reshape(fe.shape[1], -1).T, dim=1)
        d = torch.cdist(fn, fn[k]) ** 2
        for sg in (0.05, 0.1, 0.2, 0.4):
            pred = (torch.softmax(-d / (2 * sg ** 2) - dxy, 1) @ c.T).T
            res.setdefault((name, sg), []).append(((pred - ab2.reshape(2, -1)).abs().mean().item(), gray))
rows = [dict(features=name, sigma=sg, ab_x_gray=round(np.array(v)[:, 0].mean() / np.array(v)[:, 1].mean(), 4), photos=len(v)) for (name, sg), v in res.items()]
out = pd.DataFrame(rows).sort_values(['features', 'sigma'])
out.to_csv(root/'colorlab/assets/hints/feature_probe.csv', index=False)
print(out.to_string(index=False))
