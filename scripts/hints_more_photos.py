#!/usr/bin/env python
"""Does the hints model want more photos? It trains on the 69 `train` photos of `colorlab/assets/hints/splits.csv`, photos the
colorizer never trained on (fastai's validation: its 37 `valid` photos). This trains the same recipe on those plus the
colorizer's 584 training photos (653 in all; 5 epochs, about as many photo-passes as the shipped 45 epochs on 69),
gives it the shipped model's choices (β, the reference's groups, the reach), and measures both on the 37 validation photos
(1, 5 and 10 hints, and the photo itself as the reference), as `scripts/ship_hints.py` measures.

    OMP_NUM_THREADS=1 python scripts/hints_more_photos.py train 5    # 31 minutes on one core beside other runs; then the measurement
    python scripts/hints_more_photos.py                              # the measurement alone, from runs/hints_more/hints.pth

Writes `runs/hints_more/` (the weights, `epochs.csv`; not shipped) and `colorlab/assets/hints/more_photos.csv` (per photo,
model and number of hints: the hints model card's "More photos" figures)."""
import sys, time, warnings, torch, pandas as pd
from pathlib import Path
root = Path(__file__).resolve().parent.parent; sys.path.insert(0, str(root))
from colorlab.core import sample_photos_path
from colorlab.data import read_splits
from hintkit import give_shipped_choices
from colorlab.hints import train_hint_model, load_hint_model
from colorlab.reference import evaluate_hints, hint_summary
run = root/'runs'/'hints_more'; run.mkdir(parents=True, exist_ok=True)
hs = read_splits(root/'colorlab/assets/hints/splits.csv'); cs = read_splits(root/'colorlab/assets/splits.csv')
extra = {f: 'train' for f, s in cs.items() if s == 'train'}
assert not set(extra) & set(hs), "the hints splits hold photos the colorizer trained on"
both = {**hs, **extra}
pd.DataFrame(dict(file=list(both), split=list(both.values()))).to_csv(run/'splits.csv', index=False)
pool = {p.name: p for d in (sample_photos_path(), root.parent/'shared/data/corpus') for p in d.iterdir()}
files = [pool[f] for f, s in both.items() if s in ('train', 'valid') and f in pool]
print(len(files), 'photos', flush=True)
if 'train' in sys.argv:
    t0 = time.time()
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        train_hint_model(files, run, epochs=int(sys.argv[2]), bs=8, splits=run/'splits.csv', quiet=True)
    print(f'trained in {time.time()-t0:.0f} s', flush=True)
    give_shipped_choices(run)
valid = sorted(pool[f] for f, s in hs.items() if s == 'valid')
df = evaluate_hints(valid, {'gray': None, 'shipped': load_hint_model(), 'more photos': load_hint_model(run)}, counts=(1, 5, 10), reference=True)
df.round(4).to_csv(root/'colorlab/assets/hints/more_photos.csv', index=False)
print(hint_summary(df).round(3).to_string())
