# Issue 12: --without takes county FIPS: Los Angeles County leaves the Union,
# and its share of California's 53 seats with it (no reapportionment).
cmd: tally whatif 2016 --without 06037
exit: 0
--- stdout-has
2016 presidential election · what if: without 06037 · source: MEDSL
note: not reapportioned: each redrawn state's House seats are shared among its parts by huntington-hill on their populations (electors = seats + 2); an admitted state has 1 seat, the House growing as in 1959 (Alaska, Hawaii): a House of 421; reapportion reapportions all states
