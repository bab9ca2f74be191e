# Issue 11: 2012 districts load (OK-5's source total was 34 below its D + R;
# Oklahoma's 2012 ballot had only Obama and Romney, so each total is D + R:
# data/README.md). Its 5 districts sum to the state return (443,547 and
# 891,325, MEDSL).
cmd: tally result 2012 --districts --state OK --csv | awk -F, 'NR > 1 { d += $5; r += $6; o += $7 } END { print NR - 1, d, r, o }'
exit: 0
--- stdout
5 443547 891325 0
