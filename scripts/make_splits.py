#!/usr/bin/env python3
"""Write the three fixed splits of the shipped colorizer's photos: `colorlab/assets/splits.csv` (`file,split,source,people`).

Makes: `colorlab/assets/splits.csv`.
From: the bundled photos and the training corpus (with its manifest's packages), and the list of photos of people below.
Read by: the training runs (`colorlab_train --splits`, `scripts/prepare_gpu_data.py` for `scripts/train_gpu.py`), the
measurements (`scripts/evalkit.py`, `scripts/compare_runs.py`), lesson 8 (metrics: the recipe search's data) and the
shipped colorizer's model card (`colorlab/assets/model/MODEL_CARD.md`, written by `scripts/ship_model.py`).

    python scripts/make_splits.py [--corpus ../shared/data/corpus]

The photos: the usable bundled photos (colorlab/assets/photos) and the training corpus (../shared/data/corpus, never
shipped). Each source (the bundled photos; each Debian package of the corpus) is split on its own, seeded: 12 % test,
12 % validation, the rest training, so every kind of photo is in each split. Photos of people are split by hand (PEOPLE):
the test split holds portraits with faces and skin, and so does the validation split. Validation chooses everything
(recipes, epochs, decodings); the test split is reported once, never chosen on."""
import argparse, csv, random
from pathlib import Path
from colorlab.core import sample_photos_path
from colorlab.data import select_photos

# The photos of people (the corpus manifest's notes, and the two portraits of scikit-image and matplotlib), with their split
PEOPLE = {'skimage_astronaut.jpg': 'test', 'matplotlib_grace_hopper.jpg': 'test', 'kphotoalbum_jesper.jpg': 'test',
          'kphotoalbum_anne_helene.jpg': 'test', 'kphotoalbum_pool.jpg': 'test', 'kodi_concert-crowd.jpg': 'test',
          'kphotoalbum_wayne.jpg': 'valid', 'kphotoalbum_bar55.jpg': 'valid', 'kphotoalbum_new_wave_1.jpg': 'valid',
          'kodi_cinema-hall.jpg': 'valid', 'scipy_face.jpg': 'train', 'kphotoalbum_jesper_2.jpg': 'train',
          'kphotoalbum_bar55_2.jpg': 'train', 'kphotoalbum_cold_water.jpg': 'train', 'kphotoalbum_grand_canyon_1.jpg': 'train',
          'kphotoalbum_grand_canyon_2.jpg': 'train', 'kphotoalbum_new_wave_2.jpg': 'train', 'kphotoalbum_pool_2.jpg': 'train',
          'kphotoalbum_qt-logo.jpg': 'train', 'kodi_tv-remote.jpg': 'train', 'libreoffice_candy-bowl-2.jpg': 'train'}

def main():
    ap = argparse.ArgumentParser(); ap.add_argument('--corpus', default='../shared/data/corpus')
    ap.add_argument('--out', default='colorlab/assets/splits.csv'); ap.add_argument('--seed', type=int, default=42)
    a = ap.parse_args()
    manifest = {r['file']: r['package'] for r in csv.DictReader(open(Path(a.corpus).parent/'corpus-MANIFEST.csv'))}
    groups = {'colorlab sample': [f.name for f in select_photos(sample_photos_path())]}
    for f in select_photos(a.corpus): groups.setdefault(manifest[f.name], []).append(f.name)
    rows = []
    for src, names in sorted(groups.items()):
        rest = sorted(n for n in names if n not in PEOPLE)
        random.Random(f'{a.seed}-{src}').shuffle(rest)
        k = round(0.12 * len(rest))
        split = {n: 'test' if i < k else 'valid' if i < 2 * k else 'train' for i, n in enumerate(rest)}
        split.update({n: PEOPLE[n] for n in names if n in PEOPLE})
        rows += [(n, split[n], src, int(n in PEOPLE)) for n in sorted(names)]
    with open(a.out, 'w', newline='') as f:
        w = csv.writer(f); w.writerow(['file', 'split', 'source', 'people']); w.writerows(rows)
    for s in ('train', 'valid', 'test'):
        print(s, sum(r[1] == s for r in rows), 'photos,', sum(r[1] == s and r[3] for r in rows), 'of people')

if __name__ == '__main__': main()
