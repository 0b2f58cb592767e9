# The two commands a new user needs: `make run` and `make test` (see README.md).
#
# Both use one build folder, $(BUILD). `make run` installs only what the `boravak` binary needs
# (scripts/install-deps.sh run) and, in a folder not configured yet, configures it without the
# tests and benchmarks, so GoogleTest and Google Benchmark need not be installed; it then builds
# the `boravak` target alone. `make test` installs everything (scripts/install-deps.sh test) and
# turns the tests and benchmarks on in that same folder: the options only add targets, so the
# libraries already built by `make run` are kept, not built again. Once the tests are on,
# `make run` leaves them on and still builds just `boravak`.
BUILD ?= build
JOBS ?= 2
CMAKE_CONFIGURE = cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release

.PHONY: all deps deps-run binary build run example test bench fuzz fresh-check clean

all: build

# The packages for everything (tests, benchmarks, fuzzers); `deps-run` only those for the binary.
deps:
	@scripts/install-deps.sh test

deps-run:
	@scripts/install-deps.sh run

# The `boravak` binary alone. The steps are in one recipe so that `make -j` keeps their order.
binary:
	@scripts/install-deps.sh run
	@[ -f $(BUILD)/CMakeCache.txt ] || $(CMAKE_CONFIGURE) -DBORAVAK_TESTS=OFF -DBORAVAK_BENCH=OFF
	cmake --build $(BUILD) -j$(JOBS) --target boravak

# Everything, tests and benchmarks included.
build:
	@scripts/install-deps.sh test
	@if [ ! -f $(BUILD)/CMakeCache.txt ] || grep -Eq '^BORAVAK_(TESTS|BENCH):BOOL=OFF' $(BUILD)/CMakeCache.txt; then \
	  $(CMAKE_CONFIGURE) -DBORAVAK_TESTS=ON -DBORAVAK_BENCH=ON; fi
	cmake --build $(BUILD) -j$(JOBS)

# The main job: the web app and the JSON API on http://$(LISTEN) (another address or port:
# `make run LISTEN=127.0.0.1:9090`), with its SQLite file boravak.sqlite in $$BORAVAK_DATA
# (default ~/.local/share/boravak). Ctrl-C stops it gracefully.
LISTEN ?= 127.0.0.1:8080
run: binary
	$(BUILD)/boravak serve --listen $(LISTEN)

# The CLI on a worked example: stays, a visa run, a batch and a family's permit plan.
example: binary
	@scripts/worked-example.sh $(BUILD)/boravak

test: build
	cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

bench: build
	scripts/run-benchmarks.sh $(BUILD)

fuzz: deps
	scripts/run-fuzzers.sh $(or $(SECONDS_EACH),60)

# A new user's first run, for real: a fresh Debian 12 root (debootstrap), a clone of this
# repository, `make run` until /v1/health answers, then `make test`. Needs root; see the script
# (FRESH_ARGS=--head checks the committed HEAD alone).
fresh-check:
	scripts/fresh-check.sh $(FRESH_ARGS)

clean:
	rm -rf $(BUILD) build-fuzz
