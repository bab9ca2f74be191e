/*
 * test_results.c -- the built-in elections against official figures: the
 * electors pledged and cast of every election 1976-2024 (National Archives,
 * "Electoral College Results"), and national totals of the nominees as the
 * sources themselves sum them. MEDSL sums were computed from the raw
 * president_state_1976_2020_medsl.csv (all rows of the nominee's name or
 * party line, summed by a separate Python script, not tally's code); FEC
 * figures are the certified totals of "Federal Elections YYYY".
 */
#include <criterion/criterion.h>

#include "tally.h"

#include <stdlib.h>
#include <string.h>

#include "testutil.h"

typedef struct {
  const char *name;
  int64_t votes; /* -1: not asserted (a faithless elector's recipient) */
  int64_t pledged, cast;
} cand_fig;

typedef struct {
  int year;
  tly_source source;
  const char *winner;
  int64_t abstained;
  cand_fig c[4];
} year_fig;

static const year_fig figs[] = {
    /* National Archives: 1976 Carter 297, Ford 240, Reagan 1 (a Washington
     * Ford elector). */
    {1976, TLY_SOURCE_MEDSL, "Jimmy Carter", 0,
     {{"Jimmy Carter", 40825839, 297, 297},
      {"Gerald Ford", 39145771, 241, 240},
      {"Ronald Reagan", -1, 0, 1}}},
    {1980, TLY_SOURCE_MEDSL, "Ronald Reagan", 0,
     {{"Ronald Reagan", 43898770, 489, 489},
      {"Jimmy Carter", 35480948, 49, 49}}},
    {1984, TLY_SOURCE_MEDSL, "Ronald Reagan", 0,
     {{"Ronald Reagan", 54455073, 525, 525},
      {"Walter Mondale", 37568137, 13, 13}}},
    /* 1988: a West Virginia Dukakis elector voted for Bentsen. */
    {1988, TLY_SOURCE_MEDSL, "George H. W. Bush", 0,
     {{"George H. W. Bush", 48886097, 426, 426},
      {"Michael Dukakis", 41809074, 112, 111},
      {"Lloyd Bentsen", -1, 0, 1}}},
    {1992, TLY_SOURCE_MEDSL, "Bill Clinton", 0,
     {{"Bill Clinton", 44954303, 370, 370},
      {"George H. W. Bush", 39103872, 168, 168}}},
    {1996, TLY_SOURCE_MEDSL, "Bill Clinton", 0,
     {{"Bill Clinton", 47401898, 379, 379}, {"Bob Dole", 39198482, 159, 159}}},
    /* 2000: one DC Gore elector abstained: Bush 271, Gore 266. MEDSL:
     * Gore 50,996,062, Bush 50,456,169 (shared/data README). */
    {2000, TLY_SOURCE_MEDSL, "George W. Bush", 1,
     {{"George W. Bush", 50456169, 271, 271}, {"Al Gore", 50996062, 267, 266}}},
    /* 2004: a Minnesota Kerry elector voted for Edwards. */
    {2004, TLY_SOURCE_MEDSL, "George W. Bush", 0,
     {{"George W. Bush", 62028285, 286, 286},
      {"John Kerry", 59028079, 252, 251},
      {"John Edwards", -1, 0, 1}}},
    {2004, TLY_SOURCE_FEC, "George W. Bush", 0,
     {{"George W. Bush", 62040610, 286, 286},
      {"John Kerry", 59028444, 252, 251},
      {"John Edwards", -1, 0, 1}}},
    /* 2008: Nebraska's 2nd district to Obama. */
    {2008, TLY_SOURCE_MEDSL, "Barack Obama", 0,
     {{"Barack Obama", 69498459, 365, 365}, {"John McCain", 59948283, 173, 173}}},
    {2008, TLY_SOURCE_FEC, "Barack Obama", 0,
     {{"Barack Obama", 69498516, 365, 365}, {"John McCain", 59948323, 173, 173}}},
    {2012, TLY_SOURCE_MEDSL, "Barack Obama", 0,
     {{"Barack Obama", 65899660, 332, 332}, {"Mitt Romney", 60932152, 206, 206}}},
    {2012, TLY_SOURCE_FEC, "Barack Obama", 0,
     {{"Barack Obama", 65915795, 332, 332}, {"Mitt Romney", 60933504, 206, 206}}},
    /* 2016: seven faithless electors (FEC Table 2). MEDSL 65,853,581 /
     * 62,985,062; FEC certified 65,853,514 / 62,984,828. */
    {2016, TLY_SOURCE_MEDSL, "Donald Trump", 0,
     {{"Donald Trump", 62985062, 306, 304},
      {"Hillary Clinton", 65853581, 232, 227},
      {"Colin Powell", -1, 0, 3},
      {"Bernie Sanders", -1, 0, 1}}},
    {2016, TLY_SOURCE_FEC, "Donald Trump", 0,
     {{"Donald Trump", 62984828, 306, 304},
      {"Hillary Clinton", 65853514, 232, 227},
      {"John Kasich", -1, 0, 1},
      {"Ron Paul", -1, 0, 1}}},
    {2020, TLY_SOURCE_MEDSL, "Joe Biden", 0,
     {{"Joe Biden", 81268908, 306, 306}, {"Donald Trump", 74216146, 232, 232}}},
    {2020, TLY_SOURCE_FEC, "Joe Biden", 0,
     {{"Joe Biden", 81283501, 306, 306}, {"Donald Trump", 74223975, 232, 232}}},
    /* 2024: MEDSL equals the FEC certified totals. */
    {2024, TLY_SOURCE_MEDSL, "Donald Trump", 0,
     {{"Donald Trump", 77302580, 312, 312},
      {"Kamala Harris", 75017613, 226, 226}}},
};

