/*
 * cmd_apportion.c -- `tally apportion [CENSUS]`: the House among the states
 * by Huntington-Hill (2 U.S.C. 2a, the Census Bureau's method) or another
 * method, any House size, states left out; the priority list with the last
 * seat and the next in line; electors = seats + 2, DC as a state but no
 * more than the least populous state (23rd Amendment).
 */
#include "cli.h"

#include <getopt.h>
#include <string.h>
#include <strings.h>

#define MAX_WITHOUT 64
#define MAX_STATES 64

static void help(void)
{
  printf(
      "usage: tally apportion [CENSUS] [options]\n\n"
      "Apportions the House of Representatives among the states from a\n"
      "census's apportionment populations (built in: 1970-2020, default\n"
      "2020) and gives each state's electors (seats + 2; DC what it would\n"
      "have as a state, never more than the least populous state: 3 with\n"
      "435 seats). Huntington-Hill, the method of law\n"
      "since 1941, gives every state one seat and then each next seat to the\n"
      "highest priority value pop / sqrt(n(n+1)); with the official House of\n"
      "435 it reproduces the Census Bureau's apportionment. When the method,\n"
      "size or states differ from the official ones, the table shows each\n"
      "state's change from the official seats. Priorities are compared\n"
      "exactly; ties go to the state first by postal code and are reported.\n\n"
      "Censuses 1790-1960 (none after 1920: no reapportionment): the seats\n"
      "as apportioned (Census Bureau) and the method of record (Jefferson\n"
      "1790-1830, Webster 1840, 1910, 1930, Hamilton 1850-1900, Huntington-\n"
      "Hill from 1940); with --method, --seats (default: the House of\n"
      "record), --without or --priority the census recomputed from its\n"
      "population, with each state's change from the seats of record.\n"
      "Before 1940 that population is the resident count, not the base of\n"
      "the time (three fifths clause; Indians not taxed): the output says so.\n\n"
      "Options:\n"
      "  --method M        huntington-hill (default), webster (n + 1/2),\n"
      "                    jefferson (n + 1), adams (n), dean (harmonic mean),\n"
      "                    hamilton (largest remainders); every state gets\n"
      "                    at least one seat with each\n"
      "  --seats N         House size (default 435; at least the number of\n"
      "                    states, at most 100000)\n"
      "  --without ST,...  leave these states out (postal codes)\n"
      "  --priority        the priority list: each seat after the first per\n"
      "                    state, the last seat, and the next states in line\n"
      "                    with how many people each was short\n"
      "  --next K          how many states in line to show (default 5)\n"
      "  --json            as JSON (keys sorted, exact integers)\n"
      "  --csv             as CSV\n"
      "  --out FILE        write to FILE (atomically) instead of stdout\n"
      "  --help            this help\n\n"
      "Examples:\n"
      "  tally apportion 2020 --priority\n"
      "  tally apportion 2010 --without CA\n"
      "  tally apportion 2020 --method webster --seats 600 --json\n"
      "  tally apportion 1790 --method jefferson\n");
}

/*---- formatting ----*/

/* "27th", "1st", "12th". */
static const char *ordinal(int64_t n, char *buf, size_t size)
{
  int64_t t = n % 100;
  const char *suf = "th";
  if (t < 11 || t > 13) {
    if (n % 10 == 1)
      suf = "st";
    else if (n % 10 == 2)
      suf = "nd";
    else if (n % 10 == 3)
      suf = "rd";
  }
  snprintf(buf, size, "%lld%s", (long long)n, suf);
  return buf;
}

/* A priority value with thousands separators and 3 decimals
 * ("27,984,993.252"), for display only. */
static const char *priority_str(double v, char *buf, size_t size)
{
  char raw[64];
  snprintf(raw, sizeof raw, "%.3f", v);
  const char *dot = strchr(raw, '.');
  size_t int_len = dot != NULL ? (size_t)(dot - raw) : strlen(raw);
  size_t o = 0;
  for (size_t i = 0; i < int_len && o + 2 < size; i++) {
    if (i > 0 && (int_len - i) % 3 == 0)
      buf[o++] = ',';
    buf[o++] = raw[i];
  }
  buf[o] = '\0';
  if (dot != NULL && o + strlen(dot) < size)
    memcpy(buf + o, dot, strlen(dot) + 1);
  return buf;
}

static const char *count_str(int64_t v, char *buf, size_t size)
{
  return tly_format_count(v, buf, size);
}

