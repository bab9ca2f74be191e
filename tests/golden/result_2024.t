# 2024: Trump 312 - Harris 226; ME-2 settled by the electors as cast.
cmd: tally result 2024
exit: 0
--- stdout-has
Donald Trump               Republican         77,302,580  49.80 %      312   312
Kamala Harris              Democratic         75,017,613  48.33 %      226   226
note: Maine has no district returns for 2024 in the data: its districts are settled by the electoral votes as cast
ME-2    1  Trump                     -            -          -            -        -  (by the electors as cast)
