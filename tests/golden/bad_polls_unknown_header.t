cmd: tally polls tests/bad/polls_unknown_header.csv
exit: 1
--- stderr
tally: tests/bad/polls_unknown_header.csv:1:1: not a poll layout tally reads (538's president_polls of 2020/2024, the final 2020 subset or wide table, 2016's president_general_polls, or tally's own)
