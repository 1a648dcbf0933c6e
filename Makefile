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
ALL_CFLAGS = -std=c11 -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L $(WARN) $(SANFLAGS) -Iinclude \
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
              libiniparser-dev libcriterion-dev tmux groff-base locales

.PHONY: all run check check-unit check-cli check-reports check-e2e check-bench-smoke bench lint sanitize \
        deps install \
        uninstall clean fmt FORCE

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

# The real program in tmux (tests/e2e/lib.sh); under SANITIZE=1 a sanitizer
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

# Layering rules (STYLE.md), man pages, bundled contracts.
lint: $(BIN)
	@bad=$$(grep -l 'sqlite3\.h' $$(find src include -name '*.[ch]') | grep -v '^src/store/'); \
	  [ -z "$$bad" ] || { echo "sqlite3.h hors de src/store : $$bad"; exit 1; }
	@bad=$$(grep -lE '(n?curses|term)\.h' $$(find src include -name '*.[ch]') | grep -v '^src/ui/'); \
	  [ -z "$$bad" ] || { echo "curses hors de src/ui : $$bad"; exit 1; }
	@bad=$$(grep -l 'iniparser\.h' $$(find src include -name '*.[ch]') | grep -v '^src/io/'); \
	  [ -z "$$bad" ] || { echo "iniparser.h hors de src/io : $$bad"; exit 1; }
	@for m in $(MANPAGES); do \
	  out=$$(LC_ALL=C.UTF-8 groff -z -ww -K utf8 -man $$m 2>&1); \
	  [ -z "$$out" ] || { echo "$$m : $$out"; exit 1; }; \
	done
	./$(BIN) validate $(CONTRACTS)
	@echo "lint : ok"

sanitize:
	@$(MAKE) --no-print-directory SANITIZE=1 check-unit check-cli check-reports check-e2e check-bench-smoke

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

fmt:
	clang-format -i $$(find src include tests -name '*.[ch]')

-include $(OBJ:.o=.d) $(MAIN_OBJ:.o=.d) $(UNIT_OBJ:.o=.d) $(BUILD)/tests/bench/gen.d \
         $(BUILD)/tests/reports/sample.d
