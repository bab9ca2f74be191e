cmd: tally forecast --help
exit: 0
--- stdout-has
usage: tally forecast FILE [options]
  --method M          exact (default: convolution, quadrature over
  --corr-repair       replace a matrix that is not positive definite
Majority = floor(electors / 2) + 1. Progress goes to stderr only
