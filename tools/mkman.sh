#!/bin/sh
# mkman.sh -- writes the man page tally.1 from the command's own --help
# texts, so that `tally --help` and the man page always say the same.
# Usage: sh tools/mkman.sh BUILD/tally > tally.1
T=$1
ver=$("$T" --version | sed 's/^tally //')
esc() { sed -e 's/\\/\\e/g' -e 's/^\./\\\&./' -e "s/^'/\\\\\&'/"; }
cat <<EOH
.TH TALLY 1 "" "tally $ver" "User Commands"
.SH NAME
tally \\- the U.S. presidential election system, computed exactly
.SH SYNOPSIS
.B tally
.I SUBCOMMAND
[options]
.SH DESCRIPTION
.nf
EOH
"$T" --help | esc
subs=$("$T" --help | sed -n '/^Subcommands:/,/^$/p' | awk 'NF && $1 != "Subcommands:" {print $1}')
for s in $subs; do
  printf '.fi\n.SH "tally %s"\n.nf\n' "$s"
  "$T" "$s" --help | esc
done
printf '.fi\n.SH "SEE ALSO"\nThe README and include/tally.h of the tally sources.\n'
