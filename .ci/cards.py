#!/usr/bin/env python3
"""The model cards' figures against the CSVs they come from: fails when a figure in `colorlab/assets/model/MODEL_CARD.md`
or `colorlab/assets/hints/MODEL_CARD.md` disagrees with the data beside it (run by `.ci/run`; `python .ci/cards.py`).

Two kinds of figures are checked.

The cards' tables, recomputed from the CSVs the ship scripts (`scripts/ship_model.py`, `scripts/ship_hints.py`) made them from:
- the colorizer's card: the four metric tables ("The N test photos …", "… of people", "… that ship with colorlab", "The N
  validation photos") from `heldout_metrics.csv` (mean per model over the photos of that split; people: the `people` column
  of `colorlab/assets/splits.csv`; ΔCF = |mean CF(truth) − mean CF|), each cell and each N; and in the candidates table the
  rows that are measurements of what ships (gray, the L1-only generator, the shipped candidate) against the validation split;
- the hints card: the tables of `recipes.csv`, `gains.csv`, `bands.csv`, `heldout.csv` (validation and test, per model and
  number of hints, × the gray baseline's) and `halves.csv`, the photo counts in their headings, the β and the groups it
  says were chosen (the rules it states, applied to `gains.csv` and `bands.csv`) and propagation's widths (`propagation.json`).

Figures in the prose, each marked right after it with the CSV rows and column it comes from, in an HTML comment (which
Markdown hides): `0.920×<!--= heldout_metrics.csv split=test model=colorlab ab_mae/gray -->`. The grammar: the file (relative
to the card's folder), filters `column=value` (quote values with spaces: `model="L1 only"`; `nan` matches an empty cell; a
column the file lacks is looked up per photo in `colorlab/assets/splits.csv`, e.g. `people=1`), then what to compute over
the selected rows: `COL` (the mean), `COL/gray` (that mean over the gray baseline's: the same rows with the model `gray`
or `gray (ab = 0)` and no hints), `delta_cf` or `delta_cf/gray` (|mean cf_truth − mean cf|), `count`, `nunique(COL)`,
`sum(COL)`, `minutes(COL)` (seconds or mm:ss, summed, in minutes). A figure agrees when it is the computed value rounded to
as many decimals as it is written with. `column!=value` leaves those rows out.

Every figure written as a multiple (`0.958×`) in a card's prose must carry such a mark, or stand between
`<!-- unchecked: why -->` and `<!-- /unchecked -->` (figures of runs whose data do not ship, e.g. recipes measured before)."""
import io, json, math, re, shlex, sys
from pathlib import Path
import numpy as np, pandas as pd
from colorlab.reference import hint_summary  # the table the ship script printed into the card: per model and number of hints, × gray's

root = Path(__file__).resolve().parent.parent
assets = root/'colorlab'/'assets'
MARK = re.compile(r'(-?\d[\d,]*(?:\.\d+)?)[×%*]*\s*<!--=\s*(.*?)\s*-->')
MULTIPLE = re.compile(r'\d*\.\d+\s?×')
GRAYS = ('gray (ab = 0)', 'gray')

def decimals(s): return len(s.split('.')[1]) if '.' in s else 0
def agrees(written:str, value) -> bool:
    "`written` (as in the card) is `value` (or one of several computations of it) rounded to the decimals it shows."
    values = value if isinstance(value, (list, tuple)) else [value]
    w = float(written.replace(',', ''))
    return any(v is not None and not (isinstance(v, float) and math.isnan(v)) and abs(w - v) <= 0.5 * 10 ** -decimals(written) + 1e-9 for v in values)

def number(tok:str):
    try: return float(tok.replace(',', ''))
    except ValueError: return None

