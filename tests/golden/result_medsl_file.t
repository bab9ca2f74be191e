# A file in the MEDSL layout (real 2016 rows of WI, MI, PA, NY): New York's
# Working Families and Women's Equality lines fold into Clinton.
cmd: tally result tests/data/medsl_2016_excerpt.csv
exit: 0
--- stdout-has
source: medsl_2016_excerpt.csv
NY     29  Clinton           4,556,124    2,819,534
WI     10  Trump             1,382,536    1,405,284    188,330       22,748     0.76
Winner: Donald J. Trump, 46 electoral votes cast (46 pledged)
