# Issue 12: the JSON reports the contingent election decided (House of the 117th Congress: Trump 27 of 26 needed; Senate: Pence 51 of 51 needed).
cmd: tally whatif 2020 --set AZ=Trump --set GA=Trump --set WI=Trump --json | python3 -c 'import json,sys; x=json.load(sys.stdin)["whatif"]["contingent_election"]; h=x["house"]; s=x["senate"]; print(x["congress"], h["chosen"], h["votes"], h["needed"], h["no_vote_split"], s["chosen"], s["needed"], [c["votes"] for c in s["candidates"]], x["acting_president"])'
exit: 0
--- stdout
117 Donald Trump {'Donald Trump': 27, 'Joe Biden': 20} 26 3 Mike Pence 51 [46, 51] None