/*---- the run's parameters and data ----*/

typedef struct {
  int census;
  tly_method method;
  int64_t seats;
  const char *without[MAX_WITHOUT];
  size_t n_without;
  char without_buf[512];
  bool priority;
  size_t n_next;
  tly_census_row rows[MAX_STATES]; /* the census, official seats */
  size_t n_rows;
  bool official; /* the parameters are the law's: HH, 435, all states */
  bool method_set; /* --method given */
  bool seats_set;  /* --seats given */
} params;

static bool left_out(const params *p, const char *code)
{
  for (size_t i = 0; i < p->n_without; i++) {
    if (strcasecmp(p->without[i], code) == 0)
      return true;
  }
  return false;
}

/* The official seats of state `code` in the census, or -1. */
static int64_t official_seats(const params *p, const char *code)
{
  for (size_t i = 0; i < p->n_rows; i++) {
    if (strcmp(p->rows[i].code, code) == 0)
      return p->rows[i].seats;
  }
  return -1;
}

/*---- human output ----*/

static void print_table(FILE *fp, const params *p, const tly_apportionment *r)
{
  char b1[32], b2[32];
  size_t n = tly_apportionment_n_states(r);
  fprintf(fp, "House apportionment, %d census: %lld seats among %zu states "
              "(%s)\n",
          p->census, (long long)tly_apportionment_house(r), n,
          tly_method_name(tly_apportionment_method(r)));
  if (p->n_without > 0) {
    fprintf(fp, "Left out:");
    for (size_t i = 0; i < p->n_rows; i++) {
      if (left_out(p, p->rows[i].code))
        fprintf(fp, " %s", p->rows[i].code);
    }
    fprintf(fp, "\n");
  }
  fprintf(fp, "\n%-24s %13s %6s %9s", "State", "Population", "Seats",
          "Electors");
  if (!p->official)
    fprintf(fp, " %9s %7s", "Official", "Change");
  fprintf(fp, "\n");
  int64_t pop = 0, seats = 0, electors = 0, n_diff = 0;
  for (size_t i = 0; i < n; i++) {
    const char *code = tly_apportionment_code(r, i);
    const char *name = tly_state_name(code);
    int64_t s = tly_apportionment_seats(r, i);
    int64_t off = official_seats(p, code);
    pop += tly_apportionment_population(r, i);
    seats += s;
    electors += tly_apportionment_electors(r, i);
    fprintf(fp, "%-2s %-21.21s %13s %6lld %9lld", code, name ? name : "",
            count_str(tly_apportionment_population(r, i), b1, sizeof b1),
            (long long)s, (long long)tly_apportionment_electors(r, i));
    if (s != off)
      n_diff++;
    if (!p->official) {
      fprintf(fp, " %9lld", (long long)off);
      if (s != off)
        fprintf(fp, " %+7lld", (long long)(s - off));
    }
    fprintf(fp, "\n");
  }
  int64_t dc = tly_apportionment_dc_electors(r);
  fprintf(fp, "%-2s %-21.21s %13s %6s %9lld\n", "DC", "District of Columbia",
          "-", "-", (long long)dc);
  fprintf(fp, "%-24s %13s %6lld %9lld\n", "Total",
          count_str(pop, b2, sizeof b2), (long long)seats,
          (long long)(electors + dc));
  fprintf(fp, "\nElectors = seats + 2; DC %lld (23rd Amendment: as a "
              "state, but no more than\nthe least populous state). A "
              "majority of the %lld electors is %lld.\n",
          (long long)dc, (long long)(electors + dc),
          (long long)((electors + dc) / 2 + 1));
  if (p->official) {
    if (n_diff == 0)
      fprintf(fp, "Every state's seats equal the Census Bureau's %d "
                  "apportionment.\n",
              p->census);
    else
      fprintf(fp, "%lld states differ from the Census Bureau's %d "
                  "apportionment.\n",
              (long long)n_diff, p->census);
  } else {
    fprintf(fp, "Change: against the Census Bureau's %d apportionment "
                "(huntington-hill,\n435 seats, all states); %lld states "
                "differ.\n",
            p->census, (long long)n_diff);
  }
  if (tly_apportionment_tied(r))
    fprintf(fp, "Note: the last seat was decided by an exact tie of "
                "priorities, given to the state first by postal code.\n");
}

