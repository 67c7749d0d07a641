# petrel - political event coder.  Plain make; see README.md.
#
#   make            build build/petrel, build/libpetrel.a, build/libpetrel.so
#   make demo       install missing packages, build, tokenize the example story
#   make check      build and run every test (the fuzz corpus replayed too)
#   make check-asan the tests under AddressSanitizer + UndefinedBehaviorSanitizer
#   make bench      throughput and peak memory on ../shared/data
#   make fuzz       libFuzzer targets (clang), FUZZ_SECONDS each
#   make eval       tokenizer scores on the UD test sets in ../shared/data
#   make models     retrain the tagger and parser from ../shared/data/ud
#   make install PREFIX=/usr/local

CC      ?= cc
PREFIX  ?= /usr/local
BUILD   ?= build
SHARED  ?= ../shared/data
FUZZ_SECONDS ?= 60

PKGS     := libutf8proc libcjson expat
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null || echo -lutf8proc -lcjson -lexpat)

WARN    := -std=c11 -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Werror
OPT     ?= -O3 -g
CFLAGS_ALL = $(WARN) $(OPT) -fPIC -fvisibility=hidden -Iinclude -DPETREL_BUILDING $(PKG_CFLAGS) $(SAN) $(CFLAGS)
LDLIBS_ALL = $(PKG_LIBS) -lm -lpthread $(SAN) $(LDFLAGS)

