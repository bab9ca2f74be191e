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
LDLIBS := -ljansson -lmicrohttpd -lpthread -lm -lz

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
	  -ljansson -lm

$(FZ)/fuzz_%: $(FZ)/obj/fuzz/fuzz_%.o $(FUZZ_LIB_OBJ)
	$(FUZZ_CC) $(FUZZ_SAN) -fsanitize=fuzzer -pthread -o $@ $< \
	  $(FUZZ_LIB_OBJ) -ljansson -lm

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

clean:
	rm -rf build

-include $(shell find build -name '*.d' 2>/dev/null)