static void print_next(FILE *fp, const params *p, const tly_apportionment *r)
{
  char b1[32], b2[48], b3[32];
  bool ham = tly_apportionment_method(r) == TLY_METHOD_HAMILTON;
  const tly_priority_entry *last = tly_apportionment_last_seat(r);
  if (last == NULL) {
    fprintf(fp, "\nNo seat was awarded by %s.\n",
            ham ? "remainder" : "priority");
  } else {
    fprintf(fp, "\nLast seat: %lld, %s's %s seat, %s %s\n",
            (long long)last->seat,
            tly_apportionment_code(r, (size_t)last->state),
            ordinal(last->n, b1, sizeof b1),
            ham ? "remainder" : "priority",
            priority_str(last->priority, b2, sizeof b2));
  }
  size_t k_max = tly_apportionment_n_next(r);
  if (k_max > p->n_next)
    k_max = p->n_next;
  if (k_max == 0)
    return;
  fprintf(fp, "Next in line:\n");
  for (size_t k = 0; k < k_max; k++) {
    const tly_next_in_line *x = tly_apportionment_next(r, k);
    fprintf(fp, "  %-2s %5s seat, %s %s",
            tly_apportionment_code(r, (size_t)x->state),
            ordinal(x->n, b1, sizeof b1), ham ? "remainder" : "priority",
            priority_str(x->priority, b2, sizeof b2));
    if (x->short_by >= 0)
      fprintf(fp, ": %s %s short\n", count_str(x->short_by, b3, sizeof b3),
              x->short_by == 1 ? "person" : "people");
    else
      fprintf(fp, "\n");
  }
  if (ham)
    fprintf(fp, "(Under Hamilton any change of population moves every "
                "quota,\nso no shortfall is given.)\n");
}

static void print_priority(FILE *fp, const params *p,
                           const tly_apportionment *r)
{
  char b1[48];
  bool ham = tly_apportionment_method(r) == TLY_METHOD_HAMILTON;
  size_t np = tly_apportionment_n_priority(r);
  int64_t first = np > 0 ? tly_apportionment_priority(r, 0)->seat
                         : tly_apportionment_house(r) + 1;
  fprintf(fp, "%s list, %d census, %s method, %lld seats\n",
          ham ? "Remainder" : "Priority", p->census,
          tly_method_name(tly_apportionment_method(r)),
          (long long)tly_apportionment_house(r));
  if (ham)
    fprintf(fp, "Seats 1-%lld: each state's lower quota (at least 1); the "
                "rest by the largest remainders.\n",
            (long long)(first - 1));
  else if (first > 1)
    fprintf(fp, "Seats 1-%lld: one to each state.\n", (long long)(first - 1));
  fprintf(fp, "\n%5s  %-5s %10s %18s\n", "Seat", "State", "State seat",
          ham ? "Remainder" : "Priority value");
  for (size_t k = 0; k < np; k++) {
    const tly_priority_entry *e = tly_apportionment_priority(r, k);
    fprintf(fp, "%5lld  %-5s %10lld %18s\n", (long long)e->seat,
            tly_apportionment_code(r, (size_t)e->state), (long long)e->n,
            priority_str(e->priority, b1, sizeof b1));
  }
  print_next(fp, p, r);
  if (tly_apportionment_tied(r))
    fprintf(fp, "Note: the last seat was decided by an exact tie, given to "
                "the state first by postal code.\n");
}

/*---- CSV ----*/

static void print_csv(FILE *fp, const params *p, const tly_apportionment *r)
{
  if (p->priority) {
    fprintf(fp, "seat,code,n,priority\n");
    for (size_t k = 0; k < tly_apportionment_n_priority(r); k++) {
      const tly_priority_entry *e = tly_apportionment_priority(r, k);
      fprintf(fp, "%lld,%s,%lld,%.17g\n", (long long)e->seat,
              tly_apportionment_code(r, (size_t)e->state), (long long)e->n,
              e->priority);
    }
    return;
  }
  fprintf(fp, "census,method,code,population,seats,electors,official_seats,"
              "change\n");
  const char *m = tly_method_name(tly_apportionment_method(r));
  for (size_t i = 0; i < tly_apportionment_n_states(r); i++) {
    const char *code = tly_apportionment_code(r, i);
    int64_t s = tly_apportionment_seats(r, i);
    int64_t off = official_seats(p, code);
    fprintf(fp, "%d,%s,%s,%lld,%lld,%lld,%lld,%lld\n", p->census, m, code,
            (long long)tly_apportionment_population(r, i), (long long)s,
            (long long)tly_apportionment_electors(r, i), (long long)off,
            (long long)(s - off));
  }
  fprintf(fp, "%d,%s,DC,,0,%lld,0,0\n", p->census, m,
          (long long)tly_apportionment_dc_electors(r));
}