Test(results, every_builtin_year_against_official_figures)
{
  for (size_t i = 0; i < sizeof figs / sizeof figs[0]; i++) {
    const year_fig *f = &figs[i];
    tly_election *e = NULL;
    tly_outcome *o = NULL;
    tly_error err;
    cr_assert_eq(tly_election_builtin(f->year, f->source, NULL, &e, &err),
                 TLY_OK, "%d: %s", f->year, err.msg);
    cr_assert_eq(tly_college(e, &o, &err), TLY_OK);
    cr_assert_eq(tly_outcome_electors(o), 538, "%d", f->year);
    cr_assert_eq(tly_outcome_majority(o), 270, "%d", f->year);
    cr_assert_eq(tly_outcome_abstained(o), f->abstained, "%d", f->year);
    int32_t w = tly_outcome_winner(o);
    cr_assert(w >= 0);
    cr_assert_str_eq(tly_election_candidate(e, (size_t)w)->name, f->winner);
    int64_t sum_pledged = 0;
    int64_t sum_cast = 0;
    for (size_t c = 0; c < tly_election_n_candidates(e); c++) {
      sum_pledged += tly_outcome_pledged(o, c);
      sum_cast += tly_outcome_cast(o, c);
    }
    cr_assert_eq(sum_pledged, 538, "%d pledged", f->year);
    cr_assert_eq(sum_cast, 538 - f->abstained, "%d cast", f->year);
    for (size_t k = 0; k < 4 && f->c[k].name != NULL; k++) {
      int32_t c = tly_election_find_candidate(e, f->c[k].name);
      cr_assert(c >= 0, "%d %s", f->year, f->c[k].name);
      if (f->c[k].votes >= 0)
        cr_assert_eq(tly_outcome_votes(o, (size_t)c), f->c[k].votes, "%d %s",
                     f->year, f->c[k].name);
      cr_assert_eq(tly_outcome_pledged(o, (size_t)c), f->c[k].pledged,
                   "%d %s", f->year, f->c[k].name);
      cr_assert_eq(tly_outcome_cast(o, (size_t)c), f->c[k].cast, "%d %s",
                   f->year, f->c[k].name);
    }
    tly_outcome_free(o);
    tly_election_free(e);
  }
}

static const tly_award *award(const tly_outcome *o, const char *code)
{
  for (size_t i = 0; i < tly_outcome_n_awards(o); i++) {
    if (strcmp(tly_outcome_award(o, i)->code, code) == 0)
      return tly_outcome_award(o, i);
  }
  return NULL;
}

