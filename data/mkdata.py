#!/usr/bin/env python3
"""mkdata.py -- build tally's compact, committed datasets from the shared reference data.

Usage (from the repository root):

    python3 data/mkdata.py [SHARED_DATA_DIR]

SHARED_DATA_DIR defaults to ../shared/data relative to the repository root; the
reference notes (npv-compact.md) are read from SHARED_DATA_DIR/../reference.

This is the only program in tally that reads ../shared.  It reads the shared CSVs,
reshapes them, VERIFIES every published figure listed in data/README.md and, only if
every check passes, writes data/*.csv (LF, UTF-8, RFC 4180 with minimal quoting,
deterministic order).  Any failed check prints a message and exits with status 1
without touching the committed files.

Python 3 standard library only.  All counts are Python ints: no floating point is
used for any count.  The file is organised as one function per output file.
"""

import csv
import os
import re
import sys
from collections import Counter, defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mkdata_counties  # noqa: E402  (county and district tables)
import mkdata_geo  # noqa: E402  (state and county shapes)

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
OUT_DIR = HERE

# The 50 states + DC, by postal code.
UNITS = sorted("""AK AL AR AZ CA CO CT DC DE FL GA HI IA ID IL IN KS KY LA MA MD ME MI MN MO MS
MT NC ND NE NH NJ NM NV NY OH OK OR PA RI SC SD TN TX UT VA VT WA WI WV WY""".split())
STATES = [u for u in UNITS if u != "DC"]
assert len(UNITS) == 51 and len(STATES) == 50

MEDSL_YEARS = list(range(1976, 2025, 4))      # 1976 .. 2024
FEC_YEARS = [2004, 2008, 2012, 2016, 2020]
SOURCES = ["medsl", "fec"]                    # output order: medsl before fec

# Years from which each state allots electors by congressional district
# (Maine since the 1972 election, Nebraska since 1992).
DISTRICT_METHOD_FROM = {"ME": 1972, "NE": 1992}


# --------------------------------------------------------------------------
# checks and output
# --------------------------------------------------------------------------

class Checks:
    """Collects check results; nothing is written unless all pass."""

    def __init__(self):
        self.passed = 0
        self.failed = []

    def eq(self, what, got, want):
        if got == want:
            self.passed += 1
            print("ok    %s: %s" % (what, fmt(got)))
        else:
            self.failed.append(what)
            print("FAIL  %s: got %s, want %s" % (what, fmt(got), fmt(want)))

    def true(self, what, cond, detail=""):
        if cond:
            self.passed += 1
            print("ok    %s" % what)
        else:
            self.failed.append(what)
            print("FAIL  %s%s" % (what, (": " + detail) if detail else ""))


def fmt(v):
    if isinstance(v, int) and not isinstance(v, bool):
        return "{:,}".format(v)
    s = str(v)
    return s if len(s) <= 120 else s[:110] + " ... (%d items)" % len(v)


def die(msg):
    print("mkdata: error: " + msg, file=sys.stderr)
    sys.exit(1)


def csv_field(v):
    """RFC 4180, minimal quoting: quote only if the field has , " CR or LF."""
    s = str(v)
    if any(c in s for c in ',"\r\n'):
        return '"' + s.replace('"', '""') + '"'
    return s


def csv_text(header, rows):
    lines = [",".join(csv_field(f) for f in header)]
    for r in rows:
        assert len(r) == len(header), (header, r)
        lines.append(",".join(csv_field(f) for f in r))
    return "\n".join(lines) + "\n"


def read_csv(path):
    """Read a shared CSV as a list of dicts (any line ending; UTF-8)."""
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def to_int(s, where):
    if not re.fullmatch(r"-?[0-9]+", s or ""):
        die("%s: count %r is not an integer" % (where, s))
    return int(s)


# --------------------------------------------------------------------------
# candidate names
# --------------------------------------------------------------------------

# Each year's Democratic and Republican nominees (display names).
NOMINEES = {
    1976: ("Jimmy Carter", "Gerald Ford"),
    1980: ("Jimmy Carter", "Ronald Reagan"),
    1984: ("Walter Mondale", "Ronald Reagan"),
    1988: ("Michael Dukakis", "George H. W. Bush"),
    1992: ("Bill Clinton", "George H. W. Bush"),
    1996: ("Bill Clinton", "Bob Dole"),
    2000: ("Al Gore", "George W. Bush"),
    2004: ("John Kerry", "George W. Bush"),
    2008: ("Barack Obama", "John McCain"),
    2012: ("Barack Obama", "Mitt Romney"),
    2016: ("Hillary Clinton", "Donald Trump"),
    2020: ("Joe Biden", "Donald Trump"),
    2024: ("Kamala Harris", "Donald Trump"),
}

# Party of well-known third-party and independent candidates, by year.  Everyone
# else gets the (normalised) party of his or her largest ballot line in the state.
THIRD_PARTY = {
    (1976, "Eugene McCarthy"): "Independent",
    (1976, "Roger MacBride"): "Libertarian",
    (1976, "Lester Maddox"): "American Independent",
    (1980, "John B. Anderson"): "Independent",
    (1980, "Ed Clark"): "Libertarian",
    (1980, "Barry Commoner"): "Citizens",
    (1984, "David Bergland"): "Libertarian",
    (1988, "Ron Paul"): "Libertarian",
    (1988, "Lenora Fulani"): "New Alliance",
    (1992, "Bo Gritz"): "Populist",
    (1992, "Ross Perot"): "Independent",
    (1992, "Andre Marrou"): "Libertarian",
    (1996, "Ross Perot"): "Reform",
    (1996, "Ralph Nader"): "Green",
    (1996, "Harry Browne"): "Libertarian",
    (2000, "Ralph Nader"): "Green",
    (2000, "Pat Buchanan"): "Reform",
    (2000, "Harry Browne"): "Libertarian",
    (2004, "Ralph Nader"): "Independent",
    (2004, "Michael Badnarik"): "Libertarian",
    (2004, "David Cobb"): "Green",
    (2004, "Michael Peroutka"): "Constitution",
    (2008, "Ralph Nader"): "Independent",
    (2008, "Bob Barr"): "Libertarian",
    (2008, "Chuck Baldwin"): "Constitution",
    (2008, "Cynthia McKinney"): "Green",
    (2012, "Gary Johnson"): "Libertarian",
    (2012, "Jill Stein"): "Green",
    (2012, "Virgil Goode"): "Constitution",
    (2016, "Gary Johnson"): "Libertarian",
    (2016, "Jill Stein"): "Green",
    (2016, "Evan McMullin"): "Independent",
    (2016, "Darrell Castle"): "Constitution",
    (2020, "Jo Jorgensen"): "Libertarian",
    (2020, "Howie Hawkins"): "Green",
    (2020, "Don Blankenship"): "Constitution",
    (2020, "Kanye West"): "Independent",
    (2024, "Robert F. Kennedy Jr."): "Independent",
    (2024, "Jill Stein"): "Green",
    (2024, "Chase Oliver"): "Libertarian",
    (2024, "Cornel West"): "Independent",
    (2024, "Claudia De La Cruz"): "Socialism and Liberation",
    (2024, "Randall Terry"): "Constitution",
    (2024, "Peter Sonski"): "American Solidarity",
}

# Explicit aliases: source spelling (upper case, whitespace collapsed, doubled
# quotes undone) -> display name.  The major candidates of every year, names the
# generic rule would get wrong (reversed, nicknames, suffixes, typos), and the
# spelling variants of the same person across states of one year.
ALIASES = {
    # D and R nominees
    "CARTER, JIMMY": "Jimmy Carter",
    "FORD, GERALD": "Gerald Ford",
    "REAGAN, RONALD": "Ronald Reagan",
    "MONDALE, WALTER": "Walter Mondale",
    "DUKAKIS, MICHAEL": "Michael Dukakis",
    "BUSH, GEORGE H.W.": "George H. W. Bush",
    "CLINTON, BILL": "Bill Clinton",
    "DOLE, ROBERT": "Bob Dole",
    "GORE, AL": "Al Gore",
    "BUSH, GEORGE W.": "George W. Bush",
    "KERRY, JOHN": "John Kerry",
    "OBAMA, BARACK H.": "Barack Obama",
    "MCCAIN, JOHN": "John McCain",
    "ROMNEY, MITT": "Mitt Romney",
    "MITT, ROMNEY": "Mitt Romney",          # MEDSL 2012 Washington, name reversed
    "CLINTON, HILLARY": "Hillary Clinton",
    "TRUMP, DONALD J.": "Donald Trump",
    "BIDEN, JOSEPH R. JR": "Joe Biden",
    "HARRIS, KAMALA D.": "Kamala Harris",
    # well-known third-party and independent candidates
    "ANDERSON, JOHN B.": "John B. Anderson",
    "PEROT, ROSS": "Ross Perot",
    "NADER, RALPH": "Ralph Nader",
    # MEDSL 2004 Maine lists Nader's independent line by its ballot label only;
    # "Better Life" was Nader's 2004 label (cf. MEDSL 2004 MN "NADER, RALPH",
    # party "BETTER LIFE"), and 8,069 is Nader's Maine 2004 count.
    "THE BETTER LIFE,": "Ralph Nader",
    "JOHNSON, GARY": "Gary Johnson",
    "STEIN, JILL": "Jill Stein",
    "MCMULLIN, EVAN": "Evan McMullin",
    "MCCARTHY, EUGENE \"GENE\"": "Eugene McCarthy",
    "MACBRIDE, ROGER": "Roger MacBride",
    "LAROUCHE, LYNDON, JR.": "Lyndon LaRouche",
    "GOODE, VIRGIL HAMLIN, JR.": "Virgil Goode",
    "CASTLE, DARRELL L.": "Darrell Castle",
    "CASTLE, DARRELL": "Darrell Castle",     # district file spelling
    "ANDERSON, ROSS CARL \"ROCKY\"": "Rocky Anderson",
    "ANDERSON, ROSS": "Rocky Anderson",      # district file spelling
    "LA RIVA, GLORIA ESTELLA": "Gloria La Riva",
    "KENNEDY, ROBERT F. JR": "Robert F. Kennedy Jr.",
    "TERRY, RANDALL A.": "Randall Terry",
    "JANOS, JAMES G. \"JESSE VENTURA\"": "Jesse Ventura",
    # reversed or malformed names in MEDSL
    "EMIDIO \"MIMI\", SOLTYSIK": "Mimi Soltysik",
    "JULIUS \"JULES\", LEVIN": "Jules Levin",
    "DENNIS \"DENNY\", LANE": "Denny Lane",
    "L. NEIL, SMITH": "L. Neil Smith",
    "HERBERG G., LEWIN": "Herbert G. Lewin",
    "JOHNSON JR. JAMES L.": "James L. Johnson Jr.",
    "BODDIE, R. PRESIDENT": "President R. Boddie",
    "JACOB?FAMBRO, PRINCESS KHADIJAH MARYAM": "Princess Khadijah Maryam Jacob-Fambro",
    "SCOTT, JORDAN \"CANCER\"": "Jordan Scott",
    "EVERYLOVE, LUCIFER \"JUSTIN CASE\"": "Lucifer Everylove",
    "HAYLARD, HELEN": "Helen Halyard",       # MEDSL typo of Halyard
    "DEBERRY, CLIFTON": "Clifton DeBerry",
    # spelling variants of one person
    "HEDGES, JAMES": "Jim Hedges",
    "HEDGES, JIM": "Jim Hedges",
    "STEVENS, THOMAS R.": "Tom Stevens",
    "DANIELS, RONALD": "Ron Daniels",
    "REED, JILL ANN": "Jill Reed",
    "REED, JILL": "Jill Reed",
    # 2024 write-in spellings (MEDSL 2024 file; after dropping running mates)
    "LAUREN ONAK / PETER SONSKI": "Peter Sonski",  # KY lists the running mate first
    "SONSKI": "Peter Sonski",
    "SONSKI ONAK": "Peter Sonski",
    "PETER SONSKI LAUREN ONAK": "Peter Sonski",
    "WEST": "Cornel West",
    "WEST ABDULLAH": "Cornel West",
    "DE LA CRUZ UNKNOWN GARCIA": "Claudia De La Cruz",
    "CLAUDIA DE LA CRUZ KARINA GARCIA": "Claudia De La Cruz",
    "AYYADURAI": "Shiva Ayyadurai",
    "AYYADURAI ELLIS UNKNOWN ELLIS": "Shiva Ayyadurai",
    "SHIVA AYYADURAI CRYSTAL ELLIS": "Shiva Ayyadurai",
    "DR. SHIVA": "Shiva Ayyadurai",
    "FOX": "Cherunda Fox",
    "CHERUNDA LYNN FOX": "Cherunda Fox",
    "MCNEIL": "Andre Ramon McNeil Sr.",
    "ANDRE RAMON MCNEIL SR": "Andre Ramon McNeil Sr.",
    "ANDRE RAMON MCNEIL SR.": "Andre Ramon McNeil Sr.",
    "ANDRE RAMON MC NEIL": "Andre Ramon McNeil Sr.",
    "ANDRE' RAMON MCNEIL SR": "Andre Ramon McNeil Sr.",
    "ANDRÉ RAMON MCNEIL SR": "Andre Ramon McNeil Sr.",
    "ANDRÉ RAMON MCNEIL SR.": "Andre Ramon McNeil Sr.",
    "ANDRÈ RAMON MCNEIL, SR.": "Andre Ramon McNeil Sr.",
    "ANDRÉ RAMONE MCNEIL, SR.": "Andre Ramon McNeil Sr.",
    "POTUS KENNEDY UNKNOWN KENNEDY": "Future Madam Potus",
    "FUTURE MADAM POTUS JESSICA KENNEDY": "Future Madam Potus",
    "FUTURE MADAME POTUS": "Future Madam Potus",
    "JAY J BOWMAN": "Jay Bowman",
    "JAY J. BOWMAN": "Jay Bowman",
    "BOWMAN, JAY J.": "Jay Bowman",
    "BRIAN LARRY KIENITZ": "Brian Kienitz",
    "DOUGLAS JENKINS": "Doug Jenkins",
    "SHONDRA YEVETTE IRVING": "Shondra Irving",
    "SUSAN MAUDE BUSCHER": "Susan Maude Buchser",
    "PRESIDENT R BODDIE": "President R. Boddie",
    "PRESIDENT R. BODDIE": "President R. Boddie",
    "LES WALLER": "Lester H. Waller Jr.",
    "WILLIAM NALBACH": "William Cody Nalbach",
}

