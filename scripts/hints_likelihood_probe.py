#!/usr/bin/env python3
"""Does the colorizer's own class distribution tell which hint's color goes where? A non-learned probe for the hints model
(issue 35), the feature probe of `scripts/hints_feature_probe.py` with one more term: 10 hints from each validation photo's
own colors, and each half-size pixel given a softmax mix of the hints' colors by the distance between its last-layer features
and the hint's (width σ), by place, and by α × the log-likelihood of the hint's color under the colorizer's class
distribution at that pixel (its probabilities at temperature T, each class counted by a Gaussian of width τ around the
hint's color). α = 0 is the feature probe's `last37` row.

Makes: `colorlab/assets/hints/likelihood_probe.csv` (T, τ, σ, α, a*b* error × gray's over the validation photos).
From: the shipped colorizer, the hints model's validation photos (the bundled photos and the corpus).
Read by: the hints model card (section "Where the hints' colors go: two more probes").

    python scripts/hints_likelihood_probe.py      # under a minute"""
import csv, random
from pathlib import Path
import numpy as np, pandas as pd, torch, torch.nn.functional as F
from colorlab.core import sample_photos_path
from colorlab.models import load_generator
from colorlab.metrics import photo_rgb
from colorlab.lab import rgb_to_L_ab
root = Path(__file__).resolve().parent.parent; corpus = root.parent/'shared'/'data'/'corpus'
torch.set_num_threads(1)
G = load_generator('bundled').eval()
box = {}
G.unet.layers[11].register_forward_hook(lambda m, inp, out: box.__setitem__('last', out))
split = {r['file']: r['split'] for r in csv.DictReader(open(root/'colorlab/assets/hints/splits.csv'))}
pool = {p.name: p for d in (sample_photos_path(), corpus) for p in d.iterdir()}
which = 'valid'
files = sorted(pool[f] for f, s in split.items() if s == which)
C = G.centers.float(); lw = G.class_weights.log().float()
res = {}
for f in files:
    t = torch.from_numpy(np.array(photo_rgb(f))).permute(2, 0, 1)[None].float() / 255
    L, ab = rgb_to_L_ab(t)
    s = 192 / min(L.shape[-2:]); h, w = int(L.shape[-2] * s) // 32 * 32, int(L.shape[-1] * s) // 32 * 32
    Ls, ab2 = F.interpolate(L, (h, w), mode='bilinear'), F.interpolate(ab, (h // 2, w // 2), mode='area')
    with torch.no_grad(): z = G.logits(Ls).float()
    z = F.avg_pool2d(z, 2) if z.shape[-1] == w else z
    zc = z[0] - G.calibrate * lw[:, None, None]
    last = F.avg_pool2d(box['last'], 2)
    rng = random.Random(f.name); n = (h // 2) * (w // 2)
    k = torch.tensor(rng.sample(range(n), 10)); c = ab2.reshape(2, -1)[:, k]  # 2×K
    yy, xx = torch.meshgrid(torch.arange(h // 2), torch.arange(w // 2), indexing='ij')
    pos = torch.stack([yy, xx], -1).view(-1, 2).float() / min(h // 2, w // 2)
    dxy = torch.cdist(pos, pos[k]) ** 2 / (2 * 0.5 ** 2)
    fn = F.normalize(last[0].reshape(last.shape[1], -1).T, dim=1); d = torch.cdist(fn, fn[k]) ** 2
    truth = ab2.reshape(2, -1); gray = truth.abs().mean().item()
    auto = (torch.softmax(zc / G.T, 0).reshape(len(C), -1).T @ C).T
    res.setdefault(('automatic', 0, 0, 0), []).append(((auto - truth).abs().mean().item(), gray))
    for Tp in (1.0, 0.5):
        p = torch.softmax(zc / Tp, 0).reshape(len(C), -1).T  # P×Q
        for tau in (0.05, 0.1, 0.2):
            K = torch.exp(-torch.cdist(C, c.T) ** 2 / (2 * tau ** 2))  # Q×K
            loglik = (p @ K + 1e-6).log()  # P×K
            for sg in (0.1, 0.2):
                for al in (0, 0.5, 1, 2, 4):
                    if al == 0 and (Tp, tau) != (1.0, 0.1): continue
                    pred = (torch.softmax(-d / (2 * sg ** 2) - dxy + al * loglik, 1) @ c.T).T
                    res.setdefault((Tp, tau, sg, al), []).append(((pred - truth).abs().mean().item(), gray))
rows = [dict(what='automatic colorizer' if k[0] == 'automatic' else 'hints', T=None if k[0] == 'automatic' else k[0], tau=k[1], sigma=k[2], alpha=k[3], ab_x_gray=round(np.array(v)[:, 0].mean() / np.array(v)[:, 1].mean(), 4), photos=len(v)) for k, v in res.items()]
out = pd.DataFrame(rows).sort_values('ab_x_gray'); print(out.to_string(index=False))
out.to_csv(root/'colorlab/assets/hints/likelihood_probe.csv', index=False)
