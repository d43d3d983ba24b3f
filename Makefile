# The two quick-start commands (see README.md). Each first makes sure the two C libraries conform is
# built on are installed, so they work on a brand-new Debian 12 machine with Swift 6.3.
.PHONY: deps demo test build release

deps:
	@bash scripts/install-deps

build: deps
	swift build

release: deps
	swift build -c release

## The main job on the shipped demo.
demo: deps
	bash scripts/demo

## The whole test suite.
test: deps
	swift test
