#!/usr/bin/env python
"""The next recipe for the hints model, tried: its spreads also read the ImageNet-pretrained encoder's stride-16 features.
`scripts/hints_feature_probe.py` found, without learning, that those features beside the colorizer's last-layer features
place 10 hints' colors better than the last-layer features alone. Here the shipped recipe is trained again (the same
photos, epochs and settings as `scripts/ship_hints.py`) with every pixel's features = [last-layer features, encoder stage-4
features enlarged to half size], each scaled to length 1; it gets the shipped model's choices (β, the reference's groups,
the reach), and both are measured on the 37 validation photos (1, 5 and 10 hints, and the photo itself as the reference).

    OMP_NUM_THREADS=1 python scripts/hints_encoder_features.py train 45   # about 40 minutes on one core; then the measurement
    python scripts/hints_encoder_features.py                              # the measurement alone, from runs/hints_enc/hints.pth

Writes `runs/hints_enc/` (the weights, `epochs.csv`; not shipped) and `colorlab/assets/hints/encoder_features.csv` (per
photo, model and number of hints: the hints model card's section on the encoder's features)."""
import hashlib, sys, time, warnings, torch, torch.nn.functional as F, pandas as pd
from pathlib import Path
root = Path(__file__).resolve().parent.parent; sys.path.insert(0, str(root))
from colorlab.core import sample_photos_path
from colorlab.data import read_splits
from hintkit import give_shipped_choices
from colorlab.hints import train_hint_model, load_hint_model, features, GeodesicSpread, _head
from colorlab.reference import ReferenceColorizer, evaluate_hints, hint_summary

STAGE = 4  # the encoder's stage 4: 80 channels at stride 16

class EncoderHints(ReferenceColorizer):
    "The hints model whose spreads read the colorizer's last-layer features and its encoder's stride-16 features, each scaled to length 1."
    def __init__(self, G, *args, **kw):
        super().__init__(G, *args, **kw)
        gf = self.spec['geodesic_f']
        if gf is not None and self.spec['metric']:  # the feature-weighing spread's learned map, over both kinds of features
            self.spreads[-1] = GeodesicSpread(*gf[:2], f=gf[2], dims=_head(G).in_channels + self._enc_channels(G))
    @staticmethod
    def _enc_channels(G):
        box = {}; h = G.unet.layers[0][STAGE].register_forward_hook(lambda m, i, o: box.update(b=o))
        try:
            with torch.no_grad(): G.logits(torch.zeros(1, 1, 64, 64))
        finally: h.remove()
        return box['b'].shape[1]
    def base(self, L):
        key = None if self.training else (tuple(L.shape), str(L.device), hashlib.md5(L.detach().cpu().numpy().tobytes()).hexdigest())
        if key is not None and self._last is not None and self._last[0] == key: return self._last[1]
        box = {}; h = self.G.unet.layers[0][STAGE].register_forward_hook(lambda m, i, o: box.update(b=o))
        try:
            with torch.no_grad(): z, f = features(self.G, L)
        finally: h.remove()
        b = F.interpolate(box['b'].float(), size=f.shape[-2:], mode='bilinear', align_corners=False)
        out = (z, torch.cat([F.normalize(f.float(), dim=1), F.normalize(b, dim=1)], 1))
        if key is not None: self._last = (key, out)
        return out

if __name__ == '__main__':
    run = root/'runs'/'hints_enc'; run.mkdir(parents=True, exist_ok=True)
    hs = read_splits(root/'colorlab/assets/hints/splits.csv')
    pool = {p.name: p for d in (sample_photos_path(), root.parent/'shared/data/corpus') for p in d.iterdir()}
    if 'train' in sys.argv:
        t0 = time.time()
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            train_hint_model([pool[f] for f, s in hs.items() if s in ('train', 'valid')], run, epochs=int(sys.argv[2]), bs=8, vivid=1.,
                             splits=root/'colorlab/assets/hints/splits.csv', cls=EncoderHints, quiet=True)
        print(f'trained in {time.time() - t0:.0f} s', flush=True)
        give_shipped_choices(run)
    valid = sorted(pool[f] for f, s in hs.items() if s == 'valid')
    df = evaluate_hints(valid, {'gray': None, 'shipped': load_hint_model(), 'encoder features': load_hint_model(run, cls=EncoderHints)}, counts=(1, 5, 10), reference=True)
    df.round(4).to_csv(root/'colorlab/assets/hints/encoder_features.csv', index=False)
    print(hint_summary(df).round(3).to_string())
