#!/usr/bin/env bash
# Every suite: unit/integration on PGlite (and PostgreSQL when TEST_DATABASE_URL is set), then
# Playwright against the production build on the embedded database (and PostgreSQL likewise).
# Ends with one line summing every suite: "N passed, N failed, N skipped".
set -u
cd "$(dirname "$0")/.."
# The project's pinned Node (node_modules/.bin/node on Linux), whoever called this script.
export PATH="$PWD/node_modules/.bin:$PATH"
node_version=$(node -v)
if [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 24 ]; then
  echo "Node $node_version is past its end of life: npm install should have linked the pinned Node (node-linux-*) into node_modules/.bin"
  echo "0 passed, 1 failed"
  exit 1
fi
results=test-results/summary
rm -rf "$results" && mkdir -p "$results"
status=0

run() { # name, command...
  local name=$1; shift
  echo "::: $name (Node $node_version)"
  "$@" || status=1
}

check() { # name, command... — a static check counts as one test in the summary
  echo "::: $1 (Node $node_version)"; local name=$1; shift
  local ok=1
  "$@" || { ok=0; status=1; }
  echo "{\"check\":\"$name\",\"passed\":$ok,\"failed\":$((1 - ok))}" > "$results/check-$name.json"
}

check typecheck npx tsc --noEmit
check lint npx eslint .
check sdk-typecheck npx tsc -p sdk/tsconfig.json --noEmit

run "vitest (PGlite)" env -u TEST_DATABASE_URL npx vitest run --reporter=default --reporter=json --outputFile.json="$results/vitest-pglite.json"
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  run "vitest (PostgreSQL)" npx vitest run --reporter=default --reporter=json --outputFile.json="$results/vitest-postgres.json"
fi

run "vitest (sdk package)" npx vitest run --root sdk --reporter=default --reporter=json --outputFile.json="$PWD/$results/vitest-sdk.json"

if npx next build; then
  run "playwright (PGlite)" env PLAYWRIGHT_JSON_OUTPUT_FILE="$results/e2e-pglite.json" npx playwright test --reporter=list,json
  if [ -n "${TEST_DATABASE_URL:-}" ]; then
    e2e_db=$(node scripts/pg-database.mjs create "$TEST_DATABASE_URL")
    run "playwright (PostgreSQL)" env E2E_DATABASE_URL="$e2e_db" E2E_PORT=3101 E2E_SANDBOX_PORT=4111 \
      PLAYWRIGHT_JSON_OUTPUT_FILE="$results/e2e-postgres.json" npx playwright test --reporter=list,json
    node scripts/pg-database.mjs drop "$e2e_db"
  fi
else
  echo "next build failed"
  status=1
fi

node scripts/summarize-tests.mjs "$results" "$node_version" || status=1
exit $status
