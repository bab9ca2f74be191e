/*
 * geo.h -- internal access to the built-in shapes (geo.c) for the SVG
 * writer of geographic maps (svg_geo.c).
 */
#ifndef TLY_GEO_H
#define TLY_GEO_H

#include "buf.h"
#include "internal.h"

/* Appends the SVG path data of shape i of g (as tly_geo_path writes it) to
 * b; a failure stays in b's status. */
void tly__geo_path(const tly_geo *g, size_t i, tly__buf *b);

#endif
