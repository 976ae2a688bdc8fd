#!/usr/bin/env python3
"""A learner's JupyterLab, driven by a real browser (headless Chromium, Selenium): start JupyterLab on a copy of the
lessons, then

- open lesson 8a, Run All Cells, and move the slider of each epoch explorer: its picture must change;
- open lesson 7c, Run All Cells, and upload a photo through the upload widget: the colorized photo must show;
- open lesson 10a, Run All Cells, and click on the photo of its click-to-hint widget: a hint is placed and the preview changes;
- open lesson 11, Run All Cells, and upload a photo through its upload widget: the colorized photo must show; then open
  its click-to-hint widget (*Add hints…*) and click on the photo: the preview must change;

and in both, no kernel-selection dialog (the notebooks carry a kernelspec) and no error output.

    python .ci/browser.py [--timeout SECONDS] [--shots DIR]

Needs Debian's chromium and chromium-driver (/usr/bin/chromedriver) and selenium. IN_TEST is unset: the lessons run
as a learner runs them. Writes only under a temporary folder (JupyterLab autosaves the notebooks it runs: a copy).
Prints one line per check and exits 1 if any failed."""
import json, os, shutil, socket, subprocess, sys, tempfile, time, urllib.request
from pathlib import Path

CHROMEDRIVER = '/usr/bin/chromedriver' if Path('/usr/bin/chromedriver').exists() else (shutil.which('chromedriver') or '/usr/bin/chromedriver')  # Debian's, or one on the PATH

root = Path(__file__).resolve().parent.parent
args = sys.argv[1:]
def opt(name, default):
    if name in args: i = args.index(name); v = args[i + 1]; del args[i:i + 2]; return v
    return default
TIMEOUT, SHOTS = float(opt('--timeout', '420')), opt('--shots', '')
T0, fails = time.time(), []
def log(*a): print(f'  [{time.time() - T0:5.0f} s]', *a, flush=True)
def fail(msg): fails.append(msg); print('FAIL:', msg, flush=True)

# The output that holds an explorer or an uploader, and what a learner sees of its pictures: the pixels of each visible
# <img>, hashed (blob: URLs change on every redraw even when the picture does not).
IMAGES = """const o = arguments[0]; return [...o.querySelectorAll('img')].filter(i => i.getBoundingClientRect().width > 0).map(i => {
  try { const c = document.createElement('canvas'); c.width = i.naturalWidth; c.height = i.naturalHeight; c.getContext('2d').drawImage(i, 0, 0);
        const u = c.toDataURL(); let h = 0; for (let k = 0; k < u.length; k++) h = (h * 31 + u.charCodeAt(k)) | 0; return `${i.naturalWidth}x${i.naturalHeight}:${h}`; }
  catch (e) { return `${i.naturalWidth}x${i.naturalHeight}:${i.src.slice(-24)}`; } });"""
SLIDER_OUTPUTS = """return [...document.querySelectorAll('.jp-OutputArea-output')].filter(o => o.offsetParent !== null).filter(o => o.querySelector('.noUi-handle, input[type=range]'))
                    .filter(o => /epoch/i.test(o.innerText));"""
UPLOAD_OUTPUT = """return [...document.querySelectorAll('.jp-OutputArea-output')].filter(o => o.offsetParent !== null).find(o => o.querySelector('.widget-upload, input[type=file]')) || null;"""
# ipywidgets' upload button opens the file dialog of an <input type=file> that is never in the page. In the test, the
# click puts that input into the page instead, where the test chooses the file, as a learner does in the dialog.
CATCH_FILE_DIALOG = """const click = HTMLInputElement.prototype.click;
  HTMLInputElement.prototype.click = function () {
    if (this.type !== 'file') return click.call(this);
    if (!this.isConnected) { this.id = 'colorlab-file-dialog'; document.body.appendChild(this); } };"""
HINT_OUTPUT = """return [...document.querySelectorAll('.jp-OutputArea-output')].filter(o => o.offsetParent !== null).find(o => o.querySelector('img.colorlab-hint-photo')) || null;"""
ERRORS = """return [...document.querySelectorAll('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')]
            .map(o => o.innerText).filter(t => t.includes('Traceback') || /^\\w+(Error|Exception)\\b/m.test(t));"""

def free_port():
    with socket.socket() as s: s.bind(('127.0.0.1', 0)); return s.getsockname()[1]

