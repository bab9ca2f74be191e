# Issue 12: before 1976 no delegations are built in: 1824 prints the record's contingent election (issue 15) and computes none.
cmd: tally result 1824 | grep -e 'House of the' -e 'Recorded: '; tally result 1824 --json | grep contingent_election
exit: 0
--- stdout
Recorded: the House chose John Quincy Adams on the first ballot (February 9, 1825), 13 state delegations of 24
  "contingent_election": null,