# Labels that are not votes for anyone: dropped (listed in data/README.md).
NON_CANDIDATE = {
    "BLANK VOTE", "BLANK VOTES", "VOID", "VOID VOTE", "OVER VOTE", "OVERVOTES",
    "UNDERVOTES", "SPOILED",
    "OVER VOTES", "UNDER VOTES",              # recognised; not present in the current files
    # MEDSL combines blanks with scattering write-ins in these rows (MA, NY, IA,
    # WI, ME, PA 1992-2012); the blank part cannot be separated, so the whole
    # row is dropped.
    "BLANK VOTE/SCATTERING", "BLANK VOTE/VOID VOTE/SCATTERING",
}

# Labels that are votes for someone unnamed: summed into "Others".
UNNAMED = {
    "", "WRITE-IN", "SCATTERING", "OTHER", "OTHERS", "NOT DESIGNATED",
    "NONPARTISAN", "UNAFFILIATED", "PROHIBITION", "WORKERS WORLD",
    "INDEPENDENT PARTY CANDIDATE,",
}

OTHERS = "Others"

# Nevada's ballot line (NRS 293.269): a valid vote counted in the certified
# total, though it elects no one.  Kept as its own row under this name (empty
# party); the library counts it in totals and shares and never awards it.
BALLOT_LINE = {"NONE OF THE ABOVE", "NONE OF THESE CANDIDATES"}
NONE_OF_THESE = "None of these candidates"
NOT_PERSONS = (OTHERS, NONE_OF_THESE)

# Words that suggest a label we have not classified; the script refuses them.
SUSPECT = re.compile(r"\b(VOTES?|BLANK|VOID|OVER|UNDER|SPOIL|NONE|SCATTER|WRITE|OTHERS?|TOTAL|BALLOTS?)\b")

SUFFIXES = {"JR": "Jr.", "JR.": "Jr.", "SR": "Sr.", "SR.": "Sr.", "II": "II", "III": "III", "IV": "IV"}


def clean(raw):
    """Collapse whitespace (incl. an embedded CR/LF) and MEDSL's doubled quotes."""
    s = " ".join(raw.split())
    while '""' in s:
        s = s.replace('""', '"')
    return s.upper()


def title_word(w):
    """Title-case one word: "MCCAIN" -> "McCain", "O'DONNELL" -> "O'Donnell",
    "PEOPLE'S" -> "People's", abbreviations with dots ("U.S.A.") stay upper case."""
    if "." in w.strip(".") and all(len(p) <= 1 for p in w.split(".")):
        return w.upper()                      # U.S.A., C.U.P, H.W.
    if w in ("USA", "US", "DC", "NSA"):
        return w

    def part(p):
        if len(p) > 2 and p.startswith("MC"):
            return "Mc" + p[2].upper() + p[3:].lower()
        return p[:1].upper() + p[1:].lower()

    def apos(h):
        bits = h.split("'")
        out = part(bits[0])
        for b in bits[1:]:
            # capitalise after O'/D' (O'Donnell), not after a longer stem (People's)
            out += "'" + (part(b) if len(bits[0]) == 1 else b.lower())
        return out

    return "/".join("-".join(apos(h) for h in x.split("-")) for x in w.split("/"))


def split_suffix(words):
    """Split trailing suffix words (Jr., Sr., III) off a word list."""
    suf = []
    while words and words[-1].rstrip(",") in SUFFIXES:
        suf.insert(0, SUFFIXES[words[-1].rstrip(",")])
        words = words[:-1]
    return words, suf


def generic_name(s):
    """Deterministic display name for a cleaned source name.

    "LAST, FIRST M." -> "First M. Last"; a quoted nickname replaces the given
    names ('CLARK, EDWARD "ED"' -> "Ed Clark"); Jr./Sr. go last; names without a
    comma (2024 write-ins, 'FIRST LAST') keep their order."""
    if "," in s:
        last, rest = s.split(",", 1)
        rest_words = rest.replace(",", " ").split()
        rest_words, suf1 = split_suffix(rest_words)
        last_words, suf2 = split_suffix(last.split())
        if not rest_words:                  # "FIRST LAST, JR." is not reversed
            words, suf = last_words, suf2 + suf1
        else:
            given = " ".join(rest_words)
            m = re.search(r'"([^"]+)"', given)
            if m:
                given = m.group(1)
            words = given.split() + last_words
            suf = suf2 + suf1
    else:
        words, suf = split_suffix(s.split())
    words = [w for w in words if w]
    return " ".join([title_word(w) for w in words] + suf)


RUNNING_MATE = re.compile(r"\s+AND\s+|\s*/\s*|\s*&\s*")


def person(raw):
    """Classify a source candidate field.

    Returns ("drop", label), ("others", label), ("line", NONE_OF_THESE) or
    ("person", display name)."""
    s = clean(raw)
    if s in NON_CANDIDATE:
        return ("drop", s)
    if s in BALLOT_LINE:
        return ("line", NONE_OF_THESE)
    if s in UNNAMED:
        return ("others", s)
    if s in ALIASES:
        return ("person", ALIASES[s])
    # 2024 write-ins often name the ticket: "PETER SONSKI AND LAUREN ONAK".
    first = RUNNING_MATE.split(s)[0].strip()
    if first in ALIASES:
        return ("person", ALIASES[first])
    if SUSPECT.search(first):
        die("unclassified candidate label %r: add it to NON_CANDIDATE, UNNAMED or ALIASES" % raw)
    return ("person", generic_name(first))


PARTY_WORDS = {
    "DEMOCRAT": "Democratic", "DEMOCRATIC": "Democratic", "DFL": "Democratic",
    "DEMOCRATIC-FARMER-LABOR": "Democratic", "DEMOCRATIC-NPL": "Democratic",
    "DEMOCRATIC PARTY NOMINEES": "Democratic",
    "REPUBLICAN": "Republican",
    "LIBERTARIAN": "Libertarian", "LBN": "Libertarian",
    "LIBERTARIAN PARTY OF FLORIDA": "Libertarian",
    "GREEN": "Green", "G": "Green", "GREEN PARTY": "Green", "PACIFIC GREEN": "Green",
    "GREEN-RAINBOW": "Green", "GREEN-RAINBOW PARTY": "Green", "WISCONSIN GREEN": "Green",
    "D.C. STATEHOOD GREEN": "Green", "DC STATEHOOD GREEN": "Green",
    "GREEN INDEPENDENT": "Green", "NEVADA GREEN PARTY": "Green",
    "CONSTITUTION": "Constitution", "CONSTITUTION PARTY": "Constitution",
    "CONSTITUTION PARTY OF FLORIDA": "Constitution", "U.S. CONSTITUTION PARTY": "Constitution",
    "REFORM PARTY": "Reform", "REFORM PARTY MINNESOTA": "Reform",
    "INDEPENDENT": "Independent", "NO PARTY AFFILIATION": "Independent",
    "NO PARTY": "Independent", "UNAFFILIATED": "Independent", "NON-AFFILIATED": "Independent",
    "UNENROLLED": "Independent", "NONPARTISAN": "Independent",
    "NOMINATED BY PETITION": "Independent", "PETITIONING CANDIDATE": "Independent",
    "BY PETITION": "Independent", "INDEPENDENT CANDIDATES": "Independent",
    # not party names: write-in markers and placeholders
    "INDEPENDENT (WRITE-IN)": "Independent", "UNAFFILIATED/REPUBLICAN": "Independent",
    "COMMUNIST PARTY USE": "Communist",       # MEDSL typo of "Communist Party USA"
    "THIRD PARTY": "Third Party",
    "": "", "WRITE-IN": "", "(W/I)": "", "WI": "", "OTHER": "", "OTHER CANDIDATES": "",
    "PARTY": "",
}


def party_word(detail):
    """Normalise a MEDSL party_detailed to a party word ("Democratic", ...)."""
    d = " ".join(detail.split()).upper()
    if d in PARTY_WORDS:
        return PARTY_WORDS[d]
    d = re.sub(r"\s+PARTY( NOMINEES)?$", "", d).replace(" ,", ",")
    words = [title_word(w) for w in d.split()]
    small = {"And", "Of", "For", "The", "To", "A"}
    return " ".join(w.lower() if i and w in small else w for i, w in enumerate(words))


def resolve_party(year, name, lines):
    """Party of a person in a year (the same in every state): D/R nominee, a known
    third party, else the party word with the most votes across all of the
    person's ballot lines that year.  "Democratic" and "Republican" are reserved
    for the nominees: a write-in filed under a major party's label (MD 2024) is
    not that party's candidate."""
    dem, rep = NOMINEES[year]
    if name == dem:
        return "Democratic"
    if name == rep:
        return "Republican"
    if (year, name) in THIRD_PARTY:
        return THIRD_PARTY[(year, name)]
    words = Counter()
    for party, votes in lines.items():
        w = party_word(party)
        if w and w not in ("Democratic", "Republican"):
            words[w] += votes
    if not words:
        return ""
    return max(words.items(), key=lambda kv: (kv[1], kv[0]))[0]


# --------------------------------------------------------------------------
# 1. results.csv
# --------------------------------------------------------------------------

class Tally:
    """Votes per (year, source, unit) -> person -> votes, with party lines."""

    def __init__(self):
        self.votes = defaultdict(Counter)          # (year, source, unit) -> name -> votes
        self.lines = defaultdict(Counter)          # (year, name) -> party_detailed -> votes
        self.dropped = Counter()                   # label -> rows dropped
        self.unnamed = Counter()                   # label -> rows put in Others

    def add(self, key, raw, party, votes):
        kind, name = person(raw)
        if kind == "drop":
            self.dropped[name] += 1
            return
        if kind == "others":
            self.unnamed[name] += 1
            name = OTHERS
        self.votes[key][name] += votes
        self.lines[(key[0], name)][party] += votes

    def rows(self):
        out = []
        for (year, source, unit), c in self.votes.items():
            for name, v in c.items():
                if v == 0:
                    continue            # 0-vote write-in candidates are omitted
                party = "" if name in NOT_PERSONS else resolve_party(year, name, self.lines[(year, name)])
                out.append((year, source, unit, name, party, v))
        return out


