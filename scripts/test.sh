#!/usr/bin/env bash
# Runs every test project of the solution and ends with one line: "N passed, N failed".
# Installs what the suites need when it is missing: from Debian, the PostgreSQL server (the tests
# start their own throw-away cluster on a free port; the system's cluster is never touched) and
# chromium (the end-to-end tests drive /usr/bin/chromium; never `playwright install`); from npm,
# axe-core for the accessibility checks.
set -uo pipefail
cd "$(dirname "$0")/.."

need_packages=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_packages+=(postgresql)
[ -x /usr/bin/chromium ] || need_packages+=(chromium)
if [ "${#need_packages[@]}" -gt 0 ]; then
  echo "Installing ${need_packages[*]} from Debian..."
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_packages[@]}"
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_packages[@]}"
  fi
fi

axe="tests/EndToEnd/axe"
if [ ! -f "$axe/node_modules/axe-core/axe.min.js" ]; then
  echo "Installing axe-core from npm..."
  npm install --prefix "$axe" --no-save --no-audit --no-fund axe-core@4.14.1
fi

results="artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

dotnet test FocWorkflows.sln --configuration Release \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results"
status=$?

passed=0
failed=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done
# A build failure produces no results at all: count it as a failure rather than "0 failed".
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
exit "$status"
