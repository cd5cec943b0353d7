#!/usr/bin/env bash
# Every check in one go: build, typecheck, lint and tests of every package, the package checks and the
# browser client's size budget (turbo keeps going past a failure so one run shows them all), the
# type-check of every README example, the official MCP conformance suite against the reference apps,
# then one closing line with the test counts.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-chromium.sh
rm -f packages/*/.test-results.json apps/*/.test-results.json conformance/.results.json
turbo run build typecheck lint test check:package check:size --continue --cache-dir=.turbo/cache "$@"
checks=$?
node scripts/check-readme-examples.mjs
readme=$?
node scripts/conformance.mjs
conformance=$?
node scripts/test-summary.mjs
summary=$?
if [ "$checks" -ne 0 ]; then echo "some checks failed (turbo exit $checks)" >&2; exit "$checks"; fi
if [ "$readme" -ne 0 ]; then echo "README examples do not type-check" >&2; exit "$readme"; fi
if [ "$conformance" -ne 0 ]; then echo "conformance scenarios failed" >&2; exit "$conformance"; fi
exit "$summary"
