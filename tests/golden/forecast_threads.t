cmd: tally forecast tests/data/forecast_2024.csv --national-sd 0.03 --regions census4 --region-sd 0.02 --df 8 --method mc --sims 300007 --seed 7 --threads 1 --json >$T/a && tally forecast tests/data/forecast_2024.csv --national-sd 0.03 --regions census4 --region-sd 0.02 --df 8 --method mc --sims 300007 --seed 7 --threads 2 --json >$T/b && cmp $T/a $T/b && echo identical
exit: 0
--- stdout
identical
