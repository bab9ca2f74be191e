"""mkdata_geo.py -- state and county shapes for tally's geographic maps.

Imported by data/mkdata.py, which calls build_geo and writes what it returns
only if every check passes.  Python 3 standard library.

Source: us-atlas 3.0.1 (Mike Bostock, ISC licence), counties-albers-10m.json:
the Census Bureau's cartographic boundary files, 2017 edition, as one TopoJSON
topology (counties, and states merged from them, sharing arcs), projected by
d3.geoAlbersUsa().scale(1300).translate([487.5, 305]) into a 975 x 610 frame.

Method (data/README.md, "geo_arcs.csv, geo_shapes.csv"):
  1. decode the arcs (quantized, delta-encoded: TopoJSON specification 2.1.2)
     into frame pixels, and round every point to a grid of 1/10 pixel;
  2. simplify each arc, not each polygon, by Visvalingam and Whyatt (1993):
     repeatedly drop the interior point whose triangle with its neighbours
     has the smallest area, while that area is under SIMPLIFY_PX2 square
     pixels; an arc's two ends are never dropped, so neighbours still meet;
     the arcs of a county whose largest ring is under SMALL_PX2 square
     pixels (Virginia's small independent cities) are not simplified, so
     that none collapses;
  3. drop an island (a ring made of one closed arc) of less than
     ISLAND_PX2 square pixels from every shape that has it, unless it is
     the largest polygon of one of them;
  4. Alaska is one unit in the county returns (house districts, not
     boroughs): the county layer has one shape 02000, the state's, in place
     of its boroughs.

Outputs:
  geo_arcs.csv    arc,points: the arc's points as Google's encoded polyline
                  (the first point absolute, then differences), x then y, in
                  tenths of a pixel of the 975 x 610 frame
  geo_shapes.csv  layer,code,state,name,label_x,label_y,arcs: one row per
                  state (layer "state", code the postal code) or county
                  (layer "county", code the 5-digit FIPS); arcs lists the
                  polygons (separated by " "), their rings (by ";", the
                  outer ring first) and each ring's arcs as in TopoJSON
                  (~i, that is -i-1, is arc i reversed), written as an
                  encoded polyline of the differences between successive
                  arc numbers (the first from 0); label_x/label_y (states
                  only) is a point well inside the largest polygon
"""

import io
import json
import os
import tarfile

ATLAS = "us-atlas-3.0.1.tgz"
MEMBER = "package/counties-albers-10m.json"
UNIT = 10              # grid: tenths of a pixel
SIMPLIFY_PX2 = 0.5     # Visvalingam threshold, square pixels
ISLAND_PX2 = 0.5       # islands smaller than this are dropped, square pixels
SMALL_PX2 = 5.0        # the arcs of a county smaller than this stay whole


def _decode_arcs(topo):
    """TopoJSON arcs -> lists of (x, y) on the 1/UNIT-pixel grid."""
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            p = (round((x * sx + tx) * UNIT), round((y * sy + ty) * UNIT))
            if not pts or pts[-1] != p:
                pts.append(p)
        if len(pts) == 1:
            pts.append(pts[0])   # a degenerate arc keeps both ends
        arcs.append(pts)
    return arcs


def _tri2(a, b, c):
    """Twice the area of triangle abc (exact, integers)."""
    return abs((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1]))


def _visvalingam(pts, limit2):
    """Drops interior points while the smallest effective area (twice, in
    grid units squared) is under limit2; keeps both ends, and at least 4
    points of a closed arc so that a ring stays a ring."""
    n = len(pts)
    closed = pts[0] == pts[-1]
    keep_min = 4 if closed else 2
    if n <= keep_min:
        return list(pts)
    import heapq
    prev = list(range(-1, n - 1))
    nxt = list(range(1, n + 1))
    area = [None] * n
    heap = []
    for i in range(1, n - 1):
        area[i] = _tri2(pts[i - 1], pts[i], pts[i + 1])
        heapq.heappush(heap, (area[i], i))
    alive = n
    removed = [False] * n
    floor = 0   # an effective area never falls below the last one removed
    while heap and alive > keep_min:
        a, i = heapq.heappop(heap)
        if removed[i] or a != area[i]:
            continue
        if a >= limit2:
            break
        floor = max(floor, a)
        removed[i] = True
        alive -= 1
        p, q = prev[i], nxt[i]
        nxt[p] = q
        prev[q] = p
        for j in (p, q):
            if 0 < j < n - 1:
                area[j] = max(floor, _tri2(pts[prev[j]], pts[j], pts[nxt[j]]))
                heapq.heappush(heap, (area[j], j))
    return [pts[i] for i in range(n) if not removed[i]]


