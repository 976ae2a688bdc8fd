#!/usr/bin/env python
"""Copy the training and validation photos of `colorlab/assets/splits.csv` (the bundled sample and `../shared/data/corpus`)
into DEST/train and DEST/valid, for `scripts/train_gpu.py` on a machine that has neither. Test photos are never copied.

Makes: the folders DEST/train and DEST/valid (copies of the photos).
From: `colorlab/assets/splits.csv`, the bundled photos and `../shared/data/corpus`.
Read by: `scripts/train_gpu.py`, which trains the colorizer that ships (its card: `colorlab/assets/model/MODEL_CARD.md`).

    python scripts/prepare_gpu_data.py .gpu/photos
"""
import csv, shutil, sys
from pathlib import Path
root = Path(__file__).resolve().parents[1]
dest = Path(sys.argv[1] if len(sys.argv) > 1 else '.gpu/photos')
sources = [root/'colorlab/assets/photos', root.parent/'shared/data/corpus']
n = dict(train=0, valid=0)
for r in csv.DictReader(open(root/'colorlab/assets/splits.csv')):
    if r['split'] not in n: continue
    src = next((s/r['file'] for s in sources if (s/r['file']).exists()), None)
    if src is None: sys.exit(f"{r['file']} is in the splits but in neither {sources[0]} nor {sources[1]}")
    (dest/r['split']).mkdir(parents=True, exist_ok=True)
    shutil.copy2(src, dest/r['split']/r['file']); n[r['split']] += 1
print(f"{n['train']} training and {n['valid']} validation photos in {dest}")
