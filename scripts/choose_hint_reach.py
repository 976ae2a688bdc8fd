#!/usr/bin/env python
"""Choose how far a local hint reaches (lesson 10's `HintColorizer.reach`) on the validation photos, write it into the
shipped hints model, and measure the test photos once.

Makes: `colorlab/assets/hints/reach.csv` (every candidate (width, κ) on the validation photos: a*b* error × gray's with
1, 5 and 10 hints, and with one hint the share of photos it made worse than no hint, by more than 1 %, and the worst
ratio), the `reach` in `hints.pth`'s spec (the weights stay as they are), and the 'hints model' rows with local hints
of `heldout.csv`, measured again (validation and test; rows without local hints do not depend on the reach).
From: the shipped hints model, `hints/splits.csv`, the bundled photos and the corpus.
Read by: lesson 10 (the section "One hint, one thing"), the hints model card, the README's hints table.

The rule, set before measuring: among the candidates whose single hint errs no more than the automatic colorizer on
average and makes at most 5 % of the validation photos worse than no hint (by more than 1 %), the lowest mean error over
1, 5 and 10 hints. The grid measures at the working size (the model's half-size colors enlarged ×2 against the photo at
that size), the re-measurement at full resolution (`evaluate_hints`, as `ship_hints.py`).

    python scripts/choose_hint_reach.py [--corpus ../shared/data/corpus]
"""
import argparse, itertools, random, sys, time
from pathlib import Path
import numpy as np, pandas as pd, torch, torch.nn.functional as F
from PIL import Image
root = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(root))
from colorlab.core import sample_photos_path, atomic_save
from colorlab.data import read_splits
from colorlab.lab import rgb_to_L_ab, AB_SCALE
from colorlab.inference import photo_lightness
from colorlab.metrics import photo_rgb
from colorlab.hints import load_hint_model, nearest_hint_distance
from colorlab.guide import check_hints, hint_inputs
from colorlab.reference import evaluate_hints, photo_hints

ap = argparse.ArgumentParser()
ap.add_argument('--corpus', default=str(root.parent/'shared'/'data'/'corpus'))
ap.add_argument('--out', default=str(root/'colorlab'/'assets'/'hints'))
ap.add_argument('--widths', default='0.4,0.8,1.6,3.2'); ap.add_argument('--kappas', default='0,1,1.5,2,3')
ap.add_argument('--threads', type=int, default=1)
a = ap.parse_args()
torch.set_num_threads(a.threads)
out, t0 = Path(a.out), time.time()
split = read_splits(out/'splits.csv')
pool = {p.name: p for d in (sample_photos_path(), Path(a.corpus)) for p in d.iterdir()}
files = {s: sorted(pool[f] for f, v in split.items() if v == s and f in pool) for s in ('valid', 'test')}
H = load_hint_model(out/'hints.pth').eval()
H.reach = None
widths, kappas = [float(v) for v in a.widths.split(',')], [float(v) for v in a.kappas.split(',')]

rows = []
with torch.no_grad():
    for f in files['valid']:
        truth = np.array(photo_rgb(f)); Hh, Ww = truth.shape[:2]
        L, (h, w) = photo_lightness(truth, H.size, 2 ** H.n_down, 256, False)
        t = torch.from_numpy(np.array(Image.fromarray(truth).resize((w, h), Image.BICUBIC))).permute(2, 0, 1).float()[None] / 255
        ab_t = rgb_to_L_ab(t)[1][0] * AB_SCALE
        err = lambda ab: float((F.interpolate(ab, scale_factor=2, mode='bilinear', align_corners=False)[0, :, :h, :w] * AB_SCALE - ab_t).abs().mean())
        auto = H.colors(H.base(L)[0], (L.shape[-2] // 2, L.shape[-1] // 2))
        gray, e_auto = float(ab_t.abs().mean()), err(auto)
        for n in (1, 5, 10):
            hints = photo_hints(truth, n, random.Random(f"0/{f.name}/{n}"))  # as `evaluate_hints` draws them
            local = F.pad(hint_inputs(check_hints(hints, Ww, Hh), (Hh, Ww), (h, w)), (0, L.shape[-1] - w, 0, L.shape[-2] - h))[None]
            ab = H(L, local, full=False)  # reach everywhere
            d, k = nearest_hint_distance(L, local)
            rows.append(dict(photo=f.name, hints=n, width=None, kappa=None, ab=err(ab), auto=e_auto, gray=gray))
            for wd, ka in itertools.product(widths, kappas):
                r = torch.exp(-d / (wd * k.float()[:, None, None, None] ** ka))
                rows.append(dict(photo=f.name, hints=n, width=wd, kappa=ka, ab=err(auto + r * (ab - auto)), auto=e_auto, gray=gray))
df = pd.DataFrame(rows)
summary = []
for (wd, ka), g in df.groupby([df.width.fillna(-1), df.kappa.fillna(-1)]):
    one = g[g.hints == 1]
    summary.append(dict(width=None if wd < 0 else wd, kappa=None if ka < 0 else ka, **{f'ab_{n}': g[g.hints == n].ab.mean() / g[g.hints == n].gray.mean() for n in (1, 5, 10)},
                        worse_1=float((one.ab > one.auto * 1.01).mean()), worst_1=float((one.ab / one.auto).max()), auto=g.auto.mean() / g.gray.mean()))
S = pd.DataFrame(summary); S['mean'] = S[['ab_1', 'ab_5', 'ab_10']].mean(1)
ok = S[S.width.notna() & (S.worse_1 <= 0.05) & (S.ab_1 <= S.auto)]
best = S.loc[ok['mean'].idxmin()]
S['chosen'] = S.index == best.name
S.round(4).to_csv(out/'reach.csv', index=False)
print(S.sort_values('mean').round(3).to_string(index=False)); print('chosen:', best.width, best.kappa, flush=True)

st = torch.load(out/'hints.pth', map_location='cpu', weights_only=True)
st['spec']['reach'] = [float(best.width), float(best.kappa)]
atomic_save(st, out/'hints.pth')
H = load_hint_model(out/'hints.pth').eval()
parts = []
for s in ('valid', 'test'):  # the rows with local hints, again, with the reach that ships
    parts.append(evaluate_hints(files[s], {'hints model': H}, counts=(1, 2, 5, 10, 20, 50)).assign(split=s))
new = pd.concat(parts)
old = pd.read_csv(out/'heldout.csv')
keep = old[~((old.model == 'hints model') & (old.hints > 0))]
merged = pd.concat([keep, new[old.columns]]).round(4)
order = {m: i for i, m in enumerate(dict.fromkeys(old.model))}
merged = merged.sort_values(['split', 'photo', 'model', 'hints'], key=lambda c: c.map(order) if c.name == 'model' else c, kind='stable')
merged = merged.set_index(['split', 'photo']).loc[old.set_index(['split', 'photo']).index.unique()].reset_index()[old.columns]
merged.to_csv(out/'heldout.csv', index=False)
print(f"done in {time.time() - t0:.0f} s")
