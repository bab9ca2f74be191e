# A host that is not an address is refused before anything is bound.
cmd: tally serve --host example.com --port 0
exit: 1
--- stderr
tally: --host example.com is not an IPv4 or IPv6 address
