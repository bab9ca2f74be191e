/*
 * house.c -- the contingent election as the library decides it
 * (tly_contingent_decide): the House's vote by state delegation and the
 * Senate's choice of the Vice President, printed under the College's
 * outcome by `tally result` and `tally whatif`.
 */
#include "cli.h"

#include <string.h>

/* "MI, MN, PA": the codes of the states whose vote matches `which`. */
static void codes(const tly_contingent *c, int which, char *buf, size_t size)
{
  size_t n = 0;
  buf[0] = '\0';
  for (size_t i = 0; i < c->n_states && n < size; i++) {
    const tly_house_state *h = &c->states[i];
    bool unknown = h->delegation == TLY_DELEGATION_UNKNOWN;
    bool split = h->delegation == TLY_DELEGATION_SPLIT;
    bool pick = which == 0   ? h->vote < 0 && split
                : which == 1 ? h->vote < 0 && unknown
                : which == 2 ? h->vote < 0 && !split && !unknown
                             : h->given;
    if (!pick)
      continue;
    if (which == 3)
      n += (size_t)snprintf(buf + n, size - n, "%s%s=%s", n ? ", " : "",
                            h->code,
                            h->delegation == TLY_DELEGATION_R   ? "R"
                            : h->delegation == TLY_DELEGATION_D ? "D"
                                                                : "split");
    else
      n += (size_t)snprintf(buf + n, size - n, "%s%s", n ? ", " : "",
                            h->code);
  }
}

/* The English ordinal suffix of n: 101st, 102nd, 103rd, 111th. */
static const char *suffix(int n)
{
  if (n % 100 >= 11 && n % 100 <= 13)
    return "th";
  return n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th";
}

void cli_print_house(FILE *fp, const tly_election *e, const tly_outcome *o)
{
  tly_contingent c;
  tly_error err = {0};
  if (tly_contingent_decide(e, o, &c, &err) != TLY_OK)
    return; /* no majority to decide, or no delegations for the year */
  char list[512];
  fprintf(fp, "House of the %d%s Congress (delegations as it convened in "
              "%d): one vote per state, %lld of %zu needed\n ",
          c.congress, suffix(c.congress), c.convened,
          (long long)c.states_needed, c.n_states);
  for (size_t k = 0; k < c.n_top; k++)
    fprintf(fp, "%s %s %lld", k ? "," : "",
            tly_election_candidate(e, (size_t)c.top[k])->name,
            (long long)c.state_votes[k]);
  fprintf(fp, "\n");
  if (c.n_split > 0) {
    codes(&c, 0, list, sizeof list);
    fprintf(fp, "  no vote: %zu tied or split (%s)\n", c.n_split, list);
  }
  if (c.n_elsewhere > 0) {
    codes(&c, 2, list, sizeof list);
    fprintf(fp, "  no vote: %zu whose majority party's nominee is not "
                "among them (%s)\n",
            c.n_elsewhere, list);
  }
  if (c.n_unknown > 0) {
    codes(&c, 1, list, sizeof list);
    fprintf(fp, "  no vote: %zu delegation%s unknown (%s): give "
                "--delegation ST=R|D|split\n",
            c.n_unknown, c.n_unknown == 1 ? "" : "s", list);
  }
  codes(&c, 3, list, sizeof list);
  if (list[0] != '\0')
    fprintf(fp, "  delegations as given: %s\n", list);
  const char *vp = c.vice_president >= 0 ? c.vp_name[c.vice_president]
                                         : NULL;
  if (c.president >= 0) {
    fprintf(fp, "  The House elects %s President\n",
            tly_election_candidate(e, (size_t)c.president)->name);
  } else if (vp != NULL) {
    fprintf(fp, "  No one has %lld states: the House votes again until "
                "one does; meanwhile the Vice President-elect, %s, acts as "
                "President (20th Amendment, section 3)\n",
            (long long)c.states_needed, vp);
  } else {
    fprintf(fp, "  No one has %lld states: the House votes again until "
                "one does; with no Vice President-elect either, the "
                "Speaker of the House acts as President (3 U.S.C. 19)\n",
            (long long)c.states_needed);
  }
  int64_t vacant = c.senators - c.senate_r - c.senate_d - c.senate_other -
                   c.senate_unknown;
  fprintf(fp, "Senate of the %d%s Congress (%lld R, %lld D, %lld other",
          c.congress, suffix(c.congress), (long long)c.senate_r,
          (long long)c.senate_d, (long long)c.senate_other);
  if (vacant > 0)
    fprintf(fp, ", %lld vacant", (long long)vacant);
  if (c.senate_unknown > 0)
    fprintf(fp, ", %lld unknown", (long long)c.senate_unknown);
  fprintf(fp, " as it convened): Vice President between the two highest, "
              "%lld of %lld needed\n ",
          (long long)c.senate_needed, (long long)c.senators);
  for (size_t k = 0; k < c.n_vp; k++) {
    const char *ticket = cli_candidate_last(e, c.vp_ticket[k]);
    if (c.vp_name[k][0] != '\0')
      fprintf(fp, "%s %s (%s's running mate) %lld", k ? "," : "",
              c.vp_name[k], ticket, (long long)c.senate_votes[k]);
    else
      fprintf(fp, "%s %s's running mate (not in the data) %lld",
              k ? "," : "", ticket, (long long)c.senate_votes[k]);
  }
  fprintf(fp, "\n");
  if (vp != NULL)
    fprintf(fp, "  The Senate elects %s Vice President\n", vp);
  else
    fprintf(fp, "  No one has %lld senators: the Senate votes again\n",
            (long long)c.senate_needed);
  fprintf(fp, "  (each delegation votes for its majority party's nominee, "
              "each senator for their party's running mate; the members "
              "as actually seated, whatever the what-if changed; source: "
              "data/congress.csv, data/running_mates.csv)\n");
}
