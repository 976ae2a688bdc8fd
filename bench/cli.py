#!/usr/bin/env python3
"""Benchmark: `colorlab_colorize PHOTO` end to end on a 12-megapixel photo (4000×3000 JPEG), with the colorizer that
ships — a fresh process each time, as a user's command runs: Python's start, the imports, loading the model, decoding,
colorizing at full resolution and writing the JPEG.

Baselines measured in the same run, each in fresh processes:
- the floor: a process that imports torch and PIL, decodes the same JPEG and writes it again (what any Python tool pays);
- the same colorizing with the model built by fastai and timm (`load_generator(plain=False)`, lesson 5), as it was
  before lesson 5a's plain-PyTorch build.
Goal: `colorlab_colorize` ≤ 5 s on these 2 CPU cores. Best of --repeats runs each.
Usage: python bench/cli.py [--width 4000] [--height 3000] [--repeats 3]"""
import argparse, shutil, subprocess, sys, tempfile, time
from pathlib import Path
from PIL import Image

p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
p.add_argument('--width', type=int, default=4000); p.add_argument('--height', type=int, default=3000)
p.add_argument('--repeats', type=int, default=3)
a = p.parse_args()

def best(cmd):
    ts = []
    for _ in range(a.repeats):
        t = time.perf_counter(); subprocess.run(cmd, check=True, capture_output=True); ts.append(time.perf_counter() - t)
    return min(ts)

with tempfile.TemporaryDirectory() as d:
    from colorlab.core import sample_photos_path
    photo, out = Path(d)/'photo.jpg', Path(d)/'out.jpg'
    src = Image.open(sorted(sample_photos_path().glob('*.jpg'))[0]).convert('RGB')
    src.resize((a.width, a.height), Image.BICUBIC).save(photo, quality=92)
    cli = shutil.which('colorlab_colorize') or sys.exit('colorlab_colorize is not installed (pip install -e .)')
    floor = best([sys.executable, '-c', f"import torch; from PIL import Image; Image.open({str(photo)!r}).convert('RGB').save({str(out)!r}, quality=95)"])
    ours = best([cli, str(photo), '-o', str(Path(d)/'colorized'), '--quiet'])
    fastai = best([sys.executable, '-W', 'ignore', '-c', "from colorlab.models import load_generator; from colorlab.inference import colorize; "
                   f"colorize({str(photo)!r}, load_generator(plain=False)).save({str(out)!r}, quality=95)"])
    print(f"{a.width}×{a.height} JPEG ({a.width * a.height / 1e6:.0f} MP), shipped colorizer, CPU, fresh processes, best of {a.repeats}")
    print(f"  floor (import torch + PIL, decode, write):       {floor:6.2f} s")
    print(f"  colorlab_colorize PHOTO -o FOLDER --quiet:       {ours:6.2f} s   (goal <= 5 s)")
    print(f"  the same with the model built by fastai + timm:  {fastai:6.2f} s")
    print(f"ratio: {ours / floor:.2f}x the floor; the plain build saves {fastai - ours:.2f} s ({fastai / ours:.2f}x faster end to end)")
