# steady — the two commands a new machine needs: `make run` and `make test`.
# Packages for people who will not build: `make deb` and `make dist` (README, "Install").
SHELL := /bin/bash

# The Swift toolchain: `swift` found on PATH, or name it: `make test SWIFT=/path/to/usr/bin/swift`.
SWIFT ?= swift
# The one version number (Sources/steady/Version.swift), for the package and archive names.
VERSION := $(shell sed -n 's/^ *static let number = "\([^"]*\)".*/\1/p' Sources/steady/Version.swift)

# The release build links the Swift runtime and Foundation in, as a position-dependent executable
# that exports no symbols: a daemon that shares no library with another Swift process touches
# ~12 MiB less memory this way (bench/daemon.py: PSS 31 → 19 MiB). It keeps its DWARF and a build
# id: `make deb`/`make dist` strip the shipped copy and put the symbols in a separate package/file.
RELEASE_FLAGS := --static-swift-stdlib -Xswiftc -Xclang-linker -Xswiftc -no-pie -Xlinker --no-export-dynamic \
	-Xlinker --build-id=sha1
RELEASE_BINARY := .build/release/steady
PACKAGES := .build/packages
DEB := $(PACKAGES)/steady_$(VERSION)_amd64.deb
DIST := $(PACKAGES)/steady-$(VERSION)-x86_64-linux.tar.gz
# The compiled translations for builds run from the source tree (STEADY_LOCALEDIR points here).
LOCALE := .build/locale

.PHONY: run test build release deb dist packages bench clean toolchain locale

## Build (release) and run the daemon in the foreground on the embedded default config.
run: release locale
	STEADY_LOCALEDIR=$(abspath $(LOCALE)) $(RELEASE_BINARY) daemon

## The tests run in the C.UTF-8 locale whatever the developer's is (English words, 24-hour times);
## the language tests choose de_DE.UTF-8/en_US.UTF-8 themselves.
## Install what the tests need, build the release once and package it (the install tests use the
## packages), then build and run every test (unit + real dbus-daemon/Xvfb/dunst/systemd end-to-end,
## and the server matrix, which drives the release binary on ten real notification servers).
test: toolchain
	scripts/install-deps test
	$(MAKE) packages
	$(MAKE) locale
	$(SWIFT) build
	env -u LANGUAGE -u LC_ALL -u LC_MESSAGES -u LC_TIME LANG=C.UTF-8 \
		STEADY_LOCALEDIR=$(abspath $(LOCALE)) STEADY_PACKAGES=$(abspath $(PACKAGES)) $(SWIFT) test --no-parallel

build: toolchain locale
	$(SWIFT) build

## The translations, po/<lang>.po, compiled by msgfmt into .build/locale/<lang>/LC_MESSAGES/steady.mo.
locale:
	scripts/build-locale $(LOCALE)

## The release binary, built once per make run whatever needs it (run, packages, benchmarks).
release: toolchain
	scripts/install-deps run
	$(SWIFT) build -c release --product steady $(RELEASE_FLAGS)

## steady_<version>_amd64.deb (+ steady-dbgsym_…deb), checked by lintian.
deb: release
	scripts/install-deps package
	scripts/package deb $(RELEASE_BINARY) $(PACKAGES)

## steady-<version>-x86_64-linux.tar.gz (+ …-debug.tar.gz): the same files in a usr/ tree, and INSTALL.
dist: release
	scripts/install-deps package
	scripts/package dist $(RELEASE_BINARY) $(PACKAGES)

packages: deb dist

## Fails with a clear message when no Swift toolchain can be found.
toolchain:
	@command -v "$(SWIFT)" >/dev/null 2>&1 || { \
		echo "steady: no Swift toolchain: '$(SWIFT)' was not found (on PATH). Install Swift 6 (swift.org/install) and" >&2; \
		echo "        put its usr/bin on PATH, or name it: make $(or $(MAKECMDGOALS),test) SWIFT=/path/to/usr/bin/swift" >&2; \
		exit 1; }

clean:
	rm -rf .build
