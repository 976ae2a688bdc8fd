#!/usr/bin/env python3
"""Checks CI can make without Quarto: every lesson is in the docs sidebar, README.md matches nbs/index.ipynb, every
notebook opens in JupyterLab without asking for a kernel, and the saved outputs (what the docs site shows) are clean:
no warning, no path of the machine that ran them, no error, and every widget they show has its state saved."""
import json, re, subprocess, sys
from pathlib import Path
root = Path(__file__).resolve().parent.parent
lessons = sorted(p.name for p in (root/'nbs').glob('*.ipynb') if not p.name.startswith(('_', '.')))
sidebar = (root/'nbs'/'sidebar.yml').read_text()
missing = [n for n in lessons if not re.search(rf'^\s*-\s*{re.escape(n)}\s*$', sidebar, re.M)]
problems = [f"not in nbs/sidebar.yml: {', '.join(missing)}"] if missing else []
if not missing: print(f"sidebar lists all {len(lessons)} notebooks")
if subprocess.run([sys.executable, str(root/'.ci'/'readme.py'), '--check']).returncode: problems.append("README.md is out of step with nbs/index.ipynb")

# What a docs reader must not see in a saved output: a warning, a path of the machine that ran the notebook, an error.
BAD = re.compile(r"\b\w*Warning\b|No CUDA runtime is found|/site-packages/|/root/|/home/|/tmp/|/work/|/Users/|Traceback")
WIDGET_VIEW, WIDGET_STATE = 'application/vnd.jupyter.widget-view+json', 'application/vnd.jupyter.widget-state+json'

def output_texts(o):
    if o.get('output_type') == 'stream': yield o.get('text', '')
    elif o.get('output_type') == 'error': yield from [o.get('ename', ''), o.get('evalue', ''), *o.get('traceback', [])]
    else:
        for mime in ('text/plain', 'text/html', 'text/markdown'): yield (o.get('data') or {}).get(mime, '')

for name in lessons:
    nb = json.loads((root/'nbs'/name).read_text())
    if not ((nb.get('metadata') or {}).get('kernelspec') or {}).get('name'):
        problems.append(f"{name}: no kernelspec in its metadata (JupyterLab asks which kernel to use)")
    state = ((nb['metadata'].get('widgets') or {}).get(WIDGET_STATE) or {}).get('state', {})
    for i, c in enumerate(nb['cells']):
        for o in c.get('outputs', []):
            if o.get('output_type') == 'error': problems.append(f"{name} cell {i}: a saved error ({o.get('ename')}: {o.get('evalue', '')[:80]})")
            for t in output_texts(o):
                t = re.sub(r'\x1b\[[0-9;]*m', '', ''.join(t) if isinstance(t, list) else str(t))
                for line in t.splitlines():
                    if BAD.search(line): problems.append(f"{name} cell {i}: {line.strip()[:120]}")
            view = (o.get('data') or {}).get(WIDGET_VIEW)
            if view and view['model_id'] not in state:
                problems.append(f"{name} cell {i}: shows a widget whose state is not saved (the docs page cannot render it)")
if problems:
    print(f"{len(problems)} problem(s) in the notebooks, their metadata and saved outputs:"); print('\n'.join(f"  {p}" for p in problems))
    sys.exit(1)
print(f"all {len(lessons)} notebooks have a kernelspec; their saved outputs show no warning, local path or error, and the state of every widget they show")
