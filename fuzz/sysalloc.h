/*
 * sysalloc.h -- force-included (-include) when the server's files and
 * src/mem.c are compiled for fuzz_api: their C library allocation calls go
 * to the harness's allocator (fuzz_api.c), which can fail one and counts
 * what is outstanding. The server has no tly_allocator of its own; this
 * puts the server, jansson (json_set_alloc_funcs) and the library's
 * default allocator under the same failing, counting allocator.
 */
#ifndef TALLY_FUZZ_SYSALLOC_H
#define TALLY_FUZZ_SYSALLOC_H

#include <stdlib.h>

void *fz_sys_malloc(size_t n);
void *fz_sys_calloc(size_t count, size_t size);
void *fz_sys_realloc(void *p, size_t n);
void fz_sys_free(void *p);

/* Object-like, so that tly_allocator's member `realloc` is renamed too
 * (the same in every use in the file: the layout does not change). */
#define malloc fz_sys_malloc
#define calloc fz_sys_calloc
#define realloc fz_sys_realloc
#define free fz_sys_free

#endif
