cmd: tally result tests/bad/binary_junk.csv
exit: 1
--- stderr
tally: tests/bad/binary_junk.csv:3:8: binary data (byte 0x00) is not CSV text
