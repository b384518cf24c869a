# The front door. Everything real is in CMake; these targets are the two
# set-up commands of the README plus the usual verbs.
#
#   make            build into build/
#   make check      build, then every test: unit, CLI, PostgreSQL integration,
#                   valgrind on the unit tests, the whole suite again under
#                   ASan+UBSan, and a short replay of every fuzz harness
#   make demo       build, start a throwaway PostgreSQL, run every tool on
#                   examples/hello, say what happened
#   make bench      the benchmarks in bench/ (slow; writes bench/results/)
#   make fuzz       run each libFuzzer harness (FUZZ_SECONDS, default 60)
#   make install    install into PREFIX (default /usr/local)

BUILD      ?= build
ASAN_BUILD ?= build-asan
FUZZ_BUILD ?= build-fuzz
PREFIX     ?= /usr/local
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
FUZZ_SECONDS ?= 60

CMAKE ?= cmake

.PHONY: all build check demo bench fuzz install clean format

all: build

build:
	@$(CMAKE) -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_INSTALL_PREFIX=$(PREFIX) >/dev/null
	@env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL $(CMAKE) --build $(BUILD) -j $(JOBS)

check:
	@BUILD=$(BUILD) ASAN_BUILD=$(ASAN_BUILD) FUZZ_BUILD=$(FUZZ_BUILD) JOBS=$(JOBS) tests/check.sh

demo: build
	@BUILD=$(BUILD) examples/demo.sh

bench: build
	@BUILD=$(BUILD) bench/run.sh

fuzz:
	@CC=clang $(CMAKE) -S . -B $(FUZZ_BUILD) -DMIXLESS_FUZZ=ON -DMIXLESS_TESTS=OFF >/dev/null
	@$(CMAKE) --build $(FUZZ_BUILD) -j $(JOBS)
	@FUZZ_BUILD=$(FUZZ_BUILD) FUZZ_SECONDS=$(FUZZ_SECONDS) tests/fuzz/run.sh

install: build
	@$(CMAKE) --install $(BUILD)

format:
	@clang-format -i $$(git ls-files '*.c' '*.h')

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD)
