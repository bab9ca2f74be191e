cmd: tally polls tests/bad/polls_duplicate_question.csv
exit: 1
--- stderr
tally: tests/bad/polls_duplicate_question.csv:4:1: question 136322 of poll 72647 again (first at line 2)