# MEDSL 2000 Iowa has an unnamed "INDEPENDENT" row of 37,459 votes: the same
# number as MEDSL's unnamed 2000 Kansas "INDEPENDENT" row, while Iowa's own
# independents (Nader, Hagelin) are listed by name.  Without it Iowa's rows sum to
# 1,315,563, Iowa's certified 2000 total.  It is a copy error and is dropped.
IOWA_2000_SPURIOUS = ("2000", "IA", "", "INDEPENDENT", 37459)


def load_medsl_1976_2020(path, tally, ck):
    """president_state_1976_2020_medsl.csv (MEDSL, doi:10.7910/DVN/42MVDX)."""
    rows = read_csv(path)
    ck.eq("medsl 1976-2020 rows", len(rows), 4287)
    seen_units = defaultdict(set)
    spurious = 0
    sums = Counter()
    totals = {}
    for i, r in enumerate(rows, 2):
        where = "%s:%d" % (os.path.basename(path), i)
        if r["office"] != "US PRESIDENT":
            die("%s: office %r" % (where, r["office"]))
        year = to_int(r["year"], where)
        unit = r["state_po"]
        if unit not in UNITS:
            die("%s: unknown state %r" % (where, unit))
        votes = to_int(r["candidatevotes"], where)
        key = (r["year"], unit)
        sums[key] += votes
        totals.setdefault(key, to_int(r["totalvotes"], where))
        if (r["year"], unit, r["candidate"], r["party_detailed"], votes) == IOWA_2000_SPURIOUS:
            spurious += 1
            continue
        seen_units[year].add(unit)
        tally.add((year, "medsl", unit), r["candidate"], r["party_detailed"], votes)
    ck.eq("medsl 1976-2020: every unit's rows sum to its totalvotes",
          sum(1 for k in sums if sums[k] == totals[k]), len(sums))
    ck.eq("medsl 2000 IA: spurious unnamed INDEPENDENT row found (and dropped)", spurious, 1)
    ck.eq("medsl 2000 KS: unnamed INDEPENDENT row it duplicates",
          sum(1 for r in rows if (r["year"], r["state_po"], r["candidate"], r["party_detailed"],
                                  r["candidatevotes"]) == ("2000", "KS", "", "INDEPENDENT", "37459")), 1)
    ck.eq("medsl 2000 IA total without it (certified 1,315,563)", sums[("2000", "IA")] - 37459, 1315563)
    for y in range(1976, 2021, 4):
        ck.eq("medsl %d units" % y, len(seen_units[y]), 51)


def load_medsl_2024(path, tally, ck):
    """president_state_2024_medsl.csv (MEDSL 2024-elections-official).

    Different layout: votes (not candidatevotes), mode, stage, special, unofficial;
    CRLF line endings and one embedded newline ("PETER\\r\\nSONSKI", CA)."""
    with open(path, "rb") as f:
        raw = f.read()
    # The shared README calls this file CRLF; the snapshot actually ends its lines
    # with LF, and its only CR is in the embedded CRLF of the CA "PETER\r\nSONSKI"
    # field.  The csv module reads either; we only assert what we found.
    ck.eq("medsl 2024 CR bytes (only the embedded CRLF in one quoted field)", raw.count(b"\r"), 1)
    rows = read_csv(path)
    ck.eq("medsl 2024 rows", len(rows), 535)
    ck.eq("medsl 2024 candidate fields with an embedded newline",
          sum(1 for r in rows if "\n" in r["candidate"]), 1)
    ck.true("medsl 2024: all rows are stage GEN, special FALSE, office US PRESIDENT",
            all(r["stage"] == "GEN" and r["special"] == "FALSE" and r["office"] == "US PRESIDENT"
                for r in rows))
    # Modes: a state that reports several modes must not be double counted.  If a
    # state has a TOTAL mode only TOTAL rows are used; otherwise its modes are
    # disjoint parts and are summed.  (In this file every state has exactly one
    # mode: TOTAL, except Arizona whose only mode is NA.)
    modes = defaultdict(set)
    for r in rows:
        modes[r["state_po"]].add(r["mode"])
    multi = sorted(u for u, m in modes.items() if len(m) > 1)
    print("info  medsl 2024 modes: %s; states with several modes: %s" % (
        dict(Counter(m for ms in modes.values() for m in ms)), multi or "none"))
    ck.eq("medsl 2024 states with more than one mode", multi, [])
    ck.eq("medsl 2024 units", sorted(modes), UNITS)
    for i, r in enumerate(rows, 2):
        where = "%s:%d" % (os.path.basename(path), i)
        unit = r["state_po"]
        if "TOTAL" in modes[unit] and r["mode"] != "TOTAL":
            continue
        tally.add((2024, "medsl", unit), r["candidate"], r["party_detailed"], to_int(r["votes"], where))
    unoff = Counter(r["state_po"] for r in rows if r["unofficial"] == "TRUE")
    print("info  medsl 2024 unofficial=TRUE rows (kept: they are those states' only rows): %s"
          % dict(sorted(unoff.items())))


def load_fec(path, tally, ck):
    """president_state_fec_2004_2020.csv (FEC "Federal Elections" Table 2, compiled)."""
    rows = read_csv(path)
    ck.eq("fec rows", len(rows), 255)
    units = defaultdict(set)
    for i, r in enumerate(rows, 2):
        where = "%s:%d" % (os.path.basename(path), i)
        year = to_int(r["year"], where)
        dem, rep = NOMINEES[year]
        # The file names nominees by surname: check they are the nominees.
        if r["dem_candidate"] != dem.split()[-1].upper() or r["rep_candidate"] != rep.split()[-1].upper():
            die("%s: nominees %r/%r are not %s/%s" % (where, r["dem_candidate"], r["rep_candidate"], dem, rep))
        d, p, o, t = (to_int(r[k], where) for k in ("dem_votes", "rep_votes", "other_votes", "total_votes"))
        if d + p + o != t:
            die("%s: dem+rep+other != total" % where)
        key = (year, "fec", r["state_po"])
        units[year].add(r["state_po"])
        tally.votes[key][dem] += d
        tally.votes[key][rep] += p
        if o > 0:
            tally.votes[key][OTHERS] += o
    for y in FEC_YEARS:
        ck.eq("fec %d units" % y, sorted(units[y]), UNITS)


def load_districts(path):
    """president_cd_me_ne.csv: ME/NE presidential vote by congressional district,
    derived from OpenElections town/precinct returns (MEDSL for NE 2024).

    Returns {(year, state): {district: Counter(name -> votes)}}; district "UOCAVA"
    (Maine overseas/military ballots, not attributable to a district) is kept
    here for the checks but never written as a district row."""
    rows = read_csv(path)
    out = defaultdict(lambda: defaultdict(Counter))
    parties = defaultdict(lambda: defaultdict(Counter))
    for i, r in enumerate(rows, 2):
        where = "%s:%d" % (os.path.basename(path), i)
        kind, name = person(r["candidate"])
        if kind == "drop":
            die("%s: non-candidate row in district file" % where)
        if kind == "others":
            name = OTHERS
        key = (to_int(r["year"], where), r["state_po"])
        out[key][r["district"]][name] += to_int(r["votes"], where)
        parties[key][name][r["party"]] += to_int(r["votes"], where)
    return out, parties


def build_results(shared, ck):
    tally = Tally()
    load_medsl_1976_2020(os.path.join(shared, "president_state_1976_2020_medsl.csv"), tally, ck)
    load_medsl_2024(os.path.join(shared, "president_state_2024_medsl.csv"), tally, ck)
    load_fec(os.path.join(shared, "president_state_fec_2004_2020.csv"), tally, ck)
    rows = tally.rows()

    # District rows: emitted under both sources (the FEC publishes no district
    # returns; both sources' district rows are these OpenElections-derived ones).
    dist, dparties = load_districts(os.path.join(shared, "president_cd_me_ne.csv"))
    for (year, st), ds in sorted(dist.items()):
        for d, c in ds.items():
            if d == "UOCAVA":
                continue
            for source in SOURCES:
                if source == "fec" and year not in FEC_YEARS:
                    continue
                for name, v in c.items():
                    if v == 0:
                        continue
                    if name == OTHERS:
                        party = ""
                    else:               # the same party as in the statewide rows
                        lines = tally.lines[(year, name)] or dparties[(year, st)][name]
                        party = resolve_party(year, name, lines)
                    rows.append((year, source, "%s-%s" % (st, d), name, party, v))

    rows.sort(key=lambda r: (r[0], SOURCES.index(r[1]), r[2], -r[5], r[3]))
    print("info  dropped non-candidate labels (rows): %s" % dict(sorted(tally.dropped.items())))
    print("info  unnamed labels summed into Others (rows): %s" % dict(sorted(tally.unnamed.items())))
    return rows, dist, tally


def national(rows, year, source, name):
    return sum(v for (y, s, u, n, p, v) in rows if y == year and s == source and n == name and "-" not in u)


def unit_votes(rows, year, source, unit):
    return {n: v for (y, s, u, n, p, v) in rows if y == year and s == source and u == unit}


def check_results(rows, dist, ck):
    # Every year's D and R nominee appears, under that exact name, in all 51 units.
    for source, years in (("medsl", MEDSL_YEARS), ("fec", FEC_YEARS)):
        for y in years:
            for nom in NOMINEES[y]:
                units = {u for (yy, s, u, n, p, v) in rows if yy == y and s == source and n == nom and "-" not in u}
                ck.eq("%s %d %s appears in all 51 units" % (source, y, nom), len(units), 51)
            units = {u for (yy, s, u, n, p, v) in rows if yy == y and s == source and "-" not in u}
            ck.eq("%s %d has 51 statewide units" % (source, y), len(units), 51)

    # Row integrity: one row per (year, source, unit, name), positive integer
    # votes, one party per person per year, district rows only for ME/NE.
    keys = [(y, s, u, n) for (y, s, u, n, p, v) in rows]
    ck.eq("results: duplicate (year, source, unit, name) rows", len(keys) - len(set(keys)), 0)
    ck.true("results: every count is a positive integer",
            all(isinstance(v, int) and v > 0 for (y, s, u, n, p, v) in rows))
    parties = defaultdict(set)
    for (y, s, u, n, p, v) in rows:
        parties[(y, n)].add(p)
    ck.eq("results: persons with more than one party in a year",
          sorted(k for k, ps in parties.items() if len(ps) > 1), [])
    ck.eq("results: district units", sorted({u for (y, s, u, n, p, v) in rows if "-" in u}),
          ["ME-1", "ME-2", "NE-1", "NE-2", "NE-3"])

    # National totals by candidate (figures from shared/data/README.md).
    for (y, src, name, want) in [
        (2016, "medsl", "Hillary Clinton", 65853581), (2016, "medsl", "Donald Trump", 62985062),
        (2016, "fec", "Hillary Clinton", 65853514), (2016, "fec", "Donald Trump", 62984828),
        (2020, "medsl", "Joe Biden", 81268908), (2020, "medsl", "Donald Trump", 74216146),
        (2020, "fec", "Joe Biden", 81283501), (2020, "fec", "Donald Trump", 74223975),
        (2024, "medsl", "Donald Trump", 77302580), (2024, "medsl", "Kamala Harris", 75017613),
        (2000, "medsl", "Al Gore", 50996062), (2000, "medsl", "George W. Bush", 50456169),
        (2012, "fec", "Barack Obama", 65915795), (2012, "fec", "Mitt Romney", 60933504),
        (2008, "fec", "Barack Obama", 69498516), (2008, "fec", "John McCain", 59948323),
        (2004, "fec", "John Kerry", 59028444), (2004, "fec", "George W. Bush", 62040610),
    ]:
        ck.eq("%s %d national %s" % (src, y, name), national(rows, y, src, name), want)
    ck.eq("fec 2016 national total (all rows)",
          sum(v for (y, s, u, n, p, v) in rows if y == 2016 and s == "fec" and "-" not in u), 136669276)
    ck.eq("fec 2020 national total (all rows)",
          sum(v for (y, s, u, n, p, v) in rows if y == 2020 and s == "fec" and "-" not in u), 158429631)

    # Nevada's "None of these candidates" is counted in the certified total:
    # the medsl NV rows sum to it (certified totals as in
    # president_state_total_votes_1824_2016_ucsb.csv; 2024: MEDSL totalvotes).
    for y, want, line in ((1996, 464279, 5608), (2000, 608970, 3315), (2008, 967848, 6267),
                          (2012, 1014918, 5770), (2016, 1125385, 28863), (2024, 1484840, 19625)):
        nv = unit_votes(rows, y, "medsl", "NV")
        ck.eq("medsl %d NV total with None of these candidates" % y, sum(nv.values()), want)
        ck.eq("medsl %d NV None of these candidates" % y, nv[NONE_OF_THESE], line)
    ca = unit_votes(rows, 2016, "medsl", "CA")
    ck.eq("medsl 2016 CA Clinton", ca["Hillary Clinton"], 8753788)
    ck.eq("medsl 2016 CA Trump", ca["Donald Trump"], 4483810)
    for st, want in (("WI", 22748), ("MI", 10704), ("PA", 44292)):
        for src in SOURCES:
            u = unit_votes(rows, 2016, src, st)
            ck.eq("%s 2016 %s margin Trump-Clinton" % (src, st), u["Donald Trump"] - u["Hillary Clinton"], want)
    ny = unit_votes(rows, 2016, "medsl", "NY")
    ck.eq("medsl 2016 NY Clinton = DEM + WF + WEP lines", ny["Hillary Clinton"], 4379789 + 140041 + 36294)
    ck.eq("medsl 2016 NY Trump = REP + CON lines", ny["Donald Trump"], 2527142 + 292392)
    ck.true("medsl 2012 WA has Mitt Romney", "Mitt Romney" in unit_votes(rows, 2012, "medsl", "WA"))
    dc = unit_votes(rows, 2020, "medsl", "DC")
    ck.true("medsl 2020 DC keeps Biden and Trump (rows flagged writein=TRUE)",
            "Joe Biden" in dc and "Donald Trump" in dc)

    # For information: per-state differences of the nominees, MEDSL - FEC.
    for y in FEC_YEARS:
        diffs = []
        for u in UNITS:
            m, f = unit_votes(rows, y, "medsl", u), unit_votes(rows, y, "fec", u)
            d = [m[n] - f[n] for n in NOMINEES[y]]
            if any(d):
                diffs.append("%s %+d/%+d" % (u, d[0], d[1]))
        print("info  %d nominees MEDSL - FEC (D/R): exact in %d of 51; %s" % (y, 51 - len(diffs), ", ".join(diffs)))

    # District rows (+ Maine UOCAVA) equal the statewide rows.
    # Exemption: NE 2016 Jill Stein is 8,776 in the district file but 8,775 in MEDSL
    # (documented in shared/data/README.md); the check asserts that exact 1-vote gap.
    KNOWN_GAPS = {(2016, "NE", "Jill Stein"): 1}
    for (year, st), ds in sorted(dist.items()):
        ck.eq("%d %s districts present" % (year, st), sorted(d for d in ds if d != "UOCAVA"),
              [str(i) for i in range(1, {"ME": 2, "NE": 3}[st] + 1)])
        summed = Counter()
        for d, c in ds.items():
            summed.update(c)
        for source in SOURCES:
            if source == "fec" and year not in FEC_YEARS:
                continue
            state = unit_votes(rows, year, source, st)
            names = NOMINEES[year] if source == "fec" else [n for n in summed if n not in NOT_PERSONS and n in state]
            for n in sorted(names):
                gap = summed[n] - state.get(n, 0)
                want = KNOWN_GAPS.get((year, st, n), 0) if source == "medsl" else 0
                ck.eq("%s %d %s %s: districts%s - statewide" % (
                    source, year, st, n, " + UOCAVA" if st == "ME" else ""), gap, want)
            if source == "medsl":
                missing = sorted(n for n in summed if n not in NOT_PERSONS and n not in state)
                if missing:
                    print("info  %d %s: named in the district file but not statewide in MEDSL "
                          "(MEDSL has them in an unnamed row): %s" % (year, st, missing))


