#!/usr/bin/env python
"""Train the colorizer that ships, on one GPU, with the photos held in GPU memory.

The generator that ships: `--arch lite0` (lesson 5's `DynamicUnet` on the ImageNet-pretrained EfficientNet-Lite0 body,
with lesson 6b's classes head or `--head ab` for L1 regression; the body frozen for the first `--freeze_frac` of the steps,
then trained at `--body_lr_mult` of the decoder's rate, the way fastai's `fine_tune` does), or `--arch unet` (the pix2pix U-Net
with `--nf` filters, as `colorlab_train --head classes --size 128 --nf 32`), or `--arch lite1` (the same U-Net on EfficientNet-Lite1,
`scripts/lite1.py`: measured on the CPU, not shipped), trained on the training split of `colorlab/assets/splits.csv`:
random square crops (min_scale…1 of the short side) and horizontal flips made on the GPU, then, optionally, a GAN phase
(PatchGAN, DiffAugment, R1) from the end of that pretraining. With `--arch unet` it needs torch alone (no fastai: what a GPU
machine with a bare PyTorch runs); the Lite U-Nets need fastai and timm, which colorlab installs. Every `--eval_every` share of a phase it colorizes the whole validation photos as
`colorize` does (short side 128, reflection padding) and measures the a*b* error and the colorfulness gap against gray;
the best state of each phase (by `max(ab / target_ab gray, ΔCF / target_dcf gray)`) is written to `--out` as soon as it is found.
It runs on the CPU too (the shipped model was trained so, on 2 cores); `--max_steps` fixes the budget in steps, for fair comparisons.

    python scripts/prepare_gpu_data.py .gpu/photos      # here: the train and valid photos, copied
    python scripts/train_gpu.py --photos .gpu/photos --out OUT --name A --head classes --gan_epochs 0
"""
import argparse, io, json, math, os, random, sys, time
from pathlib import Path
import numpy as np, pandas as pd, torch, torch.nn.functional as F
from PIL import Image
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from colorlab.lab import rgb_to_L_ab, L_ab_to_rgb, AB_SCALE
from colorlab.core import atomic_save, atomic_write
from colorlab.models import make_generator, generator_state
from colorlab.classes import class_prior, rebalancing_weights, class_loss, annealed_mean
from colorlab.patchgan import patch_discriminator
from colorlab.losses import GANLoss
from colorlab.fewshot import diff_augment, r1_penalty

TS, CS = (0.2, 0.3, 0.38, 0.5), (0., 0.3, 0.55, 0.8)  # the decodings measured on validation ('classes')

def load_photos(folder, dev):
    "Every photo of `folder` as a uint8 3×H×W tensor on `dev`, sorted by name."
    fs = sorted(p for p in Path(folder).iterdir() if p.suffix.lower() in ('.jpg', '.jpeg', '.png'))
    return [p.name for p in fs], [torch.from_numpy(np.asarray(Image.open(p).convert('RGB')).copy()).permute(2, 0, 1).to(dev) for p in fs]

def random_crops(ims, n, size, min_scale):
    "`n` random square crops (min_scale…1 of the short side), resized to `size` (antialiased) and flipped at random: N×3×size×size in 0…1."
    out = []
    for i in np.random.randint(len(ims), size=n):
        im = ims[i]; h, w = im.shape[1:]
        s = max(8, int(min(h, w) * np.random.uniform(min_scale, 1)))
        y, x = np.random.randint(h - s + 1), np.random.randint(w - s + 1)
        c = F.interpolate(im[None, :, y:y + s, x:x + s].float() / 255, size=(size, size), mode='bilinear', antialias=True, align_corners=False)
        out.append(c.flip(-1) if random.random() < 0.5 else c)
    return torch.cat(out).clamp(0, 1)

