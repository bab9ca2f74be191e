cmd: tally apportion
exit: 0
--- stdout
House apportionment, 2020 census: 435 seats among 50 states (huntington-hill)

State                       Population  Seats  Electors
AK Alaska                      736,081      1         3
AL Alabama                   5,030,053      7         9
AR Arkansas                  3,013,756      4         6
AZ Arizona                   7,158,923      9        11
CA California               39,576,757     52        54
CO Colorado                  5,782,171      8        10
CT Connecticut               3,608,298      5         7
DE Delaware                    990,837      1         3
FL Florida                  21,570,527     28        30
GA Georgia                  10,725,274     14        16
HI Hawaii                    1,460,137      2         4
IA Iowa                      3,192,406      4         6
ID Idaho                     1,841,377      2         4
IL Illinois                 12,822,739     17        19
IN Indiana                   6,790,280      9        11
KS Kansas                    2,940,865      4         6
KY Kentucky                  4,509,342      6         8
LA Louisiana                 4,661,468      6         8
MA Massachusetts             7,033,469      9        11
MD Maryland                  6,185,278      8        10
ME Maine                     1,363,582      2         4
MI Michigan                 10,084,442     13        15
MN Minnesota                 5,709,752      8        10
MO Missouri                  6,160,281      8        10
MS Mississippi               2,963,914      4         6
MT Montana                   1,085,407      2         4
NC North Carolina           10,453,948     14        16
ND North Dakota                779,702      1         3
NE Nebraska                  1,963,333      3         5
NH New Hampshire             1,379,089      2         4
NJ New Jersey                9,294,493     12        14
NM New Mexico                2,120,220      3         5
NV Nevada                    3,108,462      4         6
NY New York                 20,215,751     26        28
OH Ohio                     11,808,848     15        17
OK Oklahoma                  3,963,516      5         7
OR Oregon                    4,241,500      6         8
PA Pennsylvania             13,011,844     17        19
RI Rhode Island              1,098,163      2         4
SC South Carolina            5,124,712      7         9
SD South Dakota                887,770      1         3
TN Tennessee                 6,916,897      9        11
TX Texas                    29,183,290     38        40
UT Utah                      3,275,252      4         6
VA Virginia                  8,654,542     11        13
VT Vermont                     643,503      1         3
WA Washington                7,715,946     10        12
WI Wisconsin                 5,897,473      8        10
WV West Virginia             1,795,045      2         4
WY Wyoming                     577,719      1         3
DC District of Columbia              -      -         3
Total                      331,108,434    435       538

Electors = seats + 2; DC 3 (23rd Amendment: as a state, but no more than
the least populous state). A majority of the 538 electors is 270.
Every state's seats equal the Census Bureau's 2020 apportionment.