# ---- figures marked in the prose
def select(df:pd.DataFrame, filters:dict) -> pd.DataFrame:
    splits = None
    for key, val in filters.items():
        col, neg = key.rstrip('!'), key.endswith('!')
        if col not in df.columns:
            if splits is None: splits = pd.read_csv(assets/'splits.csv').set_index('file')
            if col not in splits.columns or 'photo' not in df.columns: raise KeyError(f"no column {col!r} in the file or in colorlab/assets/splits.csv")
            df = df.assign(**{col: df.photo.map(splits[col])})
        c = df[col]
        if val.lower() == 'nan': keep = c.isna()
        elif pd.api.types.is_numeric_dtype(c) and number(val) is not None: keep = pd.Series(np.isclose(c.astype(float), number(val)), index=df.index)
        else: keep = c.astype(str) == val
        df = df[~keep if neg else keep]
    return df

def mean(df, col, rnd=None):
    v = (df.cf_truth.mean() - df.cf.mean()) if col == 'delta_cf' else df[col].mean()
    v = abs(v) if col == 'delta_cf' else v
    return round(v, rnd) if rnd is not None else v

def evaluate(card_dir:Path, spec:str):
    "The value(s) a mark names (several when a figure may have been computed from rounded means, as `summarize` does)."
    toks = shlex.split(spec)
    if len(toks) < 2: raise ValueError("a mark needs a file and what to compute")
    path, expr = (card_dir/toks[0]).resolve(), toks[-1]
    filters = dict(t.split('=', 1) for t in toks[1:-1])
    df = pd.read_csv(path)
    rows = select(df, filters)
    if not len(rows): raise ValueError("no rows match")
    if expr == 'count': return len(rows)
    m = re.fullmatch(r'(nunique|sum|minutes)\((\w+)\)', expr)
    if m:
        f, col = m.groups()
        if f == 'nunique': return rows[col].nunique()
        if f == 'sum': return float(rows[col].sum())
        secs = rows[col].map(lambda t: sum(int(x) * 60 ** i for i, x in enumerate(reversed(str(t).split(':')))) if ':' in str(t) else float(t))
        return float(secs.sum()) / 60
    m = re.fullmatch(r'(\w+)(/gray)?', expr)
    if not m: raise ValueError(f"cannot compute {expr!r}")
    col, ratio = m.groups()
    if col != 'delta_cf' and col not in rows.columns: raise KeyError(f"no column {col!r} in {toks[0]}")
    if not ratio: return mean(rows, col)
    gf = {k: v for k, v in filters.items() if k.rstrip('!') not in ('model', 'hints')}
    gray = select(df[df.model.isin(GRAYS)], gf)
    if 'hints' in df.columns: gray = gray[gray.hints == 0]
    if not len(gray): raise ValueError("no gray rows to divide by")
    return [mean(rows, col) / mean(gray, col), mean(rows, col, 3) / mean(gray, col, 3)]

def check_marks(card:Path, text:str, problems:list) -> int:
    n, name = 0, card.relative_to(root)
    for m in MARK.finditer(text):
        n += 1
        line = text[:m.start()].count('\n') + 1
        try: v = evaluate(card.parent, m.group(2))
        except Exception as e: problems.append(f"{name}:{line}: mark `{m.group(2)}`: {type(e).__name__}: {e}"); continue
        if not agrees(m.group(1), v):
            shown = v[0] if isinstance(v, list) else v
            problems.append(f"{name}:{line}: the card says {m.group(1)}, the data say {shown:.4f} ({m.group(2)})")
    # every multiple written in the prose is marked or declared unchecked
    prose = re.sub(r'<!--\s*unchecked:.*?<!--\s*/unchecked\s*-->', '', text, flags=re.S)
    prose = re.sub(r'```.*?```', '', prose, flags=re.S)
    for i, l in enumerate(prose.splitlines()):
        if l.lstrip().startswith('|'): continue  # tables: checked below
        for f in MULTIPLE.finditer(MARK.sub('', l)):
            problems.append(f"{name}: unmarked figure {f.group(0).strip()!r} in: {l.strip()[:100]}… (mark it with its CSV, or put it in an unchecked span)")
    return n

