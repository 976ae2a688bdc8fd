#!/usr/bin/env bash
# The GAN recipe search of issue 19 (lesson 8's recipe table).
# Makes: run folders runs/G_* and runs/F (each with its generator after every epoch), with runs/NAME.cmd/.log/.done.
# From: the L1-pretrained start runs/S1 and the photos of colorlab/assets/splits.csv (bundled sample and ../shared/data/corpus).
# Read by: scripts/recipe_table.py, whose tables ship in colorlab/assets/gan_search/ and are shown by lesson 8 (metrics).
# Every GAN run starts from the same L1-pretrained
# generator (run S1: 20 L1 epochs at 128×128 on the training split of colorlab/assets/splits.csv) and trains GAN
# epochs with one remedy of lesson 6d, or a combination; each run keeps its generator after every epoch (generators/),
# so that the epoch is chosen on the validation split too (scripts/recipe_table.py). F is the other candidate: the
# classes head of lesson 6b on the same start, trained on the rebalanced class loss.
#   bash scripts/gan_recipes.sh LANE     # LANE 1, 2 (the first batch) or 3, 4 (the second): to run two side by side
# What was run on this project's 2-core CPU (one thread per run, two or three runs side by side): the first batch asked
# for 4 GAN epochs; G_plain and G_diffaug ran them all, G_sn was stopped after 3 and G_hinge after 2 to make room for
# the second batch, which asks for 2 (validation had shown that later epochs only lose accuracy): G_r1, G_lambda300 and
# G_smallD ran both, G_dslow and G_combo were stopped after 1 to finish within the session. scripts/recipe_table.py
# measures each run after its first two epochs.
set -euo pipefail
cd "$(dirname "$0")/.."
common="--path colorlab/assets/photos ../shared/data/corpus --splits colorlab/assets/splits.csv --size 128 --nf 32 --bs 8 --seed 42 --keep_every 1 --quiet"
gan="$common --init_from runs/S1/generator_l1.pth --pretrain_epochs 0"
run() { local name=$1; shift; [ -f "runs/$name.done" ] && return 0  # finished before
        if [ -f "runs/$name/config.json" ]; then OMP_NUM_THREADS=1 colorlab_train --resume --out "runs/$name" >> "runs/$name.log" 2>&1
        else echo "colorlab_train $* --out runs/$name" > "runs/$name.cmd"; OMP_NUM_THREADS=1 colorlab_train "$@" --out "runs/$name" > "runs/$name.log" 2>&1; fi
        touch "runs/$name.done"; }
case ${1:-1} in
1) run F  $common --head classes --init_from runs/S1/generator_l1.pth --pretrain_epochs 16 --pretrain_lr 1e-3 --pretrain_lr_decay_epochs 8 --epochs 0
   run G_hinge $gan --epochs 4 --gan_mode hinge ;;
2) run G_plain $gan --epochs 4
   run G_diffaug $gan --epochs 4 --diffaug
   run G_sn $gan --epochs 4 --spectral_norm ;;
3) run G_r1 $gan --epochs 2 --r1 1
   run G_dslow $gan --epochs 2 --d_lr 5e-5 ;;
4) run G_lambda300 $gan --epochs 2 --lambda_l1 300
   run G_smallD $gan --epochs 2 --d_nf 32 --d_layers 2 ;;
esac
# The combination, chosen on the validation split's first results (DiffAugment the most vivid for its error; R1 and
# λ = 300 the most accurate after one epoch):
[ "${1:-1}" = 5 ] && run G_combo $gan --epochs 2 --diffaug --r1 1 --lambda_l1 300
exit 0
