# CSV: every unit's electors by candidate before and after (Hamilton 2016: McMullin takes one of Utah's 6);
# issue 10: a level column, state (districts' electors included) or district, as in result --csv.
cmd: tally whatif 2016 --rule proportional --csv
exit: 0
--- stdout-has
year,source,level,code,electors_before,electors_after,candidate,before,after
2016,MEDSL,state,CA,55,55,Hillary Clinton,55,34
2016,MEDSL,state,UT,6,6,Evan McMullin,0,1
2016,MEDSL,state,ME,4,4,Donald Trump,1,2
2016,MEDSL,district,ME-2,1,1,Donald Trump,1,0
