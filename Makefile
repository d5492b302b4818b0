# cmonty — top-level entry points. CMake does the building.
#   make        release build (build/): libcmonty.a, libcmonty.so, cmonty
#   make run    build, then run the example script
#   make test   ASan+UBSan build (build-asan/), every test
#   make bench  release build, benchmarks vs python3
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: all run test bench clean deps

all: deps
	@cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build build -j$(JOBS)

# gcc, make, cmake and python3 are assumed; strace (the sandbox test) is
# installed when missing.
deps:
	@command -v cmake >/dev/null && command -v cc >/dev/null && command -v python3 >/dev/null && command -v strace >/dev/null || \
	  (apt-get update -qq && apt-get install -y -qq gcc make cmake python3 strace >/dev/null)

run: all
	./build/cmonty examples/demo.py
	@echo
	@echo '--- examples/host_agent.c: a C host running examples/agent.py ---'
	./build/host_agent examples/agent.py

test: deps
	@cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DCMONTY_SANITIZE=ON >/dev/null
	@cmake --build build-asan -j$(JOBS)
	@if command -v clang >/dev/null; then \
	  echo 'clang warning check (build-clang)'; \
	  CC=clang cmake -S . -B build-clang -DCMAKE_BUILD_TYPE=Debug >/dev/null && \
	  cmake --build build-clang -j$(JOBS) >/dev/null || exit 1; fi
	@cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMONTY_TSAN=ON >/dev/null
	@cmake --build build-tsan -j$(JOBS) --target test_threads >/dev/null
	@python3 tests/run_all.py --build build-asan --tsan-build build-tsan

bench: all
	python3 bench/run_bench.py --cmonty ./build/cmonty --startup-bin ./build/bench_startup --host-bin ./build/bench_host

clean:
	rm -rf build build-asan build-tsan build-clang
