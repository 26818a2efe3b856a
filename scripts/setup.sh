#!/usr/bin/env bash
# Installs what parley needs to build and test from Debian's packages, and nothing when it is
# all there. Runs `apt-get update` once, only when something is missing. Uses sudo when not root.
set -euo pipefail

PACKAGES=(
  cmake make g++ pkg-config
  libicu-dev            # Unicode: sentence breaks, normalization (NFC), character classes
  libxml2-dev           # the peers' validation records (PETRARCH XML): parley validate
  libgumbo-dev          # HTML5 parsing for .html articles
  nlohmann-json3-dev    # JSON Lines input
  libcli11-dev          # command-line parsing
  libfmt-dev            # formatting for table output
  libhowardhinnant-date-dev  # calendar arithmetic for dates and time expressions
  libsqlite3-dev        # the embedded store
  libxxhash-dev         # content hashes of stored documents (XXH3-128)
  libgtest-dev libgmock-dev  # tests
  libbenchmark-dev      # benchmarks
  iso-codes             # ISO 3166-1 country names and codes for the actor dictionary
  jq                    # the demo's summaries
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "setup: missing packages (${missing[*]}) and not root; install them or run with sudo" >&2
    exit 1
  fi
fi
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