# Every stage folder under src/ goes into the library; src/cli is the program.
LIB_SRC  := $(sort $(filter-out src/cli/%,$(wildcard src/*/*.c)))
CLI_SRC  := $(sort $(wildcard src/cli/*.c))
TEST_SRC := $(sort $(wildcard tests/*.c))
FUZZ_SRC := $(sort $(wildcard tests/fuzz/*.c))

LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/%.o)
TEST_OBJ := $(TEST_SRC:%.c=$(BUILD)/%.o)
FUZZ_OBJ := $(FUZZ_SRC:%.c=$(BUILD)/%.o)

.PHONY: FORCE all deps demo check check-asan test bench fuzz eval models install uninstall clean

all: $(BUILD)/petrel $(BUILD)/libpetrel.so

# V=1 shows the full commands.
Q := $(if $(V),,@)

# Objects are rebuilt when the compiler or its flags change (OPT, SAN, CFLAGS).
FLAGS_FILE := $(BUILD)/.cflags
$(FLAGS_FILE): FORCE
	@mkdir -p $(BUILD)
	@echo '$(CC) $(CFLAGS_ALL)' | cmp -s - $@ || echo '$(CC) $(CFLAGS_ALL)' > $@
FORCE:

$(BUILD)/%.o: %.c $(FLAGS_FILE)
	@mkdir -p $(dir $@)
	@$(if $(V),,echo "  CC      $<")
	$(Q)$(CC) $(CFLAGS_ALL) -MMD -MP -c $< -o $@

$(BUILD)/libpetrel.a: $(LIB_OBJ)
	@$(if $(V),,echo "  AR      $@")
	$(Q)rm -f $@ && ar rcs $@ $^

$(BUILD)/libpetrel.so: $(LIB_OBJ)
	@$(if $(V),,echo "  LD      $@")
	$(Q)$(CC) -shared -Wl,-soname,libpetrel.so.0 -o $@ $^ $(LDLIBS_ALL)

# The program looks for its models and data in the installed share folder last.
$(BUILD)/src/cli/cmd_parse.o: private CFLAGS += -DPETREL_MODELS_DIR='"$(PREFIX)/share/petrel/models"'
$(BUILD)/src/cli/cli_code.o: private CFLAGS += -DPETREL_DATA_DIR='"$(PREFIX)/share/petrel/data"'

$(BUILD)/petrel: $(CLI_OBJ) $(BUILD)/libpetrel.a
	@$(if $(V),,echo "  LD      $@")
	$(Q)$(CC) -o $@ $(CLI_OBJ) $(BUILD)/libpetrel.a $(LDLIBS_ALL)

# The test runner links the library and the fuzz targets (whose entry
# points replay the fuzz corpus in `make check`).
$(BUILD)/petrel-test: $(TEST_OBJ) $(FUZZ_OBJ) $(BUILD)/libpetrel.a
	@$(if $(V),,echo "  LD      $@")
	$(Q)$(CC) -o $@ $(TEST_OBJ) $(FUZZ_OBJ) $(BUILD)/libpetrel.a $(LDLIBS_ALL)

# ------------------------------------------------------------ two commands
deps:
	@sh tools/deps.sh

demo: deps
	@$(MAKE) --no-print-directory all
	@echo
	@echo "== petrel tokenize --output-format text examples/story.txt"
	@$(BUILD)/petrel tokenize --output-format text examples/story.txt
	@echo "== petrel parse examples/story.txt (the headline)"
	@$(BUILD)/petrel parse examples/story.txt | sed -n '1,/^$$/p'
	@echo "== petrel code --output-format table examples/story.txt"
	@$(BUILD)/petrel code --output-format table examples/story.txt

check: deps
	@$(MAKE) --no-print-directory test

test: $(BUILD)/petrel $(BUILD)/petrel-test
	$(BUILD)/petrel-test --petrel $(BUILD)/petrel --shared $(SHARED) --tests tests

check-asan: deps
	@$(MAKE) --no-print-directory BUILD=build-asan OPT="-O1 -g -fno-omit-frame-pointer" \
	    SAN="-fsanitize=address,undefined -fno-sanitize-recover=all" CFLAGS="-DPETREL_ARENA_MALLOC" test

# ------------------------------------------------------------ measurement
bench: $(BUILD)/petrel $(BUILD)/petrel-bench
	@sh bench/run.sh $(BUILD) $(SHARED)

$(BUILD)/petrel-bench: $(BUILD)/bench/bench.o $(BUILD)/libpetrel.a
	@$(if $(V),,echo "  LD      $@")
	$(Q)$(CC) -o $@ $(BUILD)/bench/bench.o $(BUILD)/libpetrel.a $(LDLIBS_ALL)

eval: $(BUILD)/petrel
	$(BUILD)/petrel eval tokenize --gold $(SHARED)/ud/en_ewt-ud-test.conllu
	$(BUILD)/petrel eval tokenize --gold $(SHARED)/ud/en_gum-ccby-ud-test.conllu
	$(BUILD)/petrel eval parse --gold $(SHARED)/ud/en_ewt-ud-test.conllu
	$(BUILD)/petrel eval parse --gold $(SHARED)/ud/en_gum-ccby-ud-test.conllu

# Retrains the tagger and the parser (models/MANIFEST.md records the result).
models: $(BUILD)/petrel
	@sh tools/train-models.sh $(BUILD) $(SHARED) models

# libFuzzer targets, one per reader and the tokenizer.  Each fuzzes in
# build-fuzz/corpus/<target>, starting from tests/fuzz/corpus/<target>;
# inputs that reach new edges are then merged into tests/fuzz/corpus/ (to be
# committed and replayed by `make check`); crashes are written to build-fuzz/.
FUZZ_TARGETS := $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
fuzz:
	@sh tools/deps.sh fuzz
	@$(MAKE) --no-print-directory BUILD=build-fuzz CC=clang OPT="-O1 -g" \
	    SAN="-fsanitize=fuzzer-no-link,address,undefined" CFLAGS="-DPETREL_ARENA_MALLOC" build-fuzz/libpetrel.a
	@for t in $(FUZZ_TARGETS); do \
	    clang -std=c11 -O1 -g -Iinclude -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	        -DPETREL_FUZZ_MAIN tests/fuzz/fuzz_$$t.c build-fuzz/libpetrel.a $(PKG_LIBS) -lm -lpthread \
	        -o build-fuzz/fuzz_$$t || exit 1; \
	    mkdir -p tests/fuzz/corpus/$$t build-fuzz/corpus/$$t; \
	    echo "== fuzz $$t ($(FUZZ_SECONDS) s)"; \
	    build-fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 \
	        -artifact_prefix=build-fuzz/crash-$$t- build-fuzz/corpus/$$t tests/fuzz/corpus/$$t || exit 1; \
	    build-fuzz/fuzz_$$t -merge=1 -use_counters=0 -use_value_profile=0 tests/fuzz/corpus/$$t \
	        build-fuzz/corpus/$$t 2>&1 | grep MERGE-OUTER | tail -1; \
	done

# ------------------------------------------------------------ installation
install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include
	install -m 755 $(BUILD)/petrel $(DESTDIR)$(PREFIX)/bin/petrel
	install -m 644 $(BUILD)/libpetrel.a $(DESTDIR)$(PREFIX)/lib/libpetrel.a
	install -m 755 $(BUILD)/libpetrel.so $(DESTDIR)$(PREFIX)/lib/libpetrel.so.0
	ln -sf libpetrel.so.0 $(DESTDIR)$(PREFIX)/lib/libpetrel.so
	install -m 644 include/petrel.h $(DESTDIR)$(PREFIX)/include/petrel.h
	install -d $(DESTDIR)$(PREFIX)/share/petrel/models
	install -m 644 models/en-tagger.model models/en-parser.model models/MANIFEST.md \
	    $(DESTDIR)$(PREFIX)/share/petrel/models/
	install -d $(DESTDIR)$(PREFIX)/share/petrel/data/dict/actors $(DESTDIR)$(PREFIX)/share/petrel/data/cameo
	install -m 644 data/cameo/cameo.txt $(DESTDIR)$(PREFIX)/share/petrel/data/cameo/
	install -m 644 data/dict/*.txt $(DESTDIR)$(PREFIX)/share/petrel/data/dict/
	if ls data/dict/actors/*.txt >/dev/null 2>&1; then \
	    install -m 644 data/dict/actors/*.txt $(DESTDIR)$(PREFIX)/share/petrel/data/dict/actors/; fi

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/petrel $(DESTDIR)$(PREFIX)/lib/libpetrel.a \
	      $(DESTDIR)$(PREFIX)/lib/libpetrel.so $(DESTDIR)$(PREFIX)/lib/libpetrel.so.0 \
	      $(DESTDIR)$(PREFIX)/include/petrel.h
	rm -rf $(DESTDIR)$(PREFIX)/share/petrel/models $(DESTDIR)$(PREFIX)/share/petrel/data

clean:
	rm -rf build build-asan build-fuzz

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
