# WI 2016 county sums -713/-844 against the MEDSL state return (Clinton 1,382,536, Trump 1,405,284): JSON names both sources.
cmd: tally result 2016 --counties --state WI --json
exit: 0
json: yes
--- stdout-has
        "areas_dem": 1381823,
        "areas_rep": 1404440,
        "state_dem": 1382536,
        "state_rep": 1405284
    "state_source": "MEDSL"
  "source": "MEDSL County Presidential Election Returns 2000-2020 (doi:10.7910/DVN/VOQCHQ)",