/*---- options ----*/

/* Splits "CA,TX" into p->without (repeatable); returns an exit code. */
static int parse_without(params *p, const char *arg)
{
  size_t used = 0;
  if (p->n_without > 0) {
    const char *lastw = p->without[p->n_without - 1];
    used = (size_t)(lastw - p->without_buf) + strlen(lastw) + 1;
  }
  size_t n = strlen(arg);
  if (used + n + 1 > sizeof p->without_buf)
    return cli_usage("apportion", "--without: list too long");
  char *s = p->without_buf + used;
  memcpy(s, arg, n + 1);
  for (;;) {
    char *comma = strchr(s, ',');
    if (comma != NULL)
      *comma = '\0';
    if (*s == '\0')
      return cli_usage("apportion", "--without takes ST,ST,..., not '%s'",
                       arg);
    if (p->n_without == MAX_WITHOUT)
      return cli_usage("apportion", "--without: too many states");
    p->without[p->n_without++] = s;
    if (comma == NULL)
      break;
    s = comma + 1;
  }
  return CLI_OK;
}

/* apportion's own options. */
enum { O_METHOD = 1, O_SEATS, O_WITHOUT, O_PRIORITY, O_NEXT };

static int apportion_option(void *ud, int ch, char *arg)
{
  params *p = ud;
  tly_error err = {0};
  int64_t v;
  switch (ch) {
  case O_METHOD:
    if (tly_method_from_name(arg, &p->method, &err) != TLY_OK)
      return cli_usage("apportion", "%s", err.msg);
    p->method_set = true;
    return CLI_OK;
  case O_SEATS:
    if (!cli_parse_i64(arg, 1, TLY_APPORTION_MAX_SEATS, &v))
      return cli_usage("apportion",
                       "--seats takes a House size from 1 to %d, not '%s'",
                       TLY_APPORTION_MAX_SEATS, arg);
    p->seats = v;
    p->seats_set = true;
    return CLI_OK;
  case O_WITHOUT:
    return parse_without(p, arg);
  case O_PRIORITY:
    p->priority = true;
    return CLI_OK;
  default: /* O_NEXT */
    if (!cli_parse_i64(arg, 0, 1000, &v))
      return cli_usage("apportion", "--next takes 0 to 1000, not '%s'", arg);
    p->n_next = (size_t)v;
    return CLI_OK;
  }
}

typedef struct {
  const cli_opts *o;
  const params *p;
  const tly_apportionment *r;
} apportion_job;

static int write_apportion(FILE *fp, void *ud)
{
  const apportion_job *j = ud;
  tly_error err = {0};
  if (j->o->json) {
    if (tly_json_apportionment(j->r, j->p->census, j->p->n_next,
                               j->p->priority, cli_file_writer, fp,
                               &err) != TLY_OK)
      return cli_report(&err);
    fputc('\n', fp);
  } else if (j->o->csv) {
    print_csv(fp, j->p, j->r);
  } else if (j->p->priority) {
    print_priority(fp, j->p, j->r);
  } else {
    print_table(fp, j->p, j->r);
  }
  return CLI_OK;
}

/*---- censuses before 1970: the record, and a recomputation ----*/

typedef struct {
  const cli_opts *o;
  const params *p;
  const tly_census_record *info;
  const tly_apportionment *r; /* NULL: the record only */
} record_job;

/* r's seats for `code`, or -1 when r left it out. */
static int64_t recomputed_seats(const tly_apportionment *r, const char *code)
{
  for (size_t i = 0; i < tly_apportionment_n_states(r); i++) {
    if (strcmp(tly_apportionment_code(r, i), code) == 0)
      return tly_apportionment_seats(r, i);
  }
  return -1;
}

