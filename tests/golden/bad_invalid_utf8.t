cmd: tally result tests/bad/invalid_utf8.csv
exit: 1
--- stderr
tally: tests/bad/invalid_utf8.csv:2:12: invalid UTF-8 (byte 0xff)
