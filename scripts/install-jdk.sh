#!/usr/bin/env bash
# Installs a JDK 21 or newer on Debian or Ubuntu (as root), for a machine that has none (.ci/run runs
# it then; README.md, "Getting a JDK 21+", gives the same steps by hand):
#   1. the distribution's own OpenJDK 25 or 21, where its archive has one (Debian 13, Ubuntu 22.04 and later);
#   2. else Eclipse Temurin 21 from Adoptium's apt repository (Debian 12 "bookworm", whose archive stops
#      at OpenJDK 17, and Debian 11, Ubuntu 20.04).
# --dry-run prints the choice and installs nothing.
set -euo pipefail
dry=false
[ "${1:-}" = "--dry-run" ] && dry=true

candidate() { # the version apt would install for package $1, or nothing
  apt-cache policy "$1" 2>/dev/null | sed -n 's/^ *Candidate: //p' | grep -v '^(none)$' || true
}

if [ "$dry" = false ]; then
  apt-get update -qq
fi
for pkg in openjdk-25-jdk-headless openjdk-21-jdk-headless; do
  if [ -n "$(candidate "$pkg")" ]; then
    echo "install-jdk: $pkg $(candidate "$pkg") from the distribution's archive" >&2
    if [ "$dry" = false ]; then
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$pkg" >&2
    fi
    exit 0
  fi
done

codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
echo "install-jdk: no OpenJDK 21+ in this distribution's archive (${codename:-unknown release}); temurin-21-jdk from Adoptium's apt repository" >&2
if [ "$dry" = true ]; then
  exit 0
fi
list=/etc/apt/sources.list.d/adoptium.list
keyring=/usr/share/keyrings/adoptium.gpg
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wget gpg ca-certificates >&2
if wget -qO- https://packages.adoptium.net/artifactory/api/gpg/key/public | gpg --dearmor --yes -o "$keyring" \
    && echo "deb [signed-by=$keyring] https://packages.adoptium.net/artifactory/deb $codename main" > "$list" \
    && apt-get update -qq \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq temurin-21-jdk >&2; then
  exit 0
fi
# Leave apt as it was: a source that cannot be reached would warn on every later apt-get update.
rm -f "$list" "$keyring"
echo "install-jdk: could not install a JDK 21+ (no OpenJDK 21+ in the archive, and Adoptium's repository did not answer); unpack a JDK 21+ tarball into /opt/java and run again." >&2
exit 1
