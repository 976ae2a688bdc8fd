#!/usr/bin/env python3
"""Benchmark: colorizing a 12-megapixel photo (4000×3000) on the CPU, end to end.

colorlab's `colorize` (the model sees the photo with its short side at --size, aspect ratio kept; the predicted ab is
enlarged and joined with the photo's own L; Lab→RGB in strips) against the same work done the classic way in the same
run: resize the photo to a --size square, scikit-image Lab, predict, scikit-image back to RGB, a --size square out (no
full-resolution join). Also times the model alone on the full path's input. The model is the default `colorlab_train`
generator (U-Net, 32 filters, trained at 64; timing does not depend on its weights). Each path runs in its own process so
that its peak memory (RSS) is its own.
The full-resolution path runs eagerly (what one photo gets) and fused (`colorize(..., fused=True)`: its two kernels compiled
by torch.compile once per process, for many large photos); both are timed after a first call, and the first fused
call's compile time is printed. The path holds no full-size float image: the L* the model sees is shrunk strip by strip
as it is computed, and each output strip is joined from the photo's own pixels and pasted into the PIL image returned,
so the only large buffers are the decoded pixels and that image. The ratio line reports the fused path against the goal
of 8 ms per megapixel.
Usage: python bench/colorize.py [--size 256] [--width 4000] [--height 3000] [--threads 2] [--repeats 3]"""
import argparse, json, resource, subprocess, sys, tempfile, time, warnings
from pathlib import Path
import numpy as np, torch
from PIL import Image

p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
p.add_argument('--size', type=int, default=256); p.add_argument('--width', type=int, default=4000)
p.add_argument('--height', type=int, default=3000); p.add_argument('--threads', type=int, default=2)
p.add_argument('--repeats', type=int, default=3)
p.add_argument('--side', choices=['colorlab', 'fused', 'classic', 'model', 'decode'], help=argparse.SUPPRESS)
p.add_argument('--photo', help=argparse.SUPPRESS)
a = p.parse_args()


def best(fn):
    fn(); ts = []
    for _ in range(a.repeats): t = time.perf_counter(); fn(); ts.append(time.perf_counter() - t)
    return min(ts)


def run_side(side):
    torch.set_num_threads(a.threads)
    warnings.simplefilter('ignore')
    from colorlab.models import make_generator
    G = make_generator('unet', 64, nf=32).eval()
    if side in ('colorlab', 'fused'):
        from colorlab.inference import colorize
        model, fused = (G, 64, 64), side == 'fused'
        t0 = time.perf_counter(); out = colorize(a.photo, model, size=a.size, fused=fused); first = time.perf_counter() - t0
        secs = best(lambda: colorize(a.photo, model, size=a.size, fused=fused))
        size = out.size
        if fused:  # the output agrees with the eager path's
            ref = np.asarray(colorize(a.photo, model, size=a.size)).astype(int)
            assert np.abs(np.asarray(out).astype(int) - ref).max() <= 1
    elif side == 'decode':
        def decode():
            with Image.open(a.photo) as im: im.load()
            return im
        secs = best(decode)
        size = decode().size
    elif side == 'model':
        from colorlab.inference import _pad_to
        h = a.size; w = round(a.width * a.size / a.height)
        x = _pad_to(torch.zeros(1, 1, h, w), 64)
        with torch.no_grad(): secs = best(lambda: G(x))
        size = tuple(x.shape[-2:])
    else:
        from skimage.color import rgb2lab, lab2rgb
        def classic():
            img = np.asarray(Image.open(a.photo).convert('RGB').resize((a.size, a.size), Image.BICUBIC))
            L = torch.from_numpy(rgb2lab(img)[..., 0].astype('float32'))[None, None] / 50. - 1.
            with torch.no_grad(): ab = G(L)[0].permute(1, 2, 0).numpy() * 110.
            lab = np.concatenate([(L[0, 0].numpy()[..., None] + 1.) * 50., ab], -1)
            return Image.fromarray((lab2rgb(lab) * 255).round().astype(np.uint8))
        secs = best(classic)
        size = classic().size
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(dict(side=side, secs=secs, peak_mb=peak, size=list(size), first=locals().get('first'))))


if a.side: run_side(a.side); sys.exit()

with tempfile.TemporaryDirectory() as d:
    from colorlab.core import sample_photos_path
    photo = Path(d)/'photo.jpg'
    src = Image.open(sorted(sample_photos_path().glob('*.jpg'))[0]).convert('L')
    src.resize((a.width, a.height), Image.BICUBIC).save(photo, quality=92)
    res = {}
    for side in ('classic', 'decode', 'model', 'colorlab', 'fused'):
        out = subprocess.run([sys.executable, __file__, '--side', side, '--photo', str(photo)] + sys.argv[1:], capture_output=True, text=True)
        if out.returncode: sys.exit(f"{side} failed:\n{out.stderr[-3000:]}")
        res[side] = json.loads(out.stdout.strip().splitlines()[-1])

c, dec, m, k, f = res['classic'], res['decode'], res['model'], res['colorlab'], res['fused']
mp = a.width * a.height / 1e6
print(f"colorize a {a.width}×{a.height} grayscale JPEG ({mp:.0f} MP), working size {a.size}, CPU ({a.threads} threads), torch {torch.__version__}")
print(f"  classic (square {a.size}×{a.size} in and out, scikit-image Lab):  {c['secs']:6.2f} s   peak memory {c['peak_mb']:6.0f} MB   output {c['size'][0]}×{c['size'][1]}")
print(f"  decoding the JPEG alone (both paths pay it):           {dec['secs']:6.2f} s")
print(f"  model alone on colorlab's input ({m['size'][1]}×{m['size'][0]}):          {m['secs']:6.2f} s")
print(f"  colorlab colorize (aspect kept, full-resolution join): {k['secs']:6.2f} s   peak memory {k['peak_mb']:6.0f} MB   output {k['size'][0]}×{k['size'][1]}")
print(f"  colorlab colorize, fused join (torch.compile):       {f['secs']:6.2f} s   peak memory {f['peak_mb']:6.0f} MB   (first call, compiling: {f['first']:.1f} s, once per process)")
join, fjoin = (x['secs'] - m['secs'] - dec['secs'] for x in (k, f))
print(f"  beyond decoding and the model: {join:.3f} s eager, {fjoin:.3f} s fused")
print(f"ratio: {f['secs'] / c['secs']:.2f}x the classic time; beyond decoding and the model, the full-resolution path costs "
      f"{fjoin / mp * 1e3:.1f} ms per megapixel fused (goal <= 8), {join / mp * 1e3:.1f} eager")
