#!/usr/bin/env bash
# The GAN recipe search of issue 19 (lesson 8's recipe table): every run starts from the same L1-pretrained generator
# (runs/S1, 20 L1 epochs at 128×128 on the training split) and trains 4 GAN epochs with one remedy of lesson 6d, or a
# combination; each run keeps its generator after every epoch (generators/), so the epoch too is chosen on validation.
#   bash scripts/gan_recipes.sh LANE     # LANE 1 or 2: two halves, to run side by side (one thread each)
set -euo pipefail
cd "$(dirname "$0")/.."
common="--path colorlab/assets/photos ../shared/data/corpus --splits colorlab/assets/splits.csv --size 128 --nf 32 --bs 8 --seed 42 --keep_every 1 --quiet"
gan="$common --init_from runs/S1/generator_l1.pth --pretrain_epochs 0 --epochs 4"
run() { local name=$1; shift; [ -f "runs/$name.done" ] && return 0  # finished before
        if [ -f "runs/$name/config.json" ]; then OMP_NUM_THREADS=1 colorlab_train --resume --out "runs/$name" >> "runs/$name.log" 2>&1
        else echo "colorlab_train $* --out runs/$name" > "runs/$name.cmd"; OMP_NUM_THREADS=1 colorlab_train "$@" --out "runs/$name" > "runs/$name.log" 2>&1; fi
        touch "runs/$name.done"; }
case ${1:-1} in
1) run F  $common --head classes --init_from runs/S1/generator_l1.pth --pretrain_epochs 30 --pretrain_lr 1e-3 --pretrain_lr_decay_epochs 15 --epochs 0
   run G_hinge $gan --gan_mode hinge
   run G_lsgan $gan --gan_mode lsgan
   run G_lambda300 $gan --lambda_l1 300 ;;
2) run G_plain $gan
   run G_diffaug $gan --diffaug
   run G_sn $gan --spectral_norm
   run G_r1 $gan --r1 1
   run G_smallD $gan --d_nf 32 --d_layers 2
   run G_dslow $gan --d_lr 5e-5
   run G_dfast $gan --d_lr 8e-4 ;;
esac