static const char *winner_of(const tly_election *e, const tly_outcome *o,
                             const char *code)
{
  const tly_award *w = award(o, code);
  cr_assert(w != NULL, "%s", code);
  cr_assert(w->winner >= 0, "%s", code);
  return tly_election_candidate(e, (size_t)w->winner)->name;
}

Test(results, california_2016_by_source)
{
  /* California SOS certified = MEDSL: 8,753,788 - 4,483,810; FEC lists 4
   * more each; the margin 4,269,978 is the same. */
  tly_election *e = NULL;
  tly_error err;
  cr_assert_eq(tly_election_builtin(2016, TLY_SOURCE_MEDSL, NULL, &e, &err),
               TLY_OK);
  int32_t ca = tly_election_find_unit(e, "CA");
  int32_t d = tly_election_find_candidate(e, "D");
  int32_t r = tly_election_find_candidate(e, "R");
  cr_assert_eq(tly_election_votes(e, (size_t)ca, (size_t)d), 8753788);
  cr_assert_eq(tly_election_votes(e, (size_t)ca, (size_t)r), 4483810);
  cr_assert_eq(tly_election_unit(e, (size_t)ca)->electors, 55);
  char b[32];
  tly_format_percent(8753788, tly_election_unit_total(e, (size_t)ca), 2, b,
                     sizeof b);
  cr_assert_str_eq(b, "61.73");
  tly_election_free(e);
  cr_assert_eq(tly_election_builtin(2016, TLY_SOURCE_FEC, NULL, &e, &err),
               TLY_OK);
  ca = tly_election_find_unit(e, "CA");
  d = tly_election_find_candidate(e, "D");
  r = tly_election_find_candidate(e, "R");
  cr_assert_eq(tly_election_votes(e, (size_t)ca, (size_t)d), 8753792);
  cr_assert_eq(tly_election_votes(e, (size_t)ca, (size_t)r), 4483814);
  cr_assert_str_eq(tly_election_source_name(e), "FEC");
  tly_election_free(e);
}

/* Issue 10: Nevada's "None of these candidates" is a legal ballot line
 * counted in the certified total (NRS 293.269). Nevada Secretary of State
 * and FEC "Federal Elections 2016": 1,125,385 votes, Clinton 539,260
 * (47.92 %), None of these candidates 28,863. */
Test(results, nevada_none_of_these_candidates_2016)
{
  tly_election *e = tu_builtin(2016, TLY_SOURCE_MEDSL);
  int32_t nv = tly_election_find_unit(e, "NV");
  int32_t d = tly_election_find_candidate(e, "D");
  int32_t line = tly_election_find_candidate(e, "None of these candidates");
  cr_assert(nv >= 0 && d >= 0 && line >= 0);
  cr_expect_eq(tly_election_unit_total(e, (size_t)nv), 1125385);
  cr_expect_eq(tly_election_votes(e, (size_t)nv, (size_t)line), 28863);
  char b[32];
  tly_format_percent(tly_election_votes(e, (size_t)nv, (size_t)d),
                     tly_election_unit_total(e, (size_t)nv), 2, b, sizeof b);
  cr_expect_str_eq(b, "47.92");
  tly_election_free(e);
}

/* The line elects no one: where it has the most votes, the named
 * candidate ahead of the others wins the unit and the margin is theirs;
 * it takes no part in a proportional split and cannot be forced to win. */
Test(college, ballot_line_wins_no_electors)
{
  tly_election *e = tu_parse("year,unit,candidate,party,votes,electors\n"
                             "2032,NV,None of these candidates,,70,6\n"
                             "2032,NV,Ann,A,20,6\n"
                             "2032,NV,Bob,B,10,6\n");
  tly_outcome *o = NULL;
  tly_error err = {0};
  cr_assert_eq(tly_college(e, &o, &err), TLY_OK, "%s", err.msg);
  int32_t ann = tly_election_find_candidate(e, "Ann");
  const tly_award *w = tly_outcome_award(o, 0);
  cr_expect_eq(w->winner, ann);
  cr_expect_eq(w->first_votes - w->second_votes, 10);
  cr_expect_eq(w->total_votes, 100);
  cr_expect_eq(tly_outcome_pledged(o, (size_t)ann), 6);
  tly_outcome_free(o);
  tly_election *p = NULL;
  cr_assert_eq(tly_whatif_rule(e, TLY_RULE_PROP_HAMILTON, &p, &err), TLY_OK,
               "%s", err.msg);
  cr_assert_eq(tly_college(p, &o, &err), TLY_OK, "%s", err.msg);
  cr_expect_eq(tly_outcome_pledged(o, (size_t)ann), 4);
  cr_expect_eq(tly_outcome_pledged(o, (size_t)tly_election_find_candidate(
                                          e, "Bob")),
               2);
  tly_outcome_free(o);
  tly_election_free(p);
  tly_election *f = NULL;
  cr_expect_eq(tly_whatif_set(e, "NV", "None of these candidates", &f, &err),
               TLY_EINVAL);
  cr_expect_null(f);
  tly_election_free(e);
}