# ---- the colorizer's card: its tables
def summary(df:pd.DataFrame) -> pd.DataFrame:
    s = df.groupby('model', sort=False)[['psnr', 'ssim', 'ab_mae', 'ab_auc', 'cf', 'cf_truth']].mean()
    s['delta_cf'] = (s.cf_truth - s.cf).abs()
    return s

def md_tables(text:str):
    "(preceding paragraph, [rows of cells]) for each Markdown table."
    lines, i = text.splitlines(), 0
    while i < len(lines):
        if lines[i].startswith('|'):
            j = i
            while j < len(lines) and lines[j].startswith('|'): j += 1
            k = i - 1
            while k >= 0 and not lines[k].strip(): k -= 1
            rows = [[c.strip() for c in l.strip().strip('|').split('|')] for l in lines[i:j] if not re.match(r'\|\s*-', l)]
            yield lines[k] if k >= 0 else '', rows
            i = j
        else: i += 1

def check_model_card(card:Path, problems:list) -> int:
    text, d = card.read_text(), card.parent
    name = card.relative_to(root)
    df = pd.read_csv(d/'heldout_metrics.csv')
    people = set(pd.read_csv(assets/'splits.csv').query('people == 1').file)
    subsets = {'test photos of people': lambda x: x[(x.split == 'test') & x.photo.isin(people)],
               'test photos that ship': lambda x: x[(x.split == 'test') & (x.source == 'sample')],
               'test photos': lambda x: x[x.split == 'test'], 'validation photos': lambda x: x[x.split == 'valid']}
    cols = [('psnr', 2), ('ssim', 3), ('ab_mae', 2), ('ab_x', 3), ('ab_auc', 3), ('cf', 1), ('delta_cf', 1), ('dcf_x', 3)]
    n, seen = 0, set()
    for para, rows in md_tables(text):
        if rows and rows[0][:2] == ['model', 'PSNR']:
            m = re.search(r'The (\d+) (.*)', para)
            key = next((k for k in subsets if m and m.group(2).startswith(k)), None)
            if key is None: problems.append(f"{name}: a metric table whose photos are not named the known way: {para[:80]}"); continue
            seen.add(key)
            sub = subsets[key](df)
            if int(m.group(1)) != sub.photo.nunique(): problems.append(f"{name}: '{para[:50]}…': the data hold {sub.photo.nunique()} photos")
            s = summary(sub)
            gray = s.loc[[g for g in GRAYS if g in s.index][0]]
            for r in rows[1:]:
                if r[0] not in s.index: problems.append(f"{name}: table of the {key}: no model {r[0]!r} in heldout_metrics.csv"); continue
                e = s.loc[r[0]]
                want = {k: [v, round(v, 3)] for k, v in e.items()} | dict(ab_x=[e.ab_mae / gray.ab_mae, round(e.ab_mae, 3) / round(gray.ab_mae, 3)],
                            dcf_x=[e.delta_cf / gray.delta_cf, round(e.delta_cf, 3) / round(gray.delta_cf, 3)])
                for (col, _), cell in zip(cols, r[1:]):
                    n += 1
                    if not agrees(cell, want[col]):
                        w = want[col][0] if isinstance(want[col], list) else want[col]
                        problems.append(f"{name}: {key}, {r[0]}, {col}: the card says {cell}, heldout_metrics.csv says {w:.4f}")
        elif rows and rows[0][0].startswith('candidate'):
            s = summary(df[df.split == 'valid'])
            gray = s.loc[[g for g in GRAYS if g in s.index][0]]
            for r in rows[1:]:
                label = r[0].strip('*')
                model = ('gray (ab = 0)' if label.startswith('gray') else 'colorlab' if '(shipped)' in label
                         else 'L1 only' if 'the L1-only generator' in label else None)
                if model is None or model not in s.index: continue  # candidates that did not ship: their figures come from scripts/select_model.py's log
                e = s.loc[model]
                for cell, want in zip(r[1:], ([e.ab_mae / gray.ab_mae, round(e.ab_mae, 3) / round(gray.ab_mae, 3)],
                                              [e.delta_cf / gray.delta_cf, round(e.delta_cf, 3) / round(gray.delta_cf, 3)], e.psnr)):
                    n += 1
                    if not agrees(cell.strip('*'), want):
                        problems.append(f"{name}: candidates table, {label[:50]}: the card says {cell.strip('*')}, the validation split of heldout_metrics.csv says {np.ravel(want)[0]:.4f}")
    for k in set(subsets) - seen: problems.append(f"{name}: no metric table of the {k}")
    return n + check_marks(card, text, problems)

