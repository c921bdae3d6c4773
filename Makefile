# steady — the two commands a new machine needs: `make run` and `make test`.
SHELL := /bin/bash
export PATH := $(PATH):/opt/swift/usr/bin

.PHONY: run test build release bench clean

## Build (release) and run the daemon in the foreground on the embedded default config.
run:
	scripts/install-deps run
	swift build -c release --product steady
	.build/release/steady daemon

## Install what the tests need, build, and run every test (unit + real dbus-daemon/Xvfb/dunst end-to-end).
test:
	scripts/install-deps test
	swift build
	swift test --no-parallel

build:
	swift build

release:
	swift build -c release --product steady

clean:
	rm -rf .build