Test(results, maine_and_nebraska_districts)
{
  tly_election *e = NULL;
  tly_outcome *o = NULL;
  tly_error err;
  /* 2020: ME-2 Trump, NE-2 Biden (district returns). */
  cr_assert_eq(tly_election_builtin(2020, TLY_SOURCE_MEDSL, NULL, &e, &err),
               TLY_OK);
  cr_assert_eq(tly_college(e, &o, &err), TLY_OK);
  cr_assert_str_eq(winner_of(e, o, "ME-2"), "Donald Trump");
  cr_assert_str_eq(winner_of(e, o, "NE-2"), "Joe Biden");
  cr_assert_eq(award(o, "ME")->electors, 2);
  cr_assert_eq(award(o, "NE")->electors, 2);
  cr_assert(!award(o, "NE-2")->by_record);
  tly_outcome_free(o);
  tly_election_free(e);
  /* 2008: no NE district returns; NE-2 to Obama by the electors as cast. */
  cr_assert_eq(tly_election_builtin(2008, TLY_SOURCE_MEDSL, NULL, &e, &err),
               TLY_OK);
  cr_assert_eq(tly_college(e, &o, &err), TLY_OK);
  cr_assert_str_eq(winner_of(e, o, "NE-2"), "Barack Obama");
  cr_assert(award(o, "NE-2")->by_record);
  cr_assert_str_eq(winner_of(e, o, "NE-1"), "John McCain");
  cr_assert(strstr(tly_election_notes(e), "Nebraska") != NULL);
  tly_outcome_free(o);
  tly_election_free(e);
  /* 2024: ME-2 to Trump by the electors as cast. */
  cr_assert_eq(tly_election_builtin(2024, TLY_SOURCE_MEDSL, NULL, &e, &err),
               TLY_OK);
  cr_assert_eq(tly_college(e, &o, &err), TLY_OK);
  cr_assert_str_eq(winner_of(e, o, "ME-2"), "Donald Trump");
  cr_assert(award(o, "ME-2")->by_record);
  cr_assert_str_eq(winner_of(e, o, "NE-2"), "Kamala Harris");
  tly_outcome_free(o);
  tly_election_free(e);
}

Test(results, fec_years_and_unknown_years)
{
  tly_election *e = NULL;
  tly_error err;
  cr_assert_eq(tly_election_builtin(2000, TLY_SOURCE_FEC, NULL, &e, &err),
               TLY_ENODATA);
  cr_assert_null(e);
  cr_assert_eq(tly_election_builtin(2024, TLY_SOURCE_FEC, NULL, &e, &err),
               TLY_ENODATA);
  cr_assert_eq(tly_election_builtin(1972, TLY_SOURCE_MEDSL, NULL, &e, &err),
               TLY_ENODATA);
  cr_assert_eq(tly_election_builtin(2017, TLY_SOURCE_MEDSL, NULL, &e, &err),
               TLY_ENODATA);
  /* Every election: 1789, then every four years 1792-2024 (60). */
  int years[64];
  cr_assert_eq(tly_builtin_years(years, 64), 60);
  cr_assert_eq(years[0], 1789);
  cr_assert_eq(years[1], 1792);
  cr_assert_eq(years[47], 1976);
  cr_assert_eq(years[59], 2024);
  cr_assert_eq(tly_builtin_source(1972), TLY_SOURCE_HISTORY);
  cr_assert_eq(tly_builtin_source(1976), TLY_SOURCE_MEDSL);
  cr_assert_eq(tly_election_builtin(1976, TLY_SOURCE_HISTORY, NULL, &e,
                                    &err),
               TLY_ENODATA);
}

