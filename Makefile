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
PKG_LIBS   = $(shell pkg-config --libs $(PKGS))
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
CFLAGS   += $(WARN) $(OPT)
LDFLAGS  += $(filter -fsanitize%,$(OPT))

LIB_SRC  = $(filter-out src/main.c,$(wildcard src/*.c))
LIB_OBJ  = $(LIB_SRC:src/%.c=$(O)/src/%.o)
UNIT_SRC = $(wildcard tests/unit/*.c)
UNIT_OBJ = $(UNIT_SRC:tests/unit/%.c=$(O)/tests/%.o)
BIN      = $(O)/gongwen
UNIT     = $(O)/unit-tests
DEPS_OK  = build/.deps-ok

GOLD_SCORE = ../shared/tools/gold-score
GOLD_MIN   = structure=1.0,marker=1.0,heading=0.97,docs=0.9

.PHONY: all deps demo check test unit golden gold-score cli sanitize \
        golden-update bench fuzz install uninstall clean format \
        index-test bench-index

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
check: test gold-score sanitize
	@echo "make check: all passed"

test: unit golden cli index-test

unit: $(UNIT)
	$(UNIT)

golden: $(BIN)
	tests/golden/run $(BIN)

cli: $(BIN)
	tests/cli/run $(BIN)

index-test: $(BIN)
	tests/index/run $(BIN)

gold-score: gongwen
	@if [ -x $(GOLD_SCORE) ]; then \
		$(GOLD_SCORE) --bin ./gongwen --min $(GOLD_MIN) corpus/*.txt; \
	else \
		echo "gold-score: skipped ($(GOLD_SCORE) not found)"; \
	fi

sanitize:
	$(MAKE) VARIANT=asan test

# Regenerate the golden files; review `git diff tests/golden` before
# committing.
golden-update: $(BIN)
	tests/golden/run --update $(BIN)

# ---- speed -------------------------------------------------------------------
bench: $(BIN)
	tools/bench $(BIN)

bench-index: $(BIN)
	tools/bench-index $(BIN)

# ---- install -----------------------------------------------------------------
install: gongwen
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1
	install -m 755 gongwen $(DESTDIR)$(BINDIR)/gongwen
	install -m 644 man/gongwen.1 $(DESTDIR)$(MANDIR)/man1/gongwen.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/gongwen $(DESTDIR)$(MANDIR)/man1/gongwen.1

clean:
	rm -rf build gongwen

format:
	clang-format -i src/*.c src/*.h include/*.h tests/unit/*.c
