# CSV: every state's electors by candidate before and after (Hamilton 2016: McMullin takes one of Utah's 6).
cmd: tally whatif 2016 --rule proportional --csv
exit: 0
--- stdout-has
year,source,code,electors_before,electors_after,candidate,before,after
2016,MEDSL,CA,55,55,Hillary Clinton,55,34
2016,MEDSL,UT,6,6,Evan McMullin,0,1
2016,MEDSL,ME,4,4,Donald Trump,1,2
