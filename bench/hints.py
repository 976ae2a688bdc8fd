#!/usr/bin/env python3
"""Benchmark: how long the click-to-hint widget (lesson 10a) takes to recolor its preview after a click, on the CPU.

A 512-px preview of a photo (the widget's default) is colorized with the hints model that ships with colorlab, as
`HintWidget.redraw` does after each click: k hints so far (1, 5, 10, 20), the photo already seen (the hints model
remembers the automatic colorizer's logits and features for the last photo, so a click recomputes only the hints'
part). Measured in the same run: the same preview colorized without hints (the automatic colorizer, the whole U-Net),
the first click on a new photo (nothing remembered), for scale a reference photo instead of hints, and the public call
with no model named (`colorlab.reference.colorize(preview, hints=...)`, lesson 11), which must reuse the shipped models
it loaded on its first call. The ratio lines report a click against the goal of 0.3 s, and the public call with 10 hints
against the goal of 0.15 s.
Usage: python bench/hints.py [--threads 2] [--repeats 5] [--preview 512]"""
import argparse, random, time, warnings
import numpy as np, torch
from PIL import Image

p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
p.add_argument('--threads', type=int, default=2); p.add_argument('--repeats', type=int, default=5)
p.add_argument('--preview', type=int, default=512)
a = p.parse_args()
torch.set_num_threads(a.threads)
warnings.simplefilter('ignore')
from colorlab.core import sample_photos_path
from colorlab.inference import load_model
from colorlab.hints import load_hint_model
from colorlab.reference import colorize, photo_hints

photo = Image.open(sorted(sample_photos_path().glob('*.jpg'))[0]).convert('RGB')
big = photo.resize((photo.width * 4, photo.height * 4), Image.BICUBIC)  # a photo larger than the preview, shrunk as the widget does
small = big.copy(); small.thumbnail((a.preview, a.preview))
px = np.asarray(small)
H, G = load_hint_model(), load_model()

def best(fn):
    fn(); ts = []
    for _ in range(a.repeats): t = time.perf_counter(); fn(); ts.append(time.perf_counter() - t)
    return min(ts)

auto = best(lambda: colorize(small, G))
print(f"preview {small.width}×{small.height}, {a.threads} threads")
print(f"  without hints (automatic colorizer): {auto:.3f} s")
first = []
for k in range(3):  # a new photo each time: nothing remembered
    H._last = None; t = time.perf_counter(); colorize(small, H, hints=photo_hints(px, 1, random.Random(k))); first.append(time.perf_counter() - t)
print(f"  first click on a new photo:          {min(first):.3f} s")
worst = 0.
for n in (1, 5, 10, 20):
    hints = photo_hints(px, n, random.Random(n))
    s = best(lambda: colorize(small, H, hints=hints))
    worst = max(worst, s)
    print(f"  a click, {n:2d} hints so far:            {s:.3f} s ({s / auto:.2f}× without hints)")
ref = best(lambda: colorize(small, H, reference=photo))
print(f"  a reference photo, no hints:         {ref:.3f} s ({ref / auto:.2f}× without hints; {H.bands} bands of lightness × {H.textures} of texture)")
t = time.perf_counter(); colorize(small, hints=photo_hints(px, 10, random.Random(99))); cold = time.perf_counter() - t  # the first public call loads the models
ten = photo_hints(px, 10, random.Random(10))
public = best(lambda: colorize(small, hints=ten))
print(f"  public call, no model named, 10 hints: {public:.3f} s (its first call, models loaded: {cold:.2f} s)")
print(f"ratio: slowest click {worst:.3f} s = {worst / 0.3:.2f}× the 0.3 s goal")
print(f"ratio: public call with 10 hints {public:.3f} s = {public / 0.15:.2f}× the 0.15 s goal")
