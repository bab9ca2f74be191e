# The popular-vote leader lost exactly in 1824, 1876, 1888, 2000 and 2016 (issue 15); the notes
# name every 1976-2020 state where the Clerk of the House's record (shared clavesi file) differs
# from MEDSL (data/history_check.csv, made by mkdata.py).
cmd: tally history
exit: 0
--- stdout
Presidential elections 1789-2024 · sources: UCSB American Presidency Project (1789-1920); Clerk of the House (state totals: UCSB) (1924-1972); MEDSL (1976-2024)

Year  President                   EV  Popular-vote leader          Margin Points  Lost  Voted  Rule
1789  George Washington        69/69  (no popular vote)                 -      -        0/10   art. II: two votes per elector
1792  George Washington      132/132  (no popular vote)                 -      -        0/15   art. II: two votes per elector
1796  John Adams              71/138  (no popular vote)                 -      -        0/16   art. II: two votes per elector
1800  Thomas Jefferson       73/138H  (no popular vote)                 -      -        0/16   art. II: two votes per elector
1804  Thomas Jefferson       162/176  (no popular vote)                 -      -        0/17   12th Amendment
1808  James Madison          122/175  (no popular vote)                 -      -        0/17   12th Amendment
1812  James Madison          128/217  (no popular vote)                 -      -        0/18   12th Amendment
1816  James Monroe           183/217  (no popular vote)                 -      -        0/19   12th Amendment
1820  James Monroe           231/232  (no popular vote)                 -      -        0/24   12th Amendment
1824  John Quincy Adams      84/261H  Andrew Jackson               38,149  10.43  yes   18/24  12th Amendment
1828  Andrew Jackson         178/261  Andrew Jackson              141,656  12.34        22/24  12th Amendment
1832  Andrew Jackson         219/286  Andrew Jackson              217,575  16.81        23/24  12th Amendment
1836  Martin Van Buren       170/294  Martin Van Buren            213,360  14.19        25/26  12th Amendment
1840  William Henry Harrison 234/294  William Henry Harrison      146,536   6.08        25/26  12th Amendment
1844  James Polk             170/275  James Polk                   39,490   1.46        25/26  12th Amendment
1848  Zachary Taylor         163/290  Zachary Taylor              137,933   4.79        29/30  12th Amendment
1852  Franklin Pierce        254/296  Franklin Pierce             220,568   6.98        30/31  12th Amendment
1856  James Buchanan         174/296  James Buchanan              493,727  12.18        30/31  12th Amendment
1860  Abraham Lincoln        180/303  Abraham Lincoln             485,706  10.37        32/33  12th Amendment
1864  Abraham Lincoln        212/233  Abraham Lincoln             411,401  10.21        25/25  12th Amendment
1868  Ulysses S. Grant       214/294  Ulysses S. Grant            304,906   5.33        33/34  12th Amendment
1872  Ulysses S. Grant       286/352  Ulysses S. Grant            763,153  11.79        37/37  12th Amendment
1876  Rutherford B. Hayes    185/369  Samuel Tilden               254,694   3.03  yes   37/38  12th Amendment
1880  James Garfield         214/369  James Garfield                8,355   0.09        38/38  12th Amendment
1884  Grover Cleveland       219/401  Grover Cleveland             62,670   0.62        38/38  12th Amendment
1888  Benjamin Harrison      233/401  Grover Cleveland             89,293   0.78  yes   38/38  12th Amendment
1892  Grover Cleveland       277/444  Grover Cleveland            367,824   3.05        44/44  12th Amendment
1896  William McKinley       271/447  William McKinley            734,179   5.28        45/45  12th Amendment
1900  William McKinley       292/447  William McKinley            861,495   6.17        45/45  12th Amendment
1904  Theodore Roosevelt     336/476  Theodore Roosevelt        2,542,098  18.80        45/45  12th Amendment
1908  William Taft           321/483  William Taft              1,269,724   8.53        46/46  12th Amendment
1912  Woodrow Wilson         435/531  Woodrow Wilson            2,174,120  14.45        48/48  12th Amendment
1916  Woodrow Wilson         277/531  Woodrow Wilson              579,033   3.12        48/48  12th Amendment
1920  Warren Harding         404/531  Warren Harding            7,017,842  26.22        48/48  12th Amendment
1924  Calvin Coolidge        382/531  Calvin Coolidge           7,338,513  25.22        48/48  12th Amendment
1928  Herbert Hoover         444/531  Herbert Hoover            6,375,747  17.32        48/48  12th Amendment
1932  Franklin D. Roosevelt  472/531  Franklin D. Roosevelt     7,060,016  17.76        48/48  12th Amendment
1936  Franklin D. Roosevelt  523/531  Franklin D. Roosevelt    11,072,014  24.26        48/48  12th Amendment
1940  Franklin D. Roosevelt  449/531  Franklin D. Roosevelt     4,938,711   9.91        48/48  12th Amendment
1944  Franklin D. Roosevelt  432/531  Franklin D. Roosevelt     3,596,227   7.50        48/48  12th Amendment
1948  Harry Truman           303/531  Harry Truman              2,136,525   4.39        48/48  12th Amendment
1952  Dwight D. Eisenhower   442/531  Dwight D. Eisenhower      6,463,971  10.50        48/48  12th Amendment
1956  Dwight D. Eisenhower   457/531  Dwight D. Eisenhower      9,842,238  15.87        48/48  12th Amendment
1960  John F. Kennedy        303/537  John F. Kennedy             118,550   0.17        50/50  12th Amendment
1964  Lyndon B. Johnson      486/538  Lyndon B. Johnson        16,020,926  22.68        51/51  12th and 23rd Amendments (DC votes)
1968  Richard Nixon          301/538  Richard Nixon               500,793   0.68        51/51  12th and 23rd Amendments (DC votes)
1972  Richard Nixon          520/538  Richard Nixon            17,838,725  22.95        51/51  12th and 23rd Amendments (DC votes)
1976  Jimmy Carter           297/538  Jimmy Carter              1,680,068   2.06        51/51  12th and 23rd Amendments (DC votes)
1980  Ronald Reagan          489/538  Ronald Reagan             8,417,822   9.73        51/51  12th and 23rd Amendments (DC votes)
1984  Ronald Reagan          525/538  Ronald Reagan            16,886,936  18.23        51/51  12th and 23rd Amendments (DC votes)
1988  George H. W. Bush      426/538  George H. W. Bush         7,077,023   7.73        51/51  12th and 23rd Amendments (DC votes)
1992  Bill Clinton           370/538  Bill Clinton              5,850,431   5.60        51/51  12th and 23rd Amendments (DC votes)
1996  Bill Clinton           379/538  Bill Clinton              8,203,416   8.52        51/51  12th and 23rd Amendments (DC votes)
2000  George W. Bush         271/538  Al Gore                     539,893   0.51  yes   51/51  12th and 23rd Amendments (DC votes)
2004  George W. Bush         286/538  George W. Bush            3,000,206   2.45        51/51  12th and 23rd Amendments (DC votes)
2008  Barack Obama           365/538  Barack Obama              9,550,176   7.27        51/51  12th and 23rd Amendments (DC votes)
2012  Barack Obama           332/538  Barack Obama              4,967,508   3.85        51/51  12th and 23rd Amendments (DC votes)
2016  Donald Trump           304/538  Hillary Clinton           2,868,519   2.10  yes   51/51  12th and 23rd Amendments (DC votes)
2020  Joe Biden              306/538  Joe Biden                 7,052,762   4.45        51/51  12th and 23rd Amendments (DC votes)
2024  Donald Trump           312/538  Donald Trump              2,284,967   1.47        51/51  12th and 23rd Amendments (DC votes)

