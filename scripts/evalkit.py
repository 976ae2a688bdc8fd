"""Full-resolution measurements of colorizers on a split of `colorlab/assets/splits.csv`, as `colorlab_colorize` makes
them, cached per (split, name) in a folder: shared by `recipe_table.py` and `select_model.py`.

Makes: one CSV per (split, colorizer) in the cache folder (`runs/eval_cache`): each photo's PSNR, ab MAE and colorfulness
(lesson 8's metrics), and each colorizer's means against gray's.
From: colorizers (built by the caller from generator files) and the `valid` or `test` photos of `colorlab/assets/splits.csv`
(the bundled sample and the corpus).
Read by: `scripts/recipe_table.py` (the GAN recipe table in `colorlab/assets/gan_search/`, shown by lesson 8) and
`scripts/select_model.py` (the choice of the shipped colorizer, stated in `colorlab/assets/model/MODEL_CARD.md`)."""
from pathlib import Path
import numpy as np, pandas as pd, torch
from colorlab.core import sample_photos_path
from colorlab.data import read_splits
from colorlab.inference import colorize
from colorlab.lab import rgb_to_lab
from colorlab.metrics import summarize, photo_rgb, psnr, ab_mae, colorfulness, GrayModel

def split_files(splits='colorlab/assets/splits.csv', corpus='../shared/data/corpus') -> dict:
    "'valid' and 'test' → their photo files, found in the bundled sample or the corpus."
    def resolve(n):
        for d in (sample_photos_path(), Path(corpus)):
            if (d/n).exists(): return d/n
        raise FileNotFoundError(n)
    split = read_splits(splits)
    return {s: [resolve(n) for n, v in split.items() if v == s] for s in ('valid', 'test')}

_truths = {}
def quick_eval(name, G, files, size=128) -> pd.DataFrame:
    "`evaluate(..., full=True)`'s PSNR, ab MAE and colorfulness, each photo's truth decoded once (SSIM and AuC, slower, are left to the model card)."
    rows = []
    for f in files:
        if f not in _truths:
            t = photo_rgb(f); _truths[f] = t, rgb_to_lab(torch.from_numpy(t.copy()).permute(2, 0, 1)), colorfulness(t)
        t, lab_t, cf_t = _truths[f]
        p = np.asarray(colorize(t, GrayModel() if G is None else G, size=size))
        lab_p = rgb_to_lab(torch.from_numpy(p.copy()).permute(2, 0, 1))
        rows.append(dict(photo=f.name, model=name, psnr=psnr(p, t), ssim=np.nan, ab_mae=ab_mae(lab_p[1:], lab_t[1:]), ab_auc=np.nan,
                         cf=colorfulness(p), cf_truth=cf_t))
    return pd.DataFrame(rows)

def measure(models:dict, files:list, which:str, make, cache:Path, size=128) -> pd.DataFrame:
    "Mean metrics of each model (name → spec, built by `make(*spec)`) on `files` (split `which`), with gray first; per-photo results cached by name."
    cache.mkdir(parents=True, exist_ok=True)
    parts = []
    for name, spec in {'gray': None, **models}.items():
        f = cache/f"{which}-{name.replace(' ', '_').replace('/', '_')}.csv"
        if not f.exists(): quick_eval(name, None if spec is None else make(*spec), files, size).to_csv(f, index=False)
        parts.append(pd.read_csv(f))
    s = summarize(pd.concat(parts, ignore_index=True))
    g = s.loc['gray']
    return s.assign(ab_vs_gray=s.ab_mae / g.ab_mae, dcf_vs_gray=s.delta_cf / g.delta_cf)
