#!/usr/bin/env python3
"""Write the hints model's splits, `colorlab/assets/hints/splits.csv` (`file,split`): only photos that the shipped
automatic colorizer never trained on.

Makes: `colorlab/assets/hints/splits.csv`.
From: the shipped colorizer's `colorlab/assets/model/config.json` (the photos it trained on), the bundled photos and the
corpus (with its manifest's packages), and the file's own earlier rows.
Read by: `scripts/ship_hints.py` (trains and measures the hints model on it), lesson 10 (hints) and the hints model card
(`colorlab/assets/hints/MODEL_CARD.md`).

    python scripts/make_hint_splits.py [--corpus ../shared/data/corpus]

The hints model sits on top of the colorizer that ships (`colorlab/assets/model`), so the photos it learns on, chooses on
and is tested on must all be photos that colorizer never trained on: on its own training photos the colorizer is far
better than on new ones, which would teach the hints model to trust it too much and flatter its test figures. The
colorizer's `config.json` lists the photos of its run (`files`) and the ones it held out (`valid_files`); every other
photo it listed, it trained on. The eligible photos are its held-out photos and the photos its run never listed.

A photo already in `splits.csv` that is still eligible keeps its split (the choices made on validation photos stay
made on them, and test photos stay test photos); a photo no longer eligible is dropped. The others are split by source
(the bundled photos; each Debian package of the corpus), seeded: 35 % test, 20 % validation, the rest training. Running it
again changes nothing; after a new colorizer ships, it drops what that one trained on."""
import argparse, csv, json, random
from pathlib import Path
from colorlab.core import sample_photos_path
from colorlab.data import select_photos

root = Path(__file__).resolve().parent.parent

def main():
    ap = argparse.ArgumentParser(); ap.add_argument('--corpus', default=str(root.parent/'shared'/'data'/'corpus'))
    ap.add_argument('--out', default=str(root/'colorlab'/'assets'/'hints'/'splits.csv')); ap.add_argument('--seed', type=int, default=42)
    a = ap.parse_args()
    cfg = json.loads((root/'colorlab'/'assets'/'model'/'config.json').read_text())
    trained = {Path(f).name for f in cfg['files']} - {Path(f).name for f in cfg['valid_files']}
    manifest = {r['file']: r['package'] for r in csv.DictReader(open(Path(a.corpus).parent/'corpus-MANIFEST.csv'))}
    groups = {'colorlab sample': [f.name for f in select_photos(sample_photos_path())]}
    for f in select_photos(a.corpus): groups.setdefault(manifest[f.name], []).append(f.name)
    out = Path(a.out)
    before = {r['file']: r['split'] for r in csv.DictReader(open(out))} if out.exists() else {}
    split, kept = {}, 0
    for src, names in sorted(groups.items()):
        eligible = sorted(n for n in names if n not in trained)
        for n in eligible:
            if n in before: split[n] = before[n]; kept += 1
        rest = [n for n in eligible if n not in before]
        random.Random(f'{a.seed}-hints-{src}').shuffle(rest)
        k_test, k_valid = round(0.35 * len(rest)), round(0.2 * len(rest))
        split.update({n: 'test' if i < k_test else 'valid' if i < k_test + k_valid else 'train' for i, n in enumerate(rest)})
    with open(out, 'w', newline='') as f:
        w = csv.writer(f); w.writerow(['file', 'split']); w.writerows(sorted(split.items()))
    dropped = sorted(set(before) - set(split))
    print(f"{len(split)} photos the colorizer never trained on ({kept} kept their split, {len(dropped)} dropped: the colorizer trained on them)")
    for s in ('train', 'valid', 'test'): print(s, sum(v == s for v in split.values()))

if __name__ == '__main__': main()
