#!/usr/bin/env python3
"""Run every lesson as Colab's "Run all" does: every code cell in order, including the ones `nbdev_test` skips
(`#| eval: false`, `#| slow`, `#| cuda`), except the Colab install cell. Each notebook runs in a fresh process, in `nbs/`.

    python .ci/run_all.py [NOTEBOOK ...] [--interactive]

By default IN_TEST is set, so lessons use their small test sizes (as under `nbdev_test`); `--interactive` runs them at the
sizes a learner gets. Exits 1 and names the cell if any cell raises."""
import json, os, re, subprocess, sys, time
from pathlib import Path

root = Path(__file__).resolve().parent.parent
RUNNER = r'''
import json, sys, re
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

def run(nb:Path, interactive:bool) -> tuple:
    env = dict(os.environ, MPLBACKEND='Agg', PYTHONWARNINGS='ignore')
    env.pop('IN_TEST', None)
    if not interactive: env['IN_TEST'] = '1'
    t0 = time.time()
    r = subprocess.run([sys.executable, '-c', RUNNER, nb.name], cwd=nb.parent, env=env, capture_output=True, text=True)
    return r.returncode, time.time() - t0, r.stdout + r.stderr

if __name__ == '__main__':
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    nbs = [Path(a).resolve() for a in args] or sorted(p for p in (root/'nbs').glob('*.ipynb') if not p.name.startswith(('_', '.')))
    failed = []
    for nb in nbs:
        rc, secs, out = run(nb, '--interactive' in sys.argv)
        print(f"{nb.name}: {'ok' if rc == 0 else 'FAILED'} ({secs:.0f} s)", flush=True)
        if rc: failed.append(nb.name); print('\n'.join(out.strip().splitlines()[-40:]))
    print(f"run-all: {len(nbs) - len(failed)} of {len(nbs)} notebooks ran every cell" + (f"; failed: {', '.join(failed)}" if failed else ''))
    sys.exit(1 if failed else 0)
