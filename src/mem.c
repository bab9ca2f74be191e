/*
 * mem.c -- the allocator wrappers: every allocation in src/ goes through a
 * tly_allocator (the caller's, or the C library's), after Lua's lua_Alloc.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

static void *libc_realloc(void *ud, void *p, size_t old_size, size_t n)
{
  TLY_UNUSED(ud);
  TLY_UNUSED(old_size);
  if (n == 0) {
    free(p);
    return NULL;
  }
  return realloc(p, n);
}

static const tly_allocator libc_allocator = {libc_realloc, NULL};

const tly_allocator *tly__alloc_or_default(const tly_allocator *a)
{
  return a != NULL ? a : &libc_allocator;
}

void *tly__malloc(const tly_allocator *a, size_t n)
{
  a = tly__alloc_or_default(a);
  if (n == 0)
    n = 1; /* a zero-size request still returns a distinct pointer */
  return a->realloc(a->ud, NULL, 0, n);
}

void *tly__calloc(const tly_allocator *a, size_t count, size_t size)
{
  if (size != 0 && count > SIZE_MAX / size)
    return NULL;
  void *p = tly__malloc(a, count * size);
  if (p != NULL)
    memset(p, 0, count * size);
  return p;
}

void *tly__realloc(const tly_allocator *a, void *p, size_t old_size,
                   size_t n)
{
  a = tly__alloc_or_default(a);
  if (n == 0)
    n = 1;
  return a->realloc(a->ud, p, old_size, n);
}

void tly__free(const tly_allocator *a, void *p, size_t size)
{
  if (p == NULL)
    return;
  a = tly__alloc_or_default(a);
  (void)a->realloc(a->ud, p, size ? size : 1, 0);
}

char *tly__strdup(const tly_allocator *a, const char *s)
{
  size_t n = strlen(s) + 1;
  char *p = tly__malloc(a, n);
  if (p != NULL)
    memcpy(p, s, n);
  return p;
}
