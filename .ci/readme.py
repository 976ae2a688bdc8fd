#!/usr/bin/env python3
"""Write README.md from nbs/index.ipynb without Quarto (nbdev_readme needs it), or --check that they agree.

Markdown cells are copied, code cells become ```python blocks followed by their text output; cells marked `#| hide`
are left out and other `#|` directives are dropped, as nbdev does. Image links relative to the notebooks (`images/…`) are rewritten
relative to the repository root (`nbs/images/…`)."""
import json, re, sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent
def render(nb_path=root/'nbs'/'index.ipynb'):
    out = []
    for c in json.loads(nb_path.read_text())['cells']:
        src = ''.join(c['source'])
        if re.search(r'^#\s*\|\s*hide\s*$', src, re.M): continue
        if c['cell_type'] == 'markdown': out.append(re.sub(r'\]\((images/)', r'](nbs/\1', src.strip())); continue  # images live in nbs/
        code = '\n'.join(l for l in src.splitlines() if not re.match(r'\s*#\s*\|', l)).strip()
        if code: out.append(f'```python\n{code}\n```')
        text = ''.join(''.join(o.get('text', '')) if o.get('output_type') == 'stream' else ''.join(o.get('data', {}).get('text/plain', ''))
                       for o in c.get('outputs', []) if o.get('name') != 'stderr')
        if text.strip(): out.append('    ' + '\n    '.join(text.rstrip().splitlines()))
    return '\n\n'.join(out) + '\n'

if __name__ == '__main__':
    readme = root/'README.md'
    if '--check' in sys.argv:
        if readme.read_text() != render(): sys.exit("README.md is out of step with nbs/index.ipynb: run `python .ci/readme.py`")
        print("README.md matches nbs/index.ipynb")
    else: readme.write_text(render()); print(f"wrote {readme}")
