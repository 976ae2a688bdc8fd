#!/usr/bin/env python3
"""Benchmark: images per second of a full pix2pix training step, data loading included.

colorlab's trainer (`colorization_dls` + `Pix2Pix.train_step`: photos decoded and resized once and cached, Lab computed
per batch on the device, mixed precision where the hardware has it, channels-last on CUDA, fused Adam) against a plain
reimplementation of the classic tutorial's loop (a `Dataset` whose `__getitem__` decodes and resizes the JPEG and converts
it to Lab with scikit-image, every epoch; float32 throughout). Same generator (the pix2pix U-Net, 64 filters), same
discriminator, batch size, photos and number of steps, in the same run. Each side runs in its own process so that its
peak memory is its own. Prints images/s of each, the ratio, and the peak memory (RSS on the CPU, allocated on CUDA).
On the CPU both sides' convolutions are then profiled for two more steps: their time bounds what any trainer can gain.
Usage: python bench/train.py [--size 128] [--bs 16] [--n 96] [--epochs 3] [--threads 2] [--device cpu]"""
import argparse, json, os, resource, subprocess, sys, time, warnings
import numpy as np, torch
from PIL import Image

p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
p.add_argument('--size', type=int, default=128); p.add_argument('--bs', type=int, default=16)
p.add_argument('--n', type=int, default=96, help='photos (80%% train)'); p.add_argument('--epochs', type=int, default=3)
p.add_argument('--threads', type=int, default=2); p.add_argument('--device', default='cpu')
p.add_argument('--side', choices=['classic', 'colorlab'], help=argparse.SUPPRESS)
a = p.parse_args()


def peak_mb(dev):
    if dev.type == 'cuda': return torch.cuda.max_memory_allocated(dev) / 2**20
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def timed_epochs(step, batches, n_epochs, dev):
    "Run `step` on every batch of `batches()` for `n_epochs`; the first step is a warm-up. Returns (images, seconds)."
    sync = (lambda: torch.cuda.synchronize(dev)) if dev.type == 'cuda' else (lambda: None)
    imgs, t0, first = 0, None, True
    for _ in range(n_epochs):
        for L, ab in batches():
            step(L, ab)
            if first: sync(); t0, first = time.perf_counter(), False
            else: imgs += len(L)
    sync()
    return imgs, time.perf_counter() - t0


def conv_seconds(step, batches, dev, n=2):
    "Seconds per step spent in convolutions (forward and backward, by PyTorch's profiler) over `n` steps."
    from torch.profiler import profile, ProfilerActivity
    bs = [b for _, b in zip(range(n), batches())]
    with profile(activities=[ProfilerActivity.CPU]) as prof:
        for L, ab in bs: step(L, ab)
    return sum(e.self_cpu_time_total for e in prof.key_averages() if 'conv' in e.key) / len(bs) / 1e6 if dev.type == 'cpu' else float('nan')


