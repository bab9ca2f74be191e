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
LDLIBS := -ljansson -lmicrohttpd -lpthread -lm

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
	$(CC) -shared $(SANFLAGS) -o $@ $^ -ljansson -lpthread -lm

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

clean:
	rm -rf build

-include $(shell find build -name '*.d' 2>/dev/null)
