# Issue 11: the district method in every state, checked apart from the
# library: tests/district_check.sh computes it with awk from the committed
# tables (each state's winner from data/results.csv, each district's from
# data/district_results.csv) beside `tally whatif YEAR --rule district`.
# 2012: Romney 274, Obama 264, the figure published for the district method
# (Romney carried 226 districts to Obama's 209: The Downballot, then Daily
# Kos Elections, "Presidential results by congressional district").
cmd: sh tests/district_check.sh 2008 2012 2016 2020 2024
exit: 0
--- stdout
2008 data D 301 R 237 | tally D 301 R 237
2012 data D 264 R 274 | tally D 264 R 274
2016 data D 248 R 290 | tally D 248 R 290
2020 data D 278 R 260 | tally D 278 R 260
2024 data D 246 R 292 | tally D 246 R 292