# --------------------------------------------------------------------------
# 2. electors.csv
# --------------------------------------------------------------------------

def build_electors(shared, ck):
    """electoral_votes_by_apportionment.csv: seats and electors per census."""
    rows = read_csv(os.path.join(shared, "electoral_votes_by_apportionment.csv"))
    out = []
    for i, r in enumerate(rows, 2):
        w = "electoral_votes_by_apportionment.csv:%d" % i
        out.append((to_int(r["census_year"], w), to_int(r["first_election"], w), to_int(r["last_election"], w),
                    r["state_po"], to_int(r["house_seats"], w), to_int(r["electoral_votes"], w)))
    out.sort(key=lambda r: (r[0], r[3]))
    for c in (1970, 1980, 1990, 2000, 2010, 2020):
        sel = [r for r in out if r[0] == c]
        ck.eq("electors %d units" % c, sorted(r[3] for r in sel), UNITS)
        ck.eq("electors %d seats" % c, sum(r[4] for r in sel), 435)
        ck.eq("electors %d electors" % c, sum(r[5] for r in sel), 538)
        ck.true("electors %d: electors = seats + 2 (DC 0 seats, 3 electors)" % c,
                all(r[5] == (3 if r[3] == "DC" else r[4] + 2) and (r[3] != "DC" or r[4] == 0) for r in sel))
    return out


def electors_for(electors, year):
    sel = {r[3]: r for r in electors if r[1] <= year <= r[2]}
    if len(sel) != 51:
        die("no apportionment covers %d" % year)
    return sel


# --------------------------------------------------------------------------
# 3. census.csv
# --------------------------------------------------------------------------

def build_census(shared, electors, ck):
    """census_apportionment_1970_2010.csv + census_apportionment_2020.csv."""
    out = []
    for fn in ("census_apportionment_1970_2010.csv", "census_apportionment_2020.csv"):
        for i, r in enumerate(read_csv(os.path.join(shared, fn)), 2):
            w = "%s:%d" % (fn, i)
            c = to_int(r["census_year"], w)
            res = to_int(r["resident_population"], w)
            ovs = None if r["overseas_population"] == "" else to_int(r["overseas_population"], w)
            pop = to_int(r["apportionment_population"], w)
            if pop != res + (ovs or 0):
                die("%s: apportionment population != resident + overseas" % w)
            if (ovs is None) != (c == 1980):
                die("%s: overseas must be empty exactly for 1980" % w)
            out.append((c, r["state_po"], res, "" if ovs is None else ovs, pop, to_int(r["seats"], w)))
    out.sort(key=lambda r: (r[0], r[1]))
    want = {1970: 204053325, 1980: 225867174, 1990: 249022783, 2000: 281424177, 2010: 309183463}
    ny1970 = [r for r in out if r[0] == 1970 and r[1] == "NY"][0]
    ck.eq("census 1970 NY apportionment population (corrected value, not MM2's 18,287,529)",
          ny1970[4], 18241266 + 96789)
    for c in (1970, 1980, 1990, 2000, 2010, 2020):
        sel = [r for r in out if r[0] == c]
        ck.eq("census %d states" % c, sorted(r[1] for r in sel), STATES)
        total = sum(r[4] for r in sel)
        if c in want:
            ck.eq("census %d apportionment population total" % c, total, want[c])
        else:
            print("info  census %d apportionment population total: %s" % (c, fmt(total)))
        ck.eq("census %d seats" % c, sum(r[5] for r in sel), 435)
        ev = {r[3]: r[4] for r in electors if r[0] == c}
        ck.true("census %d seats agree with electors.csv" % c, all(ev[r[1]] == r[5] for r in sel))
        ck.eq("census %d Huntington-Hill on these populations reproduces the seats" % c,
              huntington_hill({r[1]: r[4] for r in sel}, 435), {r[1]: r[5] for r in sel})
    return out


def build_dc(shared, ck):
    """DC's resident population at each census from 1960 (the 23rd Amendment,
    1961: DC has the electors it would have as a state, but no more than the
    least populous state), from the Census Bureau's historical apportionment
    table (census_historical_apportionment_1910_2010.csv and _2020.csv)."""
    out = []
    for fn in ("census_historical_apportionment_1910_2010.csv", "census_historical_apportionment_2020.csv"):
        for i, r in enumerate(read_csv(os.path.join(shared, fn)), 2):
            if r["Name"] == "District of Columbia" and int(r["Year"]) >= 1960:
                out.append((int(r["Year"]), to_int(r["Resident_Population"], "%s:%d" % (fn, i))))
    out.sort()
    ck.eq("dc censuses", [c for c, p in out], list(range(1960, 2021, 10)))
    ck.eq("dc 2010 resident population", dict(out)[2010], 601723)
    return out


def huntington_hill(pop, house):
    """Exact Huntington-Hill (method of equal proportions) with integer arithmetic:
    the next seat goes to the largest P/sqrt(n(n+1)); compare P_a^2*m_b < P_b^2*m_a."""
    seats = {s: 1 for s in pop}
    for _ in range(house - len(pop)):
        best = None
        for s in sorted(pop):
            n = seats[s]
            key = (pop[s] * pop[s], n * (n + 1))
            if best is None or key[0] * best[1][1] > best[1][0] * key[1]:
                best = (s, key)
        seats[best[0]] += 1
    return seats


# --------------------------------------------------------------------------
# 4. cast.csv -- electoral votes cast otherwise than pledged
# --------------------------------------------------------------------------

# National Archives (archives.gov/electoral-college) and FEC "Federal Elections"
# Table 2 footnotes.  cast "" = the elector abstained (cast a blank ballot).
CAST = [
    (1976, "WA", "Gerald Ford", "Ronald Reagan", 1, "faithless elector"),
    (1988, "WV", "Michael Dukakis", "Lloyd Bentsen", 1,
     "faithless elector; voted Bentsen for President and Dukakis for Vice President"),
    (2000, "DC", "Al Gore", "", 1,
     "elector abstained (blank ballot) in protest of DC's lack of voting representation in Congress"),
    (2004, "MN", "John Kerry", "John Edwards", 1,
     "elector's ballot read John Ewards, apparently cast by mistake"),
    (2016, "TX", "Donald Trump", "John Kasich", 1, "faithless elector"),
    (2016, "TX", "Donald Trump", "Ron Paul", 1, "faithless elector"),
    (2016, "WA", "Hillary Clinton", "Colin Powell", 3, "faithless electors"),
    (2016, "WA", "Hillary Clinton", "Faith Spotted Eagle", 1, "faithless elector"),
    (2016, "HI", "Hillary Clinton", "Bernie Sanders", 1, "faithless elector"),
]

# Pledged electoral votes (won by the popular vote), National Archives.
PLEDGED = {
    1976: {"Jimmy Carter": 297, "Gerald Ford": 241},
    1980: {"Ronald Reagan": 489, "Jimmy Carter": 49},
    1984: {"Ronald Reagan": 525, "Walter Mondale": 13},
    1988: {"George H. W. Bush": 426, "Michael Dukakis": 112},
    1992: {"Bill Clinton": 370, "George H. W. Bush": 168},
    1996: {"Bill Clinton": 379, "Bob Dole": 159},
    2000: {"George W. Bush": 271, "Al Gore": 267},
    2004: {"George W. Bush": 286, "John Kerry": 252},
    2008: {"Barack Obama": 365, "John McCain": 173},
    2012: {"Barack Obama": 332, "Mitt Romney": 206},
    2016: {"Donald Trump": 306, "Hillary Clinton": 232},
    2020: {"Joe Biden": 306, "Donald Trump": 232},
    2024: {"Donald Trump": 312, "Kamala Harris": 226},
}

# Electoral votes as cast (National Archives); "" = abstained.
CAST_TOTALS = {
    1976: {"Jimmy Carter": 297, "Gerald Ford": 240, "Ronald Reagan": 1},
    1988: {"George H. W. Bush": 426, "Michael Dukakis": 111, "Lloyd Bentsen": 1},
    2000: {"George W. Bush": 271, "Al Gore": 266, "": 1},
    2004: {"George W. Bush": 286, "John Kerry": 251, "John Edwards": 1},
    2016: {"Donald Trump": 304, "Hillary Clinton": 227, "Colin Powell": 3, "John Kasich": 1,
           "Ron Paul": 1, "Bernie Sanders": 1, "Faith Spotted Eagle": 1},
}


def build_cast():
    return sorted(CAST, key=lambda r: (r[0], r[1], r[2], r[3]))


# --------------------------------------------------------------------------
# 5. district_record.csv
# --------------------------------------------------------------------------

# District winners that differ from the statewide winner, as recorded by the
# electoral votes cast (National Archives), for years without district returns.
DISTRICT_EXCEPTIONS = {
    (2008, "NE-2"): ("Barack Obama", "no district returns; winner from the electoral votes as cast "
                                     "(Nebraska split its electors 4-1)"),
    (2024, "ME-2"): ("Donald Trump", "no usable district returns (MEDSL 2024 Maine precinct file incomplete); "
                                     "winner from the electoral votes as cast (Maine split its electors 3-1)"),
}


