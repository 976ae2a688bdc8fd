#!/usr/bin/env python3
"""Benchmark: the start-up cost of colorizing. `import colorlab.reference` (what `colorlab_colorize` loads: lesson 7c's
automatic colorizing and lessons 10-11's hints) against
`import torch, PIL.Image, numpy`, each in fresh processes, best of 5. Goal: ratio <= 1.5, no fastai/matplotlib/pandas."""
import subprocess, sys, time

def best_of(code, n=5):
    best = float('inf')
    for _ in range(n):
        t0 = time.perf_counter()
        r = subprocess.run([sys.executable, '-c', code], capture_output=True, text=True, check=True)
        best = min(best, time.perf_counter() - t0)
    return best, r

if __name__ == '__main__':
    base, _ = best_of('import torch, PIL.Image, numpy')
    ours, r = best_of('import sys, colorlab.reference; print(" ".join(sorted({m.split(".")[0] for m in sys.modules})))')
    heavy = sorted(set(r.stdout.split()) & {'fastai', 'matplotlib', 'pandas', 'sklearn', 'skimage', 'torchvision'})
    print(f"import torch, PIL.Image, numpy: {base:.2f} s")
    print(f"import colorlab.reference:      {ours:.2f} s   (heavy packages loaded: {', '.join(heavy) or 'none'}; stderr: {len(r.stderr)} chars)")
    print(f"ratio: {ours / base:.2f}x (goal <= 1.5x)")
