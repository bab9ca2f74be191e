# A picture that cannot be written: one line, exit 1, nothing half-written.
cmd: tally forecast tests/data/forecast_small.csv --svg /nonexistent/dir/h.svg
exit: 1
--- stderr-has
tally: /nonexistent/dir/h.svg: No such file or directory
