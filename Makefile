# suivi - one Makefile for everything: see README.md.
#   make            build ./suivi
#   make run        install missing packages, build, open suivi
#   make check      build and run every test (unit, CLI, lint)
#   make sanitize   the same tests built with ASan + UBSan (= make check SANITIZE=1)
#   make install    PREFIX=/usr/local DESTDIR=
#   make WERROR=1   warnings are errors (CI)

PREFIX    ?= /usr/local
BINDIR    ?= $(PREFIX)/bin
DATADIR   ?= $(PREFIX)/share
MANDIR    ?= $(DATADIR)/man
VERSION   := 0.1.0

CC        ?= cc
PKG_CONFIG ?= pkg-config
SANITIZE  ?= 0
WERROR    ?= 0

ifeq ($(SANITIZE),1)
BUILD     := build/san
SANFLAGS  := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
else
BUILD     := build/out
SANFLAGS  :=
endif

WARN      := -Wall -Wextra -Wformat=2 -Wshadow -Wstrict-prototypes \
             -Wmissing-prototypes -Wwrite-strings -Wvla
ifeq ($(WERROR),1)
WARN      += -Werror
endif

# Lazy (=) so that a machine without the packages can still run `make deps`.
PKGS_CFLAGS = $(shell $(PKG_CONFIG) --cflags ncursesw sqlite3 2>/dev/null)
PKGS_LIBS   = $(shell $(PKG_CONFIG) --libs ncursesw sqlite3 2>/dev/null)
CRIT_CFLAGS = $(shell $(PKG_CONFIG) --cflags criterion 2>/dev/null)
CRIT_LIBS   = $(shell $(PKG_CONFIG) --libs criterion 2>/dev/null)
INI_CFLAGS  := -I/usr/include/iniparser
INI_LIBS    := -liniparser

CFLAGS    ?= -O2 -g
ALL_CFLAGS = -std=c11 -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L -DSQLITE_ENABLE_SESSION -DSQLITE_ENABLE_PREUPDATE_HOOK $(WARN) $(SANFLAGS) -Iinclude \
             -I$(BUILD) $(PKGS_CFLAGS) $(INI_CFLAGS) -MMD -MP $(CFLAGS)
ALL_LDFLAGS = $(SANFLAGS) $(LDFLAGS)
LIBS       = $(PKGS_LIBS) $(INI_LIBS) -lm

