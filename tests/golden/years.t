cmd: tally years
exit: 0
--- stdout
Year  Sources      Electors set by
1789  history      the Constitution (art. I, sec. 2)
1792  history      1790 census
1796  history      1790 census
1800  history      1790 census
1804  history      1800 census
1808  history      1800 census
1812  history      1810 census
1816  history      1810 census
1820  history      1810 census
1824  history      1820 census
1828  history      1820 census
1832  history      1830 census
1836  history      1830 census
1840  history      1830 census
1844  history      1840 census
1848  history      1840 census
1852  history      1850 census
1856  history      1850 census
1860  history      1850 census
1864  history      1860 census
1868  history      1860 census
1872  history      1870 census
1876  history      1870 census
1880  history      1870 census
1884  history      1880 census
1888  history      1880 census
1892  history      1890 census
1896  history      1890 census
1900  history      1890 census
1904  history      1900 census
1908  history      1900 census
1912  history      1910 census
1916  history      1910 census
1920  history      1910 census
1924  history      1910 census
1928  history      1910 census
1932  history      1930 census
1936  history      1930 census
1940  history      1930 census
1944  history      1940 census
1948  history      1940 census
1952  history      1950 census
1956  history      1950 census
1960  history      1950 census
1964  history      1960 census
1968  history      1960 census
1972  history      1970 census
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