def _enc(v):
    """Google's encoded polyline algorithm for one signed integer."""
    v = ~(v << 1) if v < 0 else v << 1
    out = []
    while v >= 0x20:
        out.append(chr((0x20 | (v & 0x1F)) + 63))
        v >>= 5
    out.append(chr(v + 63))
    return "".join(out)


def _ring_points(arcs, ring):
    pts = []
    for r in ring:
        a = arcs[r] if r >= 0 else arcs[~r][::-1]
        pts.extend(a if not pts else a[1:])
    return pts


def _area2(pts):
    """Twice the signed area of a closed ring (shoelace)."""
    s = 0
    for i in range(len(pts) - 1):
        s += pts[i][0] * pts[i + 1][1] - pts[i + 1][0] * pts[i][1]
    return s


def _polygons(geom):
    if geom["type"] == "Polygon":
        return [geom["arcs"]]
    if geom["type"] == "MultiPolygon":
        return geom["arcs"]
    return []


def _inside(pt, rings):
    """Even-odd point-in-polygon test over all rings."""
    x, y = pt
    c = False
    for pts in rings:
        for i in range(len(pts) - 1):
            (x1, y1), (x2, y2) = pts[i], pts[i + 1]
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                c = not c
    return c


def _seg_dist2(p, a, b):
    dx, dy = b[0] - a[0], b[1] - a[1]
    t = 0.0
    if dx or dy:
        t = max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)))
    ex, ey = a[0] + t * dx - p[0], a[1] + t * dy - p[1]
    return ex * ex + ey * ey


def _label(rings):
    """A point inside the polygon far from its edges: the best of a 40 x 40
    grid over its bounding box (a coarse pole of inaccessibility)."""
    xs = [p[0] for p in rings[0]]
    ys = [p[1] for p in rings[0]]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    best, best_d = None, -1.0
    for i in range(40):
        for j in range(40):
            p = (x0 + (x1 - x0) * (i + 0.5) / 40, y0 + (y1 - y0) * (j + 0.5) / 40)
            if not _inside(p, rings):
                continue
            d = min(_seg_dist2(p, r[k], r[k + 1]) for r in rings for k in range(len(r) - 1))
            if d > best_d:
                best, best_d = p, d
    if best is None:
        best = ((x0 + x1) / 2, (y0 + y1) / 2)
    return round(best[0]), round(best[1])


def _fmt_polys(polys):
    """Polygons joined by " ", rings by ";"; a ring is its arc numbers as
    an encoded polyline of differences (the first from 0)."""
    def ring(r):
        return "".join(_enc(a - b) for a, b in zip(r, [0] + r[:-1]))
    return " ".join(";".join(ring(r) for r in poly) for poly in polys)