/*---- Loaders ----*/

static tly_election *parse(const char *text, tly_error *err)
{
  tly_election *e = NULL;
  tly_status s =
      tly_election_parse("t.csv", text, strlen(text), NULL, NULL, &e, err);
  if (s != TLY_OK)
    return NULL;
  return e;
}

Test(load, medsl_layout_quirks)
{
  /* Real MEDSL quirks: New York fusion lines add up to one person; WA
   * 2012's "MITT, ROMNEY" is Romney; a blank name is "Others"; BLANK VOTE
   * is not a vote (nor in totalvotes). Counts here are made up; layout and
   * names are MEDSL's. */
  const char *text =
      "\"year\",\"state\",\"state_po\",\"state_fips\",\"state_cen\","
      "\"state_ic\",\"office\",\"candidate\",\"party_detailed\",\"writein\","
      "\"candidatevotes\",\"totalvotes\",\"version\",\"notes\","
      "\"party_simplified\"\n"
      "2012,\"NEW YORK\",\"NY\",36,21,13,\"US PRESIDENT\",\"OBAMA, BARACK "
      "H.\",\"DEMOCRAT\",FALSE,100,160,\"20210113\",NA,\"DEMOCRAT\"\n"
      "2012,\"NEW YORK\",\"NY\",36,21,13,\"US PRESIDENT\",\"OBAMA, BARACK "
      "H.\",\"WORKING FAMILIES\",FALSE,10,160,\"20210113\",NA,\"OTHER\"\n"
      "2012,\"NEW YORK\",\"NY\",36,21,13,\"US PRESIDENT\",\"ROMNEY, MITT\","
      "\"REPUBLICAN\",FALSE,50,160,\"20210113\",NA,\"REPUBLICAN\"\n"
      "2012,\"NEW YORK\",\"NY\",36,21,13,\"US PRESIDENT\",\"BLANK VOTE\","
      "\"\",FALSE,7,160,\"20210113\",NA,\"OTHER\"\n"
      "2012,\"WASHINGTON\",\"WA\",53,91,73,\"US PRESIDENT\",\"MITT, ROMNEY\","
      "\"REPUBLICAN\",FALSE,40,103,\"20210113\",NA,\"REPUBLICAN\"\n"
      "2012,\"WASHINGTON\",\"WA\",53,91,73,\"US PRESIDENT\",\"OBAMA, BARACK "
      "H.\",\"DEMOCRAT\",FALSE,60,103,\"20210113\",NA,\"DEMOCRAT\"\n"
      "2012,\"WASHINGTON\",\"WA\",53,91,73,\"US PRESIDENT\",\"\",\"\",TRUE,"
      "3,103,\"20210113\",NA,\"OTHER\"\n";
  tly_error err;
  tly_election *e = parse(text, &err);
  cr_assert_not_null(e, "%s", err.msg);
  cr_assert_eq(tly_election_year(e), 2012);
  cr_assert_eq(tly_election_n_candidates(e), 3);
  int32_t obama = tly_election_find_candidate(e, "Barack H. Obama");
  int32_t romney = tly_election_find_candidate(e, "Mitt Romney");
  int32_t others = tly_election_find_candidate(e, "Others");
  cr_assert(obama >= 0 && romney >= 0 && others >= 0);
  int32_t ny = tly_election_find_unit(e, "NY");
  int32_t wa = tly_election_find_unit(e, "WA");
  cr_assert_eq(tly_election_votes(e, (size_t)ny, (size_t)obama), 110);
  cr_assert_eq(tly_election_votes(e, (size_t)wa, (size_t)romney), 40);
  cr_assert_eq(tly_election_votes(e, (size_t)wa, (size_t)others), 3);
  cr_assert_eq(tly_election_unit_total(e, (size_t)ny), 160);
  /* Electors from the 2010 census: NY 29, WA 12. */
  cr_assert_eq(tly_election_unit(e, (size_t)ny)->electors, 29);
  cr_assert_eq(tly_election_unit(e, (size_t)wa)->electors, 12);
  tly_election_free(e);
}

