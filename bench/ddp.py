#!/usr/bin/env python3
"""Benchmark: training photos per second of one process against a torchrun group of N processes (DDP), same global batch.

One process uses every thread it is given (`--threads`, default: the cores); the group is N processes (`--nproc`, default
2) started by torchrun, each with `--threads / N` threads on the CPU (gloo) or one GPU each (NCCL). Both run
colorlab's pix2pix GAN step (`Pix2Pix.train_step`, U-Net nf 32, PatchGAN, mixed precision where the hardware has it)
on the same photos, with the same global batch: `--bs` photos per step in the single process, `--bs / N` in each
process of the group, whose gradients DDP averages. The group's step also averages its losses (one all-reduce), as
`Pix2Pix.fit` does. Each side warms up for 3 steps, then runs `--steps` steps; the two sides alternate `--repeats` times
(each in fresh processes), and the median of each side and of the ratios is printed: other load on the machine shows as
spread between the repeats.
Usage: python bench/ddp.py [--size 64] [--bs 16] [--steps 20] [--nproc 2] [--threads 2] [--repeats 3] [--device cpu]"""
import argparse, json, os, statistics, subprocess, sys, time, warnings

p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
p.add_argument('--size', type=int, default=64); p.add_argument('--bs', type=int, default=16, help='global batch')
p.add_argument('--steps', type=int, default=20); p.add_argument('--nproc', type=int, default=2)
p.add_argument('--threads', type=int, default=os.cpu_count()); p.add_argument('--device', default='cpu')
p.add_argument('--repeats', type=int, default=3)
p.add_argument('--worker', action='store_true', help=argparse.SUPPRESS)
a = p.parse_args()


def worker():
    "One side: a single process, or one process of a torchrun group (rank 0 prints a JSON line)."
    import torch
    from colorlab.data import colorization_dls
    from colorlab.unet import unet_generator
    from colorlab.patchgan import patch_discriminator
    from colorlab.train import Pix2Pix
    from colorlab.distributed import process_group
    warnings.simplefilter('ignore')
    torch.set_num_threads(int(os.environ['BENCH_THREADS']))
    group = process_group(a.device)
    bs = a.bs // group.world
    dls = colorization_dls(size=a.size, bs=bs, n_images=120, seed=0, device=group.device or a.device)
    torch.manual_seed(0)
    t = Pix2Pix(dls, unet_generator(a.size, nf=32), patch_discriminator(), dist=group)
    def batches():
        while True: yield from t.dist.shard(dls.train)
    it = batches()
    def step(): L, ab = next(it); t.dist.mean(t.train_step(L, ab))
    def sync():
        if t.device.type == 'cuda': torch.cuda.synchronize(t.device)
        t.dist.barrier()
    for _ in range(3): step()
    sync(); t0 = time.perf_counter()
    for _ in range(a.steps): step()
    sync(); secs = time.perf_counter() - t0
    if t.dist.writer:
        print(json.dumps(dict(world=group.world, bs=bs, threads=torch.get_num_threads(), device=str(t.device), amp=str(t.amp),
                              photos_per_s=a.steps * bs * group.world / secs)), flush=True)
    group.close()


def side(n):
    "photos/s of one side: a single process (n = 1) or a torchrun group of n."
    env = dict(os.environ, BENCH_THREADS=str(max(1, a.threads // n)), OMP_NUM_THREADS=str(max(1, a.threads // n)))
    me = [os.path.abspath(__file__), '--worker', *sys.argv[1:]]
    cmd = ([sys.executable, *me] if n == 1 else
           [sys.executable, '-m', 'torch.distributed.run', '--standalone', f'--nproc_per_node={n}', *me])
    r = subprocess.run(cmd, capture_output=True, text=True, env=env)
    lines = [l for l in r.stdout.splitlines() if l.startswith('{')]
    if r.returncode or not lines: sys.exit(f"{'one process' if n == 1 else f'{n} processes'} failed:\n{r.stderr[-2000:]}")
    return json.loads(lines[-1])


if a.worker: worker()
else:
    runs = [(side(1), side(a.nproc)) for _ in range(a.repeats)]
    one, group = runs[0]
    med = lambda xs: statistics.median(xs)
    ones, groups = [o['photos_per_s'] for o, _ in runs], [g['photos_per_s'] for _, g in runs]
    ratios = [g / o for o, g in zip(ones, groups)]
    print(f"one process:  {med(ones):6.1f} photos/s  (median of {', '.join(f'{x:.1f}' for x in ones)}; batch {one['bs']}, "
          f"{one['threads']} threads, {one['device']}, amp {one['amp']})")
    print(f"{a.nproc} processes:  {med(groups):6.1f} photos/s  (median of {', '.join(f'{x:.1f}' for x in groups)}; batch {group['bs']} each, "
          f"{group['threads']} thread(s) each, DDP over {'NCCL' if 'cuda' in group['device'] else 'gloo'})")
    print(f"ratio ({a.nproc} processes / one): {med(ratios):.2f}x  (median of {', '.join(f'{r:.2f}' for r in ratios)}; "
          f"{a.size}x{a.size}, global batch {a.bs}, {a.steps} steps after 3 warm-up steps, {a.repeats} alternating repeats)")
