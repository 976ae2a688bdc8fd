#!/usr/bin/env python3
"""The views that work without a kernel, on static pages: lessons 1 and 8a exported to HTML (`jupyter nbconvert --to
html`, as a docs page shows their saved outputs), opened in headless Chromium with no kernel anywhere. In each view that
has a slider, moving the slider with the arrow keys must change the picture shown, and so must each drop-down.

    python .ci/static_page.py [NOTEBOOK ...]

Needs Debian's chromium and chromium-driver and selenium (as .ci/browser.py). Writes only under a temporary folder.
Prints one line per view and exits 1 if any does not follow its controls."""
import functools, http.server, shutil, subprocess, sys, tempfile, threading, time
from pathlib import Path

CHROMEDRIVER = '/usr/bin/chromedriver' if Path('/usr/bin/chromedriver').exists() else (shutil.which('chromedriver') or '/usr/bin/chromedriver')  # Debian's, or one on the PATH

root = Path(__file__).resolve().parent.parent
IMAGES = """const o = arguments[0]; return [...o.querySelectorAll('img')].filter(i => i.getBoundingClientRect().width > 0).map(i => {
  const c = document.createElement('canvas'); c.width = i.naturalWidth; c.height = i.naturalHeight; c.getContext('2d').drawImage(i, 0, 0);
  const u = c.toDataURL(); let h = 0; for (let k = 0; k < u.length; k++) h = (h * 31 + u.charCodeAt(k)) | 0; return `${i.naturalWidth}x${i.naturalHeight}:${h}`; });"""

def main(nbs, work:Path) -> list:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select
    fails = []
    for nb in nbs:
        r = subprocess.run([sys.executable, '-m', 'jupyter', 'nbconvert', '--to', 'html', str(nb), '--output-dir', str(work)], capture_output=True, text=True)
        if r.returncode: fails.append(f"{nb.name}: nbconvert --to html fails: {r.stderr.strip().splitlines()[-1][:150]}")
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *a): pass
    srv = http.server.ThreadingHTTPServer(('127.0.0.1', 0), functools.partial(Quiet, directory=str(work)))
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    o = webdriver.ChromeOptions()
    for a in ('--headless=new', '--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--window-size=1400,2400'): o.add_argument(a)
    d = webdriver.Chrome(service=Service(CHROMEDRIVER), options=o)
    try:
        for nb in nbs:
            page = work/f'{nb.stem}.html'
            if not page.exists(): continue
            d.get(f'http://127.0.0.1:{srv.server_address[1]}/{page.name}'); time.sleep(2)
            views = d.find_elements(By.CSS_SELECTOR, '.colorlab-frames')
            if not views: fails.append(f"{nb.name}: the static page shows no view that works without a kernel")
            for k, v in enumerate(views):
                d.execute_script("arguments[0].scrollIntoView({block:'start'})", v); time.sleep(0.5)
                s = v.find_element(By.CSS_SELECTOR, 'input[type=range]')
                before, v0 = d.execute_script(IMAGES, v), s.get_property('value')
                s.send_keys(Keys.ARROW_RIGHT if int(v0) < int(s.get_attribute('max')) else Keys.ARROW_LEFT); time.sleep(0.5)
                after, v1 = d.execute_script(IMAGES, v), s.get_property('value')
                what = f"{nb.name} view {k}: slider {v0} -> {v1}, {len(before)} pictures shown"
                if not before: fails.append(f"{what}: no picture")
                elif v0 == v1: fails.append(f"{what}: the slider does not move with the arrow keys")
                elif after == before: fails.append(f"{what}: the picture does not change")
                for sel in v.find_elements(By.CSS_SELECTOR, 'select'):
                    b, opt = d.execute_script(IMAGES, v), Select(sel)
                    opt.select_by_index((int(sel.get_property('value')) + 1) % len(opt.options)); time.sleep(0.5)
                    if d.execute_script(IMAGES, v) == b: fails.append(f"{what}: choosing another {sel.get_attribute('data-control')} changes no picture")
                print(f"{what}; changed: {after != before}")
    finally: d.quit(); srv.shutdown()
    return fails

if __name__ == '__main__':
    nbs = [Path(a).resolve() for a in sys.argv[1:]] or [root/'nbs'/'01_lab.ipynb', root/'nbs'/'08a_widgets.ipynb']
    work = Path(tempfile.mkdtemp(prefix='colorlab-static-'))
    try: fails = main(nbs, work)
    except Exception as e: fails = [f"the static-page check broke off: {type(e).__name__}: {str(e).splitlines()[0][:200] if str(e) else ''}"]
    finally: shutil.rmtree(work, ignore_errors=True)
    for f in fails: print('FAIL:', f)
    print('static pages: ' + ('every view follows its controls without a kernel' if not fails else f'{len(fails)} failed'))
    sys.exit(1 if fails else 0)