EV: electoral votes cast for the President / electors counted (H: the House chose him). Voted: states with a popular vote / states taking part.
The popular-vote leader lost in 5 of these elections: 1824, 1876, 1888, 2000, 2016
note: 1960: Alabama's Democratic vote (the vote of its top Democratic elector) is counted for Kennedy, as the Clerk of the House counts it; 6 of its 11 Democratic electors were unpledged and voted for Byrd; so Kennedy leads the popular vote by 118,550. Split by Alabama's electors (5 of 11 for Kennedy: 147,295), Nixon would lead by 58,205: tally uses the first convention and does not count 1960 as an election the popular-vote leader lost
note: 1976: the Clerk of the House's record differs from MEDSL (the source used) in 2 states: IA Gerald Ford 632,863 (MEDSL 632,864); IN Gerald Ford 1,185,958 (MEDSL 1,183,958)
note: 1980: the Clerk of the House's record differs from MEDSL (the source used) in 1 state: NY Ronald Reagan 2,637,700 (MEDSL 2,893,831)
note: 1984: the Clerk of the House's record differs from MEDSL (the source used) in 1 state: NY Ronald Reagan 3,376,519 (MEDSL 3,664,763), Walter Mondale 3,001,285 (MEDSL 3,119,609)
note: 1988: the Clerk of the House's record differs from MEDSL (the source used) in 1 state: NY George H. W. Bush 2,838,414 (MEDSL 3,081,871), Michael Dukakis 3,255,487 (MEDSL 3,347,882)
note: 1992: the Clerk of the House's record differs from MEDSL (the source used) in 2 states: FL Bill Clinton 2,072,698 (MEDSL 2,071,698); NY Bill Clinton 3,346,894 (MEDSL 3,444,450), George H. W. Bush 2,041,690 (MEDSL 2,346,649)
note: 2004: the Clerk of the House's record differs from MEDSL (the source used) in 2 states: NY George W. Bush 2,806,993 (MEDSL 2,962,567), John Kerry 4,180,755 (MEDSL 4,314,280); SC John Kerry 661,699 (MEDSL 661,669)
note: 2012: the Clerk of the House's record differs from MEDSL (the source used) in 1 state: NY Barack Obama 4,324,228 (MEDSL 4,471,871), Mitt Romney 2,223,397 (MEDSL 2,485,432)
note: 2016: the Clerk of the House's record differs from MEDSL (the source used) in 2 states: MD Donald Trump 943,169 (MEDSL 943,428), Hillary Clinton 1,677,928 (MEDSL 1,678,006); NY Donald Trump 2,527,142 (MEDSL 2,819,534), Hillary Clinton 4,379,789 (MEDSL 4,556,124)
note: 2020: the Clerk of the House's record differs from MEDSL (the source used) in 5 states: GA Donald Trump 2,461,837 (MEDSL 2,461,854), Joe Biden 2,474,507 (MEDSL 2,473,633); MS Donald Trump 756,789 (MEDSL 756,764), Joe Biden 539,508 (MEDSL 539,398); NC Donald Trump 2,758,775 (MEDSL 2,758,773); NY Donald Trump 2,949,141 (MEDSL 3,244,798), Joe Biden 4,844,975 (MEDSL 5,230,985); WI Donald Trump 1,610,065 (MEDSL 1,610,184), Joe Biden 1,630,673 (MEDSL 1,630,866)
