#!/usr/bin/env python3
"""Re-execute lessons so that their saved outputs are what a learner's Run all shows, and what the docs site shows.

Makes: the lesson notebooks given, rewritten in place with fresh outputs and the state of the widgets they show.
From: those notebooks (and the colorlab package installed here).
Read by: each lesson's own page on the docs site (nbdev shows the saved outputs) and a learner who opens the notebook.

    python scripts/execute.py nbs/08a_widgets.ipynb [...]

Each notebook runs top to bottom in a fresh `python3` kernel, from `nbs/` (relative paths hold), with IN_TEST unset and
FULL as the notebook sets it, like a learner's Run all (the Colab install cell is skipped, as `.ci/run_all.py` does).
The widget state is saved in the notebook's metadata (`application/vnd.jupyter.widget-state+json`), so that the docs
page renders the widgets: those linked in the browser (`jslink`) then work there without a kernel. The state keeps only
the widgets the outputs show, the widgets they hold and the links between them: the instances that tests made and
poked are left out. Temporary files go to a temporary folder, removed at the end. Then `nbdev_clean` runs on the
notebook. Stops at the first cell that fails, and writes nothing for that notebook."""
import json, os, re, shutil, subprocess, sys, tempfile
from pathlib import Path

import nbformat
from nbclient import NotebookClient

root = Path(__file__).resolve().parent.parent
WIDGET_STATE = 'application/vnd.jupyter.widget-state+json'

def refs(state:dict) -> set:
    "The model ids a widget's state names (its children, layout, style, a link's ends)."
    return set(re.findall(r'IPY_MODEL_([0-9a-f]+)', json.dumps(state)))

def prune_widgets(nb) -> tuple:
    "Keep the widget state of the widgets the outputs show, what they hold, and the links between kept widgets."
    ws = nb.metadata.get('widgets', {}).get(WIDGET_STATE)
    if not ws: return 0, 0
    state = ws['state']
    shown = {o['data']['application/vnd.jupyter.widget-view+json']['model_id'] for c in nb.cells if c.cell_type == 'code'
             for o in c.get('outputs', []) if 'application/vnd.jupyter.widget-view+json' in o.get('data', {})}
    keep, grew = set(), True
    todo = [m for m in shown if m in state]
    while grew:
        while todo:
            m = todo.pop()
            if m in keep or m not in state: continue
            keep.add(m); todo += list(refs(state[m]['state']))
        links = [m for m, s in state.items() if m not in keep and s['model_name'] in ('LinkModel', 'DirectionalLinkModel')
                 and refs(s['state']) and refs(s['state']) <= keep]
        todo, grew = links, bool(links)
    before = len(state)
    ws['state'] = {m: s for m, s in state.items() if m in keep}
    if not ws['state']: del nb.metadata['widgets']
    return before, len(ws['state'])

def execute(path:Path, timeout:int=900):
    nb = nbformat.read(path, as_version=4)
    skipped = {}
    for i, c in enumerate(nb.cells):  # the Colab install cell: not run (as .ci/run_all.py), kept as it is
        if c.cell_type == 'code' and 'google.colab' in c.source and 'pip' in c.source and 'install' in c.source:
            skipped[i] = c; nb.cells[i] = nbformat.v4.new_raw_cell('')
    work = Path(tempfile.mkdtemp(prefix='colorlab-execute-'))
    env = {k: v for k, v in os.environ.items() if k not in ('IN_TEST', 'COLORLAB_DRY_RUN')}
    env.pop('PYTHONWARNINGS', None)  # warnings as a learner's kernel shows them
    env.update(TMPDIR=str(work), COLORLAB_CACHE=str(work/'cache'))
    env.setdefault('OMP_WAIT_POLICY', 'PASSIVE')  # idle threads sleep: timings that do not depend on what else runs (see .ci/run_all.py)
    old = dict(os.environ)
    os.environ.clear(); os.environ.update(env)  # the kernel inherits this process's environment
    try:
        client = NotebookClient(nb, timeout=timeout, kernel_name='python3', resources={'metadata': {'path': str(path.parent)}},
                                store_widget_state=True, allow_errors=False)
        client.execute()
    finally:
        os.environ.clear(); os.environ.update(old)
        shutil.rmtree(work, ignore_errors=True)
    for i, c in skipped.items(): nb.cells[i] = c
    before, after = prune_widgets(nb)
    nb.metadata.pop('language_info', None)
    nbformat.write(nb, path)
    subprocess.run(['nbdev_clean', '--fname', str(path)], check=True, cwd=root)
    print(f"{path.name}: executed; widget state {after} of {before} models kept" if before else f"{path.name}: executed")

if __name__ == '__main__':
    paths = [Path(a).resolve() for a in sys.argv[1:]]
    if not paths: sys.exit(__doc__)
    for p in paths: execute(p)