static void print_record(FILE *fp, const record_job *j)
{
  char b1[32];
  const params *p = j->p;
  const tly_census_record *info = j->info;
  const char *then = tly_method_name(info->method);
  if (j->r == NULL)
    fprintf(fp, "House apportionment, %d census, as apportioned: %lld seats "
                "among %zu states\n",
            p->census, (long long)info->seats, p->n_rows);
  else
    fprintf(fp, "House apportionment, %d census, recomputed: %lld seats "
                "among %zu states (%s)\n",
            p->census, (long long)tly_apportionment_house(j->r),
            tly_apportionment_n_states(j->r),
            tly_method_name(tly_apportionment_method(j->r)));
  fprintf(fp, "Source: %s\n", info->source);
  fprintf(fp, "Method of record: %s, %lld seats\n", then,
          (long long)info->seats);
  if (p->n_without > 0) {
    fprintf(fp, "Left out:");
    for (size_t i = 0; i < p->n_rows; i++) {
      if (left_out(p, p->rows[i].code))
        fprintf(fp, " %s", p->rows[i].code);
    }
    fprintf(fp, "\n");
  }
  fprintf(fp, "\n%-24s %13s %6s", "State",
          info->resident_base ? "Resident pop" : "Population",
          j->r == NULL ? "Seats" : "Record");
  if (j->r != NULL)
    fprintf(fp, " %6s %7s", "Seats", "Change");
  fprintf(fp, "\n");
  int64_t pop = 0, rec = 0, got = 0, n_diff = 0;
  for (size_t i = 0; i < p->n_rows; i++) {
    const tly_census_row *row = &p->rows[i];
    const char *name = tly_state_name(row->code);
    pop += row->population;
    rec += row->seats;
    fprintf(fp, "%-2s %-21.21s %13s %6lld", row->code, name ? name : "",
            count_str(row->population, b1, sizeof b1),
            (long long)row->seats);
    if (j->r != NULL) {
      int64_t s = recomputed_seats(j->r, row->code);
      if (s < 0) {
        fprintf(fp, " %6s", "-");
      } else {
        got += s;
        fprintf(fp, " %6lld", (long long)s);
        if (s != row->seats) {
          n_diff++;
          fprintf(fp, " %+7lld", (long long)(s - row->seats));
        }
      }
    }
    fprintf(fp, "\n");
  }
  fprintf(fp, "%-24s %13s %6lld", "Total", count_str(pop, b1, sizeof b1),
          (long long)rec);
  if (j->r != NULL)
    fprintf(fp, " %6lld", (long long)got);
  fprintf(fp, "\n\n");
  if (j->r != NULL)
    fprintf(fp, "Change: against the seats as apportioned after the %d "
                "census; %lld states differ.\n",
            p->census, (long long)n_diff);
  else
    fprintf(fp, "Recompute with --method M (the method of record: "
                "--method %s).\n",
            then);
  const char *note = tly_census_record_note(info);
  if (note != NULL)
    fprintf(fp, "Note: %s.\n", note);
  fprintf(fp, "Electors: an election's come from its record (tally result "
              "YEAR), not from seats + 2.\n");
}

static void print_record_csv(FILE *fp, const record_job *j)
{
  const params *p = j->p;
  const char *m = tly_method_name(j->r != NULL
                                      ? tly_apportionment_method(j->r)
                                      : j->info->method);
  fprintf(fp, "census,method,code,population,seats_of_record%s\n",
          j->r != NULL ? ",seats,change" : "");
  for (size_t i = 0; i < p->n_rows; i++) {
    const tly_census_row *row = &p->rows[i];
    fprintf(fp, "%d,%s,%s,%lld,%lld", p->census, m, row->code,
            (long long)row->population, (long long)row->seats);
    if (j->r != NULL) {
      int64_t s = recomputed_seats(j->r, row->code);
      if (s < 0)
        fprintf(fp, ",,");
      else
        fprintf(fp, ",%lld,%lld", (long long)s, (long long)(s - row->seats));
    }
    fprintf(fp, "\n");
  }
}

static int write_record(FILE *fp, void *ud)
{
  const record_job *j = ud;
  tly_error err = {0};
  if (j->o->json) {
    if (tly_json_census_record(j->p->census, j->r, cli_file_writer, fp,
                               &err) != TLY_OK)
      return cli_report(&err);
    fputc('\n', fp);
  } else if (j->o->csv) {
    print_record_csv(fp, j);
  } else if (j->p->priority) {
    print_priority(fp, j->p, j->r);
    const char *note = tly_census_record_note(j->info);
    if (note != NULL)
      fprintf(fp, "Note: %s.\n", note);
  } else {
    print_record(fp, j);
  }
  return CLI_OK;
}

/* `tally apportion CENSUS` for a census without built-in apportionment
 * populations (1790-1960): the seats of record, and with --method (or
 * --seats, --without, --priority) the same census recomputed. */
