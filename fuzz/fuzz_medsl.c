/*
 * fuzz_medsl.c -- libFuzzer harness for results files in the MEDSL layout
 * (MIT Election Data + Science Lab, "U.S. President 1976-2020"): an input
 * whose first line lacks "state_po" is read after MEDSL's own header.
 */
#include "results.h"

static tly_status run(const tly_allocator *a, const uint8_t *d, size_t n)
{
  return results_with_header(
      a, d, n, "state_po",
      "year,state,state_po,state_fips,state_cen,state_ic,office,candidate,"
      "party_detailed,writein,candidatevotes,totalvotes,version,notes,"
      "party_simplified");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  fz_json_alloc();
  fz_run(run, data, size);
  return 0;
}
