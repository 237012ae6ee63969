# gongwen — plain Makefile.  `make demo` builds and runs the tool on the
# corpus; `make check` runs every test.  See README.md.

CC      ?= cc
PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
MANDIR  ?= $(PREFIX)/share/man
DATADIR ?= $(PREFIX)/share/gongwen
DESTDIR ?=

# release (default) or asan: separate build trees under build/.
VARIANT ?= release
O       := build/$(VARIANT)

PKGS     = libpcre2-8 libutf8proc libxml-2.0 sqlite3 libxxhash
# Recursive (=) on purpose: expanded when a recipe runs, after deps.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS   = $(shell pkg-config --libs $(PKGS)) -lm
CHECK_CFLAGS = $(shell pkg-config --cflags check)
CHECK_LIBS   = $(shell pkg-config --libs check)

WARN = -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
       -Wmissing-prototypes -Wformat=2 -Wvla -Werror
ifeq ($(VARIANT),asan)
OPT = -O1 -g -fno-omit-frame-pointer \
      -fsanitize=address,undefined -fno-sanitize-recover=all
else
OPT = -O2 -g
endif
CPPFLAGS += -D_POSIX_C_SOURCE=200809L -Iinclude -Isrc -MMD -MP
CFLAGS   += $(WARN) $(OPT) -pthread
LDFLAGS  += $(filter -fsanitize%,$(OPT)) -pthread

# Sanitizer findings must fail a test, never pass as an ordinary exit 1.
export ASAN_OPTIONS  ?= exitcode=86:detect_leaks=1
export UBSAN_OPTIONS ?= halt_on_error=1:print_stacktrace=1:exitcode=87

