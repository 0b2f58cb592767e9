# The two commands a new user needs: `make run` and `make test` (see README.md).
BUILD ?= build
JOBS ?= 2

.PHONY: all deps build run example test bench fuzz clean

all: build

deps:
	@scripts/install-deps.sh

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j$(JOBS)

# The main job: the web app and the JSON API on http://127.0.0.1:8080, with its SQLite file
# in $$BORAVAK_DATA (default ~/.local/share/boravak). Ctrl-C stops it gracefully.
LISTEN ?= 127.0.0.1:8080
run: build
	$(BUILD)/boravak serve --listen $(LISTEN)

# The CLI on a worked example: stays, a visa run, a batch and a family's permit plan.
example: build
	@scripts/worked-example.sh $(BUILD)/boravak

test: build
	cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

bench: build
	scripts/run-benchmarks.sh $(BUILD)

fuzz: deps
	scripts/run-fuzzers.sh $(or $(SECONDS_EACH),60)

clean:
	rm -rf $(BUILD) build-fuzz
