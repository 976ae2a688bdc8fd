#!/usr/bin/env python3
"""Two ways to get more from trained weights without training, measured for issue 34 on the validation split at full
resolution (as `scripts/select_model.py` measures; the test split is not touched):
- **flip averaging** (test-time augmentation): the shipped colorizer's class logits averaged over the photo and its mirror image;
- **a weight soup**: the mean of the weights of the shipped colorizer and of two runs that started from it (P_CL3, 15 epochs
  more on 192-px crops; G_R1b, 2.2 epochs of the GAN phase with R1), all three with the classes head.
Each at the shipped decoding (T 0.5, calibrate 0.45) and at calibrate 0.55, beside the shipped colorizer itself.

Makes: `colorlab/assets/model/decoding_probe.csv` (per photo and candidate: PSNR, a*b* error, colorfulness; gray's rows too).
From: `colorlab/assets/model/generator.pth`, `runs/lite0/P_CL3_pre.pth` and `runs/lite0/G_R1b_gan.pth` (made by the commands of
the model card's "Tried since it shipped"; not shipped), the validation photos of `colorlab/assets/splits.csv`.
Read by: the colorizer's model card ("Tried since it shipped": flip averaging and a weight soup).

    python scripts/decoding_probe.py      # about 6 minutes on 2 cores"""
import sys, types
from pathlib import Path
import pandas as pd, torch
sys.path.insert(0, str(Path(__file__).parent))
from evalkit import split_files, measure
from colorlab.models import load_generator
SHIPPED = 'colorlab/assets/model/generator.pth'
SOUP = [SHIPPED, 'runs/lite0/P_CL3_pre.pth', 'runs/lite0/G_R1b_gan.pth']

def flipped(G):
    "`G` with its class logits averaged over the photo and its mirror image."
    unet = G.unet
    G.logits = types.MethodType(lambda self, L: (unet(L) + unet(L.flip(-1)).flip(-1)) / 2, G)
    return G

def soup(paths):
    "The first generator with the mean of all their floating-point weights (same architecture, same start)."
    G, *rest = [load_generator(p) for p in paths]
    sds = [G.state_dict()] + [g.state_dict() for g in rest]
    G.load_state_dict({k: (sum(s[k].float() for s in sds) / len(sds)).to(v.dtype) if v.is_floating_point() else v for k, v in sds[0].items()})
    return G

def make(kind, T, c):
    G = {'shipped': lambda: load_generator(SHIPPED), 'flip': lambda: flipped(load_generator(SHIPPED)), 'soup': lambda: soup(SOUP)}[kind]()
    G.T, G.calibrate, G.train_size = T, c, 192
    return G.eval()

if __name__ == '__main__':
    torch.set_num_threads(2)
    cands = {f'probe {k} T{T} c{c}': (k, T, c) for k in ('shipped', 'flip', 'soup') for T, c in [(0.5, 0.45), (0.5, 0.55)]}
    cache = Path('runs/eval_cache_probe')
    r = measure(cands, split_files()['valid'], 'valid', make, cache, size=None)
    print(r[['ab_mae', 'delta_cf', 'ab_vs_gray', 'dcf_vs_gray', 'psnr']].round(4).to_string(), flush=True)
    parts = [pd.read_csv(cache/f"valid-{n.replace(' ', '_')}.csv") for n in ['gray', *cands]]
    df = pd.concat(parts, ignore_index=True).drop(columns=['ssim', 'ab_auc']).assign(split='valid')
    df['model'] = df.model.str.replace('probe ', '', regex=False)
    df.round(4).to_csv('colorlab/assets/model/decoding_probe.csv', index=False)
