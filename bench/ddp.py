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

Makes: the three lines printed, and the same run as JSON in `--out` (default `bench/results/ddp.json`, committed: lesson 7b
prints its figures from it): the settings, the machine, its load average before and after, every repeat of each side, the
medians and the lines printed.
Usage: python bench/ddp.py [--size 64] [--bs 16] [--steps 20] [--nproc 2] [--threads 2] [--repeats 3] [--device cpu] [--out FILE]"""
import argparse, datetime, json, os, platform, statistics, subprocess, sys, time, warnings
from pathlib import Path

p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
p.add_argument('--size', type=int, default=64); p.add_argument('--bs', type=int, default=16, help='global batch')
p.add_argument('--steps', type=int, default=20); p.add_argument('--nproc', type=int, default=2)
p.add_argument('--threads', type=int, default=os.cpu_count()); p.add_argument('--device', default='cpu')
p.add_argument('--repeats', type=int, default=3)
p.add_argument('--out', default=str(Path(__file__).resolve().parent/'results'/'ddp.json'), help="JSON file for the results ('' for none)")
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


def record(runs, lines, load_before):
    "The run as JSON in `a.out`: settings, machine, load, every repeat, the medians and the lines printed."
    import torch
    ones, groups = [o['photos_per_s'] for o, _ in runs], [g['photos_per_s'] for _, g in runs]
    res = dict(bench='bench/ddp.py', date=datetime.date.today().isoformat(),
               settings=dict(size=a.size, bs=a.bs, steps=a.steps, nproc=a.nproc, threads=a.threads, device=a.device, repeats=a.repeats),
               machine=dict(cpus=os.cpu_count(), platform=platform.platform(terse=True), python=platform.python_version(), torch=torch.__version__,
                            load_average_before=[round(x, 2) for x in load_before], load_average_after=[round(x, 2) for x in os.getloadavg()]),
               one_process=[o for o, _ in runs], group=[g for _, g in runs],
               median=dict(one_process=statistics.median(ones), group=statistics.median(groups),
                           ratio=statistics.median([g / o for o, g in zip(ones, groups)])),
               printed=lines)
    out = Path(a.out); out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(res, indent=1) + '\n')


if a.worker: worker()
else:
    load_before = os.getloadavg()  # other work on the machine moves the figures: recorded with them
    runs = [(side(1), side(a.nproc)) for _ in range(a.repeats)]
    one, group = runs[0]
    med = lambda xs: statistics.median(xs)
    ones, groups = [o['photos_per_s'] for o, _ in runs], [g['photos_per_s'] for _, g in runs]
    ratios = [g / o for o, g in zip(ones, groups)]
    lines = [f"one process:  {med(ones):6.1f} photos/s  (median of {', '.join(f'{x:.1f}' for x in ones)}; batch {one['bs']}, "
             f"{one['threads']} threads, {one['device']}, amp {one['amp']})",
             f"{a.nproc} processes:  {med(groups):6.1f} photos/s  (median of {', '.join(f'{x:.1f}' for x in groups)}; batch {group['bs']} each, "
             f"{group['threads']} thread(s) each, DDP over {'NCCL' if 'cuda' in group['device'] else 'gloo'})",
             f"ratio ({a.nproc} processes / one): {med(ratios):.2f}x  (median of {', '.join(f'{r:.2f}' for r in ratios)}; "
             f"{a.size}x{a.size}, global batch {a.bs}, {a.steps} steps after 3 warm-up steps, {a.repeats} alternating repeats)"]
    print('\n'.join(lines))
    if a.out: record(runs, lines, load_before); print(f"written: {a.out}")
