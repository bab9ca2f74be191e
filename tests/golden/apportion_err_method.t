cmd: tally apportion --method borda
exit: 2
--- stderr
tally apportion: unknown method "borda"; have huntington-hill, webster, jefferson, adams, dean, hamilton (see 'tally apportion --help')
