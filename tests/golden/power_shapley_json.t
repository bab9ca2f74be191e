# Shapley-Shubik of the 56-unit College of the 2020 census (districts apart).
cmd: tally power --census 2020 --index shapley --units districts --json
exit: 0
json: yes
--- stdout-has
  "index": "shapley",
  "majority": 270,
  "census": 2020,
      "code": "ME-2",