def plurality(votes):
    """Winner of a unit: most votes among named candidates (never Others)."""
    named = [(v, n) for n, v in votes.items() if n not in NOT_PERSONS]
    named.sort(reverse=True)
    if len(named) > 1 and named[0][0] == named[1][0]:
        die("tie for first place: %r" % named[:2])
    return named[0][1]


def build_district_record(results, electors, ck):
    have = {(y, u) for (y, s, u, n, p, v) in results if "-" in u}
    out = []
    for st, first in sorted(DISTRICT_METHOD_FROM.items()):
        for year in MEDSL_YEARS:
            if year < first:
                continue
            seats = electors_for(electors, year)[st][4]
            state_winner = plurality(unit_votes(results, year, "medsl", st))
            for d in range(1, seats + 1):
                unit = "%s-%d" % (st, d)
                if (year, unit) in have:
                    continue
                winner, note = DISTRICT_EXCEPTIONS.get(
                    (year, unit), (state_winner, "no district returns; winner from the electoral votes as cast "
                                                 "(all of the state's electors went to the statewide winner)"))
                out.append((year, unit, winner, note))
    used = {(y, u) for (y, u, w, n) in out}
    ck.true("district exceptions all used", all(k in used for k in DISTRICT_EXCEPTIONS))
    out.sort()
    return out


# --------------------------------------------------------------------------
# electoral-vote check (results x electors [+ district record] = pledged)
# --------------------------------------------------------------------------

def pledged_by_unit(results, electors, record, year, source):
    """Electors won per (state, candidate) by plurality: winner-take-all, or for
    ME/NE 2 at large + 1 per district (district returns, else district_record)."""
    ev = electors_for(electors, year)
    rec = {(y, u): w for (y, u, w, n) in record}
    won = Counter()
    for st in UNITS:
        e = ev[st][5]
        winner = plurality(unit_votes(results, year, source, st))
        first = DISTRICT_METHOD_FROM.get(st)
        if first is None or year < first:
            won[(st, winner)] += e
            continue
        won[(st, winner)] += 2
        for d in range(1, ev[st][4] + 1):
            unit = "%s-%d" % (st, d)
            dv = unit_votes(results, year, source, unit)
            won[(st, plurality(dv) if dv else rec[(year, unit)])] += 1
    return won


def check_electoral_votes(results, electors, record, cast, shared, ck):
    for source, years in (("medsl", MEDSL_YEARS), ("fec", FEC_YEARS)):
        for y in years:
            won = pledged_by_unit(results, electors, record, y, source)
            tot = Counter()
            for (st, n), e in won.items():
                tot[n] += e
            ck.eq("%s %d pledged electoral votes" % (source, y), dict(tot), PLEDGED[y])

    # Electoral votes as cast = pledged, moved by cast.csv.
    for y, want in sorted(CAST_TOTALS.items()):
        tot = Counter(PLEDGED[y])
        for (yy, st, pledged, to, n, note) in cast:
            if yy == y:
                tot[pledged] -= n
                tot[to] += n
        ck.eq("%d electoral votes as cast" % y, dict(tot), want)

    # Cross-check 2016-2024 per state against electoral_college_by_state_2016_2024.csv.
    ec = read_csv(os.path.join(shared, "electoral_college_by_state_2016_2024.csv"))
    for y in (2016, 2020, 2024):
        won = pledged_by_unit(results, electors, record, y, "medsl")
        cast_by = Counter(won)
        for (yy, st, pledged, to, n, note) in cast:
            if yy == y:
                cast_by[(st, pledged)] -= n
                cast_by[(st, to)] += n
        file_pledged, file_cast = Counter(), Counter()
        for r in ec:
            if int(r["year"]) != y:
                continue
            kind, name = person(r["candidate"])
            file_pledged[(r["state_po"], name)] += int(r["ev_pledged"])
            file_cast[(r["state_po"], name)] += int(r["ev_cast"])
        strip = lambda c: {k: v for k, v in c.items() if v}
        ck.eq("%d per-state pledged = electoral_college_by_state_2016_2024.csv" % y,
              strip(won) == strip(file_pledged), True)
        ck.eq("%d per-state cast (pledged moved by cast.csv) = electoral_college_by_state_2016_2024.csv" % y,
              strip(cast_by) == strip(file_cast), True)


# --------------------------------------------------------------------------
# 6. npv.csv
# --------------------------------------------------------------------------

def build_npv(reference, electors, ck):
    """shared/reference/npv-compact.md: the compact's members and enactment years."""
    text = open(os.path.join(reference, "npv-compact.md"), encoding="utf-8").read()
    out = []
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 4 or not re.fullmatch(r"[A-Z]{2}", cells[0]):
            continue
        for code, when in ((cells[0], cells[1]), (cells[2], cells[3])):
            if not code:
                continue
            m = re.match(r"(\d{4})\b", when)
            if code not in UNITS or not m:
                die("npv-compact.md: bad row %r" % line)
            out.append((code, int(m.group(1))))
    out.sort()
    ck.eq("npv members", len(out), 18)
    ck.true("npv members distinct, include DC", len({u for u, e in out}) == 18 and any(u == "DC" for u, e in out))
    ev = {r[3]: r[5] for r in electors if r[0] == 2020}
    ck.eq("npv electors under the 2020 census", sum(ev[u] for u, e in out), 209)
    return out


# --------------------------------------------------------------------------
# 7. corr_economist_2020.csv and regions.csv
# --------------------------------------------------------------------------

def build_corr(shared, ck):
    """economist_state_correlation_matrix_2020.csv, copied byte for byte."""
    data = open(os.path.join(shared, "economist_state_correlation_matrix_2020.csv"), "rb").read()
    # The file as published has CRLF line endings and no final line break (the
    # shared README says LF); it is copied unchanged, as the design requires.
    ck.true("corr: CRLF line endings, no bare LF, no final line break",
            data.count(b"\r\n") == data.count(b"\n") == 51 and not data.endswith(b"\n"))
    lines = data.decode("utf-8").split("\r\n")
    head = lines[0].split(",")
    body = [l.split(",") for l in lines[1:] if l]
    ck.eq("corr: header codes (Kansas is labelled KA)", sorted("KS" if c == "KA" else c for c in head), UNITS)
    ck.true("corr: 51 rows of 51 numbers",
            len(body) == 51 and all(len(r) == 51 for r in body) and
            all(re.fullmatch(r"-?[0-9.]+(e-?[0-9]+)?", x) for r in body for x in r))
    ck.true("corr: unit diagonal", all(body[i][i] in ("1", "1.0") for i in range(51)))
    return data


# U.S. Census Bureau regions and divisions (census.gov "Census Regions and
# Divisions of the United States"): division -> (region, states).
CENSUS_DIVISIONS = {
    "New England": ("Northeast", "CT ME MA NH RI VT"),
    "Middle Atlantic": ("Northeast", "NJ NY PA"),
    "East North Central": ("Midwest", "IL IN MI OH WI"),
    "West North Central": ("Midwest", "IA KS MN MO NE ND SD"),
    "South Atlantic": ("South", "DE DC FL GA MD NC SC VA WV"),
    "East South Central": ("South", "AL KY MS TN"),
    "West South Central": ("South", "AR LA OK TX"),
    "Mountain": ("West", "AZ CO ID MT NV NM UT WY"),
    "Pacific": ("West", "AK CA HI OR WA"),
}


def build_regions(shared, ck):
    """Census regions/divisions; cross-checked against The Economist's crosswalk
    (economist_state_region_crosswalk.csv, CR-only line endings), which has the
    division (column "region") but not the four regions."""
    out = []
    for div, (reg, states) in CENSUS_DIVISIONS.items():
        for u in states.split():
            out.append((u, reg, div))
    out.sort()
    ck.eq("regions units", [r[0] for r in out], UNITS)
    raw = open(os.path.join(shared, "economist_state_region_crosswalk.csv"), "rb").read()
    ck.true("crosswalk has CR-only line endings", b"\r" in raw and b"\n" not in raw)
    rows = list(csv.DictReader(raw.decode("utf-8").replace("\r", "\n").splitlines()))
    xw = {r["state_abb"]: r["region"] for r in rows}
    ck.eq("crosswalk units", sorted(xw), UNITS)
    diff = sorted((u, xw[u], div) for (u, reg, div) in out if xw[u] != div)
    # Known: the crosswalk puts Louisiana in East South Central; the Census
    # Bureau puts it in West South Central.
    ck.eq("crosswalk divisions differ from the Census Bureau's only for LA", diff,
          [("LA", "East South Central", "West South Central")])
    return out


# --------------------------------------------------------------------------
# polls (FiveThirtyEight, CC BY 4.0): compact poll tables and the
# calibration figures from raw-polls
# --------------------------------------------------------------------------

POLL_STATE_CODES = {
    "Alabama": "AL", "Alaska": "AK", "Arizona": "AZ", "Arkansas": "AR", "California": "CA",
    "Colorado": "CO", "Connecticut": "CT", "Delaware": "DE", "District of Columbia": "DC",
    "Florida": "FL", "Georgia": "GA", "Hawaii": "HI", "Idaho": "ID", "Illinois": "IL",
    "Indiana": "IN", "Iowa": "IA", "Kansas": "KS", "Kentucky": "KY", "Louisiana": "LA",
    "Maine": "ME", "Maryland": "MD", "Massachusetts": "MA", "Michigan": "MI", "Minnesota": "MN",
    "Mississippi": "MS", "Missouri": "MO", "Montana": "MT", "Nebraska": "NE", "Nevada": "NV",
    "New Hampshire": "NH", "New Jersey": "NJ", "New Mexico": "NM", "New York": "NY",
    "North Carolina": "NC", "North Dakota": "ND", "Ohio": "OH", "Oklahoma": "OK", "Oregon": "OR",
    "Pennsylvania": "PA", "Rhode Island": "RI", "South Carolina": "SC", "South Dakota": "SD",
    "Tennessee": "TN", "Texas": "TX", "Utah": "UT", "Vermont": "VT", "Virginia": "VA",
    "Washington": "WA", "West Virginia": "WV", "Wisconsin": "WI", "Wyoming": "WY",
    "Maine CD-1": "ME-1", "Maine CD-2": "ME-2", "Nebraska CD-1": "NE-1",
    "Nebraska CD-2": "NE-2", "Nebraska CD-3": "NE-3", "": "US", "U.S.": "US",
}
POLL_HEADER = ["cycle", "unit", "poll_id", "question", "pollster", "start_date", "end_date",
               "population", "sample_size", "dem", "rep"]


