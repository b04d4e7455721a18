# Two commands do all the set-up: `make serve` and `make test`. Both install what is missing
# (pinned, into .tools/) first; see scripts/tools.sh.
SHELL := /bin/bash
export PATH := $(CURDIR)/.tools/cargo/bin:$(CURDIR)/.tools/binaryen/node_modules/.bin:$(CURDIR)/.tools/esbuild/node_modules/.bin:$(PATH)
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1


.PHONY: serve dist test bench tools data check-data fmt lint clean

## Serve the app at http://127.0.0.1:8080, rebuilt on every save (reload the page)
serve:
	scripts/tools.sh build
	trunk serve --offline --dist target/serve-dist

## Release build into dist/, for any static web server (relative paths: works under any sub-path)
dist:
	scripts/tools.sh build
	scripts/release.sh

## Every test layer: format, lint, native, wasm in Chromium, end-to-end; prints each layer's counts
test:
	scripts/tools.sh test
	scripts/test.sh

## Measure load weight, time to table, filter latency and merge speed; fails when a budget is missed
bench:
	scripts/tools.sh test
	scripts/bench.sh

## Regenerate data/tables/taian-2017.json from the source text
data:
	cargo run -q -p gk-import -- data/taian-2017.txt --dataset taian-2017 -o data/tables/taian-2017.json

fmt:
	cargo fmt --all

clean:
	rm -rf dist target
