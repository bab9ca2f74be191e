# A last name shared by several candidates means the one with the most
# votes nationally: in 2024 "Harris" is Kamala Harris (MEDSL also lists
# Sharon E Harris), so Texas's 40 electors go to her: Trump 272, Harris 266.
cmd: tally whatif 2024 --set TX=Harris | grep -E "set to|^  TX|^  (Donald Trump|Kamala Harris) +[0-9]+ +[0-9]+$"
exit: 0
--- stdout
note: TX's electors set to Kamala Harris
  Donald Trump                                312                    272
  Kamala Harris                               226                    266
  TX  40 electors (Trump 40) -> 40 (Harris 40)