def main(work:Path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.common.action_chains import ActionChains

    lessons = work/'nbs'; lessons.mkdir()
    for n in ('08a_widgets.ipynb', '07c_inference.ipynb', '10a_guide.ipynb', '11_reference.ipynb'): shutil.copy(root/'nbs'/n, lessons/n)
    photo = lessons/'old_photo.jpg'  # a grayscale photo to upload, made from a bundled one
    from PIL import Image
    Image.open(sorted((root/'colorlab'/'assets'/'photos').glob('*.jpg'))[3]).convert('L').save(photo)
    port, jl = free_port(), work/'jupyter'
    env = {k: v for k, v in os.environ.items() if k != 'IN_TEST'}
    env.update(JUPYTER_CONFIG_DIR=str(jl/'config'), JUPYTER_DATA_DIR=str(jl/'data'), JUPYTER_RUNTIME_DIR=str(jl/'runtime'),
               JUPYTERLAB_SETTINGS_DIR=str(jl/'settings'), JUPYTERLAB_WORKSPACES_DIR=str(jl/'workspaces'),
               COLORLAB_CACHE=str(work/'cache'), TMPDIR=str(work), MPLBACKEND='module://matplotlib_inline.backend_inline')
    env.setdefault('OMP_WAIT_POLICY', 'PASSIVE')  # idle threads sleep (see .ci/run_all.py)
    # Every cell in the page (JupyterLab otherwise renders only the cells near the view, and a widget far down is not
    # there to find): a setting of the test's own JupyterLab, not of what it tests.
    tracker = jl/'settings'/'@jupyterlab'/'notebook-extension'/'tracker.jupyterlab-settings'
    tracker.parent.mkdir(parents=True); tracker.write_text(json.dumps({'windowingMode': 'none'}))
    base = f'http://127.0.0.1:{port}'
    lab = subprocess.Popen([sys.executable, '-m', 'jupyter', 'lab', '--no-browser', f'--port={port}', '--ServerApp.port_retries=0',
                            "--ServerApp.token=", "--ServerApp.password=", '--ServerApp.ip=127.0.0.1', '--allow-root'],
                           cwd=lessons, env=env, stdout=open(work/'jupyterlab.log', 'w'), stderr=subprocess.STDOUT)
    d = None
    try:
        for _ in range(120):
            try:
                with urllib.request.urlopen(base + '/api/status', timeout=2): break
            except Exception: time.sleep(1)
            if lab.poll() is not None: raise RuntimeError(f"JupyterLab exited: {(work/'jupyterlab.log').read_text()[-300:]}")
        else: raise RuntimeError('JupyterLab did not start within 120 s')
        log('JupyterLab is up')
        o = webdriver.ChromeOptions()
        for a in ('--headless=new', '--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--window-size=1400,2400'): o.add_argument(a)
        d = webdriver.Chrome(service=Service(CHROMEDRIVER), options=o)
        js = d.execute_script

        def wait(cond, timeout, step=1.0):
            t = time.time()
            while time.time() - t < timeout:
                try:
                    v = cond()
                    if v: return v
                except Exception: pass
                time.sleep(step)
        def sessions(nb):
            with urllib.request.urlopen(base + '/api/sessions', timeout=10) as r:
                return [s for s in json.loads(r.read()) if s['path'].endswith(nb)]
        dialogs = []
        def dismiss():
            for dlg in d.find_elements(By.CSS_SELECTOR, '.jp-Dialog'):
                try:
                    dialogs.append(dlg.text.replace('\n', ' | ')[:200])
                    b = dlg.find_elements(By.CSS_SELECTOR, 'button.jp-mod-accept')
                    if b: b[0].click(); time.sleep(1)
                except Exception: pass
        def scroll_find(query, steps=80):
            "The first element `query` (a script) returns while the notebook is scrolled from top to bottom: JupyterLab renders only the cells near the view."
            js("const s = [...document.querySelectorAll('.jp-NotebookPanel .jp-WindowedPanel-outer')].find(e => e.offsetParent !== null); if (s) s.scrollTop = 0;"); time.sleep(1)
            for _ in range(steps):
                el = js(query)
                if el: return el
                at_end = js("const s = [...document.querySelectorAll('.jp-NotebookPanel .jp-WindowedPanel-outer')].find(e => e.offsetParent !== null); if (!s) return true;"
                            "const t = s.scrollTop; s.scrollBy(0, 600); return s.scrollTop === t;")
                time.sleep(0.7)
                if at_end: return js(query)
        def shot(name):
            if SHOTS: Path(SHOTS).mkdir(parents=True, exist_ok=True); d.save_screenshot(str(Path(SHOTS)/f'{name}.png'))

        def open_and_run(nb):
            "Open `nb`, Run All Cells from the Run menu, wait until the kernel is idle; fail on kernel dialogs and error outputs."
            dialogs.clear()
            d.get(f'{base}/lab/tree/{nb}')
            if not wait(lambda: d.find_elements(By.CSS_SELECTOR, '.jp-NotebookPanel .jp-Cell'), 180): raise RuntimeError(f'{nb} did not open')
            time.sleep(3); dismiss()
            wait(lambda: (dismiss(), sessions(nb) and sessions(nb)[0]['kernel']['execution_state'] == 'idle')[1], 120, 2)
            for it in d.find_elements(By.CSS_SELECTOR, '.lm-MenuBar-item'):
                if it.text.strip() == 'Run': it.click(); break
            item = wait(lambda: d.find_element(By.CSS_SELECTOR, '.lm-Menu-item[data-command="runmenu:run-all"]'), 10, 0.5)
            item.click()
            t, idle = time.time(), 0
            time.sleep(3)
            while time.time() - t < TIMEOUT and idle < 2:
                dismiss()
                busy = js("return [...document.querySelectorAll('.jp-InputPrompt')].filter(p => p.innerText.includes('[*]')).length")
                ss = sessions(nb)
                idle = idle + 1 if ss and ss[0]['kernel']['execution_state'] == 'idle' and busy == 0 else 0
                time.sleep(3)
            log(f'{nb}: Run All Cells took {time.time() - t:.0f} s')
            if idle < 2: fail(f'{nb}: Run All Cells did not finish within {TIMEOUT:.0f} s')
            if any('kernel' in x.lower() for x in dialogs): fail(f'{nb}: JupyterLab asked for a kernel: {dialogs[0]}')
            for e in js(ERRORS)[:3]: fail(f"{nb}: an error output: {[l for l in e.strip().splitlines() if l.strip()][-1][:150]}")

        def click_hint(out, nb, what):
            "Click on the photo of a click-to-hint widget, right of and below its center: a hint is placed, the preview recolors."
            js("arguments[0].scrollIntoView({block:'center'})", out); time.sleep(1)
            img = out.find_element(By.CSS_SELECTOR, 'img.colorlab-hint-photo')
            before, status = js(IMAGES, out), out.find_elements(By.CSS_SELECTOR, '.widget-html')[-1].text
            ActionChains(d).move_to_element_with_offset(img, img.size['width'] // 6, img.size['height'] // 6).click().perform()
            after = wait(lambda: (lambda a: a if a != before else None)(js(IMAGES, out)), 60) or js(IMAGES, out)
            now = out.find_elements(By.CSS_SELECTOR, '.widget-html')[-1].text
            shot(f'{nb[:3]}_hints')
            log(f'{nb} {what}: status {status[:40]!r} -> {now[:60]!r}; preview changed: {after != before}')
            if not before: fail(f'{nb}: the {what} shows no photo')
            elif after == before: fail(f'{nb}: a click on the photo of the {what} does not change its preview')
            elif now.split(';')[0] == status.split(';')[0]: fail(f'{nb}: a click on the {what} places no hint: {now[:80]!r}')

        # Lesson 8a: every epoch explorer (the one linked in the browser, the one redrawn by the kernel) follows its slider
        open_and_run('08a_widgets.ipynb')
        def try_explorer(out, k):
            js("arguments[0].scrollIntoView({block:'start'})", out); time.sleep(1)
            h = (out.find_elements(By.CSS_SELECTOR, '.noUi-handle') or out.find_elements(By.CSS_SELECTOR, 'input[type=range]'))[0]
            ActionChains(d).move_to_element(h).click().perform(); time.sleep(1)
            val = lambda: h.get_attribute('aria-valuenow') or h.get_property('value')  # an ipywidgets slider, or an <input type=range>
            before, v0 = js(IMAGES, out), val()
            for key in (Keys.ARROW_RIGHT, Keys.ARROW_LEFT):  # right, unless it starts at the end
                for _ in range(2): h.send_keys(key); time.sleep(0.5)
                if val() != v0: break
            after = wait(lambda: (lambda a: a if a != before else None)(js(IMAGES, out)), 20) or js(IMAGES, out)
            v1 = val()
            shot(f"08a_explorer_{k.replace(' ', '_')}")
            log(f'08a explorer {k}: slider {v0} -> {v1}; {len(before)} pictures; changed: {after != before}')
            if not before: fail(f'08a_widgets.ipynb: explorer {k} shows no picture')
            elif v0 == v1: fail(f'08a_widgets.ipynb: the slider of explorer {k} does not move with the arrow keys')
            elif after == before: fail(f'08a_widgets.ipynb: moving the slider of explorer {k} changes no picture')
        seen = []  # each explorer, tried as soon as the notebook scrolls to it (JupyterLab renders only the cells near the view)
        js("const s = [...document.querySelectorAll('.jp-NotebookPanel .jp-WindowedPanel-outer')].find(e => e.offsetParent !== null); if (s) s.scrollTop = 0;"); time.sleep(1)
        for _ in range(80):
            for o in js(SLIDER_OUTPUTS):
                kind = js("return arguments[0].querySelector('.colorlab-frames') ? 'drawn ahead' : 'redrawn by the kernel'", o)
                if kind not in seen: seen.append(kind); try_explorer(o, kind)
            if js("const s = [...document.querySelectorAll('.jp-NotebookPanel .jp-WindowedPanel-outer')].find(e => e.offsetParent !== null); if (!s) return true;"
                  "const t = s.scrollTop; s.scrollBy(0, 600); return s.scrollTop === t;"): break
            time.sleep(0.7)
        if len(seen) < 2: fail(f'08a_widgets.ipynb: {len(seen)} epoch explorer(s) rendered after Run All Cells, expected 2')

        def try_upload(nb, hints):
            "Upload a photo through the lesson's upload widget: it must come back colorized; with `hints`, Add hints… and a click."
            open_and_run(nb)
            out = scroll_find(UPLOAD_OUTPUT)
            if out is None: fail(f'{nb}: no upload widget rendered after Run All Cells'); shot(f'{nb[:3]}_no_upload'); return
            js("arguments[0].scrollIntoView({block:'start'})", out); time.sleep(1)
            if js(IMAGES, out): fail(f'{nb}: the upload widget shows pictures before any upload')
            js(CATCH_FILE_DIALOG)
            out.find_element(By.CSS_SELECTOR, '.widget-upload').click()
            chooser = wait(lambda: d.find_element(By.ID, 'colorlab-file-dialog'), 10)
            if chooser is None: raise RuntimeError('the upload button opened no file dialog')
            chooser.send_keys(str(photo))
            done = wait(lambda: 'colorized at' in out.text and len(js(IMAGES, out)) == 2, 90)
            shot(f'{nb[:3]}_upload')
            log(f"{nb[:3]} upload: status {out.text.splitlines()[1] if len(out.text.splitlines()) > 1 else out.text!r}; pictures {js(IMAGES, out)}")
            if not done: fail(f'{nb}: the upload widget shows no colorized photo: {out.text[:150]!r}')
            else:
                ims = js(IMAGES, out)
                if ims[0] == ims[1]: fail(f'{nb}: the colorized photo is the same as the uploaded one')
            button = next((b for b in out.find_elements(By.CSS_SELECTOR, 'button') if 'Add hints' in b.text and b.is_displayed()), None)
            if not hints:
                if button is not None: fail(f'{nb}: the upload widget shows an Add hints button with no hint widget given')
            elif button is None: fail(f'{nb}: the upload widget has no Add hints button')
            else:
                button.click()
                hw = wait(lambda: js(HINT_OUTPUT), 60)
                if hw is None: fail(f'{nb}: Add hints shows no click-to-hint widget')
                else: click_hint(hw, nb, 'click-to-hint widget of the upload demo')
            for e in js(ERRORS)[:3]: fail(f"{nb}: an error output after the upload: {e.strip().splitlines()[-1][:150]}")

        # Lesson 7c: a photo uploaded through the widget comes back colorized (no hint widget: no Add hints button)
        try_upload('07c_inference.ipynb', hints=False)

        # Lesson 10a: a click on the photo of the click-to-hint widget places a hint, and the preview recolors
        open_and_run('10a_guide.ipynb')
        hw = scroll_find(HINT_OUTPUT)
        if hw is None: fail('10a_guide.ipynb: no click-to-hint widget rendered after Run All Cells'); shot('11a_no_widget')
        else: click_hint(hw, '10a_guide.ipynb', 'click-to-hint widget')
        for e in js(ERRORS)[:3]: fail(f"10a_guide.ipynb: an error output after the click: {e.strip().splitlines()[-1][:150]}")

        # Lesson 11: the upload widget with hints: uploaded, colorized, then Add hints… and a click on the photo
        try_upload('11_reference.ipynb', hints=True)
    finally:
        if d is not None:
            try: d.quit()
            except Exception: pass
        lab.terminate()
        try: lab.wait(20)
        except subprocess.TimeoutExpired: lab.kill()

if __name__ == '__main__':
    if not Path(CHROMEDRIVER).exists(): sys.exit('FAIL: no chromedriver: apt-get install -y chromium chromium-driver')
    work = Path(tempfile.mkdtemp(prefix='colorlab-browser-'))
    try: main(work)
    except Exception as e: fail(f'the browser test broke off: {type(e).__name__}: {str(e).splitlines()[0][:200] if str(e) else ""}')
    finally: shutil.rmtree(work, ignore_errors=True)
    print('browser: ' + ('every check passed' if not fails else f'{len(fails)} failed'))
    sys.exit(1 if fails else 0)
