cmd: printf 'year,unit,candidate,party,votes\n2016,WI,A,D,12x\n' | tally result -
exit: 1
--- stderr
tally: <stdin>:2:13: vote count "12x" is not an integer
