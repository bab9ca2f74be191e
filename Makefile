# tally -- one GNU Makefile (no CMake, no autotools), after Lua's and redis's.
# Targets: all (build/libtally.a, build/libtally.so, build/tally), test,
# bench, lint, install, data, clean. Switches: SAN=1 (ASan+UBSan, objects
# under build/san), SAN=thread (ThreadSanitizer, build/tsan), DEBUG=1.

CC ?= cc
VERSION := $(shell awk '/^\#define TLY_VERSION_(MAJOR|MINOR|PATCH) / \
  { v = v (v == "" ? "" : ".") $$3 } END { print v }' include/tally.h)
PREFIX ?= /usr/local

BUILD ?= build
ifeq ($(SAN),1)
B := $(BUILD)/san
SANFLAGS := -fsanitize=address,undefined -fno-sanitize-recover=undefined \
            -fno-omit-frame-pointer
OPT := -O1 -g -DTLY_DEBUG
else ifeq ($(SAN),thread)
B := $(BUILD)/tsan
SANFLAGS := -fsanitize=thread -fno-omit-frame-pointer
OPT := -O1 -g -DTLY_DEBUG
else
B := $(BUILD)
SANFLAGS :=
ifeq ($(DEBUG),1)
OPT := -O0 -g -DTLY_DEBUG
else
OPT := -O2 -g
endif
endif

WARN := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
        -Wmissing-prototypes -Wundef -Wwrite-strings -Wvla
CSTD := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
BASEFLAGS := $(CSTD) $(OPT) $(WARN) $(SANFLAGS) -pthread -MMD -MP
LIBFLAGS := $(BASEFLAGS) -Wconversion -fPIC -fvisibility=hidden \
            -Iinclude -Isrc
APPFLAGS := $(BASEFLAGS) -Iinclude
LDLIBS := -ljansson -lpthread -lm -lz -ldl

