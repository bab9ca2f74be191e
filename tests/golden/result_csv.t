cmd: tally result 2016 --csv --state WI
exit: 0
--- stdout
year,source,level,code,electors,winner,candidate,party,votes
2016,MEDSL,state,WI,10,Donald Trump,Hillary Clinton,Democratic,1382536
2016,MEDSL,state,WI,10,Donald Trump,Donald Trump,Republican,1405284
2016,MEDSL,state,WI,10,Donald Trump,Gary Johnson,Libertarian,106674
2016,MEDSL,state,WI,10,Donald Trump,Jill Stein,Green,31072
2016,MEDSL,state,WI,10,Donald Trump,Others,,35150
2016,MEDSL,state,WI,10,Donald Trump,Darrell Castle,Constitution,12162
2016,MEDSL,state,WI,10,Donald Trump,Rocky De La Fuente,American Delta,1502
2016,MEDSL,state,WI,10,Donald Trump,Monica Moorehead,Workers World,1770