def build_geo(shared, po_of_fips, ck):
    """Returns {file name: (header, rows)} for geo_arcs.csv and
    geo_shapes.csv; po_of_fips maps a 2-digit state FIPS to its postal code."""
    with tarfile.open(os.path.join(shared, ATLAS), "r:gz") as tf:
        topo = json.load(io.TextIOWrapper(tf.extractfile(MEMBER), encoding="utf-8"))
    raw = _decode_arcs(topo)
    n_raw = sum(len(a) for a in raw)
    states = topo["objects"]["states"]["geometries"]
    counties = topo["objects"]["counties"]["geometries"]
    whole = set()
    for g in counties:
        polys = _polygons(g)
        if max(abs(_area2(_ring_points(raw, p[0])))
               for p in polys) < 2 * SMALL_PX2 * UNIT * UNIT:
            whole.update(a if a >= 0 else ~a for p in polys for r in p for a in r)
    arcs = [a if i in whole else _visvalingam(a, 2 * SIMPLIFY_PX2 * UNIT * UNIT)
            for i, a in enumerate(raw)]
    ck.eq("us-atlas counties-albers-10m: arcs", len(arcs), 9462)
    ck.eq("us-atlas: states and DC", len(states), 51)
    ck.eq("us-atlas: counties", len(counties), 3142)

    # Layers: (layer, code, state, name, polygons).
    shapes = []
    for g in sorted(states, key=lambda g: po_of_fips[g["id"]]):
        po = po_of_fips[g["id"]]
        shapes.append(["state", po, po, g["properties"]["name"], _polygons(g)])
    ak = next(s for s in shapes if s[1] == "AK")
    n_boroughs = 0
    for g in counties:
        if g["id"].startswith("02"):
            n_boroughs += 1
            continue
        po = po_of_fips[g["id"][:2]]
        shapes.append(["county", g["id"], po, g["properties"]["name"], _polygons(g)])
    shapes.append(["county", "02000", "AK", "Alaska", ak[4]])
    shapes[51:] = sorted(shapes[51:], key=lambda s: s[1])
    ck.eq("us-atlas: Alaska's boroughs and census areas, drawn as one unit 02000",
          n_boroughs, 29)

    # Islands: one closed arc as a whole ring, under ISLAND_PX2.
    def largest(polys):
        return max(range(len(polys)),
                   key=lambda k: abs(_area2(_ring_points(arcs, polys[k][0]))))
    protected = set()
    for s in shapes:
        ring = s[4][largest(s[4])][0]
        protected.update(a if a >= 0 else ~a for a in ring)
    small = set()
    for i, a in enumerate(arcs):
        if a[0] == a[-1] and i not in protected and \
                abs(_area2(a)) < 2 * ISLAND_PX2 * UNIT * UNIT:
            small.add(i)
    n_dropped = 0
    for s in shapes:
        kept = []
        for poly in s[4]:
            if len(poly[0]) == 1 and (poly[0][0] if poly[0][0] >= 0 else ~poly[0][0]) in small:
                n_dropped += 1
                continue
            kept.append([r for r in poly
                         if not (len(r) == 1 and (r[0] if r[0] >= 0 else ~r[0]) in small)])
        s[4] = kept
    # Renumber the arcs still in use, in order of first use.
    used = {}
    for s in shapes:
        for poly in s[4]:
            for ring in poly:
                for a in ring:
                    used.setdefault(a if a >= 0 else ~a, len(used))
    old = sorted(used, key=used.get)
    renum = lambda a: used[a] if a >= 0 else ~used[~a]
    arc_rows = []
    n_pts = 0
    for k, i in enumerate(old):
        pts = arcs[i]
        n_pts += len(pts)
        enc = [_enc(pts[0][0]), _enc(pts[0][1])]
        for p, q in zip(pts, pts[1:]):
            enc.append(_enc(q[0] - p[0]))
            enc.append(_enc(q[1] - p[1]))
        arc_rows.append([k, "".join(enc)])
    shape_rows = []
    for layer, code, po, name, polys in shapes:
        polys = [[[renum(a) for a in ring] for ring in poly] for poly in polys]
        lx = ly = ""
        if layer == "state":
            big = polys[largest_renum(arcs, old, polys)]
            lx, ly = _label([_ring_points_renum(arcs, old, r) for r in big])
        shape_rows.append([layer, code, po, name, lx, ly, _fmt_polys(polys)])

    print("geo: %d arc points decoded, %d kept after simplification "
          "(%.1f px^2) and %d islands dropped (< %.1f px^2)"
          % (n_raw, n_pts, SIMPLIFY_PX2, n_dropped, ISLAND_PX2))
    ck.eq("geo: county layer shapes (3,142 - 29 Alaska boroughs + 1)",
          sum(1 for s in shape_rows if s[0] == "county"), 3114)
    ck.true("geo: every shape keeps a polygon", all(s[6] for s in shape_rows))
    # No county's largest ring shrinks to nothing where the atlas has one.
    collapsed = [s[1] for s in shapes if s[0] == "county" and
                 max(abs(_area2(_ring_points(arcs, p[0]))) for p in s[4]) == 0]
    print("geo: counties of no area (as in the atlas): %s" % " ".join(collapsed))
    ck.eq("geo: counties of no area, as in the atlas (Falls Church, Lexington, "
          "Manassas Park VA)", sorted(collapsed), ["51610", "51678", "51685"])
    # A known state's bounding box, unsimplified atlas against kept points.
    ca = next(g for g in states if g["id"] == "06")
    def bbox(pts):
        return (min(p[0] for p in pts), min(p[1] for p in pts),
                max(p[0] for p in pts), max(p[1] for p in pts))
    ca_raw = bbox([p for poly in _polygons(ca) for r in poly
                   for p in _ring_points(raw, r)])
    ca_kept = bbox([p for poly in next(x for x in shapes if x[1] == "CA")[4] for r in poly
                    for p in _ring_points(arcs, r)])
    print("geo: California's box in tenths of a pixel: atlas %s, kept %s"
          % (ca_raw, ca_kept))
    ck.true("geo: California's box within 1 px of the atlas's",
            all(abs(a - b) <= UNIT for a, b in zip(ca_raw, ca_kept)))
    return {
        "geo_arcs.csv": (["arc", "points"], arc_rows),
        "geo_shapes.csv": (["layer", "code", "state", "name", "label_x", "label_y",
                            "arcs"], shape_rows),
    }


def largest_renum(arcs, old, polys):
    return max(range(len(polys)),
               key=lambda k: abs(_area2(_ring_points_renum(arcs, old, polys[k][0]))))


def _ring_points_renum(arcs, old, ring):
    return _ring_points(arcs, [old[a] if a >= 0 else ~old[~a] for a in ring])