LIB_SRC := $(sort $(wildcard src/*.c))
CLI_SRC := $(sort $(wildcard cli/*.c))
SRV_SRC := $(sort $(wildcard server/*.c))
UNIT_SRC := $(sort $(wildcard tests/unit/*.c))
BENCH_SRC := $(sort $(wildcard bench/bench_*.c))
DATA_FILES := $(sort $(wildcard data/*.csv))
WEB_FILES := $(sort $(wildcard web/*.html web/*.js web/*.css web/*.svg))

LIB_OBJ := $(LIB_SRC:%.c=$(B)/obj/%.o) $(B)/obj/gen/data.o
APP_OBJ := $(CLI_SRC:%.c=$(B)/obj/%.o) $(SRV_SRC:%.c=$(B)/obj/%.o) \
           $(B)/obj/gen/web.o
UNIT_OBJ := $(UNIT_SRC:%.c=$(B)/obj/%.o)

.PHONY: all test bench lint install clean data
all: $(B)/tally $(B)/libtally.a $(B)/libtally.so $(B)/tally.1

$(B)/tally.1: $(B)/tally tools/mkman.sh
	sh tools/mkman.sh $(B)/tally > $@.tmp && mv $@.tmp $@

$(B)/libtally.a: $(LIB_OBJ)
	@mkdir -p $(@D)
	rm -f $@
	ar rcs $@ $^

$(B)/libtally.so: $(LIB_OBJ)
	@mkdir -p $(@D)
	$(CC) -shared $(SANFLAGS) -o $@ $^ -ljansson -lpthread -lm -lz

$(B)/tally: $(APP_OBJ) $(B)/libtally.a
	$(CC) $(SANFLAGS) -pthread -o $@ $(APP_OBJ) $(B)/libtally.a $(LDLIBS)

$(B)/obj/src/%.o: src/%.c
	@mkdir -p $(@D)
	$(CC) $(LIBFLAGS) -c -o $@ $<

$(B)/obj/cli/%.o: cli/%.c
	@mkdir -p $(@D)
	$(CC) $(APPFLAGS) -c -o $@ $<

$(B)/obj/server/%.o: server/%.c
	@mkdir -p $(@D)
	$(CC) $(APPFLAGS) -c -o $@ $<

# Built-in data and the page are embedded as C arrays generated in build/.
$(B)/tools/embed: tools/embed.c
	@mkdir -p $(@D)
	$(CC) $(CSTD) -O2 $(WARN) -o $@ $<

$(B)/gen/data.c: $(B)/tools/embed $(DATA_FILES)
	@mkdir -p $(@D)
	$(B)/tools/embed tly__data_files $@ $(DATA_FILES)

$(B)/gen/web.c: $(B)/tools/embed $(WEB_FILES)
	@mkdir -p $(@D)
	$(B)/tools/embed tly_web_files $@ $(WEB_FILES)

$(B)/obj/gen/%.o: $(B)/gen/%.c
	@mkdir -p $(@D)
	$(CC) $(CSTD) $(OPT) $(SANFLAGS) -fPIC -Wall -Werror -c -o $@ $<

# Unit tests (Criterion) may see src/ to test internal modules.
$(B)/obj/tests/unit/%.o: tests/unit/%.c
	@mkdir -p $(@D)
	$(CC) $(BASEFLAGS) -Wno-missing-prototypes -Iinclude -Isrc -c -o $@ $<

$(B)/unit_tests: $(UNIT_OBJ) $(B)/libtally.a
	$(CC) $(SANFLAGS) -pthread -o $@ $(UNIT_OBJ) $(B)/libtally.a \
	  -lcriterion $(LDLIBS)

$(B)/obj/bench/%.o: bench/%.c
	@mkdir -p $(@D)
	$(CC) $(APPFLAGS) -c -o $@ $<

$(B)/bench/%: $(B)/obj/bench/%.o $(B)/libtally.a
	@mkdir -p $(@D)
	$(CC) $(SANFLAGS) -pthread -o $@ $< $(B)/libtally.a $(LDLIBS)

test: all $(B)/unit_tests lint
	sh tests/run.sh $(B)

bench: all $(BENCH_SRC:bench/%.c=$(B)/bench/%)
	sh bench/run.sh $(B)

lint:
	sh tools/lint.sh

data:
	python3 data/mkdata.py

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib \
	  $(DESTDIR)$(PREFIX)/include $(DESTDIR)$(PREFIX)/lib/pkgconfig \
	  $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(B)/tally $(DESTDIR)$(PREFIX)/bin/tally
	install -m 644 $(B)/libtally.a $(DESTDIR)$(PREFIX)/lib/libtally.a
	install -m 755 $(B)/libtally.so $(DESTDIR)$(PREFIX)/lib/libtally.so
	install -m 644 include/tally.h $(DESTDIR)$(PREFIX)/include/tally.h
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(VERSION)|' \
	  tools/tally.pc.in > $(DESTDIR)$(PREFIX)/lib/pkgconfig/tally.pc
	install -m 644 $(B)/tally.1 $(DESTDIR)$(PREFIX)/share/man/man1/tally.1

#---- fuzzing (fuzz/, README "Fuzzing") ----------------------------------
# `make fuzz` builds the libFuzzer harnesses fuzz/fuzz_<name>.c with clang
# (ASan + UBSan + libFuzzer) into $(BUILD)/fuzz/fuzz_<name>, over a copy of
# the library instrumented for them. `make test` replays the committed
# corpora fuzz/corpus/<name>/ through the same harnesses built with $(CC)
# and fuzz/replay.c instead of libFuzzer ($(B)/replay/fuzz_<name>; see
# tests/suite_fuzz.sh). Harnesses may see src/ and server/. fuzz_api links
# the server's files but http.c (libmicrohttpd) and its own src/mem.c, all
# compiled with fuzz/sysalloc.h, which hands their C library allocations
# to the harness (objects under .../sysalloc/).
FUZZ_CC ?= clang
FUZZ_NAMES := $(sort $(patsubst fuzz/fuzz_%.c,%,$(wildcard fuzz/fuzz_*.c)))
FZ := $(BUILD)/fuzz
FUZZ_SAN := -fsanitize=address,undefined -fno-sanitize-recover=undefined \
            -fno-omit-frame-pointer
FUZZ_CFLAGS := $(CSTD) -O1 -g -DTLY_DEBUG $(FUZZ_SAN) -pthread -MMD -MP \
               -Wall -Wextra -Iinclude -Isrc -Iserver
SYSALLOC := -include fuzz/sysalloc.h
FUZZ_SRV_SRC := $(filter-out server/http.c,$(SRV_SRC)) src/mem.c
FUZZ_LIB_OBJ := $(LIB_SRC:%.c=$(FZ)/obj/%.o) $(FZ)/obj/gen/data.o
FUZZ_SRV_OBJ := $(FUZZ_SRV_SRC:%.c=$(FZ)/obj/sysalloc/%.o) \
                $(FZ)/obj/gen/web.o
REPLAY_SRV_OBJ := $(FUZZ_SRV_SRC:%.c=$(B)/obj/sysalloc/%.o) \
                  $(B)/obj/gen/web.o
FUZZ_BIN := $(FUZZ_NAMES:%=$(FZ)/fuzz_%)
REPLAY_BIN := $(FUZZ_NAMES:%=$(B)/replay/fuzz_%)

.PHONY: fuzz
fuzz: $(FUZZ_BIN)

$(FZ)/obj/src/%.o: src/%.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

$(FZ)/obj/sysalloc/%.o: %.c fuzz/sysalloc.h
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) $(SYSALLOC) -fsanitize=fuzzer-no-link \
	  -c -o $@ $<

$(FZ)/obj/gen/%.o: $(B)/gen/%.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -c -o $@ $<

$(FZ)/obj/fuzz/%.o: fuzz/%.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -Werror -fsanitize=fuzzer-no-link -c -o $@ $<

$(FZ)/fuzz_api: $(FZ)/obj/fuzz/fuzz_api.o $(FUZZ_SRV_OBJ) $(FUZZ_LIB_OBJ)
	$(FUZZ_CC) $(FUZZ_SAN) -fsanitize=fuzzer -pthread -o $@ $< \
	  $(FUZZ_SRV_OBJ) $(filter-out $(FZ)/obj/src/mem.o,$(FUZZ_LIB_OBJ)) \
	  -ljansson -lz -lm

$(FZ)/fuzz_%: $(FZ)/obj/fuzz/fuzz_%.o $(FUZZ_LIB_OBJ)
	$(FUZZ_CC) $(FUZZ_SAN) -fsanitize=fuzzer -pthread -o $@ $< \
	  $(FUZZ_LIB_OBJ) -ljansson -lz -lm

$(B)/obj/fuzz/%.o: fuzz/%.c
	@mkdir -p $(@D)
	$(CC) $(BASEFLAGS) -Iinclude -Isrc -Iserver -c -o $@ $<

$(B)/obj/sysalloc/%.o: %.c fuzz/sysalloc.h
	@mkdir -p $(@D)
	$(CC) $(BASEFLAGS) -Iinclude -Isrc -Iserver $(SYSALLOC) -c -o $@ $<

$(B)/replay/fuzz_api: $(B)/obj/fuzz/fuzz_api.o $(B)/obj/fuzz/replay.o \
                      $(REPLAY_SRV_OBJ) $(B)/libtally.a
	@mkdir -p $(@D)
	$(CC) $(SANFLAGS) -pthread -o $@ $(filter %.o,$^) $(B)/libtally.a \
	  $(LDLIBS)

$(B)/replay/fuzz_%: $(B)/obj/fuzz/fuzz_%.o $(B)/obj/fuzz/replay.o \
                    $(B)/libtally.a
	@mkdir -p $(@D)
	$(CC) $(SANFLAGS) -pthread -o $@ $(filter %.o,$^) $(B)/libtally.a \
	  $(LDLIBS)

# Pattern-built objects are intermediate to make: keep them.
.SECONDARY: $(FUZZ_LIB_OBJ) $(FUZZ_SRV_OBJ) $(REPLAY_SRV_OBJ) \
            $(FUZZ_NAMES:%=$(FZ)/obj/fuzz/fuzz_%.o) \
            $(FUZZ_NAMES:%=$(B)/obj/fuzz/fuzz_%.o) $(B)/obj/fuzz/replay.o

test: $(REPLAY_BIN)
#---- end of fuzzing ------------------------------------------------------

# The Python package in-tree (python/README.md): libtally.so and the
# package's buffer writer (python/tally/_buf.c) next to its sources, so
# that PYTHONPATH=python python3 -c 'import tally' works.
.PHONY: python
python: $(B)/libtally.so
	cp $(B)/libtally.so python/tally/libtally.so
	$(CC) $(CSTD) -O2 $(WARN) -fPIC -shared -o python/tally/_tallybuf.so \
	  python/tally/_buf.c

clean:
	rm -rf build

-include $(shell find build -name '*.d' 2>/dev/null)

#---- the page on WebAssembly (make web; README "The page") -------------
# `make web` compiles the library, its built-in data and the API's
# handlers (server/ but http.c) to WebAssembly with Debian's clang,
# wasi-libc and lld (scripts/setup.sh test installs them), over jansson
# built from Debian's source package (JANSSON_SRC, fetched there by
# scripts/jansson-src.sh), without threads (TLY_NO_THREADS, src/thread.h),
# and writes $(BUILD)/web/: the page's files and tally.wasm.
WASM_CC ?= clang
JANSSON_SRC ?= /usr/local/src/tally-wasm/jansson-2.14
W := $(BUILD)/wasm
WEB := $(BUILD)/web
WASM_BASE := --target=wasm32-wasi --sysroot=/usr -O2 -msimd128 -MMD -MP
WASM_CFLAGS := $(WASM_BASE) $(CSTD) $(WARN) -DTLY_NO_THREADS \
               -I$(W)/jansson -I$(JANSSON_SRC)/src -Iinclude
JANSSON_NAMES := dump error hashtable hashtable_seed load memory \
                 pack_unpack strbuffer strconv utf value version
# The data few views need stay out of the module: static files in
# $(WEB)/data/ that the page fetches when the library first asks for one
# (web/wasm_data.c), keeping tally.wasm small (tests/web/static.test.js
# holds it under 3,000,000 bytes).
WASM_LAZY := county_results.csv counties.csv county_names.csv \
             district_results.csv polls_2016.csv polls_2020.csv \
             polls_538_2020.csv polls_calib.csv corr_economist_2020.csv
WASM_DATA := $(filter-out $(WASM_LAZY:%=data/%),$(DATA_FILES))
WASM_OBJ := $(filter-out $(W)/obj/src/data.o,$(LIB_SRC:%.c=$(W)/obj/%.o)) \
            $(W)/obj/gen/data.o $(W)/obj/web/wasm_data.o \
            $(filter-out $(W)/obj/server/http.o,$(SRV_SRC:%.c=$(W)/obj/%.o)) \
            $(W)/obj/gen/noweb.o $(W)/obj/web/wasm.o \
            $(JANSSON_NAMES:%=$(W)/obj/jansson/%.o)
WEB_OUT := $(WEB_FILES:web/%=$(WEB)/%) $(WEB)/tally.wasm \
           $(WASM_LAZY:%=$(WEB)/data/%)

.PHONY: web
web: $(WEB_OUT)

$(JANSSON_SRC)/src/jansson.h:
	@echo "make web: no jansson source in $(JANSSON_SRC): run" \
	  "scripts/setup.sh test (or set JANSSON_SRC)" >&2; exit 1

# jansson's two configuration headers, as its configure would write them
# for a C11 compiler with __atomic builtins and localeconv.
$(W)/jansson/jansson_config.h: $(JANSSON_SRC)/src/jansson.h
	@mkdir -p $(@D)
	sed -e 's/@json_inline@/inline/' -e 's/@json_have_long_long@/1/' \
	  -e 's/@json_have_localeconv@/1/' \
	  -e 's/@json_have_atomic_builtins@/1/' \
	  -e 's/@json_have_sync_builtins@/0/' \
	  $(JANSSON_SRC)/src/jansson_config.h.in > $@
	printf '#define HAVE_STDINT_H 1\n#define HAVE_UNISTD_H 1\n' \
	  > $(@D)/jansson_private_config.h

$(W)/obj/jansson/%.o: $(JANSSON_SRC)/src/%.c $(W)/jansson/jansson_config.h
	@mkdir -p $(@D)
	$(WASM_CC) $(WASM_BASE) -DHAVE_CONFIG_H -I$(W)/jansson \
	  -I$(JANSSON_SRC)/src -c -o $@ $<

$(W)/obj/src/%.o: src/%.c $(W)/jansson/jansson_config.h
	@mkdir -p $(@D)
	$(WASM_CC) $(WASM_CFLAGS) -Wconversion -fvisibility=hidden -Isrc \
	  -c -o $@ $<

$(W)/obj/server/%.o: server/%.c $(W)/jansson/jansson_config.h
	@mkdir -p $(@D)
	$(WASM_CC) $(WASM_CFLAGS) -c -o $@ $<

$(W)/obj/web/wasm.o: web/wasm.c $(W)/jansson/jansson_config.h
	@mkdir -p $(@D)
	$(WASM_CC) $(WASM_CFLAGS) -Iserver -c -o $@ $<

$(W)/gen/data.c: $(B)/tools/embed $(WASM_DATA)
	@mkdir -p $(@D)
	$(B)/tools/embed tly__data_files $@ $(WASM_DATA)

$(W)/obj/gen/data.o: $(W)/gen/data.c
	@mkdir -p $(@D)
	$(WASM_CC) $(WASM_BASE) $(CSTD) -Wall -Werror -c -o $@ $<

$(W)/obj/web/wasm_data.o: web/wasm_data.c Makefile
	@mkdir -p $(@D)
	$(WASM_CC) $(WASM_CFLAGS) -Wconversion -Isrc \
	  -D'TLY_WEB_LAZY=$(WASM_LAZY:%="%",)' -c -o $@ $<

$(WEB)/data/%.csv: data/%.csv
	@mkdir -p $(@D)
	cp $< $@

# The page is served from files, not from the module: an empty table.
$(W)/gen/noweb.c: $(B)/tools/embed
	@mkdir -p $(@D)
	$(B)/tools/embed tly_web_files $@

$(W)/obj/gen/noweb.o: $(W)/gen/noweb.c
	@mkdir -p $(@D)
	$(WASM_CC) $(WASM_BASE) $(CSTD) -Wall -Werror -c -o $@ $<

# A WASI reactor (no main): the page calls _initialize, then the exports.
$(WEB)/tally.wasm: $(WASM_OBJ)
	@mkdir -p $(@D)
	$(WASM_CC) --target=wasm32-wasi --sysroot=/usr -mexec-model=reactor \
	  -Wl,--strip-debug -o $@ $(WASM_OBJ)

# The copy of the page that runs the module says so (app.js loadEngine),
# starts downloading it first (a preload link, which tally-boot.js's
# fetch takes over) and comes with the list of years, the library's own
# (`tally years --json`, one object a line), as the Election select's
# options, latest first, so the select shows a year before the module runs.
$(W)/years.html: $(B)/tally
	@mkdir -p $(@D)
	$(B)/tally years --json | awk '/"year"/ { gsub(/[^a-z0-9]+/, " "); \
	  s = ""; for (i = 4; i <= NF - 2; i++) s = s (s == "" ? "" : " ") $$i; \
	  o[n++] = "<option value=\"" $$NF "\" data-census=\"" $$2 "\"" \
	    " data-sources=\"" s "\">" $$NF "</option>" } \
	  END { for (i = n - 1; i >= 0; i--) print o[i] }' > $@.tmp
	grep -q 'data-sources="medsl fec">2016<' $@.tmp && mv $@.tmp $@

$(WEB)/index.html: web/index.html $(W)/years.html
	@mkdir -p $(@D)
	sed -e 's|^<html lang="en">$$|<html lang="en" data-wasm="tally.wasm">|' \
	  -e 's|^<script src="tally-boot.js"></script>$$|<link rel="preload" href="tally.wasm" as="fetch" type="application/wasm" crossorigin>\n&|' \
	  -e '/<select id="year" name="year">$$/r $(W)/years.html' \
	  $< > $@.tmp && grep -q data-wasm $@.tmp && grep -q 'rel="preload"' $@.tmp \
	  && grep -q 'data-census' $@.tmp && mv $@.tmp $@

$(WEB)/%: web/%
	@mkdir -p $(@D)
	cp $< $@

.SECONDARY: $(WASM_OBJ)

# tests/suite_wasm.sh drives build/web in Chromium.
test: web
#---- end of the page on WebAssembly --------------------------------------
