cmd: tally apportion 2010 --without CA
exit: 0
--- stdout
House apportionment, 2010 census: 435 seats among 49 states (huntington-hill)
Left out: CA

State                       Population  Seats  Electors  Official  Change
AK Alaska                      721,523      1         3         1
AL Alabama                   4,802,982      8        10         7      +1
AR Arkansas                  2,926,229      5         7         4      +1
AZ Arizona                   6,412,700     10        12         9      +1
CO Colorado                  5,044,930      8        10         7      +1
CT Connecticut               3,581,628      6         8         5      +1
DE Delaware                    900,877      2         4         1      +1
FL Florida                  18,900,773     30        32        27      +3
GA Georgia                   9,727,566     16        18        14      +2
HI Hawaii                    1,366,862      2         4         2
IA Iowa                      3,053,787      5         7         4      +1
ID Idaho                     1,573,499      3         5         2      +1
IL Illinois                 12,864,380     21        23        18      +3
IN Indiana                   6,501,582     10        12         9      +1
KS Kansas                    2,863,813      5         7         4      +1
KY Kentucky                  4,350,606      7         9         6      +1
LA Louisiana                 4,553,962      7         9         6      +1
MA Massachusetts             6,559,644     10        12         9      +1
MD Maryland                  5,789,929      9        11         8      +1
ME Maine                     1,333,074      2         4         2
MI Michigan                  9,911,626     16        18        14      +2
MN Minnesota                 5,314,879      9        11         8      +1
MO Missouri                  6,011,478     10        12         8      +2
MS Mississippi               2,978,240      5         7         4      +1
MT Montana                     994,416      2         4         1      +1
NC North Carolina            9,565,781     15        17        13      +2
ND North Dakota                675,905      1         3         1
NE Nebraska                  1,831,825      3         5         3
NH New Hampshire             1,321,445      2         4         2
NJ New Jersey                8,807,501     14        16        12      +2
NM New Mexico                2,067,273      3         5         3
NV Nevada                    2,709,432      4         6         4
NY New York                 19,421,055     31        33        27      +4
OH Ohio                     11,568,495     19        21        16      +3
OK Oklahoma                  3,764,882      6         8         5      +1
OR Oregon                    3,848,606      6         8         5      +1
PA Pennsylvania             12,734,905     20        22        18      +2
RI Rhode Island              1,055,247      2         4         2
SC South Carolina            4,645,975      7         9         7
SD South Dakota                819,761      1         3         1
TN Tennessee                 6,375,431     10        12         9      +1
TX Texas                    25,268,418     40        42        36      +4
UT Utah                      2,770,765      4         6         4
VA Virginia                  8,037,736     13        15        11      +2
VT Vermont                     630,337      1         3         1
WA Washington                6,753,369     11        13        10      +1
WI Wisconsin                 5,698,230      9        11         8      +1
WV West Virginia             1,859,815      3         5         3
WY Wyoming                     568,300      1         3         1
DC District of Columbia              -      -         3
Total                      271,841,474    435       536

Electors = seats + 2; DC 3 (23rd Amendment: as a state, but no more than
the least populous state). A majority of the 536 electors is 269.
Change: against the Census Bureau's 2010 apportionment (huntington-hill,
435 seats, all states); 34 states differ.