Test(load, tally_layout_with_districts_and_electors)
{
  const char *text = "year,unit,candidate,party,votes,electors\r\n"
                     "2032,ME,Ann,A,60,4\r\n"
                     "2032,ME,Bob,B,40,4\r\n"
                     "2032,ME-1,Ann,A,40,1\r\n"
                     "2032,ME-1,Bob,B,10,1\r\n"
                     "2032,ME-2,Ann,A,20,1\r\n"
                     "2032,ME-2,Bob,B,30,1\r\n"
                     "2032,VT,Bob,B,5,3\r\n"
                     "2032,VT,Ann,A,5,3\r\n";
  tly_error err;
  tly_election *e = parse(text, &err);
  cr_assert_not_null(e, "%s", err.msg);
  tly_outcome *o = NULL;
  cr_assert_eq(tly_college(e, &o, &err), TLY_OK);
  /* 7 electors appointed (VT's 3 tied, undecided): majority 4. */
  cr_assert_eq(tly_outcome_electors(o), 7);
  cr_assert_eq(tly_outcome_majority(o), 4);
  cr_assert_eq(tly_outcome_undecided(o), 3);
  int32_t ann = tly_election_find_candidate(e, "Ann");
  int32_t bob = tly_election_find_candidate(e, "Bob");
  cr_assert_eq(tly_outcome_pledged(o, (size_t)ann), 3);
  cr_assert_eq(tly_outcome_pledged(o, (size_t)bob), 1);
  cr_assert_eq(tly_outcome_winner(o), -1);
  cr_assert(award(o, "VT")->tie);
  tly_outcome_free(o);
  /* Deciding the tie by lot for Ann gives her 6 of 7. */
  tly_election *t = NULL;
  cr_assert_eq(tly_whatif_tie(e, "VT", "Ann", &t, &err), TLY_OK);
  cr_assert_eq(tly_college(t, &o, &err), TLY_OK);
  cr_assert_eq(tly_outcome_winner(o), ann);
  cr_assert_eq(tly_outcome_pledged(o, (size_t)ann), 6);
  tly_outcome_free(o);
  tly_election_free(t);
  /* The original is unchanged. */
  cr_assert_eq(tly_college(e, &o, &err), TLY_OK);
  cr_assert_eq(tly_outcome_undecided(o), 3);
  tly_outcome_free(o);
  tly_election_free(e);
}

Test(college, contingent_election_names_top_three)
{
  const char *text = "year,unit,candidate,party,votes,electors\n"
                     "2032,CA,Ann,A,10,10\n"
                     "2032,TX,Bob,B,10,8\n"
                     "2032,NY,Cy,C,10,5\n"
                     "2032,FL,Di,D,10,1\n";
  tly_error err;
  tly_election *e = parse(text, &err);
  cr_assert_not_null(e, "%s", err.msg);
  tly_outcome *o = NULL;
  cr_assert_eq(tly_college(e, &o, &err), TLY_OK);
  cr_assert_eq(tly_outcome_electors(o), 24);
  cr_assert_eq(tly_outcome_majority(o), 13);
  cr_assert_eq(tly_outcome_winner(o), -1);
  int32_t top[3];
  cr_assert_eq(tly_outcome_contingent(o, top), 3);
  cr_assert_str_eq(tly_election_candidate(e, (size_t)top[0])->name, "Ann");
  cr_assert_str_eq(tly_election_candidate(e, (size_t)top[1])->name, "Bob");
  cr_assert_str_eq(tly_election_candidate(e, (size_t)top[2])->name, "Cy");
  tly_outcome_free(o);
  tly_election_free(e);
}

Test(load, overflowing_sum_is_reported)
{
  const char *text = "year,unit,candidate,party,votes,electors\n"
                     "2032,CA,Ann,A,9223372036854775807,10\n"
                     "2032,TX,Ann,A,1,8\n";
  tly_error err;
  tly_election *e = parse(text, &err);
  cr_assert_null(e);
  cr_assert_eq(err.status, TLY_EOVERFLOW);
}

/*---- Number formatting ----*/