SRC        := $(sort $(wildcard src/core/*.c src/io/*.c src/store/*.c \
                src/model/*.c src/report/*.c src/cli/*.c src/ui/*.c)) src/app.c
OBJ        := $(SRC:%.c=$(BUILD)/%.o)
MAIN_OBJ   := $(BUILD)/src/main.o
UNIT_SRC   := $(sort $(wildcard tests/unit/*.c))
UNIT_OBJ   := $(UNIT_SRC:%.c=$(BUILD)/%.o)
BIN        := suivi
ifeq ($(SANITIZE),1)
BIN        := $(BUILD)/suivi
endif
UNIT_BIN   := $(BUILD)/unit-tests

MANPAGES   := man/suivi.1 man/suivi.ini.5 man/suivi-contrat.5
CONTRACTS  := $(sort $(wildcard share/suivi/contrats/*.ini))

# Packages a fresh Debian 12 needs to build, test and run.
DEB_PKGS   := build-essential pkg-config libncurses-dev libsqlite3-dev \
              libiniparser-dev libcriterion-dev tmux groff-base locales tzdata

.PHONY: all run check check-unit check-cli check-reports check-e2e check-bench-smoke bench lint sanitize \
        deps install \
        uninstall clean fuzz check-fuzz valgrind stress FORCE

all: $(BIN)

$(BIN): $(OBJ) $(MAIN_OBJ)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(LIBS)

# What the build was configured with; rewritten only when it changes, so
# `make install PREFIX=…` rebuilds what depends on the install paths.
$(BUILD)/build_config.h: FORCE
	@mkdir -p $(BUILD)
	@printf '#define SUIVI_VERSION "%s"\n#define SUIVI_DATADIR "%s"\n' \
	  '$(VERSION)' '$(DATADIR)/suivi' >$@.tmp
	@cmp -s $@.tmp $@ || mv $@.tmp $@; rm -f $@.tmp
$(BUILD)/src/app.o $(BUILD)/src/io/paths.o: $(BUILD)/build_config.h
FORCE:

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/tests/unit/%.o: tests/unit/%.c
	@mkdir -p $(dir $@)
	$(CC) -D_GNU_SOURCE $(ALL_CFLAGS) $(CRIT_CFLAGS) -Wno-missing-prototypes -c -o $@ $<

$(UNIT_BIN): $(OBJ) $(UNIT_OBJ)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(LIBS) $(CRIT_LIBS)

# A large reproducible database for benchmarks (tests/bench/gen.c).
BENCH_GEN  := $(BUILD)/bench-gen
$(BUILD)/tests/bench/%.o: tests/bench/%.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<
$(BENCH_GEN): $(OBJ) $(BUILD)/tests/bench/gen.o
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(LIBS)

# One document in every format (tests/reports/sample.c), for check-reports.
REPORT_SAMPLE := $(BUILD)/report-sample
$(BUILD)/tests/reports/%.o: tests/reports/%.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<
$(REPORT_SAMPLE): $(OBJ) $(BUILD)/tests/reports/sample.o
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(LIBS)

# Install the Debian packages that are missing (and only those).
deps:
	@missing=""; \
	for p in $(DEB_PKGS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' \
	    || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if ! command -v apt-get >/dev/null; then \
	    echo "suivi : paquets manquants :$$missing (installez-les avec le gestionnaire de paquets)"; exit 1; \
	  fi; \
	  sudo=""; [ "$$(id -u)" = 0 ] || sudo="sudo"; \
	  echo "suivi : installation des paquets manquants :$$missing"; \
	  echo "        $$sudo apt-get install -y$$missing"; \
	  $$sudo apt-get update -qq && $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

run: deps
	@$(MAKE) --no-print-directory all
	./$(BIN)

check: deps
	@$(MAKE) --no-print-directory lint check-unit check-cli check-reports check-e2e check-bench-smoke

# Criterion runs each test in its own process; under SANITIZE=1 a report
# from any of them (leak, overflow, undefined behaviour) fails the run.
SAN_ENV   := ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 \
             UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
             LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp
FR_LOCALE  = $(shell locale -a 2>/dev/null | grep -qi '^fr_FR.utf-\?8$$' && echo fr_FR.UTF-8 || echo C.UTF-8)
UNIT_ENV   = $(SAN_ENV) SUIVI_TOP=$(CURDIR) SUIVI_BIN=$(CURDIR)/$(BIN)

check-unit: $(BIN) $(UNIT_BIN)
	@$(UNIT_ENV) $(UNIT_BIN) --jobs 2 >$(BUILD)/unit.log 2>&1; rc=$$?; \
	  cat $(BUILD)/unit.log; \
	  if grep -q 'Sanitizer\|runtime error' $(BUILD)/unit.log; then \
	    echo "unit : rapport des sanitizers ci-dessus"; exit 1; fi; \
	  exit $$rc
	@$(UNIT_ENV) LC_ALL=$(FR_LOCALE) $(UNIT_BIN) --jobs 2 --filter 'locale/*'

check-cli: $(BIN) $(BENCH_GEN)
	$(SAN_ENV) SUIVI_BIN=$(CURDIR)/$(BIN) sh tests/cli/run.sh

# The documents read by real clients: headless Chromium, LibreOffice,
# pdftotext, Python's csv (each skipped when missing; .ci/run installs them).
check-reports: $(BIN) $(REPORT_SAMPLE)
	$(SAN_ENV) SUIVI_SAMPLE=$(CURDIR)/$(REPORT_SAMPLE) SUIVI_BIN=$(CURDIR)/$(BIN) \
	  sh tests/reports/clients.sh

# The real program in tmux (tests/e2e/*.sh, tests/lib/tmux.sh); under SANITIZE=1 a sanitizer
# report on its stderr fails the scenario.
check-e2e: $(BIN)
	$(SAN_ENV) SUIVI_BIN=$(CURDIR)/$(BIN) bash tests/e2e/run.sh

# The generator at a small size, and the program on what it made.
check-bench-smoke: $(BIN) $(BENCH_GEN)
	@d=$$(mktemp -d); \
	  $(SAN_ENV) SUIVI_DATADIR=$(CURDIR)/share/suivi $(BENCH_GEN) --communes 2 \
	    --years 1 --requests 200 --disputes 20 --meetings 10 --domains 2 \
	    $$d/smoke.db 2>$$d/gen.log || { cat $$d/gen.log; rm -rf $$d; exit 1; }; \
	  out=$$($(SAN_ENV) HOME=$$d ./$(BIN) --db $$d/smoke.db check 2>&1); \
	  echo "$$out" | grep -q 'base saine' || { echo "$$out"; rm -rf $$d; exit 1; }; \
	  rm -rf $$d; echo "générateur (petite taille) : 1 passed, 0 failed"

# Not part of check: minutes, and figures rather than verdicts.
bench: $(BIN) $(BENCH_GEN)
	bash tests/bench/run.sh

# Reliability under stress (tests/stress/*.sh): kill -9 during entry,
# signals while typing, a full disk, locked, read-only and damaged files,
# file modes. Not part of check (2 to 3 minutes); .ci/run runs it.
stress: $(BIN)
	$(SAN_ENV) SUIVI_BIN=$(CURDIR)/$(BIN) bash tests/stress/run.sh

# Layering rules (STYLE.md), man pages, bundled contracts.
lint: $(BIN)
	@bad=$$(grep -l 'sqlite3\.h' $$(find src include -name '*.[ch]') | grep -v '^src/store/'); \
	  [ -z "$$bad" ] || { echo "sqlite3.h hors de src/store : $$bad"; exit 1; }
	@bad=$$(grep -lE '(n?curses|term)\.h' $$(find src include -name '*.[ch]') | grep -v '^src/ui/'); \
	  [ -z "$$bad" ] || { echo "curses hors de src/ui : $$bad"; exit 1; }
	@bad=$$(grep -l 'iniparser\.h' $$(find src include -name '*.[ch]') | grep -v '^src/io/'); \
	  [ -z "$$bad" ] || { echo "iniparser.h hors de src/io : $$bad"; exit 1; }
	@bash tests/lint/layers.sh
	@for m in $(MANPAGES); do \
	  out=$$(LC_ALL=C.UTF-8 groff -z -ww -K utf8 -man $$m 2>&1); \
	  [ -z "$$out" ] || { echo "$$m : $$out"; exit 1; }; \
	done
	./$(BIN) validate $(CONTRACTS)
	@echo "lint : ok"

sanitize:
	@$(MAKE) --no-print-directory SANITIZE=1 check-unit check-cli check-reports check-e2e check-bench-smoke

# ---------------------------------------------------------------------------
# Fuzzing with libFuzzer (clang): the harnesses of tests/fuzz/, built with
# ASan + UBSan into build/fuzz/ (no curses: the fuzzed code is core, io,
# store and the CSV writer). check-fuzz runs each FUZZ_TIME seconds on its
# committed corpus (new inputs go to a temporary folder, the corpus is left
# as it is), after replaying tests/fuzz/regressions/<harness>/; a crash is
# kept in build/fuzz/crashes/. Skipped when clang or libFuzzer is missing.
FUZZ_CC     ?= clang
FUZZ_TIME   ?= 20
FUZZ_DIR    := build/fuzz
FUZZ_NAMES  := fuzz_contract fuzz_config fuzz_csv fuzz_value fuzz_sync
FUZZ_BINS   := $(FUZZ_NAMES:%=$(FUZZ_DIR)/%)
FUZZ_SRC    := $(sort $(wildcard src/core/*.c src/io/*.c src/store/*.c \
                 src/model/*.c))
FUZZ_OBJ    := $(FUZZ_SRC:%.c=$(FUZZ_DIR)/%.o)
FUZZ_LIB    := $(FUZZ_DIR)/libsuivi.a
FUZZ_SAN    := -fsanitize=address,undefined -fno-sanitize-recover=all \
               -fno-omit-frame-pointer
FUZZ_CFLAGS  = -std=c11 -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L \
               -DSQLITE_ENABLE_SESSION -DSQLITE_ENABLE_PREUPDATE_HOOK $(WARN) \
               -g -O1 $(FUZZ_SAN) -Iinclude -I$(FUZZ_DIR) \
               $(shell $(PKG_CONFIG) --cflags sqlite3 2>/dev/null) $(INI_CFLAGS) -MMD -MP
FUZZ_LIBS    = $(shell $(PKG_CONFIG) --libs sqlite3 2>/dev/null) $(INI_LIBS) -lm

fuzz: $(FUZZ_BINS)

$(FUZZ_DIR)/build_config.h: FORCE
	@mkdir -p $(FUZZ_DIR)
	@printf '#define SUIVI_VERSION "%s"\n#define SUIVI_DATADIR "%s"\n' \
	  '$(VERSION)' '$(DATADIR)/suivi' >$@.tmp
	@cmp -s $@.tmp $@ || mv $@.tmp $@; rm -f $@.tmp
$(FUZZ_DIR)/src/io/paths.o: $(FUZZ_DIR)/build_config.h

# The project's code: instrumented for coverage, no libFuzzer main.
$(FUZZ_DIR)/src/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<
$(FUZZ_DIR)/tests/fuzz/%.o: tests/fuzz/%.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) -D_GNU_SOURCE $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<
$(FUZZ_LIB): $(FUZZ_OBJ)
	rm -f $@
	ar rcs $@ $^
# kept: make would delete them as intermediates and rebuild them each time
.SECONDARY: $(FUZZ_NAMES:%=$(FUZZ_DIR)/tests/fuzz/%.o)
$(FUZZ_DIR)/fuzz_%: $(FUZZ_DIR)/tests/fuzz/fuzz_%.o $(FUZZ_LIB)
	$(FUZZ_CC) -fsanitize=fuzzer $(FUZZ_SAN) -o $@ $^ $(FUZZ_LIBS)

check-fuzz:
	@if ! command -v $(FUZZ_CC) >/dev/null 2>&1; then \
	  echo "check-fuzz : ignoré, $(FUZZ_CC) absent (apt-get install clang libclang-rt-dev)"; exit 0; fi; \
	t=$$(mktemp -d); \
	printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n);\nint LLVMFuzzerTestOneInput(const char *d, unsigned long n) { (void)d; (void)n; return 0; }\n' >$$t/probe.c; \
	if ! $(FUZZ_CC) -fsanitize=fuzzer -o $$t/probe $$t/probe.c >/dev/null 2>&1; then \
	  rm -rf $$t; echo "check-fuzz : ignoré, libFuzzer absent (apt-get install libclang-rt-dev)"; exit 0; fi; \
	rm -rf $$t
	@$(MAKE) --no-print-directory fuzz
	@t=$$(mktemp -d); pass=0; fail=0; start=$$(date +%s); \
	for h in $(FUZZ_NAMES); do \
	  mkdir -p $$t/$$h; ok=1; \
	  if ls tests/fuzz/regressions/$$h/* >/dev/null 2>&1; then \
	    SUIVI_DATADIR=$(CURDIR)/share/suivi $(FUZZ_DIR)/$$h tests/fuzz/regressions/$$h/* \
	      >$$t/$$h.reg.log 2>&1 || { ok=0; cat $$t/$$h.reg.log; }; \
	  fi; \
	  SUIVI_DATADIR=$(CURDIR)/share/suivi $(FUZZ_DIR)/$$h -max_total_time=$(FUZZ_TIME) \
	    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
	    -artifact_prefix=$$t/$$h- $$t/$$h tests/fuzz/corpus/$$h >$$t/$$h.log 2>&1 || ok=0; \
	  runs=$$(sed -n 's/^stat::number_of_executed_units: *//p' $$t/$$h.log); \
	  cov=$$(grep -o 'cov: [0-9]* ft: [0-9]*' $$t/$$h.log | tail -n 1); \
	  if [ $$ok = 1 ]; then \
	    pass=$$((pass + 1)); echo "ok - $$h ($${runs:-?} runs, $$cov)"; \
	  else \
	    fail=$$((fail + 1)); tail -n 40 $$t/$$h.log; \
	    mkdir -p $(FUZZ_DIR)/crashes; cp $$t/$$h-* $(FUZZ_DIR)/crashes/ 2>/dev/null; \
	    echo "FAIL - $$h (entrées fautives dans $(FUZZ_DIR)/crashes/)"; \
	  fi; \
	done; \
	rm -rf $$t; \
	echo "fuzz : $$pass passed, $$fail failed ($$(( $$(date +%s) - start )) s)"; \
	[ $$fail = 0 ]

# ---------------------------------------------------------------------------
# valgrind: the unit tests under memcheck (not part of check: minutes),
# each suite in a Criterion run of its own, as many at once as there are
# processors (tests/unit/valgrind.sh says why). No suppression: any
# memory error, leak definitely lost or failing test fails it.
valgrind: $(UNIT_BIN)
	@if [ "$(SANITIZE)" = 1 ]; then echo "valgrind : pas avec SANITIZE=1"; exit 2; fi
	@bash tests/unit/valgrind.sh $(CURDIR)/$(UNIT_BIN) $(CURDIR)/$(BUILD)/valgrind
# ---------------------------------------------------------------------------

install: $(BIN)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 \
	  $(DESTDIR)$(DATADIR)/suivi/contrats
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/suivi
	install -m 644 man/suivi.1 $(DESTDIR)$(MANDIR)/man1/suivi.1
	install -m 644 man/suivi.ini.5 man/suivi-contrat.5 $(DESTDIR)$(MANDIR)/man5/
	install -m 644 $(CONTRACTS) $(DESTDIR)$(DATADIR)/suivi/contrats/
	install -m 644 share/suivi/suivi.ini.example $(DESTDIR)$(DATADIR)/suivi/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/suivi $(DESTDIR)$(MANDIR)/man1/suivi.1 \
	  $(DESTDIR)$(MANDIR)/man5/suivi.ini.5 $(DESTDIR)$(MANDIR)/man5/suivi-contrat.5
	rm -f $(addprefix $(DESTDIR)$(DATADIR)/suivi/contrats/,$(notdir $(CONTRACTS))) \
	  $(DESTDIR)$(DATADIR)/suivi/suivi.ini.example
	-rmdir $(DESTDIR)$(DATADIR)/suivi/contrats $(DESTDIR)$(DATADIR)/suivi 2>/dev/null

clean:
	rm -rf build suivi

-include $(OBJ:.o=.d) $(MAIN_OBJ:.o=.d) $(UNIT_OBJ:.o=.d) $(BUILD)/tests/bench/gen.d \
         $(BUILD)/tests/reports/sample.d
-include $(FUZZ_OBJ:.o=.d) $(FUZZ_NAMES:%=$(FUZZ_DIR)/tests/fuzz/%.d)
