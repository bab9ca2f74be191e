# NPV with the members of 2016 (11, 165 electors under the 2010 census): not in force, the outcome stands.
cmd: tally whatif 2016 --rule npv
exit: 0
--- stdout-has
NPV compact not in force: the members hold 165 electors, 270 needed; they chose their electors as their states did
Changed: 0 states (electors or winner)