Test(format, counts_and_half_even_percentages)
{
  char b[48];
  cr_assert_str_eq(tly_format_count(65853581, b, sizeof b), "65,853,581");
  cr_assert_str_eq(tly_format_count(0, b, sizeof b), "0");
  cr_assert_str_eq(tly_format_count(-1401292, b, sizeof b), "-1,401,292");
  cr_assert_str_eq(tly_format_count(INT64_MIN, b, sizeof b),
                   "-9,223,372,036,854,775,808");
  cr_assert_str_eq(tly_format_count(999, b, sizeof b), "999");
  cr_assert_str_eq(tly_format_count(1000, b, sizeof b), "1,000");
  /* 1/8 = 12.5 %: to 0 digits, half to even gives 12; 3/8 = 37.5 -> 38. */
  cr_assert_str_eq(tly_format_percent(1, 8, 0, b, sizeof b), "12");
  cr_assert_str_eq(tly_format_percent(3, 8, 0, b, sizeof b), "38");
  /* 1/16 = 6.25 % -> 6.2 at one digit (even), 3/16 = 18.75 -> 18.8. */
  cr_assert_str_eq(tly_format_percent(1, 16, 1, b, sizeof b), "6.2");
  cr_assert_str_eq(tly_format_percent(3, 16, 1, b, sizeof b), "18.8");
  cr_assert_str_eq(tly_format_percent(1, 3, 2, b, sizeof b), "33.33");
  cr_assert_str_eq(tly_format_percent(2, 3, 2, b, sizeof b), "66.67");
  cr_assert_str_eq(tly_format_percent(5, 5, 2, b, sizeof b), "100.00");
  cr_assert_str_eq(tly_format_percent(1, 0, 2, b, sizeof b), "-");
  cr_assert_str_eq(
      tly_format_percent(INT64_MAX, INT64_MAX, 2, b, sizeof b), "100.00");
}

/*---- Out of memory: every allocation failure returns TLY_ENOMEM ----*/

Test(load, out_of_memory_every_allocation)
{
  const char *text = "year,unit,candidate,party,votes\n"
                     "2016,CA,Ann,A,10\n"
                     "2016,ME,Bob,B,10\n"
                     "2016,TX,Bob,B,12\n";
  for (long long k = 1;; k++) {
    tu_alloc f = {.fail_at = k};
    tly_allocator a = {tu_realloc, &f};
    tly_election *e = NULL;
    tly_error err;
    tly_status s =
        tly_election_parse("t.csv", text, strlen(text), NULL, &a, &e, &err);
    if (s == TLY_OK) {
      tly_outcome *o = NULL;
      tly_status s2 = tly_college(e, &o, &err);
      tly_outcome_free(o);
      tly_election_free(e);
      cr_assert_eq(f.blocks, 0, "leak after success at %lld", k);
      if (s2 == TLY_OK && f.count < k)
        break; /* no allocation failed: done */
      continue;
    }
    cr_assert_eq(s, TLY_ENOMEM, "allocation %lld: %s", k, err.msg);
    cr_assert_null(e);
    cr_assert_eq(f.blocks, 0, "leak at allocation %lld", k);
    cr_assert(k < 100000);
  }
}

Test(results, builtin_out_of_memory_every_allocation)
{
  for (long long k = 1;; k++) {
    tu_alloc f = {.fail_at = k};
    tly_allocator a = {tu_realloc, &f};
    tly_election *e = NULL;
    tly_error err;
    tly_status s = tly_election_builtin(2016, TLY_SOURCE_MEDSL, &a, &e, &err);
    if (s == TLY_OK) {
      tly_election *c = NULL;
      tly_status s2 = tly_election_copy(e, &c, &err);
      tly_election_free(c);
      tly_election_free(e);
      cr_assert_eq(f.blocks, 0, "leak after success at %lld", k);
      if (s2 == TLY_OK && f.count < k)
        break;
      cr_assert(s2 == TLY_OK || s2 == TLY_ENOMEM);
      continue;
    }
    cr_assert_eq(s, TLY_ENOMEM, "allocation %lld: %s", k, err.msg);
    cr_assert_null(e);
    cr_assert_eq(f.blocks, 0, "leak at allocation %lld", k);
  }
}