LIB_SRC  = $(filter-out src/main.c,$(wildcard src/*.c))
LIB_OBJ  = $(LIB_SRC:src/%.c=$(O)/src/%.o)
UNIT_SRC = $(wildcard tests/unit/*.c)
UNIT_OBJ = $(UNIT_SRC:tests/unit/%.c=$(O)/tests/%.o)
BIN      = $(O)/gongwen
UNIT     = $(O)/unit-tests
DEPS_OK  = build/.deps-ok

GOLD_SCORE = ../shared/tools/gold-score
GOLD_MIN   = structure=1.0,marker=1.0,heading=0.97,units=0.95,units_any=0.97,deadlines=0.9,targets=0.9,docs=0.9,refs=0.95

.PHONY: all deps demo check test unit golden gold-score cli sanitize fuzz-regressions extract \
        golden-update bench fuzz install uninstall clean format \
        xml xml-update html docs index-test bench-index hostile leakcheck fuzz-smoke

all: gongwen

# ---- system packages --------------------------------------------------------
deps: $(DEPS_OK)
$(DEPS_OK): tools/install-deps
	@tools/install-deps
	@mkdir -p build && touch $@

# ---- build -------------------------------------------------------------------
gongwen: $(BIN)
	cp $(BIN) $@

$(BIN): $(LIB_OBJ) $(O)/src/main.o
	$(CC) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

$(O)/src/%.o: src/%.c | $(DEPS_OK)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) -c -o $@ $<

$(O)/tests/%.o: tests/unit/%.c | $(DEPS_OK)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CHECK_CFLAGS) $(CFLAGS) -c -o $@ $<

$(UNIT): $(LIB_OBJ) $(UNIT_OBJ)
	$(CC) $(LDFLAGS) -o $@ $^ $(PKG_LIBS) $(CHECK_LIBS)

-include $(LIB_OBJ:.o=.d) $(O)/src/main.d $(UNIT_OBJ:.o=.d)

# ---- running -----------------------------------------------------------------
demo: gongwen
	./gongwen -t docs corpus/*.txt
	./gongwen corpus/*.txt | cut -f1-6 | head -20

# ---- tests -------------------------------------------------------------------
# `check`: the whole suite in the release build (warnings are errors), the
# gold score, then the whole suite again under ASan+UBSan.
check: test gold-score hostile sanitize fuzz-smoke
	@echo "make check: all passed"

test: unit golden cli extract xml html docs index-test fuzz-regressions

unit: $(UNIT)
	$(UNIT)

golden: $(BIN)
	tests/golden/run $(BIN)

cli: $(BIN)
	tests/cli/run $(BIN)

# New notices whose expected tables were derived by hand, not by the tool.
extract: $(BIN)
	tests/extract/run $(BIN)

# XML: schema validation, golden XML, TSV round trip, hostile input.
xml: $(BIN)
	tests/xml/run $(BIN)

xml-update: $(BIN)
	tests/xml/run --update $(BIN)

# HTML input: pages in the shape of government sites give the TSV of the
# same notice as text.
html: $(BIN)
	tests/html/run $(BIN)

# The man page and README document every option of --help; the page is
# generated from its source and renders without groff warnings.
docs: $(BIN)
	tests/docs/run $(BIN)

# The SQLite index: new/changed/unchanged/removed files, search filters,
# overlapping runs, kill -9 at random points.
index-test: $(BIN)
	tests/index/run $(BIN)

# Hostile input, linear time and memory, -o under kill -9 (issue #5).
# About a minute in the release build; run by `check` once, not again
# under ASan (`make VARIANT=asan hostile` does that by hand).
hostile: $(BIN)
	tests/hostile/run $(BIN)

# valgrind over the corpus (and the encoded and HTML copies): every table
# and -f xml, no leaks and no errors.
LEAK_INPUTS = corpus/*.txt tests/cases/*.gb18030.txt tests/cases/*.utf16le.txt \
              tests/html/*.html
leakcheck: $(BIN)
	@for a in "-t docs" "-t nodes" "-t units" "-t targets" "-t refs" \
		"-f xml" "-f xml --keep-deleted"; do \
		echo "valgrind gongwen $$a"; \
		valgrind -q --suppressions=tests/valgrind.supp \
			--leak-check=full --show-leak-kinds=all \
			--errors-for-leak-kinds=all --error-exitcode=1 \
			$(BIN) $$a $(LEAK_INPUTS) >/dev/null || exit 1; \
	done; echo "valgrind gongwen -o FILE on failing inputs"; \
	valgrind -q --suppressions=tests/valgrind.supp --leak-check=full \
		--show-leak-kinds=all --errors-for-leak-kinds=all --error-exitcode=99 \
		$(BIN) -f xml -o build/leakcheck.xml tests/fuzz/regressions/* \
		no-such-file tests/ tests/cases/*.txt Makefile 2>build/leakcheck.err; \
	[ $$? = 1 ] || { grep -v '^gongwen: ' build/leakcheck.err; exit 1; }; \
	rm -f build/leakcheck.xml build/leakcheck.err; \
	echo "leakcheck: no leaks, no errors"

gold-score: gongwen
	@if [ -x $(GOLD_SCORE) ]; then \
		$(GOLD_SCORE) --bin ./gongwen --min $(GOLD_MIN) corpus/*.txt; \
	else \
		echo "gold-score: skipped ($(GOLD_SCORE) not found)"; \
	fi

sanitize:
	$(MAKE) VARIANT=asan test hostile

# Regenerate the golden files; review `git diff tests/golden` before
# committing.
golden-update: $(BIN)
	tests/golden/run --update $(BIN)

# ---- speed -------------------------------------------------------------------
# `make bench`: parsing speed and memory, then the index (issue #6);
# `make bench-index`: the index alone.
bench: $(BIN)
	tools/bench $(BIN)
	tools/bench-index $(BIN)

bench-index: $(BIN)
	tools/bench-index $(BIN)

# ---- install -----------------------------------------------------------------
install: gongwen
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1
	install -m 755 gongwen $(DESTDIR)$(BINDIR)/gongwen
	install -m 644 man/gongwen.1 $(DESTDIR)$(MANDIR)/man1/gongwen.1
	install -d $(DESTDIR)$(DATADIR)
	install -m 644 schema/gongwen.rng $(DESTDIR)$(DATADIR)/gongwen.rng

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/gongwen $(DESTDIR)$(MANDIR)/man1/gongwen.1
	rm -f $(DESTDIR)$(DATADIR)/gongwen.rng

clean:
	rm -rf build gongwen

format:
	clang-format -i src/*.c src/*.h include/*.h tests/unit/*.c

# ---- fuzzing -----------------------------------------------------------------
# `make fuzz FUZZ_SECONDS=N` builds the libFuzzer target with clang and runs
# it for N seconds on a corpus seeded from corpus/ and tests/.
FUZZ_SECONDS ?= 60
FUZZ_DIR      = build/fuzz
FUZZ_BIN      = $(FUZZ_DIR)/fuzz_gongwen
FUZZ_CFLAGS   = -std=c11 -g -O1 -fsanitize=fuzzer,address,undefined \
                -fno-sanitize-recover=all -D_POSIX_C_SOURCE=200809L -Iinclude -Isrc

$(FUZZ_BIN): $(LIB_SRC) tests/fuzz/fuzz_gongwen.c src/*.h include/*.h | $(DEPS_OK)
	@mkdir -p $(FUZZ_DIR)
	clang $(FUZZ_CFLAGS) $(PKG_CFLAGS) -o $@ $(LIB_SRC) tests/fuzz/fuzz_gongwen.c $(PKG_LIBS)

fuzz: $(FUZZ_BIN)
	@mkdir -p $(FUZZ_DIR)/corpus
	@for f in corpus/*.txt tests/cases/*.txt tests/fuzz/regressions/*; do \
		[ -f "$$f" ] && cp "$$f" $(FUZZ_DIR)/corpus/ || true; done
	$(FUZZ_BIN) -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 \
		-rss_limit_mb=2048 -artifact_prefix=$(FUZZ_DIR)/ \
		$(FUZZ_DIR)/corpus

# A one-minute fuzz run for `make check`, when clang is there.
fuzz-smoke:
	@if command -v clang >/dev/null 2>&1; then \
		$(MAKE) fuzz FUZZ_SECONDS=60; \
	else \
		echo "fuzz-smoke: skipped (clang not found; apt-get install -y clang)"; \
	fi

# Replays every kept crasher: run by `make check` through `test`.
fuzz-regressions: $(BIN)
	@n=0; for f in tests/fuzz/regressions/*; do [ -f "$$f" ] || continue; \
		n=$$((n+1)); for t in docs nodes units targets refs; do \
		$(BIN) -t $$t "$$f" >/dev/null 2>&1; rc=$$?; \
		if [ $$rc -gt 3 ]; then echo "fuzz regression $$f -t $$t: exit $$rc"; exit 1; fi; \
		done; for x in "" --keep-deleted; do \
		$(BIN) -f xml $$x "$$f" >/dev/null 2>&1; rc=$$?; \
		if [ $$rc -gt 3 ]; then echo "fuzz regression $$f -f xml $$x: exit $$rc"; exit 1; fi; \
		done; \
	done; echo "fuzz-regressions: $$n inputs replayed"
