# Issue 3 acceptance: without CA (MEDSL, the default source), Trump leads the rest by 1,401,459.
cmd: tally whatif 2016 --without CA
exit: 0
--- stdout-has
  Lead                         Clinton +2,868,519       Trump +1,401,459
  Hillary Clinton                  232 (227 cast)         177 (172 cast)
  Donald Trump                     306 (304 cast)         306 (304 cast)
  Appointed                                   538                    483
  Majority                                    270                    242
