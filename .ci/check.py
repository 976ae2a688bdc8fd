#!/usr/bin/env python3
"Checks CI can make without Quarto: every lesson is in the docs sidebar and README.md matches nbs/index.ipynb."
import re, subprocess, sys
from pathlib import Path
root = Path(__file__).resolve().parent.parent
lessons = sorted(p.name for p in (root/'nbs').glob('*.ipynb') if not p.name.startswith(('_', '.')))
sidebar = (root/'nbs'/'sidebar.yml').read_text()
missing = [n for n in lessons if not re.search(rf'^\s*-\s*{re.escape(n)}\s*$', sidebar, re.M)]
if missing: sys.exit(f"Not in nbs/sidebar.yml: {', '.join(missing)}")
print(f"sidebar lists all {len(lessons)} notebooks")
subprocess.run([sys.executable, str(root/'.ci'/'readme.py'), '--check'], check=True)
