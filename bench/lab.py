#!/usr/bin/env python3
"""Benchmark: RGB → Lab, and Lab → RGB, for 64 photos of 256×256 on the CPU.

colorlab's batched conversion (eager: lesson 1's `rgb_to_lab` / `lab_to_rgb`; fused: lesson 1a's `torch.compile`d
`fused_rgb_to_lab` / `fused_lab_to_rgb`) against scikit-image's per-image `rgb2lab`,
the way classic colorization tutorials call it inside `Dataset.__getitem__`. Same photos, same run; prints the time of
each, the speed ratios, the compile warm-up (separately) and the largest difference from scikit-image.
colorlab converts the photos as training does, in batches of --bs (16, `colorlab_train`'s default), and also as one
batch of all 64. The second costs more than its arithmetic: its 48 MB output is larger than what glibc's malloc reuses
from its heap (32 MB at most), so every call maps fresh memory and pays one page fault per 4 KB page; batches of 16
(12 MB) reuse the same memory from call to call. Both are printed; the ratio line reports the training's batches.
Usage: python bench/lab.py [--n 64] [--size 256] [--bs 16] [--threads 2] [--repeats 5]"""
import argparse, time, warnings
import numpy as np, torch
from PIL import Image
from skimage.color import rgb2lab, lab2rgb
from colorlab.core import sample_photos_path
from colorlab.lab import rgb_to_lab, lab_to_rgb
from colorlab.fast import fused_rgb_to_lab, fused_lab_to_rgb

p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
p.add_argument('--n', type=int, default=64); p.add_argument('--size', type=int, default=256)
p.add_argument('--bs', type=int, default=16); p.add_argument('--threads', type=int, default=2)
p.add_argument('--repeats', type=int, default=5)
a = p.parse_args()
torch.set_num_threads(a.threads)
warnings.simplefilter('ignore')

files = sorted(sample_photos_path().glob('*.jpg'))[:a.n]
imgs = np.stack([np.asarray(Image.open(f).convert('RGB').resize((a.size, a.size), Image.BICUBIC)) for f in files])
batch = torch.from_numpy(imgs).permute(0, 3, 1, 2).contiguous()  # N×3×H×W uint8

def best(fn):
    fn(); ts = []
    for _ in range(a.repeats): t = time.perf_counter(); fn(); ts.append(time.perf_counter() - t)
    return min(ts)

def batched(fn, x): return torch.cat([fn(x[i:i + a.bs]) for i in range(0, len(x), a.bs)])  # (cat only to check the result)
def in_batches(fn, x): return lambda: [fn(x[i:i + a.bs]) for i in range(0, len(x), a.bs)]

t_sk = best(lambda: [rgb2lab(i) for i in imgs])
ref = torch.from_numpy(np.stack([rgb2lab(i) for i in imgs])).permute(0, 3, 1, 2)
t_eager = best(in_batches(rgb_to_lab, batch))
fused = fused_rgb_to_lab
t0 = time.perf_counter(); fused(batch[:a.bs]); warm = time.perf_counter() - t0
t_fused = best(in_batches(fused, batch))
err_eager = (batched(rgb_to_lab, batch).double() - ref).abs().max().item()
err_fused = (batched(fused, batch).double() - ref).abs().max().item()

print(f"RGB→Lab, {a.n} photos {a.size}×{a.size}, CPU, {a.threads} threads, torch {torch.__version__}")
print(f"  scikit-image rgb2lab, per image        : {t_sk*1e3:8.1f} ms")
print(f"  colorlab eager, batches of {a.bs:<3}         : {t_eager*1e3:8.1f} ms   {t_sk/t_eager:5.1f}x scikit-image   max error {err_eager:.1e}")
print(f"  colorlab fused, batches of {a.bs:<3}         : {t_fused*1e3:8.1f} ms   {t_sk/t_fused:5.1f}x scikit-image   max error {err_fused:.1e}")
print(f"  fused warm-up (first call, torch.compile): {warm:.1f} s, once per process")

labs = [rgb2lab(i) for i in imgs]
lab_batch = rgb_to_lab(batch)
t_sk_back = best(lambda: [lab2rgb(l) for l in labs])
ref_back = torch.from_numpy(np.stack([lab2rgb(l) for l in labs])).permute(0, 3, 1, 2)
fused_back = lambda x: fused_lab_to_rgb(x).clamp_(0, 1)  # clipped, as lab_to_rgb clips
t_eager_back = best(in_batches(lab_to_rgb, lab_batch))
fused_back(lab_batch[:a.bs])
t_fused_back = best(in_batches(fused_back, lab_batch))
err_back = (batched(fused_back, lab_batch).double() - ref_back).abs().max().item()
print(f"Lab→RGB, the same photos")
print(f"  scikit-image lab2rgb, per image        : {t_sk_back*1e3:8.1f} ms")
print(f"  colorlab eager, batches of {a.bs:<3}         : {t_eager_back*1e3:8.1f} ms   {t_sk_back/t_eager_back:5.1f}x scikit-image")
print(f"  colorlab fused, batches of {a.bs:<3}         : {t_fused_back*1e3:8.1f} ms   {t_sk_back/t_fused_back:5.1f}x scikit-image   max error {err_back:.1e} (0…1 scale)")
t_fused_one, t_fused_back_one = best(lambda: fused(batch)), best(lambda: fused_back(lab_batch))  # last: large blocks unsettle the heap
err_fused = max(err_fused, (fused(batch).double() - ref).abs().max().item())
print(f"One batch of all {a.n} (a fresh {batch.numel() * 4 / 2**20:.0f} MB output each call)")
print(f"  colorlab fused RGB→Lab                 : {t_fused_one*1e3:8.1f} ms   {t_sk/t_fused_one:5.1f}x scikit-image")
print(f"  colorlab fused Lab→RGB                 : {t_fused_back_one*1e3:8.1f} ms   {t_sk_back/t_fused_back_one:5.1f}x scikit-image")
print(f"ratio: {t_sk/t_fused:.1f}x RGB→Lab in batches of {a.bs} (fused vs scikit-image; goal >= 10x at <= 1e-3 error, max error {err_fused:.1e}), "
      f"{t_sk/t_fused_one:.1f}x as one batch of {a.n}; Lab→RGB {t_sk_back/t_fused_back:.1f}x / {t_sk_back/t_fused_back_one:.1f}x")
