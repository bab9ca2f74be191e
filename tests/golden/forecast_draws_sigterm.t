cmd: { tally forecast tests/data/forecast_2024.csv --method mc --sims 100000000 --draws $T/d.csv >/dev/null & pid=$!; i=0; while [ $i -lt 400 ] && ! ls $T | grep -q tmp; do sleep 0.05; i=$((i + 1)); done; echo "temporary files while running: $(ls $T | grep -c tmp)"; kill -TERM $pid; wait $pid; echo "exit $?"; echo "left: $(ls $T | wc -l)"; } 2>/dev/null
exit: 0
--- stdout
temporary files while running: 1
exit 143
left: 0
