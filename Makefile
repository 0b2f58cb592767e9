# The two commands a new user needs: `make run` and `make test` (see README.md).
BUILD ?= build
JOBS ?= 2

.PHONY: all deps build run test bench fuzz clean

all: build

deps:
	@scripts/install-deps.sh

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j$(JOBS)

# Until `boravak serve` exists, the main job is the CLI on a worked example.
run: build
	@scripts/worked-example.sh $(BUILD)/boravak

test: build
	cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

bench: build
	scripts/run-benchmarks.sh $(BUILD)

fuzz: deps
	scripts/run-fuzzers.sh $(or $(SECONDS_EACH),60)

clean:
	rm -rf $(BUILD) build-fuzz
