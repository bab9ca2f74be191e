# 1920: Congress did not reapportion the House (the 1910 apportionment stood
# until 1930's); 1795 is no census year.
cmd: tally apportion 1920; tally apportion 1795
exit: 2
--- stderr
tally apportion: no apportionment after the 1920 census (Congress kept 1910's until 1930's) (see 'tally apportion --help')
tally apportion: no census 1795; have 1790-2020, every ten years (see 'tally apportion --help')