def run_side(side):
    torch.set_num_threads(a.threads)
    warnings.simplefilter('ignore')
    from colorlab.core import set_seed, sample_photos_path
    from colorlab.data import select_photos
    from colorlab.unet import unet_generator
    from colorlab.patchgan import patch_discriminator
    dev = torch.device(a.device)
    files = select_photos(sample_photos_path(), n_images=a.n, seed=42)
    set_seed(0); G, D = unet_generator(a.size, nf=64), patch_discriminator()
    t_setup = time.perf_counter()
    if side == 'colorlab':
        from colorlab.data import colorization_dls
        from colorlab.train import Pix2Pix
        dls = colorization_dls(files, size=a.size, bs=a.bs, device=dev)
        t = Pix2Pix(dls, G, D)
        setup = time.perf_counter() - t_setup
        imgs, secs = timed_epochs(t.train_step, lambda: dls.train, a.epochs, dev)
        extra = dict(amp=str(t.amp), channels_last=t.cl, conv=conv_seconds(t.train_step, lambda: dls.train, dev))
    else:
        from torch.utils.data import Dataset, DataLoader
        from torchvision import transforms
        from skimage.color import rgb2lab

        class ColorizationDataset(Dataset):  # the classic tutorial's dataset: everything per image, every epoch
            def __init__(self, paths, size):
                self.paths = paths
                self.tfms = transforms.Compose([transforms.Resize((size, size), Image.BICUBIC), transforms.RandomHorizontalFlip()])
            def __len__(self): return len(self.paths)
            def __getitem__(self, i):
                img = self.tfms(Image.open(self.paths[i]).convert('RGB'))
                lab = transforms.ToTensor()(rgb2lab(np.array(img)).astype('float32'))
                return lab[[0]] / 50. - 1., lab[[1, 2]] / 110.

        n_train = len(files) - int(0.2 * len(files))
        dl = DataLoader(ColorizationDataset(files[:n_train], a.size), batch_size=a.bs, shuffle=True, drop_last=True)
        G, D = G.to(dev), D.to(dev)
        opt_G = torch.optim.Adam(G.parameters(), 2e-4, betas=(0.5, 0.999))
        opt_D = torch.optim.Adam(D.parameters(), 2e-4, betas=(0.5, 0.999))
        bce = torch.nn.BCEWithLogitsLoss()

        def step(L, ab):
            L, ab = L.to(dev), ab.to(dev)
            fake = G(L)
            p_fake, p_real = D(torch.cat([L, fake.detach()], 1)), D(torch.cat([L, ab], 1))
            loss_D = (bce(p_fake, torch.zeros_like(p_fake)) + bce(p_real, torch.ones_like(p_real))) / 2
            opt_D.zero_grad(); loss_D.backward(); opt_D.step()
            for q in D.parameters(): q.requires_grad = False
            p_fake = D(torch.cat([L, fake], 1))
            loss_G = bce(p_fake, torch.ones_like(p_fake)) + 100. * (fake - ab).abs().mean()
            opt_G.zero_grad(); loss_G.backward(); opt_G.step()
            for q in D.parameters(): q.requires_grad = True
        setup = time.perf_counter() - t_setup
        imgs, secs = timed_epochs(step, lambda: dl, a.epochs, dev)
        extra = dict(amp='None', channels_last=False, conv=conv_seconds(step, lambda: dl, dev))
    print(json.dumps(dict(side=side, imgs=imgs, secs=secs, ips=imgs / secs, setup=setup, peak_mb=peak_mb(dev), **extra)))


if a.side: run_side(a.side); sys.exit()

res = {}
for side in ('classic', 'colorlab'):
    out = subprocess.run([sys.executable, __file__, '--side', side] + sys.argv[1:], capture_output=True, text=True)
    if out.returncode: sys.exit(f"{side} side failed:\n{out.stderr[-3000:]}")
    res[side] = json.loads(out.stdout.strip().splitlines()[-1])

c, k = res['classic'], res['colorlab']
print(f"pix2pix training step, {a.size}×{a.size}, batch {a.bs}, U-Net nf=64 + PatchGAN, {a.n} photos, {a.epochs} epochs, "
      f"{a.device} ({a.threads} threads), torch {torch.__version__}")
print(f"  classic loop (per-image decode + resize + scikit-image Lab, float32): {c['ips']:6.1f} img/s  "
      f"peak memory {c['peak_mb']:7.0f} MB")
print(f"  colorlab (cached photos, batched Lab, amp={k['amp']}, channels_last={k['channels_last']}):  {k['ips']:6.1f} img/s  "
      f"peak memory {k['peak_mb']:7.0f} MB   (decode+resize cache built once in {k['setup']:.1f} s)")
if a.device == 'cpu':  # where the time goes: a step is mostly convolutions, and 16-bit helps them only as much as the CPU allows
    cs, ks = a.bs / c['ips'], a.bs / k['ips']
    print(f"  convolutions (profiled): classic {c['conv']:.2f} of its {cs:.2f} s a step, colorlab {k['conv']:.2f} of its {ks:.2f} s "
          f"({c['conv'] / k['conv']:.2f}x faster); were everything else free, colorlab could reach {cs / k['conv']:.2f}x")
print(f"ratio: {k['ips'] / c['ips']:.2f}x images/s (colorlab vs classic; goal >= 2x on the CPU)")
