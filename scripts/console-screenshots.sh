#!/usr/bin/env bash
# Retakes the console screenshots in docs/console/ (linked from the README's "Console" section): runs the
# console's browser tests, which save a screenshot of every page as they go, with docs/console as the target.
# Needs Debian's chromium, chromium-driver and a Japanese font (fonts-noto-cjk) for readable pictures.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
. scripts/find-jdk.sh
kotae_find_jdk || exit 1
./mvnw -B -q -pl console -am -Dtest='*BrowserTest' -Dsurefire.failIfNoSpecifiedTests=false \
  -Dkotae.console.screenshots="$here/docs/console" test
ls -1 docs/console
