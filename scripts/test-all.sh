#!/usr/bin/env bash
# The full test command (README, .ci/run): makes sure the Debian packages the tests use are present
# (Chromium + CJK fonts for PDF rendering and the browser test, PostgreSQL for the second store), starts a
# throw-away PostgreSQL, then runs the whole vitest suite. On a machine where apt is not usable (not root),
# the packages must already be installed; tests that need a missing service say so and skip.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
while read -r pkg; do
  [ -z "$pkg" ] || [[ "$pkg" == \#* ]] && continue
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done < scripts/ci-apt-packages.txt
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "test-all: installing Debian packages: ${missing[*]}" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "test-all: missing Debian packages (${missing[*]}); the tests that need them will skip" >&2
  fi
fi

# A free port for the throw-away PostgreSQL, so a cluster already running on this machine is never in the way.
if [ -z "${CAIJIAN_PG_PORT:-}" ]; then
  CAIJIAN_PG_PORT=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
  export CAIJIAN_PG_PORT
fi
# shellcheck source=scripts/ci-services.sh
. scripts/ci-services.sh
status=0
echo "test-all: type check (tsc --noEmit)" >&2
npx --no-install tsc --noEmit -p . || status=$?
# Lint rules and formatting (biome.json; docs/decisions/0012-linter-biome.md). Warnings fail too; so does a file
# the formatter would change (the tree was reflowed once; run `npm run format` before committing).
echo "test-all: lint (biome lint)" >&2
npx --no-install biome lint --error-on-warnings . || status=$?
echo "test-all: format check (biome format)" >&2
npx --no-install biome format . || status=$?
npx --no-install vitest run "$@" || status=$?
if [ -n "${CAIJIAN_TEST_PG_DIR:-}" ]; then
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "'$pg_bin/pg_ctl' -D '$CAIJIAN_TEST_PG_DIR/data' -m fast stop" >/dev/null 2>&1 || true
  else "$pg_bin/pg_ctl" -D "$CAIJIAN_TEST_PG_DIR/data" -m fast stop >/dev/null 2>&1 || true; fi
fi
exit $status
