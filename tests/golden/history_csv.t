cmd: tally history --from 1860 --to 1880 --csv
exit: 0
--- stdout
year,source,rule,president,by_house,president_ev,runner_up,runner_up_ev,electors,majority,states,states_voted,total_votes,pv_leader,pv_leader_votes,pv_margin,pv_leader_lost
1860,UCSB American Presidency Project,12th Amendment,Abraham Lincoln,false,180,John Breckinridge,72,303,152,33,32,4685561,Abraham Lincoln,1865908,485706,false
1864,UCSB American Presidency Project,12th Amendment,Abraham Lincoln,false,212,George McClellan,21,233,117,25,25,4030983,Abraham Lincoln,2220846,411401,false
1868,UCSB American Presidency Project,12th Amendment,Ulysses S. Grant,false,214,Horatio Seymour,80,294,148,34,33,5722440,Ulysses S. Grant,3013650,304906,false
1872,UCSB American Presidency Project,12th Amendment,Ulysses S. Grant,false,286,Thomas Hendricks,42,352,177,37,37,6470676,Ulysses S. Grant,3598468,763153,false
1876,UCSB American Presidency Project,12th Amendment,Rutherford B. Hayes,false,185,Samuel Tilden,184,369,185,38,37,8411618,Samuel Tilden,4288191,254694,true
1880,UCSB American Presidency Project,12th Amendment,James Garfield,false,214,Winfield Hancock,155,369,185,38,38,9220197,James Garfield,4453611,8355,false
