# The front door. Everything real is in CMake; these targets are the two
# set-up commands of the README plus the usual verbs.
#
#   make            build into build/
#   make deps       install the missing Debian packages of .ci/packages (or,
#                   without root, print the apt-get line to run); demo and
#                   check run it first
#   make check      build, then every test: unit, CLI, PostgreSQL integration,
#                   valgrind on the unit tests, the whole suite again under
#                   ASan+UBSan, and a short replay of every fuzz harness
#   make demo       build, start a throwaway PostgreSQL, run every tool on
#                   examples/hello, say what happened
#   make bench      the benchmarks in bench/ (slow; writes bench/results/)
#   make fuzz       run each libFuzzer harness (FUZZ_SECONDS, default 60)
#   make install    install into PREFIX (default /usr/local)
#   make package    a .deb and a .tar.gz of the install (CPack), in $(BUILD)

BUILD      ?= build
ASAN_BUILD ?= build-asan
FUZZ_BUILD ?= build-fuzz
PREFIX     ?= /usr/local
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
FUZZ_SECONDS ?= 60

CMAKE ?= cmake

.PHONY: all deps build check demo bench fuzz install package clean format

all: build

# A configure step is quiet when it works; when it fails, CMake's own output
# (which names what is missing) is printed, never hidden.
_configure = out=$$($(CMAKE) -S . -B $(1) $(2) 2>&1) || { printf '%s\n' "$$out" >&2; echo "make: cmake configure of $(1) failed" >&2; exit 1; }

deps:
	@.ci/deps

build:
	@$(call _configure,$(BUILD),-DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_INSTALL_PREFIX=$(PREFIX))
	@env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL $(CMAKE) --build $(BUILD) -j $(JOBS)

# deps first, then the rest: a recursive make keeps the order under -j.
check: deps
	@BUILD=$(BUILD) ASAN_BUILD=$(ASAN_BUILD) FUZZ_BUILD=$(FUZZ_BUILD) JOBS=$(JOBS) tests/check.sh

demo: deps
	@$(MAKE) --no-print-directory build
	@BUILD=$(BUILD) examples/demo.sh

bench: build
	@BUILD=$(BUILD) bench/run.sh

fuzz:
	@export CC=clang; $(call _configure,$(FUZZ_BUILD),-DMIXLESS_FUZZ=ON -DMIXLESS_TESTS=OFF)
	@$(CMAKE) --build $(FUZZ_BUILD) -j $(JOBS)
	@FUZZ_BUILD=$(FUZZ_BUILD) FUZZ_SECONDS=$(FUZZ_SECONDS) tests/fuzz/run.sh

install: build
	@$(CMAKE) --install $(BUILD)

package: build
	@cd $(BUILD) && cpack

format:
	@clang-format -i $$(git ls-files '*.c' '*.h')

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD)
