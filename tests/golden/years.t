cmd: tally years
exit: 0
--- stdout
Year  Sources      Electors set by
1976  medsl        1970 census
1980  medsl        1970 census
1984  medsl        1980 census
1988  medsl        1980 census
1992  medsl        1990 census
1996  medsl        1990 census
2000  medsl        1990 census
2004  medsl, fec   2000 census
2008  medsl, fec   2000 census
2012  medsl, fec   2010 census
2016  medsl, fec   2010 census
2020  medsl, fec   2010 census
2024  medsl        2020 census
