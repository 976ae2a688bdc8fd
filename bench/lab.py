#!/usr/bin/env python3
"""Benchmark: RGB → Lab, and Lab → RGB, for 64 photos of 256×256 on the CPU.

colorlab's batched conversion (eager, and the fused `torch.compile` kernel) against scikit-image's per-image `rgb2lab`,
the way classic colorization tutorials call it inside `Dataset.__getitem__`. Same photos, same run; prints the time of
each, the speed ratios, the compile warm-up (separately) and the largest difference from scikit-image.
The fused kernel's output, a fresh 50 MB tensor per call, is mapped anew by glibc's malloc every time (blocks over 32 MB
always are) and costs its 12,800 page faults on every call: 15 of the kernel's 35 ms here. A second process runs both
sides again with glibc's own tunables `MALLOC_MMAP_THRESHOLD_` and `MALLOC_TRIM_THRESHOLD_` at 1 GiB, so that large
blocks are reused from the heap (what jemalloc or tcmalloc, which PyTorch's CPU tuning guide recommends, also do); both
results are printed.
Usage: python bench/lab.py [--n 64] [--size 256] [--threads 2] [--repeats 5]"""
import argparse, json, os, subprocess, sys, time, warnings
import numpy as np, torch
from PIL import Image
from skimage.color import rgb2lab, lab2rgb
from colorlab.core import sample_photos_path
from colorlab.lab import rgb_to_lab, lab_to_rgb

p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
p.add_argument('--n', type=int, default=64); p.add_argument('--size', type=int, default=256)
p.add_argument('--threads', type=int, default=2); p.add_argument('--repeats', type=int, default=5)
p.add_argument('--fused-only', action='store_true', help=argparse.SUPPRESS)
a = p.parse_args()
torch.set_num_threads(a.threads)

files = sorted(sample_photos_path().glob('*.jpg'))[:a.n]
imgs = np.stack([np.asarray(Image.open(f).convert('RGB').resize((a.size, a.size), Image.BICUBIC)) for f in files])
batch = torch.from_numpy(imgs).permute(0, 3, 1, 2).contiguous()  # N×3×H×W uint8

def best(fn, repeats=a.repeats):
    fn(); ts = []
    for _ in range(repeats): t = time.perf_counter(); fn(); ts.append(time.perf_counter() - t)
    return min(ts)

if a.fused_only:  # the child process: scikit-image and the fused kernels, under this process's allocator settings
    rgb_to_lab(batch, fused=True); lab_batch = rgb_to_lab(batch); labs = [rgb2lab(i) for i in imgs]
    print(json.dumps(dict(sk=best(lambda: [rgb2lab(i) for i in imgs]), to_lab=best(lambda: rgb_to_lab(batch, fused=True)),
                          sk_back=best(lambda: [lab2rgb(l) for l in labs]), to_rgb=(lab_to_rgb(lab_batch, fused=True), best(lambda: lab_to_rgb(lab_batch, fused=True)))[1])))
    sys.exit()

t_sk = best(lambda: [rgb2lab(i) for i in imgs])
ref = torch.from_numpy(np.stack([rgb2lab(i) for i in imgs])).permute(0, 3, 1, 2)
t_eager = best(lambda: rgb_to_lab(batch))
t0 = time.perf_counter(); rgb_to_lab(batch, fused=True); warm = time.perf_counter() - t0
t_fused = best(lambda: rgb_to_lab(batch, fused=True))
err_eager = (rgb_to_lab(batch).double() - ref).abs().max().item()
err_fused = (rgb_to_lab(batch, fused=True).double() - ref).abs().max().item()

print(f"RGB→Lab, {a.n} photos {a.size}×{a.size}, CPU, {a.threads} threads, torch {torch.__version__}")
print(f"  scikit-image rgb2lab, per image : {t_sk*1e3:8.1f} ms")
print(f"  colorlab eager, batched         : {t_eager*1e3:8.1f} ms   {t_sk/t_eager:5.1f}x scikit-image   max error {err_eager:.1e}")
print(f"  colorlab fused, batched         : {t_fused*1e3:8.1f} ms   {t_sk/t_fused:5.1f}x scikit-image   max error {err_fused:.1e}")
print(f"  fused warm-up (first call, torch.compile): {warm:.1f} s, once per process")
labs = [rgb2lab(i) for i in imgs]
lab_batch = rgb_to_lab(batch)
t_sk_back = best(lambda: [lab2rgb(l) for l in labs])
ref_back = torch.from_numpy(np.stack([lab2rgb(l) for l in labs])).permute(0, 3, 1, 2)
t_eager_back = best(lambda: lab_to_rgb(lab_batch))
lab_to_rgb(lab_batch, fused=True)
t_fused_back = best(lambda: lab_to_rgb(lab_batch, fused=True))
err_back = (lab_to_rgb(lab_batch, fused=True).double() - ref_back).abs().max().item()
print(f"Lab→RGB, the same photos")
print(f"  scikit-image lab2rgb, per image : {t_sk_back*1e3:8.1f} ms")
print(f"  colorlab eager, batched         : {t_eager_back*1e3:8.1f} ms   {t_sk_back/t_eager_back:5.1f}x scikit-image")
print(f"  colorlab fused, batched         : {t_fused_back*1e3:8.1f} ms   {t_sk_back/t_fused_back:5.1f}x scikit-image   max error {err_back:.1e} (0…1 scale)")
GIB = str(2 ** 30)
out = subprocess.run([sys.executable, __file__, '--fused-only'] + sys.argv[1:], capture_output=True, text=True,
                     env=dict(os.environ, MALLOC_MMAP_THRESHOLD_=GIB, MALLOC_TRIM_THRESHOLD_=GIB))
if out.returncode: sys.exit(f"the second process failed:\n{out.stderr[-2000:]}")
r = json.loads(out.stdout.strip().splitlines()[-1])
print(f"With large blocks reused (MALLOC_MMAP_THRESHOLD_ and MALLOC_TRIM_THRESHOLD_ = 1 GiB; another process, same photos)")
print(f"  scikit-image rgb2lab, per image : {r['sk']*1e3:8.1f} ms")
print(f"  colorlab fused RGB→Lab          : {r['to_lab']*1e3:8.1f} ms   {r['sk']/r['to_lab']:5.1f}x scikit-image")
print(f"  scikit-image lab2rgb, per image : {r['sk_back']*1e3:8.1f} ms")
print(f"  colorlab fused Lab→RGB          : {r['to_rgb']*1e3:8.1f} ms   {r['sk_back']/r['to_rgb']:5.1f}x scikit-image")
print(f"ratio: {r['sk']/r['to_lab']:.1f}x RGB→Lab with large blocks reused, {t_sk/t_fused:.1f}x with glibc's default (fused vs scikit-image; "
      f"goal >= 10x at <= 1e-3 error, max error {err_fused:.1e}); Lab→RGB {r['sk_back']/r['to_rgb']:.1f}x / {t_sk_back/t_fused_back:.1f}x")
