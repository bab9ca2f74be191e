# 2020: Biden 306 - Trump 232; Maine's 2nd to Trump, Nebraska's 2nd to Biden.
cmd: tally result 2020
exit: 0
--- stdout-has
Winner: Joe Biden, 306 electoral votes cast (306 pledged)
Donald Trump               Republican         74,216,146  46.85 %      232   232
ME-2    1  Trump
NE-2    1  Biden