def colorfulness(rgb):
    "Hasler and Süsstrunk's colorfulness of a 3×H×W image in 0…1 (as `colorlab.metrics.colorfulness`, on 0…255)."
    x = rgb.double() * 255
    rg, yb = x[0] - x[1], 0.5 * (x[0] + x[1]) - x[2]
    return float(torch.hypot(rg.std(unbiased=False), yb.std(unbiased=False)) + 0.3 * torch.hypot(rg.mean(), yb.mean()))

class Validation:
    "The validation photos as `colorize` sees them (short side `size`), their true ab, and gray's error and colorfulness gap."
    def __init__(self, ims, size=128, m=128, targets=(0.92, 0.40)):
        self.items, self.targets = [], targets
        for im in ims:
            h, w = im.shape[1:]; s = size / min(h, w); hh, ww = max(1, round(h * s)), max(1, round(w * s))
            rgb = F.interpolate(im[None].float() / 255, size=(hh, ww), mode='bilinear', antialias=True, align_corners=False).clamp(0, 1)
            L, ab = rgb_to_L_ab(rgb)
            Lp = F.pad(L, (0, -ww % m, 0, -hh % m), mode='reflect')
            self.items.append((Lp, L, ab, (hh, ww), colorfulness(rgb[0])))
        self.cf_truth = float(np.mean([it[4] for it in self.items]))
        self.gray_ab = float(np.mean([(it[2].abs().mean() * AB_SCALE).item() for it in self.items]))
        self.gray_dcf = self.cf_truth - float(np.mean([colorfulness(L_ab_to_rgb(it[1], torch.zeros_like(it[2]))[0]) for it in self.items]))

    @torch.no_grad()
    def __call__(self, G, head):
        "{decoding: (ab error, ΔCF)}: one entry per (T, calibrate) for 'classes', one for 'ab'."
        G.eval()
        res = {}
        outs = []
        for Lp, L, ab, (h, w), _ in self.items:
            with torch.autocast('cuda', torch.bfloat16, enabled=L.is_cuda):
                outs.append(G.logits(Lp) if head == 'classes' else G(Lp))
        decs = [(T, c) for T in TS for c in CS] if head == 'classes' else [None]
        for d in decs:
            errs, cfs = [], []
            for o, (Lp, L, ab, (h, w), _) in zip(outs, self.items):
                if d is None: p = o.float()
                else:
                    z = o.float() - d[1] * G.class_weights.log()[:, None, None]
                    p = annealed_mean(z, G.centers, d[0])
                    if G.scale != 1: p = F.interpolate(p, scale_factor=G.scale, mode='bilinear', align_corners=False)
                p = p[..., :h, :w].clamp(-1, 1)
                errs.append(((p - ab).abs().mean() * AB_SCALE).item()); cfs.append(colorfulness(L_ab_to_rgb(L, p)[0]))
            res['ab' if d is None else f'T{d[0]}_c{d[1]}'] = (float(np.mean(errs)), self.cf_truth - float(np.mean(cfs)))
        G.train()
        return res

    def score(self, ab, dcf): return max(ab / self.gray_ab / self.targets[0], abs(dcf) / self.gray_dcf / self.targets[1])