static int record_main(const cli_opts *o, params *p)
{
  tly_error err = {0};
  tly_census_record info;
  if (tly_census_record_rows(p->census, NULL, &info, p->rows, MAX_STATES,
                             &p->n_rows, &err) != TLY_OK) {
    if (err.status == TLY_ENODATA)
      return cli_usage("apportion", "%s", err.msg);
    return cli_report(&err);
  }
  for (size_t i = 0; i < p->n_without; i++) {
    bool found = false;
    for (size_t j = 0; j < p->n_rows && !found; j++)
      found = strcasecmp(p->rows[j].code, p->without[i]) == 0;
    if (!found)
      return cli_usage("apportion", "--without: unknown state '%s' (not a "
                                    "state of the %d census)",
                       p->without[i], p->census);
  }
  bool recompute = p->method_set || p->seats_set || p->n_without > 0 ||
                   p->priority;
  if (!p->method_set)
    p->method = info.method;
  tly_apportionment *r = NULL;
  if (recompute &&
      tly_apportion_record(p->census, p->seats_set ? p->seats : 0,
                           p->method, p->without, p->n_without, NULL, &r,
                           &err) != TLY_OK) {
    if (err.status == TLY_EINVAL || err.status == TLY_ENOTFOUND)
      return cli_usage("apportion", "%s", err.msg);
    return cli_report(&err);
  }
  record_job j = {o, p, &info, r};
  int rc = cli_write(o->out, write_record, &j);
  tly_apportionment_free(r);
  return rc;
}

int cmd_apportion(int argc, char **argv)
{
  static const struct option opts[] = {
      {"method", required_argument, NULL, O_METHOD},
      {"seats", required_argument, NULL, O_SEATS},
      {"without", required_argument, NULL, O_WITHOUT},
      {"priority", no_argument, NULL, O_PRIORITY},
      {"next", required_argument, NULL, O_NEXT},
      CLI_OUTPUT_OPTIONS,
      {NULL, 0, NULL, 0}};
  static params p;
  memset(&p, 0, sizeof p);
  p.census = 2020;
  p.method = TLY_METHOD_HUNTINGTON_HILL;
  p.seats = 435;
  p.n_next = 5;
  cli_opts o = {.sub = "apportion", .help = help, .max_operands = 1};
  int rc = cli_opts_parse(&o, argc, argv, opts, apportion_option, &p);
  if (rc != CLI_MORE)
    return rc;
  tly_error err = {0};
  if (o.arg != NULL) {
    int64_t v;
    if (!cli_parse_i64(o.arg, 1, 9999, &v))
      return cli_usage("apportion", "CENSUS is a year such as 2020, not "
                                    "'%s'",
                       o.arg);
    p.census = (int)v;
  }
  if (tly_census_builtin(p.census, NULL, NULL, 0, &p.n_rows, &err) ==
      TLY_ENODATA)
    return record_main(&o, &p);
  if (tly_census_builtin(p.census, NULL, p.rows, MAX_STATES, &p.n_rows,
                         &err) != TLY_OK) {
    if (err.status == TLY_ENODATA)
      return cli_usage("apportion", "%s", err.msg);
    return cli_report(&err);
  }
  for (size_t i = 0; i < p.n_without; i++) {
    if (strcasecmp(p.without[i], "DC") == 0)
      return cli_usage("apportion", "--without: DC has no House seats (it "
                                    "is not a state)");
    bool found = false; /* codes match whatever their case */
    for (size_t j = 0; j < p.n_rows && !found; j++)
      found = strcasecmp(p.rows[j].code, p.without[i]) == 0;
    if (!found)
      return cli_usage("apportion", "--without: unknown state '%s' (not a "
                                    "state of the %d census)",
                       p.without[i], p.census);
  }
  p.official = p.method == TLY_METHOD_HUNTINGTON_HILL && p.seats == 435 &&
               p.n_without == 0;
  tly_apportionment *r = NULL;
  if (tly_apportion_census(p.census, p.seats, p.method, p.without,
                           p.n_without, NULL, &r, &err) != TLY_OK) {
    if (err.status == TLY_EINVAL || err.status == TLY_ENOTFOUND ||
        err.status == TLY_ENODATA)
      return cli_usage("apportion", "%s", err.msg);
    return cli_report(&err);
  }
  apportion_job j = {&o, &p, r};
  rc = cli_write(o.out, write_apportion, &j);
  tly_apportionment_free(r);
  return rc;
}
