# Issue 11: 2012 by district: Romney carried 226 districts, Obama 209 (The
# Downballot, "Presidential results by congressional district"), counted
# from tally's own what-if CSV: the district rows (1 elector each) and the
# 7 states of one seat (3 electors, their one district; DC is not one).
cmd: tally whatif 2012 --rule district --csv | awk -F, '($3 == "district" && $9 == 1) || ($3 == "state" && $6 == 3 && $4 != "DC" && $9 == 3) { n[$7]++ } END { print n["Mitt Romney"], n["Barack Obama"] }'
exit: 0
--- stdout
226 209
