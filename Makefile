# steady — the two commands a new machine needs: `make run` and `make test`.
SHELL := /bin/bash
export PATH := $(PATH):/opt/swift/usr/bin

.PHONY: run test build release bench clean

# The release build links the Swift runtime and Foundation in, as a position-dependent executable
# that exports no symbols: a daemon that shares no library with another Swift process touches
# ~12 MiB less memory this way (bench/daemon.py: PSS 31 → 19 MiB). DWARF is left out; symbols stay.
RELEASE_FLAGS := --static-swift-stdlib -Xswiftc -Xclang-linker -Xswiftc -no-pie -Xlinker --no-export-dynamic -Xlinker --strip-debug
RELEASE := swift build -c release --product steady $(RELEASE_FLAGS)

## Build (release) and run the daemon in the foreground on the embedded default config.
run:
	scripts/install-deps run
	$(RELEASE)
	.build/release/steady daemon

## Install what the tests need, build, and run every test (unit + real dbus-daemon/Xvfb/dunst end-to-end,
## and the server matrix, which drives the release binary on nine real notification servers).
test:
	scripts/install-deps test
	swift build
	$(RELEASE)
	swift test --no-parallel

build:
	swift build

release:
	$(RELEASE)

clean:
	rm -rf .build
