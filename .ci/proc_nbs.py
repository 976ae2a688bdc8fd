#!/usr/bin/env python3
"""nbdev's docs processing of every lesson, the step `nbdev_docs` runs before Quarto: `nbdev.serve.proc_nbs` re-runs
each lesson's exported, `show_doc` and import cells to build its page. A lesson whose import cell needs an earlier cell
fails it here as it would fail the docs workflow on GitHub. (`nbdev_docs` itself would first try to install Quarto with
sudo and reinstall the package, so CI runs the processing alone.)

    python .ci/proc_nbs.py

Runs in a temporary copy of the notebooks and settings (the processed copies, `_proc/`, land there, not in the
checkout); names the lessons that failed, with the first error. Exits 1 if any did."""
import re, shutil, subprocess, sys, tempfile
from pathlib import Path

root = Path(__file__).resolve().parent.parent
work = Path(tempfile.mkdtemp(prefix='colorlab-proc-nbs-'))
try:
    for f in ('settings.ini', '_quarto.yml'): shutil.copy(root/f, work/f)
    shutil.copytree(root/'nbs', work/'nbs', symlinks=True, ignore=shutil.ignore_patterns('.ipynb_checkpoints', '_*.ipynb'))
    r = subprocess.run([sys.executable, '-c', 'from nbdev.serve import proc_nbs; proc_nbs()'], cwd=work, capture_output=True, text=True)
    log = r.stdout + r.stderr
    lessons = sorted(p for p in (work/'nbs').glob('*.ipynb') if not p.name.startswith(('_', '.')))
    missing = [p.name for p in lessons if not (work/'_proc'/p.name).exists()]  # a lesson that failed has no processed copy
    errors = re.findall(r'Error in notebook: (.*?) in cell (\d+)', log)
    if r.returncode or errors or missing:
        print(f"proc_nbs fails on {len(missing)} notebook(s): {', '.join(missing) or '(none named)'}")
        for title, cell in errors: print(f"  Error in notebook '{title}' in cell {cell} (cells as processed: show_doc cells added)")
        print('\n'.join(l for l in log.splitlines() if re.match(r'^\w+(Error|Exception): ', l))[-2000:])
        sys.exit(1)
    print(f"proc_nbs: all {len(lessons)} notebooks processed for the docs")
finally: shutil.rmtree(work, ignore_errors=True)