class RunFolder:
    "What `colorlab_train` writes for lessons 7a and 8a, for this script's runs: `history.csv` (every logged step), `epochs.csv`, and per epoch `grids/epoch_NNN.png` of `n` fixed validation crops (input, colorized, truth; `photos.json` names them)."
    def __init__(self, d:Path, names, ims, size, n=8):
        self.d, self.hist, self.epochs, self.t0 = d, [], [], time.time()
        (d/'grids').mkdir(parents=True, exist_ok=True)
        pick = list(range(len(ims)))[:: max(1, len(ims) // n)][:n]
        crops = []
        for i in pick:
            im = ims[i]; h, w = im.shape[1:]; s = min(h, w); y, x = (h - s) // 2, (w - s) // 2
            crops.append(F.interpolate(im[None, :, y:y + s, x:x + s].float() / 255, size=(size, size), mode='bilinear', antialias=True, align_corners=False))
        self.L, self.ab = rgb_to_L_ab(torch.cat(crops).clamp(0, 1))
        atomic_write(d/'grids'/'photos.json', lambda p: Path(p).write_text(json.dumps([names[i] for i in pick])))
    def step(self, epoch, it, phase, **losses): self.hist.append(dict(epoch=epoch, iter=it, phase=phase, **losses))
    @torch.no_grad()
    def epoch(self, G, epoch, phase, valid_ab=None):
        G.eval(); fake = G(self.L).float().clamp(-1, 1); G.train()
        rows = [L_ab_to_rgb(self.L, torch.zeros_like(self.ab)), L_ab_to_rgb(self.L, fake), L_ab_to_rgb(self.L, self.ab)]
        g = torch.cat([torch.cat(list(r.cpu().clamp(0, 1)), -1) for r in rows], -2)
        im = Image.fromarray((g.permute(1, 2, 0).numpy() * 255).round().astype(np.uint8))
        atomic_write(self.d/'grids'/f'epoch_{epoch:03d}.png', lambda p: im.save(p, format='PNG'))
        h = pd.DataFrame([r for r in self.hist if r['epoch'] == epoch])
        means = {c: (float(h[c].mean()) if c in h and h[c].notna().any() else None) for c in ('G', 'G_GAN', 'G_L1', 'D_real', 'D_fake')}
        now = time.time(); self.epochs.append(dict(epoch=epoch, phase=phase, **means, valid_ab_mae=valid_ab, seconds=round(now - self.t0, 2))); self.t0 = now
        atomic_write(self.d/'history.csv', lambda p: pd.DataFrame(self.hist).to_csv(p, index=False))
        atomic_write(self.d/'epochs.csv', lambda p: pd.DataFrame(self.epochs).to_csv(p, index=False))

def save_parts(state, out:Path, stem:str, parts:int=2):
    "torch.save `state` as `stem`.pth, or as `parts` files of 1/`parts` of its size each (the device tool brings back files of ≤ 16 MiB), written atomically."
    if parts == 1: return atomic_save(state, out/f'{stem}.pth')
    buf = io.BytesIO(); torch.save(state, buf); b = buf.getvalue(); k = -(-len(b) // parts)
    for i in range(parts):
        tmp = out/f'.{stem}.part{i}.tmp'; tmp.write_bytes(b[i * k:(i + 1) * k]); os.replace(tmp, out/f'{stem}.part{i}')

def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--photos', required=True); ap.add_argument('--out', required=True); ap.add_argument('--name', required=True)
    ap.add_argument('--arch', default='lite0'); ap.add_argument('--pretrained', type=int, default=1, help="'lite0', 'lite1' (scripts/lite1.py): start from the ImageNet body (1) or random (0)")
    ap.add_argument('--freeze_frac', type=float, default=0.2); ap.add_argument('--body_lr_mult', type=float, default=0.1)
    ap.add_argument('--init', default=None, help='a generator.pth whose matching tensors start this run (e.g. an L1 run before a classes run)')
    ap.add_argument('--max_steps', type=int, default=0, help='phase 1 in exactly this many steps (0: fitted to --pre_seconds)')
    ap.add_argument('--target_ab', type=float, default=0.82); ap.add_argument('--target_dcf', type=float, default=0.32)
    ap.add_argument('--threads', type=int, default=0); ap.add_argument('--parts', type=int, default=2)
    ap.add_argument('--Ts', default='0.2,0.3,0.38,0.5'); ap.add_argument('--Cs', default='0,0.3,0.55,0.8', help="the decodings measured on validation ('classes')")
    ap.add_argument('--head', default='classes'); ap.add_argument('--nf', type=int, default=32); ap.add_argument('--size', type=int, default=128)
    ap.add_argument('--eval_size', type=int, default=256, help="working size of the validation colorizations ('lite0')"); ap.add_argument('--bs', type=int, default=64); ap.add_argument('--lr', type=float, default=2e-3); ap.add_argument('--min_scale', type=float, default=0.5)
    ap.add_argument('--rebalance', type=float, default=0.5)
    ap.add_argument('--pre_seconds', type=float, default=240); ap.add_argument('--max_epochs', type=int, default=2000)
    ap.add_argument('--gan_seconds', type=float, default=0); ap.add_argument('--gan_lr', type=float, default=2e-4)
    ap.add_argument('--adv', type=float, default=0.1, help="'classes': weight of G's GAN loss beside the class loss")
    ap.add_argument('--lambda_l1', type=float, default=100., help="'ab': weight of L1 beside G's GAN loss")
    ap.add_argument('--gan_mode', default='vanilla'); ap.add_argument('--r1', type=float, default=0.); ap.add_argument('--diffaug', action='store_true')
    ap.add_argument('--n_evals', type=int, default=10); ap.add_argument('--seed', type=int, default=42); ap.add_argument('--save', type=int, default=1, help='write the best states (0: the log only)'); ap.add_argument('--save_pre', type=int, default=1, help="write phase 1's best too")
    ap.add_argument('--smoke', action='store_true', help='a few steps on the CPU, to check the script')
    a = ap.parse_args()
    global make_generator
    if a.arch == 'lite1': from lite1 import install; make_generator = install()  # the Lite1 experiment (scripts/lite1.py)
    t_start = time.time()
    if a.threads: torch.set_num_threads(a.threads)
    global TS, CS
    TS, CS = tuple(map(float, a.Ts.split(','))), tuple(map(float, a.Cs.split(',')))
    dev = torch.device('cuda' if torch.cuda.is_available() and not a.smoke else 'cpu')
    random.seed(a.seed); np.random.seed(a.seed); torch.manual_seed(a.seed)
    torch.backends.cudnn.benchmark = True
    out = Path(a.out); out.mkdir(parents=True, exist_ok=True)
    log = open(out/f'{a.name}.jsonl', 'a')
    def note(**kw):
        kw = dict(run=a.name, t=round(time.time() - t_start, 1), **kw); log.write(json.dumps(kw) + '\n'); log.flush(); print(json.dumps(kw), flush=True)
    train_names, train = load_photos(Path(a.photos)/'train', dev)
    valid_names, valid = load_photos(Path(a.photos)/'valid', dev)
    if a.smoke: train, valid = train[:8], valid[:4]
    V = Validation(valid, 128 if a.arch == 'unet' else a.eval_size, targets=(a.target_ab, a.target_dcf))
    R = RunFolder(out/a.name, valid_names, valid, a.size)  # a run folder as colorlab_train writes it (lessons 7a, 8a)
    last_eval = {}
    note(event='start', args=vars(a), device=str(dev), gpu=torch.cuda.get_device_name() if dev.type == 'cuda' else None, torch=torch.__version__,
         n_train=len(train), n_valid=len(valid), gray_ab=V.gray_ab, gray_dcf=V.gray_dcf, cf_truth=V.cf_truth)
    spec = dict(arch=a.arch, size=a.size) | (dict(nf=a.nf) if a.arch == 'unet' else {}) | (dict(head='classes', T=0.38, calibrate=0.) if a.head == 'classes' else {})
    G = make_generator(**spec, pretrained=bool(a.pretrained) if a.arch.startswith('lite') else False).to(dev)
    if a.init:
        from colorlab.classes import load_body
        from colorlab.models import load_generator
        note(event='init', file=a.init, tensors=load_body(G, load_generator(a.init)))
    body = list((G.unet if a.head == 'classes' else G)[0].parameters()) if a.arch.startswith('lite') else []
    if a.head == 'classes':
        with torch.no_grad(): abs_ = [rgb_to_L_ab(random_crops(train, 32, a.size, a.min_scale))[1] for _ in range(4 if a.smoke else 40)]
        G.class_weights.copy_(rebalancing_weights(class_prior(abs_, G.centers), a.rebalance).to(dev))
    G = G.to(memory_format=torch.channels_last)
    amp = lambda: torch.autocast(dev.type, torch.bfloat16, enabled=dev.type == 'cuda')

    def batch():
        with torch.no_grad():
            L, ab = rgb_to_L_ab(random_crops(train, a.bs, a.size, a.min_scale))
        return L.contiguous(memory_format=torch.channels_last), ab

    def evaluate(phase, epoch, best):
        r = V(G, a.head)
        (k, (e, d)) = min(r.items(), key=lambda kv: V.score(*kv[1]))
        s = V.score(e, d)
        note(event='eval', phase=phase, epoch=round(epoch, 2), best_decoding=k, ab=e, dcf=d, ab_x_gray=e / V.gray_ab, dcf_x_gray=d / V.gray_dcf, score=s, all=r)
        last_eval['ab'], last_eval['state'] = e, (s, epoch, k)
        if best is None or s < best[0]:
            best = (s, epoch, k, {kk: v.detach().clone() for kk, v in G.state_dict().items()})
            save(best, f'{a.name}_{phase}', phase=phase)  # at once: an interrupted run keeps its best so far
        return best

    def save(best, stem, **meta):
        if best is None or not a.save: return
        cur = {k: v.detach().clone() for k, v in G.state_dict().items()}
        G.load_state_dict(best[3])
        save_parts(generator_state(G, spec, half=True, epoch=best[1], decoding=best[2], score=best[0], recipe=vars(a), **meta), out, stem, a.parts)
        G.load_state_dict(cur)
        note(event='saved', file=stem, epoch=best[1], decoding=best[2], score=best[0])

    # Phase 1: the class loss ('classes') or λ·L1 ('ab'), one cycle; its length fitted to --pre_seconds after 20 timed steps
    ids = {id(p) for p in body}
    groups = [dict(params=[p for p in G.parameters() if id(p) not in ids], lr=a.lr)] + ([dict(params=body, lr=a.lr * a.body_lr_mult)] if body else [])
    opt = torch.optim.AdamW(groups, lr=a.lr, betas=(0.9, 0.99), weight_decay=1e-4)
    max_lrs = [g['lr'] for g in groups]
    def freeze(on):  # the pretrained body's weights (not its BatchNorm statistics, as fastai's `freeze`) stay still
        for p in body: p.requires_grad_(not on)
    steps_per_epoch = max(1, len(train) // a.bs)
    def pre_loss():
        L, ab = batch()
        with amp():
            if a.head == 'classes': return class_loss(G.logits(L), ab, G.centers, G.class_weights)
            return (G(L).float() - ab).abs().mean() * a.lambda_l1
    for g, m in zip(opt.param_groups, max_lrs): g['lr'] = m / 25
    freeze(a.freeze_frac > 0)
    for i in range(25 if not a.smoke else 3):
        if i == 5: t0 = time.time(); (torch.cuda.synchronize() if dev.type == 'cuda' else None)
        loss = pre_loss(); opt.zero_grad(set_to_none=True); loss.backward(); opt.step()
    if dev.type == 'cuda': torch.cuda.synchronize()
    rate = (25 - 5) / (time.time() - t0) if not a.smoke else 1.
    total = 6 if a.smoke else a.max_steps or int(min(a.max_epochs * steps_per_epoch, a.pre_seconds * rate * 0.9))
    unfreeze_at = int(total * a.freeze_frac) if body else 0
    note(event='plan', phase='pre', steps_per_s=rate, steps=total, epochs=total / steps_per_epoch)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=max_lrs, total_steps=total, pct_start=0.15)
    best, every, hist = None, max(1, total // a.n_evals), []
    for step in range(1, total + 1):
        if step == unfreeze_at + 1 and a.freeze_frac > 0: freeze(False); note(event='unfreeze', step=step)
        loss = pre_loss(); opt.zero_grad(set_to_none=True); loss.backward(); opt.step(); sched.step()
        hist.append(loss.item())
        ep = (step - 1) // steps_per_epoch + 1
        R.step(ep, step, 'classes' if a.head == 'classes' else 'l1', **({'G': loss.item()} if a.head == 'classes' else {'G': loss.item(), 'G_L1': loss.item()}))
        if step % every == 0 or step == total: best = evaluate('pre', step / steps_per_epoch, best)
        if step % steps_per_epoch == 0 or step == total:
            note(event='epoch', phase='pre', epoch=ep, loss=float(np.mean(hist)) if hist else None); hist = []
            R.epoch(G, ep, 'classes' if a.head == 'classes' else 'l1', last_eval.pop('ab', None))
    if a.save_pre:
        save(best, f'{a.name}_pre', phase='pre')
        save((*last_eval['state'], {k: v.detach().clone() for k, v in G.state_dict().items()}), f'{a.name}_pre_last', phase='pre')  # the end of the cycle too (evaluated at its last step): validation may prefer it by another rule
    if not a.gan_seconds: note(event='done'); return

    # Phase 2: the GAN, from the end of phase 1 (not its best: the same weights when the cycle ends best)
    D = patch_discriminator(3).to(dev).to(memory_format=torch.channels_last)
    crit = GANLoss(a.gan_mode).to(dev)
    opt_G = torch.optim.Adam(G.parameters(), lr=a.gan_lr, betas=(0.5, 0.999))
    opt_D = torch.optim.Adam(D.parameters(), lr=a.gan_lr, betas=(0.5, 0.999))
    aug = diff_augment if a.diffaug else (lambda x: x)
    pre_end = total / steps_per_epoch
    t_gan, step, gbest, rows = time.time(), 0, None, []
    gan_total = 4 if a.smoke else None
    while True:
        step += 1
        L, ab = batch()
        with amp():
            if a.head == 'classes':
                z = G.logits(L); fake = G.colors(z); base = class_loss(z, ab, G.centers, G.class_weights)
            else:
                fake = G(L).float(); base = (fake - ab).abs().mean() * a.lambda_l1
            real = torch.cat([L, ab], 1)
            d_fake = crit(D(aug(torch.cat([L, fake.detach()], 1))).float(), False)
            d_real = crit(D(aug(real)).float(), True)
        d_loss = (d_fake + d_real) / 2
        if a.r1: d_loss = d_loss + a.r1 / 2 * r1_penalty(D, aug(real))
        opt_D.zero_grad(set_to_none=True); d_loss.backward(); opt_D.step()
        D.requires_grad_(False)
        with amp(): g_gan = crit(D(aug(torch.cat([L, fake], 1))).float(), True, for_D=False)
        g_loss = base + (a.adv * g_gan if a.head == 'classes' else g_gan)
        opt_G.zero_grad(set_to_none=True); g_loss.backward(); opt_G.step()
        D.requires_grad_(True)
        if step % 5 == 0 or a.smoke: rows.append((g_loss.item(), g_gan.item(), base.item(), d_real.item(), d_fake.item()))
        if gan_total is None and step == 30:
            if dev.type == 'cuda': torch.cuda.synchronize()
            r = 30 / (time.time() - t_gan); gan_total = int(a.gan_seconds * r * 0.85)
            note(event='plan', phase='gan', steps_per_s=r, steps=gan_total, epochs=gan_total / steps_per_epoch); gevery = max(1, gan_total // a.n_evals)
        if step % steps_per_epoch == 0 and rows:
            m = np.mean(rows, 0); rows = []
            note(event='epoch', phase='gan', epoch=step // steps_per_epoch, G=m[0], G_GAN=m[1], G_base=m[2], D_real=m[3], D_fake=m[4])
        if gan_total is not None and (step % (gevery if not a.smoke else 2) == 0 or step >= gan_total):
            gbest = evaluate('gan', pre_end + step / steps_per_epoch, gbest)
        if gan_total is not None and step >= gan_total: break
    save(gbest, f'{a.name}_gan', phase='gan')
    note(event='done')

if __name__ == '__main__': main()
