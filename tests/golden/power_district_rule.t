# Issue 11: power --units districts under the district method: every
# state's districts are units (480 in 2024: 429 districts, 44 at-large
# pairs, DC and 6 single-seat states), Banzhaf in 1088-bit counts; checked
# apart from the library by tests/power_check.py (Python's exact integers).
cmd: tally power 2024 --rule district --units districts --csv | python3 tests/power_check.py
exit: 0
--- stdout
480 units, agree
