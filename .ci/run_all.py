#!/usr/bin/env python3
"""Run every lesson as Colab's "Run all" does: every code cell in order, including the ones `nbdev_test` skips
(`#| eval: false`, `#| slow`, `#| cuda`), except the Colab install cell. Each notebook runs in a fresh process, in a
temporary folder of its own (as on Colab, where the lesson is a lone notebook: nothing is written into the checkout).

    python .ci/run_all.py [NOTEBOOK ...] [--full] [--test] [--limit SECONDS]

By default this is a learner's Run all: IN_TEST is not set, so lessons run at the sizes a learner gets, with FULL off.
Each lesson's time is printed; a lesson that takes longer than --limit (180 s) fails. OMP_WAIT_POLICY=PASSIVE unless
set: idle PyTorch threads sleep rather than spin, so that a lesson's time does not depend on what else runs beside it.

--full is the dry run of the FULL path: every lesson's `FULL = False` is run as `FULL = True`, on the CPU, with
COLORLAB_DRY_RUN set (lesson 0's `recipe` shrinks the recipe's sizes and epochs, `full_run` lets FULL cells run without
a GPU) and local stand-ins for what Colab would download: fastai's COCO sample (a folder laid out like it, made from
the bundled photos, under FASTAI_HOME) and ResNet18's ImageNet weights (a state dict in torchvision's format, written
here, in TORCH_HOME's cache). So every line a GPU learner would run has run.

--test sets IN_TEST, as `nbdev_test` does (the lessons' test sizes).
Exits 1 and names the cell if any cell raises, or if a lesson is too slow. Writes only under a temporary folder."""
import json, os, re, shutil, subprocess, sys, tempfile, time
from pathlib import Path

root = Path(__file__).resolve().parent.parent
RUNNER = r'''
import json, sys
from IPython.core.interactiveshell import InteractiveShell
nb = json.load(open(sys.argv[1]))
sh = InteractiveShell.instance(colors='NoColor')
for i, c in enumerate(nb['cells']):
    if c['cell_type'] != 'code': continue
    src = ''.join(c['source'])
    if 'google.colab' in src and 'pip' in src and 'install' in src: continue  # the Colab install cell
    r = sh.run_cell(src, store_history=False, silent=False)
    if not r.success:
        print(f"\nCELL {i} (id {c.get('id')}) FAILED:\n{src[:800]}", file=sys.stderr); sys.exit(1)
'''
FULL_SWITCH = re.compile(r'^FULL = False\b', re.M)

def full_standins(work:Path) -> dict:
    "Local stand-ins for what a FULL run downloads; the environment that points the lessons at them."
    photos = sorted((root/'colorlab'/'assets'/'photos').glob('*.jpg'))
    coco = work/'fastai'/'data'/'coco_sample'/'train_sample'  # where fastai's untar_data(URLs.COCO_SAMPLE) finds it
    coco.mkdir(parents=True)
    for f in photos: shutil.copy(f, coco/f.name)
    import torch
    from torchvision.models import resnet18, ResNet18_Weights
    ckpt = work/'torch'/'hub'/'checkpoints'/Path(ResNet18_Weights.IMAGENET1K_V1.url).name  # where torchvision looks first
    ckpt.parent.mkdir(parents=True)
    torch.manual_seed(0)
    torch.save(resnet18(weights=None).state_dict(), ckpt)  # random weights, in the format of the real ones
    print(f"FULL dry run: a COCO-sample stand-in of {len(photos)} bundled photos, a ResNet18 state dict in torchvision's cache")
    return dict(COLORLAB_DRY_RUN='1', FASTAI_HOME=str(work/'fastai'), TORCH_HOME=str(work/'torch'))

def full_on(nb:dict) -> bool:
    "Turn the notebook's `FULL = False` switch on, in place; whether it had one."
    found = False
    for c in nb['cells']:
        s = ''.join(c['source'])
        if c['cell_type'] == 'code' and FULL_SWITCH.search(s): c['source'], found = FULL_SWITCH.sub('FULL = True', s), True
    return found

def _text(b) -> str: return b.decode(errors='replace') if isinstance(b, bytes) else (b or '')

def run(nb:Path, work:Path, env:dict, full:bool, limit:float) -> tuple:
    "Run `nb` in a folder of its own under `work`: (exit code, seconds, output, whether FULL was switched on)."
    d = work/nb.stem; (d/'tmp').mkdir(parents=True)
    content = json.loads(nb.read_text())
    switched = full and full_on(content)
    (d/nb.name).write_text(json.dumps(content))
    env = dict(env, TMPDIR=str(d/'tmp'))  # the lesson's temporary files, removed with the folder
    t0 = time.time()
    try:
        r = subprocess.run([sys.executable, '-c', RUNNER, nb.name], cwd=d, env=env, capture_output=True, text=True, timeout=2 * limit + 60)
        return r.returncode, time.time() - t0, r.stdout + r.stderr, switched
    except subprocess.TimeoutExpired as e:
        return 124, time.time() - t0, _text(e.stdout) + _text(e.stderr) + f"\nstopped after {time.time() - t0:.0f} s", switched
    finally: shutil.rmtree(d, ignore_errors=True)

if __name__ == '__main__':
    argv = sys.argv[1:]
    limit = 180.
    if '--limit' in argv: i = argv.index('--limit'); limit = float(argv[i + 1]); del argv[i:i + 2]
    full, test = '--full' in argv, '--test' in argv
    args = [a for a in argv if not a.startswith('--')]
    nbs = [Path(a).resolve() for a in args] or sorted(p for p in (root/'nbs').glob('*.ipynb') if not p.name.startswith(('_', '.')))
    work = Path(tempfile.mkdtemp(prefix='colorlab-run-all-'))
    try:
        env = dict(os.environ, MPLBACKEND='Agg', PYTHONWARNINGS='ignore', COLORLAB_CACHE=str(work/'cache'))
        # Threads that wait for work sleep instead of spinning (OpenMP's default spins): on a 2-core machine that anything
        # else also uses, PyTorch's spinning threads starve the process that holds the other core, and a lesson runs
        # ten times slower (measured: 200 steps of lesson 3's GAN in 5.5 s instead of 84 s beside one busy process).
        env.setdefault('OMP_WAIT_POLICY', 'PASSIVE')
        env.pop('IN_TEST', None); env.pop('COLORLAB_DRY_RUN', None)
        if test: env['IN_TEST'] = '1'
        if full: env.update(full_standins(work))
        mode = 'FULL dry run' if full else 'test sizes (IN_TEST)' if test else "a learner's Run all"
        print(f"run-all: {len(nbs)} notebooks, {mode}, each within {limit:.0f} s", flush=True)
        failed, switched = [], []
        for nb in nbs:
            rc, secs, out, on = run(nb, work, env, full, limit)
            if on: switched.append(nb.stem)
            why = '' if rc == 0 and secs <= limit else f": over the {limit:.0f} s limit" if rc == 0 else ': stopped, too slow' if rc == 124 else ''
            print(f"{nb.name}: {'ok' if not why and rc == 0 else 'FAILED'} ({secs:.0f} s){why}", flush=True)
            if rc or why: failed.append(nb.name)
            if rc: print('\n'.join(out.strip().splitlines()[-40:]), flush=True)
        if full: print(f"FULL switched on in: {', '.join(switched) or 'none'}")
        print(f"run-all: {len(nbs) - len(failed)} of {len(nbs)} notebooks ran every cell within {limit:.0f} s"
              + (f"; failed: {', '.join(failed)}" if failed else ''))
    finally: shutil.rmtree(work, ignore_errors=True)
    sys.exit(1 if failed else 0)