def read_gz_csv(path):
    import gzip
    with gzip.open(path, "rt", newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def mdy_iso(s):
    """m/d/yy or m/d/yyyy -> YYYY-MM-DD (two-digit years are 20yy)."""
    m = re.fullmatch(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{2}|[0-9]{4})", s)
    if not m:
        die("poll date %r is not m/d/y" % s)
    y = int(m.group(3))
    y = y + 2000 if y < 100 else y
    return "%04d-%02d-%02d" % (y, int(m.group(1)), int(m.group(2)))


def build_polls(shared, ck):
    """polls_2016.csv, polls_2020.csv (one row per poll question asking both
    nominees, every population), polls_calib.csv (raw-polls: the state
    averages of presidential general-election polls of the final 21 days,
    2000-2020, with the certified two-party result) and polls_538_2020.csv
    (538's final 2020 state averages)."""
    d = os.path.join(shared, "polls")
    out = {}
    # 2016: 538's older layout, three copies of each poll (polls-plus,
    # now-cast, polls-only) with the same raw shares: the polls-only rows.
    rows = read_gz_csv(os.path.join(d, "president_general_polls_2016_538.csv.gz"))
    ck.eq("polls 2016: rows", len(rows), 10236)
    kinds = Counter(r["type"] for r in rows)
    ck.eq("polls 2016: three equal copies", sorted(kinds.values()), [3412, 3412, 3412])
    p16 = []
    for r in rows:
        if r["type"] != "polls-only":
            continue
        p16.append(["2016", POLL_STATE_CODES[r["state"]], r["poll_id"], r["question_id"],
                    r["pollster"], mdy_iso(r["startdate"]), mdy_iso(r["enddate"]),
                    r["population"], r["samplesize"], r["rawpoll_clinton"], r["rawpoll_trump"]])
    ck.eq("polls 2016: questions", len(p16), 3412)
    ck.eq("polls 2016: latest end date", max(r[6] for r in p16), "2016-10-31")
    out["polls_2016.csv"] = (POLL_HEADER, p16)
    # 2020: every row of 538's final file (no question_id): a question is a
    # run of rows of one poll and population, a new one starting when an
    # answer repeats; kept when it asks both Biden and Trump.
    rows = read_gz_csv(os.path.join(d, "president_polls_2020_final_subset.csv.gz"))
    ck.eq("polls 2020: rows", len(rows), 16438)
    p20 = []
    cur = None
    def flush(q):
        if q and "Biden" in q["ans"] and "Trump" in q["ans"]:
            r = q["row"]
            p20.append(["2020", POLL_STATE_CODES[r["state"]], r["poll_id"], str(q["n"]),
                        r["pollster"], mdy_iso(r["start_date"]), mdy_iso(r["end_date"]),
                        r["population"], r["sample_size"], q["ans"]["Biden"], q["ans"]["Trump"]])
    qn = Counter()
    for r in rows:
        key = (r["poll_id"], r["population"], r["start_date"], r["end_date"], r["state"])
        if cur is None or cur["key"] != key or r["answer"] in cur["ans"]:
            flush(cur)
            qn[r["poll_id"]] += 1
            cur = {"key": key, "row": r, "ans": {}, "n": qn[r["poll_id"]]}
        cur["ans"][r["answer"]] = r["pct"]
    flush(cur)
    ck.eq("polls 2020: polls", len(set(r["poll_id"] for r in rows)), 4133)
    ck.eq("polls 2020: latest end date", max(r[6] for r in p20), "2020-11-02")
    # Only the election year's polls are shipped (2019's were mostly hypothetical).
    p20 = [r for r in p20 if r[6] >= "2020-01-01"]
    out["polls_2020.csv"] = (POLL_HEADER, p20)

    # raw-polls: presidential general-election polls (DEM vs REP) 2000-2020.
    # Each average (equal weights over its m polls) also gets the two terms
    # of its variance that depend on its polls (README, "Polls": the own
    # sd): pollster_weight = sum over pollsters of (its polls / m)^2, the
    # weight of an error shared by one pollster's polls; sampling_var =
    # sum over polls of p (1 - p) / n2 / m^2 in points^2, p the poll's
    # two-party share and n2 = samplesize * (cand1 + cand2) / 100 the
    # respondents choosing one of the two (simple random sampling).
    def avg_terms(rs):
        m = len(rs)
        per = defaultdict(int)
        for r in rs:
            per[r["pollster"]] += 1
        sv = 0.0
        for r in rs:
            c1, c2, n = float(r["cand1_pct"]), float(r["cand2_pct"]), float(r["samplesize"])
            ck.true("raw-polls %s: a sample size" % r["poll_id"], n > 0)
            p = c1 / (c1 + c2)
            sv += 1e4 * p * (1 - p) / (n * (c1 + c2) / 100)
        # other: the mean over its polls of the share for neither major
        # candidate (undecided and third parties), 100 - cand1 - cand2.
        other = sum(100 - float(r["cand1_pct"]) - float(r["cand2_pct"]) for r in rs) / m
        return ["%.6f" % (sum(c * c for c in per.values()) / (m * m)), "%.6f" % (sv / (m * m)),
                "%.4f" % other]

    rows = read_gz_csv(os.path.join(d, "raw-polls_538_1998_2022.csv.gz"))
    ck.eq("raw-polls: rows", len(rows), 11475)
    pres = [r for r in rows if r["type_simple"] == "Pres-G"]
    ck.true("raw-polls: presidential polls are DEM vs REP",
            all(r["cand1_party"] == "DEM" and r["cand2_party"] == "REP" for r in pres))
    loc = {"M1": "ME-1", "M2": "ME-2", "N2": "NE-2"}
    groups = defaultdict(list)
    for r in pres:
        if r["location"] == "US":
            continue
        groups[(int(r["year"]), loc.get(r["location"], r["location"]))].append(r)
    calib = []
    bias_margin = defaultdict(list)
    for (year, unit), rs in sorted(groups.items()):
        share = sum(float(r["cand1_pct"]) / (float(r["cand1_pct"]) + float(r["cand2_pct"]))
                    for r in rs) / len(rs)
        a1, a2 = float(rs[0]["cand1_actual"]), float(rs[0]["cand2_actual"])
        ck.true("raw-polls %d %s: one actual result" % (year, unit),
                all((r["cand1_actual"], r["cand2_actual"]) == (rs[0]["cand1_actual"], rs[0]["cand2_actual"])
                    for r in rs))
        calib.append([str(year), "pres", unit, str(len(rs)), "%.4f" % (100 * share),
                      "%.4f" % (100 * a1 / (a1 + a2))] + avg_terms(rs))
        if len(rs) >= 3 and "-" not in unit:  # states and DC, as the README
            bias_margin[year].append(sum(float(r["margin_poll"]) for r in rs) / len(rs) -
                                     float(rs[0]["margin_actual"]))
    # The shared README's figures (D-R margin, averages of >= 3 polls in a
    # state or DC; the district rows are shipped but not in these figures).
    got = {y: round(sum(v) / len(v), 2) for y, v in bias_margin.items()}
    ck.eq("raw-polls: bias of state averages by cycle (shared README)", got,
          {2000: -1.80, 2004: 1.24, 2008: 0.77, 2012: -2.16, 2016: 4.15, 2020: 3.92})
    ck.eq("raw-polls: state-cycles with >= 3 polls", sum(len(v) for v in bias_margin.values()), 216)
    # The share for neither nominee in the presidential state averages
    # (states and DC), mean by cycle: 2016 (Johnson, Stein, McMullin and
    # many undecided) the highest, 2020 the lowest.
    oth = defaultdict(list)
    for row in calib:
        if "-" not in row[2]:
            oth[int(row[0])].append(float(row[8]))
    ck.eq("raw-polls: mean other share of the state averages by cycle",
          {y: round(sum(v) / len(v), 2) for y, v in oth.items()},
          {2000: 11.47, 2004: 6.14, 2008: 6.25, 2012: 5.58, 2016: 13.92, 2020: 4.01})
    # The statewide races of the even years 1998-2022 (Senate and governor
    # general elections, regular and special, not runoffs; Democrat vs
    # Republican): one row per race, for the cycle-wide bias shared by all
    # of a cycle's races (README, "Polls": the error model).
    kinds = {"Sen-G": "sen", "Sen-GS": "sen", "Gov-G": "gov", "Gov-GS": "gov"}
    races = defaultdict(list)
    for r in rows:
        if (r["type_detail"] in kinds and int(r["year"]) % 2 == 0 and
                r["cand1_party"] == "DEM" and r["cand2_party"] == "REP"):
            races[(int(r["year"]), kinds[r["type_detail"]], r["location"], r["race"])].append(r)
    for (year, kind, unit, race), rs in sorted(races.items()):
        ck.true("raw-polls %s: one actual result" % race,
                len(set((r["cand1_actual"], r["cand2_actual"]) for r in rs)) == 1)
        share = sum(float(r["cand1_pct"]) / (float(r["cand1_pct"]) + float(r["cand2_pct"]))
                    for r in rs) / len(rs)
        a1, a2 = float(rs[0]["cand1_actual"]), float(rs[0]["cand2_actual"])
        calib.append([str(year), kind, unit, str(len(rs)), "%.4f" % (100 * share),
                      "%.4f" % (100 * a1 / (a1 + a2))] + avg_terms(rs))
    ck.eq("raw-polls: statewide Senate and governor races, even years",
          len(races), 654)
    out["polls_calib.csv"] = (["cycle", "race", "unit", "polls", "poll_share", "actual_share",
                               "pollster_weight", "sampling_var", "other"], calib)

    # 538's final 2020 state averages (11/3/2020), Biden and Trump.
    rows = read_gz_csv(os.path.join(d, "presidential_poll_averages_2020_538.csv.gz"))
    fin = defaultdict(dict)
    for r in rows:
        if r["modeldate"] != "11/3/2020" or r["state"] in ("National",) or "Convention" in r["state"]:
            continue
        code = POLL_STATE_CODES.get(r["state"], r["state"])
        fin[code][r["candidate_name"]] = r["pct_estimate"]
    avg = [[u, v["Joseph R. Biden Jr."], v["Donald Trump"]] for u, v in sorted(fin.items())]
    ck.eq("538 averages 2020: units", len(avg), 55)
    out["polls_538_2020.csv"] = (["unit", "dem", "rep"], avg)
    return out


# --------------------------------------------------------------------------
# main
# --------------------------------------------------------------------------

# --------------------------------------------------------------------------
# 9. history*.csv, census_seats.csv -- every election 1789-1972 (issue 15)
# --------------------------------------------------------------------------
# The elections before MEDSL's (1789-1972) from
# ../shared/data/president_state_1789_2020_clavesi.csv (electoral votes
# 1789-1972, popular votes 1824-1972: UCSB's American Presidency Project to
# 1920, the Clerk of the House from 1924), each state's total popular vote
# from president_state_total_votes_1824_2016_ucsb.csv and the errata of
# president_1789_2020_errata.csv.  1976-2020 stay on MEDSL/FEC: the file is
# only compared with them (printed, and summarized in data/README.md).

HISTORY_LAST = 1972  # the last year the historical tables carry

# National electoral votes named in ../shared/data/README.md (the clavesi
# section: "1824 99/84/41/37; 1876 Hayes 185 Tilden 184; 1888 233/168; 1960
# Kennedy 303 Nixon 219 Byrd 15"; "1789: 138 = 2 x 69") and the errata
# (1872: "Hendricks 42, Brown 18, Jenkins 2, Davis 1, Greeley 3 (GA, not
# counted)").  Cast totals, after the errata.
HISTORY_README_EV = {
    1789: {"George Washington": 69},
    1824: {"Andrew Jackson": 99, "John Quincy Adams": 84, "William H. Crawford": 41, "Henry Clay": 37},
    1876: {"Rutherford B. Hayes": 185, "Samuel Tilden": 184},
    1888: {"Benjamin Harrison": 233, "Grover Cleveland": 168},
    1960: {"John F. Kennedy": 303, "Richard Nixon": 219, "Harry Byrd": 15},
    1872: {"Ulysses S. Grant": 286, "Thomas Hendricks": 42, "B. Gratz Brown": 18,
           "Charles Jenkins": 2, "David Davis": 1},
}
HISTORY_README_VOTES_1789 = 138  # "1789: 138 = 2 x 69"

# Party labels fixed (typo) or replaced where the file's word is not a party.
HISTORY_PARTY = {
    "Constituional Union": "Constitutional Union",
    "Faithless": "",
    "Libertarian / Faithless": "Libertarian",
    "Various": "",
}
HISTORY_PARTY_BY_NAME = {(1960, "Harry Byrd"): "Unpledged electors"}

# Electors who voted otherwise than they were chosen to (pledged, cast,
# electors, counted, note).  1872 from the errata file (national split
# confirmed there; the per-state split is marked unverified in it); the
# others are the faithless electors of the National Archives' record, which
# the file shows only as the votes cast.
HISTORY_CAST = [
    (1872, "GA", "Horace Greeley", "B. Gratz Brown", 6, 1, "Greeley died before the electors met"),
    (1872, "GA", "Horace Greeley", "Charles Jenkins", 2, 1, "Greeley died before the electors met"),
    (1872, "GA", "Horace Greeley", "Horace Greeley", 3, 0,
     "voted for Greeley, who had died; Congress did not count them"),
    (1872, "KY", "Horace Greeley", "Thomas Hendricks", 8, 1, "Greeley died before the electors met"),
    (1872, "KY", "Horace Greeley", "B. Gratz Brown", 4, 1, "Greeley died before the electors met"),
    (1872, "MD", "Horace Greeley", "Thomas Hendricks", 8, 1, "Greeley died before the electors met"),
    (1872, "MO", "Horace Greeley", "Thomas Hendricks", 6, 1, "Greeley died before the electors met"),
    (1872, "MO", "Horace Greeley", "B. Gratz Brown", 8, 1, "Greeley died before the electors met"),
    (1872, "MO", "Horace Greeley", "David Davis", 1, 1, "Greeley died before the electors met"),
    (1872, "TN", "Horace Greeley", "Thomas Hendricks", 12, 1, "Greeley died before the electors met"),
    (1872, "TX", "Horace Greeley", "Thomas Hendricks", 8, 1, "Greeley died before the electors met"),
    (1948, "TN", "Harry Truman", "Strom Thurmond", 1, 1, "faithless elector"),
    (1956, "AL", "Adlai Stevenson", "Walter Jones", 1, 1, "faithless elector"),
    (1960, "OK", "Richard Nixon", "Harry Byrd", 1, 1, "faithless elector"),
    (1968, "NC", "Richard Nixon", "George Wallace", 1, 1, "faithless elector"),
    (1972, "VA", "Richard Nixon", "John Hospers", 1, 1, "faithless elector"),
]

# Contingent elections as the record has them (House and Senate Journals).
HISTORY_CONTINGENT = [
    (1800, "President", "House", "Thomas Jefferson", 36,
     "the House chose Thomas Jefferson on the 36th ballot (February 17, 1801), 10 state delegations of 16; "
     "Aaron Burr became Vice President"),
    (1824, "President", "House", "John Quincy Adams", 1,
     "the House chose John Quincy Adams on the first ballot (February 9, 1825), 13 state delegations of 24"),
    (1836, "Vice President", "Senate", "Richard M. Johnson", 1,
     "no candidate for Vice President had a majority of electoral votes; the Senate chose Richard M. Johnson "
     "(February 8, 1837), 33 votes to Francis Granger's 16"),
]

# Notes from the record that the tables cannot say by themselves.
HISTORY_NOTES = [
    (1789, "New York appointed no electors (its legislature deadlocked); North Carolina and Rhode Island had "
           "not yet ratified the Constitution"),
    (1872, "Arkansas's and Louisiana's electoral votes were not counted (election irregularities); their "
           "popular votes are in the national count"),
    (1872, "the per-state split of Greeley's 66 electors is marked unverified in the shared errata "
           "(the national split is confirmed)"),
    (1876, "disputed returns: Florida (4), Louisiana (8), South Carolina (7) and one Oregon elector were "
           "awarded to Hayes by the Electoral Commission (Act of January 29, 1877); counted as awarded"),
    (1876, "Colorado, admitted in 1876, chose its electors by the legislature (not enough time to organize "
           "an election)"),
    (1868, "Florida's legislature chose its electors (no popular election during Reconstruction)"),
    (1960, "Alabama's Democratic vote is the vote of its top Democratic elector (324,050), all counted for "
           "Kennedy here (the Clerk's convention); 6 of its 11 Democratic electors were unpledged and voted "
           "for Byrd"),
    (1960, "Mississippi's unpledged Democratic electors won its popular vote and voted for Byrd"),
    (1960, "Wyoming's Nixon vote is 77,451, correcting the file's 76,551 (a typo; shared errata)"),
]

# Errata applied to the counts (year, unit, candidate, field, from, to).
HISTORY_ERRATA = [(1960, "WY", "Richard Nixon", "popular_votes", 76551, 77451)]


def history_name(name):
    """The file's display names, with the 1872 electors' choices spelled as in
    HISTORY_CAST; "Others" stays."""
    return name


def build_history(shared, results, ck):
    src = read_csv(os.path.join(shared, "president_state_1789_2020_clavesi.csv"))
    totals = {}
    for r in read_csv(os.path.join(shared, "president_state_total_votes_1824_2016_ucsb.csv")):
        totals[(int(r["year"]), r["state_po"])] = to_int(r["total_votes"], "ucsb total")
    errata = read_csv(os.path.join(shared, "president_1789_2020_errata.csv"))
    ck.true("errata: WY 1960 Nixon 76551 -> 77451 listed",
            any(e["year"] == "1960" and e["state_po"] == "WY" and e["suggested_value"] == "77451" for e in errata))

    by = {}       # (year, unit) -> list of rows
    nat = {}      # (year, name) -> (votes, ev) from the US rows
    for r in src:
        y = int(r["year"])
        ev = int(r["electoral_votes"]) if r["electoral_votes"] else None
        pv = int(r["popular_votes"]) if r["popular_votes"] else None
        if r["state_po"] == "US":
            nat[(y, r["candidate"])] = (pv, ev)
            continue
        by.setdefault((y, r["state_po"]), []).append(dict(r, ev=ev, pv=pv))

    # Check: the states add up to the file's own US rows, every year and candidate.
    sums = Counter()
    for (y, u), rows in by.items():
        for r in rows:
            sums[(y, r["candidate"])] += r["ev"] or 0
    bad = [(k, sums[k], v[1]) for k, v in nat.items() if (v[1] or 0) != sums[k]]
    ck.eq("history: state electoral votes add up to the file's US rows (every year, candidate)", bad, [])
    ck.eq("history: 1789 electoral votes cast (2 per elector)",
          sum(v for (y, n), v in sums.items() if y == 1789), HISTORY_README_VOTES_1789)

    years = sorted({y for (y, u) in by if y <= HISTORY_LAST})
    rows_out, units_out = [], []
    cast = [c for c in HISTORY_CAST]
    for y in years:
        two = y <= 1800
        for u in sorted(u for (yy, u) in by if yy == y):
            rows = by[(y, u)]
            notes = {r["note"] for r in rows}
            if notes & {"Constitution not ratified"}:
                continue  # not yet a state of the Union
            if notes & {"Electors not chosen"}:
                continue  # appointed no electors (a note says so)
            legislature = all(r["pv"] is None for r in rows)
            counted = not (notes & {"Election irregularities"})
            # Electors as chosen: the record's votes, undoing the electors who
            # voted otherwise (HISTORY_CAST), except 1872 where the file
            # already has Greeley's electors as chosen.
            ev = Counter()
            for r in rows:
                ev[r["candidate"]] += r["ev"] or 0
            for (cy, cu, pledged, to, n, cnt, note) in cast:
                if cy == y and cu == u and cy != 1872:
                    ev[to] -= n
                    ev[pledged] += n
            if any(v < 0 for v in ev.values()):
                die("history %d %s: negative electors after the cast records" % (y, u))
            electors = sum(ev.values())
            if two:
                if electors % 2:
                    die("history %d %s: odd number of votes before the 12th Amendment" % (y, u))
                electors //= 2
            listed = 0
            for r in rows:
                name = r["candidate"]
                party = HISTORY_PARTY.get(r["party"], r["party"])
                party = HISTORY_PARTY_BY_NAME.get((y, name), party)
                pv = r["pv"]
                for (ey, eu, en, field, old, new) in HISTORY_ERRATA:
                    if (ey, eu, en, field) == (y, u, name, "popular_votes"):
                        ck.eq("history: erratum %d %s %s in the file" % (y, u, name), pv, old)
                        pv = new
                if pv is not None:
                    listed += pv
                e = ev[name] if counted else 0
                if (pv or 0) == 0 and e == 0:
                    continue
                rows_out.append((y, u, name if name != "Others" else OTHERS, party,
                                 "" if pv is None else pv, e))
            total = totals.get((y, u))
            note = ""
            tot_field = ""
            if not legislature and total is not None:
                tot_field = total
                if total > listed:
                    rows_out.append((y, u, OTHERS, "", total - listed, 0))
                elif total < listed:
                    note = "others unknown: UCSB's total %d is below the listed candidates' %d" % (total, listed)
            elif not legislature and total is None and y <= 2016:
                note = "no UCSB total: others unknown"
            how = "legislature" if legislature else ("popular" if counted else "not counted")
            units_out.append((y, u, how, electors if counted else 0, tot_field, note))

    # Electoral votes as cast, nationally, from these tables.
    def cast_totals(y):
        tot = Counter()
        for (yy, u, n, p, v, e) in rows_out:
            if yy == y:
                tot[n] += e
        for (cy, cu, pledged, to, n, cnt, note) in cast:
            if cy == y:
                tot[pledged] -= n
                if cnt:
                    tot[to] += n
        return {k: v for k, v in tot.items() if v}

    for y, want in sorted(HISTORY_README_EV.items()):
        got = cast_totals(y)
        ck.eq("history: %d electoral votes (shared README)" % y, {k: got.get(k, 0) for k in want}, want)
    ck.eq("history: 1800 Jefferson and Burr votes", {k: v for k, v in cast_totals(1800).items()
                                                     if k in ("Thomas Jefferson", "Aaron Burr")},
          {"Thomas Jefferson": 73, "Aaron Burr": 73})
    # Every year but 1872 (errata) equals the file's US rows as cast.
    mism = []
    for y in years:
        got = cast_totals(y)
        want = {n: ev for (yy, n), (pv, ev) in nat.items() if yy == y and ev}
        if y != 1872 and got != want:
            mism.append(y)
    ck.eq("history: national electoral votes as cast = the file's US rows (all years but 1872)", mism, [])
    # National popular votes: the states that voted add up to the US rows,
    # except where the errata changed a count (WY 1960).
    pv_mism = []
    for (y, n), (pv, ev) in sorted(nat.items()):
        if y > HISTORY_LAST or pv is None or n == OTHERS:
            continue
        got = sum(v for (yy, u, nn, p, v, e) in rows_out if yy == y and nn == n and v != "")
        fix = sum(new - old for (ey, eu, en, f, old, new) in HISTORY_ERRATA if ey == y and en == n)
        if got != pv + fix:
            pv_mism.append((y, n, got, pv + fix))
    ck.eq("history: national popular votes = the file's US rows (+ errata)", pv_mism, [])

    # 1976-2020: the historical file against the MEDSL rows (report only).
    diff_years = []
    check_rows = []  # (year, unit, nominee, record, medsl) where they differ
    for y in range(1976, 2021, 4):
        med = Counter()
        for (yy, s, u, n, p, v) in results:
            if yy == y and s == "medsl" and "-" not in u:
                med[(u, n)] += v
        same = 0
        n_units = 0
        diffs = []
        for (yy, u), rows in by.items():
            if yy != y:
                continue
            n_units += 1
            top = [r for r in rows if r["pv"] and r["candidate"] in NOMINEES.get(y, ())]
            if top and all(med.get((u, r["candidate"])) == r["pv"] for r in top):
                same += 1
            else:
                diffs.append(u)
                for r in top:
                    if med.get((u, r["candidate"])) != r["pv"]:
                        check_rows.append((y, u, r["candidate"], r["pv"], med.get((u, r["candidate"]), "")))
        diff_years.append((y, same, n_units))
        print("info  history vs MEDSL %d: %d of %d units equal for both nominees; differ: %s"
              % (y, same, n_units, " ".join(sorted(diffs)) or "none"))

    census_rows = []
    for r in read_csv(os.path.join(shared, "census_seats_1790_2020.csv")):
        census_rows.append((int(r["census_year"]), r["state_po"], int(r["seats"]),
                            int(r["resident_population"])))
    census_rows.sort()
    seat_tot = Counter()
    for (c, u, s, p) in census_rows:
        seat_tot[c] += s
    ck.eq("census_seats: House sizes (shared README)",
          [seat_tot[c] for c in (1790, 1800, 1810, 1820, 1830, 1840, 1850, 1860, 1870, 1880, 1890, 1900, 1910)],
          [105, 142, 182, 213, 240, 223, 234, 241, 292, 325, 356, 386, 435])
    ck.true("census_seats: 435 from 1930 (no 1920 reapportionment)",
            all(seat_tot[c] == 435 for c in seat_tot if c >= 1930) and 1920 not in seat_tot)

    ck.eq("history: state-years whose others are unknown (shared README: 14)",
          sum(1 for r in units_out if r[5].startswith("others unknown")), 14)
    rows_out.sort(key=lambda r: (r[0], r[1], -(r[4] if r[4] != "" else -1), -r[5], r[2] == OTHERS, r[2]))
    units_out.sort()
    cast_out = sorted((y, u, p, t, n, c, note) for (y, u, p, t, n, c, note) in cast)
    contingent = sorted(HISTORY_CONTINGENT)
    notes = [(y, i + 1, t) for i, (y, t) in enumerate(HISTORY_NOTES)]
    notes.sort()
    # Years whose states were absent from the year before (secession,
    # Reconstruction), as notes.
    prev = set()
    for y in years:
        have = {u for (yy, u, how, e, t, n) in units_out if yy == y}
        gone = sorted(prev - have)
        if gone:
            notes.append((y, 0, "no electoral votes counted from %s (%d states that had voted before: "
                                "secession and Reconstruction)" % (", ".join(gone), len(gone))))
        prev |= have
    notes.sort()
    notes = [(y, t) for (y, i, t) in notes]
    ck.eq("history vs MEDSL: state-years that differ (data/README)",
          sorted({(y, u) for (y, u, n, a, b) in check_rows}),
          [(1976, "IA"), (1976, "IN"), (1980, "NY"), (1984, "NY"), (1988, "NY"), (1992, "FL"),
           (1992, "NY"), (2004, "NY"), (2004, "SC"), (2012, "NY"), (2016, "MD"), (2016, "NY"),
           (2020, "GA"), (2020, "MS"), (2020, "NC"), (2020, "NY"), (2020, "WI")])
    check_rows.sort()
    return rows_out, units_out, cast_out, contingent, notes, census_rows, check_rows


def history_outputs(history):
    rows, units, cast, contingent, notes, census_rows, check_rows = history
    return {
        "history.csv": csv_text(["year", "unit", "name", "party", "votes", "electors"], rows),
        "history_units.csv": csv_text(["year", "unit", "chosen_by", "electors", "total_votes", "note"], units),
        "history_cast.csv": csv_text(["year", "unit", "pledged", "cast", "electors", "counted", "note"], cast),
        "history_contingent.csv": csv_text(["year", "office", "chamber", "chosen", "ballot", "note"], contingent),
        "history_notes.csv": csv_text(["year", "note"], notes),
        "census_seats.csv": csv_text(["census", "unit", "seats", "resident"], census_rows),
        "history_check.csv": csv_text(["year", "unit", "name", "record", "medsl"], check_rows),
    }


# Running mates (Vice-Presidential nominees) 1976-2024, for the Senate's choice
# of the Vice President in a contingent election (12th Amendment).  The
# Democratic and Republican tickets are from the National Archives' Electoral
# College results, www.archives.gov/electoral-college/YEAR (the "Vice
# President" and "V.P. Opponent" of each year); the other tickets are the
# running mates the candidates named on the ballot (the ticket as the FEC's
# "Federal Elections YEAR" and the states' certified ballots list it).
RUNNING_MATES_ARCHIVES = {
    1976: (("Jimmy Carter", "Walter Mondale"), ("Gerald Ford", "Bob Dole")),
    1980: (("Jimmy Carter", "Walter Mondale"), ("Ronald Reagan", "George H. W. Bush")),
    1984: (("Walter Mondale", "Geraldine Ferraro"), ("Ronald Reagan", "George H. W. Bush")),
    1988: (("Michael Dukakis", "Lloyd Bentsen"), ("George H. W. Bush", "Dan Quayle")),
    1992: (("Bill Clinton", "Al Gore"), ("George H. W. Bush", "Dan Quayle")),
    1996: (("Bill Clinton", "Al Gore"), ("Bob Dole", "Jack Kemp")),
    2000: (("Al Gore", "Joe Lieberman"), ("George W. Bush", "Dick Cheney")),
    2004: (("John Kerry", "John Edwards"), ("George W. Bush", "Dick Cheney")),
    2008: (("Barack Obama", "Joe Biden"), ("John McCain", "Sarah Palin")),
    2012: (("Barack Obama", "Joe Biden"), ("Mitt Romney", "Paul Ryan")),
    2016: (("Hillary Clinton", "Tim Kaine"), ("Donald Trump", "Mike Pence")),
    2020: (("Joe Biden", "Kamala Harris"), ("Donald Trump", "Mike Pence")),
    2024: (("Kamala Harris", "Tim Walz"), ("Donald Trump", "JD Vance")),
}
RUNNING_MATES_BALLOT = [
    (1976, "Eugene McCarthy", ""),  # no single running mate: varied by state
    (1976, "Roger MacBride", "David Bergland"),
    (1980, "John B. Anderson", "Patrick Lucey"),
    (1980, "Ed Clark", "David Koch"),
    (1984, "David Bergland", "Jim Lewis"),
    (1988, "Ron Paul", "Andre Marrou"),
    (1988, "Lenora Fulani", "Joyce Dattner"),
    (1992, "Ross Perot", "James Stockdale"),
    (1992, "Andre Marrou", "Nancy Lord"),
    (1996, "Ross Perot", "Pat Choate"),
    (1996, "Ralph Nader", "Winona LaDuke"),
    (1996, "Harry Browne", "Jo Jorgensen"),
    (2000, "Ralph Nader", "Winona LaDuke"),
    (2000, "Pat Buchanan", "Ezola Foster"),
    (2000, "Harry Browne", "Art Olivier"),
    (2004, "Ralph Nader", "Peter Camejo"),
    (2004, "Michael Badnarik", "Richard Campagna"),
    (2008, "Ralph Nader", "Matt Gonzalez"),
    (2008, "Bob Barr", "Wayne Allyn Root"),
    (2012, "Gary Johnson", "Jim Gray"),
    (2012, "Jill Stein", "Cheri Honkala"),
    (2016, "Gary Johnson", "Bill Weld"),
    (2016, "Jill Stein", "Ajamu Baraka"),
    (2016, "Evan McMullin", "Mindy Finn"),
    (2020, "Jo Jorgensen", "Spike Cohen"),
    (2020, "Howie Hawkins", "Angela Walker"),
    (2024, "Robert F. Kennedy Jr.", "Nicole Shanahan"),
    (2024, "Jill Stein", "Butch Ware"),
    (2024, "Chase Oliver", "Mike ter Maat"),
]


def build_running_mates(results, ck):
    """data/running_mates.csv: year, candidate (as results.csv names them),
    running mate and source; only candidates that are in results.csv."""
    names = {(y, n) for (y, s, u, n, p, v) in results}
    out = []
    for year, tickets in sorted(RUNNING_MATES_ARCHIVES.items()):
        ck.eq("running mates %d: the Archives' tickets are the nominees" % year,
              (tickets[0][0], tickets[1][0]), NOMINEES[year])
        for cand, mate in tickets:
            out.append((year, cand, mate, "archives.gov/electoral-college/%d" % year))
    for year, cand, mate in RUNNING_MATES_BALLOT:
        if not mate:
            continue
        ck.true("running mate %d %s: a candidate of results.csv" % (year, cand), (year, cand) in names)
        out.append((year, cand, mate, "ballot"))
    out.sort()
    return out


def build_congress(shared, ck):
    """data/congress.csv: the House delegations and the Senate by party in
    each state at the convening of the Congress seated after each
    presidential election 1976-2024 (from congress_delegations_95_119.csv:
    the 95th, convened 1977, for 1976, ... the 119th, 2025, for 2024)."""
    fn = "congress_delegations_95_119.csv"
    out = []
    for i, r in enumerate(read_csv(os.path.join(shared, fn)), 2):
        convened = to_int(r["year"], "%s:%d" % (fn, i))
        if (convened - 1) % 4 != 0:
            continue  # a Congress seated after a midterm
        out.append((convened - 1, to_int(r["congress"], fn), r["state"])
                   + tuple(to_int(r[k], "%s:%d" % (fn, i)) for k in
                           ("house_r", "house_d", "house_other", "senate_r", "senate_d", "senate_other")))
    out.sort()

    def tally(year):
        rows = [x for x in out if x[0] == year]
        r = sum(1 for x in rows if x[3] > x[4] + x[5])
        d = sum(1 for x in rows if x[4] > x[3] + x[5])
        return (len(rows), r, d, len(rows) - r - d)

    ck.eq("congress: elections 1976-2024", sorted({x[0] for x in out}), list(range(1976, 2025, 4)))
    for y in range(1976, 2025, 4):
        ck.eq("congress %d: 50 delegations, seats 435 at most" % y,
              (tally(y)[0], sum(x[3] + x[4] + x[5] <= 53 for x in out if x[0] == y)), (50, 50))
    # data/README: 115th R 32, D 17, tied 1; 117th R 27, D 20, tied 3;
    # 119th R 30, D 18, tied 2.
    ck.eq("congress 2016 (115th) delegations R, D, tied", tally(2016)[1:], (32, 17, 1))
    ck.eq("congress 2020 (117th) delegations R, D, tied", tally(2020)[1:], (27, 20, 3))
    ck.eq("congress 2024 (119th) delegations R, D, tied", tally(2024)[1:], (30, 18, 2))
    ck.eq("congress 2020 (117th) Senate R, D, other at convening",
          tuple(sum(x[k] for x in out if x[0] == 2020) for k in (6, 7, 8)), (51, 46, 2))
    return out


def main(argv):
    if len(argv) > 2:
        die("usage: python3 data/mkdata.py [SHARED_DATA_DIR]")
    shared = argv[1] if len(argv) == 2 else os.path.join(REPO, "..", "shared", "data")
    shared = os.path.normpath(shared)
    reference = os.path.normpath(os.path.join(shared, "..", "reference"))
    if not os.path.isdir(shared):
        die("shared data directory %s not found" % shared)
    ck = Checks()

    results, dist, tally = build_results(shared, ck)
    check_results(results, dist, ck)
    electors = build_electors(shared, ck)
    census = build_census(shared, electors, ck)
    dc = build_dc(shared, ck)
    cast = build_cast()
    record = build_district_record(results, electors, ck)
    check_electoral_votes(results, electors, record, cast, shared, ck)
    npv = build_npv(reference, electors, ck)
    corr = build_corr(shared, ck)
    regions = build_regions(shared, ck)
    # Counties and congressional districts (data/mkdata_counties.py).
    sv = defaultdict(int)
    names = defaultdict(set)
    for (y, s, u, n, p, v) in results:
        if s == "medsl":
            sv[(y, u, n)] += v
            names[(y, u)].add(n)
    resident = {(r[0], r[1]): r[2] for r in census}
    counties, county_results, county_names = mkdata_counties.build_counties(
        shared, lambda y, u, n: sv[(y, u, n)], NOMINEES, resident, ck)
    districts = mkdata_counties.build_districts(
        shared, lambda y, u, n: sv[(y, u, n)], lambda y, u: len(names[(y, u)]),
        NOMINEES, ck)
    polls = build_polls(shared, ck)
    history = build_history(shared, results, ck)
    geo = mkdata_geo.build_geo(
        shared, {f: po for po, f in mkdata_counties._state_fips(shared).items()}, ck)
    congress = build_congress(shared, ck)
    running_mates = build_running_mates(results, ck)

    if ck.failed:
        print("\nmkdata: %d check(s) FAILED, nothing written:" % len(ck.failed), file=sys.stderr)
        for f in ck.failed:
            print("  - " + f, file=sys.stderr)
        sys.exit(1)

    outputs = {
        "results.csv": csv_text(["year", "source", "unit", "name", "party", "votes"], results),
        "electors.csv": csv_text(["census", "first_election", "last_election", "unit", "seats", "electors"],
                                 electors),
        "census.csv": csv_text(["census", "unit", "resident", "overseas", "population", "seats"], census),
        "dc.csv": csv_text(["census", "resident"], dc),
        "cast.csv": csv_text(["year", "unit", "pledged", "cast", "electors", "note"], cast),
        "district_record.csv": csv_text(["year", "unit", "winner", "note"], record),
        "npv.csv": csv_text(["unit", "enacted"], npv),
        "congress.csv": csv_text(["election", "congress", "state", "house_r", "house_d", "house_other",
                                  "senate_r", "senate_d", "senate_other"], congress),
        "running_mates.csv": csv_text(["year", "candidate", "running_mate", "source"], running_mates),
        "regions.csv": csv_text(["unit", "census4", "census9"], regions),
        "counties.csv": csv_text(["fips", "state", "name", "pop2000", "pop2010", "pop2020"],
                                 counties),
        "county_results.csv": csv_text(["year", "source", "fips"] + mkdata_counties.COLUMNS
                                       + ["total"], county_results),
        "county_names.csv": csv_text(["year", "source", "party", "name"], county_names),
        "district_results.csv": csv_text(["year", "cd", "dem", "rep", "total", "counts"],
                                         districts),
    }
    outputs.update({k: csv_text(h, r) for k, (h, r) in polls.items()})
    outputs.update(history_outputs(history))
    outputs.update({k: csv_text(h, r) for k, (h, r) in geo.items()})
    for name, text in sorted(outputs.items()):
        write(name, text.encode("utf-8"))
    write("corr_economist_2020.csv", corr)
    print("\nmkdata: all %d checks passed; wrote %d files to %s" % (ck.passed, len(outputs) + 1, OUT_DIR))


def write(name, data):
    path = os.path.join(OUT_DIR, name)
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, path)
    nrows = len(data.splitlines()) - 1
    print("wrote data/%s (%d bytes, %d rows)" % (name, len(data), nrows))


if __name__ == "__main__":
    main(sys.argv)
