"""What the scripts that try a hints-model recipe share (`hints_more_photos.py`, `hints_encoder_features.py`): a trained
model given the shipped model's choices, so that the two are measured alike.

Makes: nothing by itself. From: `colorlab/assets/hints/hints.pth` (the shipped choices). Read by: those scripts."""
from pathlib import Path
import torch
from colorlab.core import atomic_save

SHIPPED = Path(__file__).resolve().parent.parent/'colorlab'/'assets'/'hints'/'hints.pth'
CHOICES = ('gain', 'bands', 'textures', 'reach')  # made after training, on validation (the hints card)

def give_shipped_choices(run:Path):
    "Write the shipped hints model's choices (β, the reference's groups, the reach) into the spec of `run/hints.pth`."
    shipped = torch.load(SHIPPED, map_location='cpu', weights_only=True)['spec']
    st = torch.load(Path(run)/'hints.pth', map_location='cpu', weights_only=True)
    for k in CHOICES: st['spec'][k] = shipped[k]
    atomic_save(st, Path(run)/'hints.pth')
