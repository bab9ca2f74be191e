/*
 * fuzz_tally.c -- libFuzzer harness for results files in tally's own
 * layout (README, "File formats"): an input whose first line lacks "unit"
 * is read after the header year,unit,candidate,party,votes,electors.
 */
#include "results.h"

static tly_status run(const tly_allocator *a, const uint8_t *d, size_t n)
{
  return results_with_header(a, d, n, "unit",
                             "year,unit,candidate,party,votes,electors");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  fz_json_alloc();
  fz_run(run, data, size);
  return 0;
}