# ---- the hints card: its fixed-width tables (pandas' to_string)
def blocks_after(text:str, heading:str) -> str:
    "The first ``` block after the line that starts with `heading`."
    i = text.find('\n' + heading)
    if i < 0: return None
    m = re.search(r'```\n(.*?)```', text[i:], re.S)
    return m and m.group(1)

def parse_rows(block:str, n_values:int, labelled=True) -> dict:
    "label → the last n_values tokens of each row (the label is what comes before them; without labels, the row's number)."
    out = {}
    for l in block.splitlines():
        t = l.split()
        if len(t) >= n_values + labelled and (labelled or len(t) == n_values) and all(number(x) is not None or x == 'NaN' for x in t[-n_values:]):
            out[' '.join(t[:-n_values]) if labelled else len(out)] = t[-n_values:]
    return out

def compare(problems, where, label, written, wanted) -> int:
    n = 0
    for w, v in zip(written, wanted):
        n += 1
        if w == 'NaN' and (v is None or (isinstance(v, float) and math.isnan(v))): continue
        if w == 'NaN' or v is None or (isinstance(v, float) and math.isnan(v)) or not agrees(w, v):
            problems.append(f"{where}, {label}: the card says {w}, the data say {v:.4f}" if isinstance(v, float) else f"{where}, {label}: the card says {w}, the data say {v}")
    return n

def check_hints_card(card:Path, problems:list) -> int:
    text, d, n = card.read_text(), card.parent, 0
    name = card.relative_to(root)
    # recipes.csv, printed whole
    rec, block = pd.read_csv(d/'recipes.csv'), blocks_after(text, '## Recipe')
    num = [c for c in rec.columns if c not in ('recipe', 'what', 'geodesic', 'pixel_temperature')]
    rows = parse_rows(block or '', len(num))
    for _, r in rec.iterrows():
        got = next((v for k, v in rows.items() if k.split()[0] == r.recipe), None)
        if got is None: problems.append(f"{name}: recipes table: no row {r.recipe}"); continue
        n += compare(problems, f"{name}: recipes table", r.recipe, got, [r[c] for c in num])
    # gains.csv and the β chosen by the card's rule
    gains, block = pd.read_csv(d/'gains.csv'), blocks_after(text, '## Decoding')
    head = next((l.split()[1:] for l in (block or '').splitlines() if l.startswith('hints')), [])
    rows = parse_rows(block or '', len(head))
    for g, grp in gains.groupby(gains.gain.fillna(-1), sort=False):
        label = 'propagation' if g == -1 else f'β = {g:g}'
        if label not in rows: problems.append(f"{name}: gains table: no row {label!r}"); continue
        want = [grp.set_index('hints').loc[int(h), c] for c, h in zip(['ab_mae_x_gray'] * (len(head) // 2) + ['delta_cf_x_gray'] * (len(head) // 2), head)]
        n += compare(problems, f"{name}: gains table", label, rows[label], want)
    ten = gains[gains.hints == 10]
    ok = ten[ten.gain.notna() & (ten.delta_cf_x_gray <= ten[ten.gain.isna()].delta_cf_x_gray.iloc[0])]
    beta = float(ok.loc[ok.ab_mae_x_gray.idxmin(), 'gain']) if len(ok) else None
    m = re.search(r'Chosen: \*\*β = ([\d.]+)\*\*', text)
    if not m or beta is None or not agrees(m.group(1), beta): problems.append(f"{name}: β chosen: the card says {m and m.group(1)}, the rule on gains.csv gives {beta}")
    # bands.csv and the groups chosen by the card's rule
    bands, block = pd.read_csv(d/'bands.csv'), blocks_after(text, '## A reference')
    rows = parse_rows(block or '', len(bands.columns), labelled=False)
    for (_, r), got in zip(bands.iterrows(), rows.values()): n += compare(problems, f"{name}: bands table", f"{r.bands:g}×{r.textures:g}", got, list(r))
    if len(rows) != len(bands): problems.append(f"{name}: bands table has {len(rows)} rows, bands.csv {len(bands)}")
    near = bands[bands.score <= 1.01 * bands.score.min()].sort_values(['groups', 'score'])
    m = re.search(r'Chosen: \*\*(\d+) bands × (\d+) textures\*\*', text)
    if not m or (int(m.group(1)), int(m.group(2))) != (int(near.bands.iloc[0]), int(near.textures.iloc[0])):
        problems.append(f"{name}: groups chosen: the card says {m and m.group(0)}, the rule on bands.csv gives {near.bands.iloc[0]} × {near.textures.iloc[0]}")
    # propagation's widths
    prop = json.loads((d/'propagation.json').read_text())
    m = re.search(r'σ_xy ([\d.]+), σ_L ([\d.]+)', text)
    if not m or float(m.group(1)) != prop['sigma_xy'] or float(m.group(2)) != prop['sigma_L']: problems.append(f"{name}: propagation's widths differ from propagation.json {prop}")
    # heldout.csv: validation and test
    held = pd.read_csv(d/'heldout.csv')
    for split, heading in (('valid', '### Validation'), ('test', '### Test')):
        sub = held[held.split == split]
        m = re.search(re.escape(heading) + r' \((\d+) photos', text)
        if not m or int(m.group(1)) != sub.photo.nunique(): problems.append(f"{name}: {heading}: the data hold {sub.photo.nunique()} photos")
        s, block = hint_summary(sub), blocks_after(text, heading)
        head = next((l.split()[1:] for l in (block or '').splitlines() if l.startswith('hints')), [])
        rows = parse_rows(block or '', len(head))
        half = len(head) // 2
        for model in s.index.get_level_values(0).unique():
            if model not in rows: problems.append(f"{name}: {heading}: no row {model!r}"); continue
            want = [s.loc[(model, int(h)), c] if (model, int(h)) in s.index else None
                    for c, h in zip(['ab_mae_x_gray'] * half + ['delta_cf_x_gray'] * half, head)]
            n += compare(problems, f"{name}: {heading}", model, rows[model], want)
    # halves.csv
    halves, block = pd.read_csv(d/'halves.csv'), blocks_after(text, '### A reference that does not hold')
    rows = parse_rows(block or '', 4)
    sums = {s: hint_summary(halves[halves.split == s]) for s in ('valid', 'test')}
    for model in sums['valid'].index.get_level_values(0).unique():
        if model not in rows: problems.append(f"{name}: halves table: no row {model!r}"); continue
        want = [sums[s].loc[(model, 0), c] for s in ('valid', 'test') for c in ('ab_mae_x_gray', 'delta_cf_x_gray')]
        n += compare(problems, f"{name}: halves table", model, rows[model], want)
    return n + check_marks(card, text, problems)

if __name__ == '__main__':
    problems = []
    n_model = check_model_card(assets/'model'/'MODEL_CARD.md', problems)
    n_hints = check_hints_card(assets/'hints'/'MODEL_CARD.md', problems)
    if problems:
        print(f"{len(problems)} figure(s) of the model cards disagree with their data or are not traced to it:")
        print('\n'.join(f"  {p}" for p in problems)); sys.exit(1)
    print(f"model cards agree with their CSVs: {n_model} figures of the colorizer's card, {n_hints} of the hints card")
