#!/usr/bin/env bash
# Tests ./kotae, ./mvnw and scripts/find-jdk.sh as a newcomer meets them: JAVA_HOME unset with an older
# JDK's java first on PATH (both must find a JDK 21+ themselves), and no JDK 21+ visible at all (both
# must stop with one sentence and a non-zero exit). Also: the launcher rebuilds when a source changes,
# never because something under a target/ folder did. Run by .ci/run after the build (./kotae uses the
# jar it built). Prints "launchers: N passed, N failed"; exit 1 on any failure.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
. scripts/find-jdk.sh
passed=0
failed=0
skipped=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { passed=$((passed + 1)); echo "  ok    $1"; }
fail() { failed=$((failed + 1)); echo "  FAIL  $1"; [ -n "${2:-}" ] && sed 's/^/        /' <<<"$2"; }
skip() { skipped=$((skipped + 1)); echo "  skip  $1"; }

# An installed JDK older than 21 (the "default java is 17" machine), or nothing.
old_jdk=""
for d in /usr/lib/jvm/*/; do
  if [ -x "${d}bin/javac" ] && [ "$(kotae_java_major "${d}bin/java")" -lt 21 ] 2>/dev/null; then old_jdk=${d%/}; break; fi
done
sys_path=/usr/local/bin:/usr/bin:/bin
old_path=${old_jdk:+$old_jdk/bin:}$sys_path

echo "launchers: ${old_jdk:-no JDK older than 21 installed} first on PATH, JAVA_HOME unset"

# 1. find-jdk.sh, under bash and POSIX sh, with JAVA_HOME unset or pointing at the old JDK.
for shell in bash sh; do
  for home in "" "$old_jdk"; do
    found=$(env -u JAVA_HOME ${home:+JAVA_HOME=$home} PATH="$old_path" "$shell" -c '. scripts/find-jdk.sh && kotae_find_jdk && kotae_java_major "$JAVA_HOME/bin/java"' 2>&1)
    if [ "${found:-0}" -ge 21 ] 2>/dev/null; then ok "find-jdk ($shell, JAVA_HOME=${home:-unset}) picks JDK $found"
    else fail "find-jdk ($shell, JAVA_HOME=${home:-unset}) found no JDK 21+" "$found"; fi
  done
done

# 2. ./mvnw finds the same JDK, and Maven's own sun.misc.Unsafe warnings (JDK 24+) are not shown.
out=$(env -u JAVA_HOME PATH="$old_path" ./mvnw -v 2>&1)
if grep -q '^Java version: 2[1-9]\|^Java version: [3-9][0-9]' <<<"$out" && ! grep -q 'sun.misc.Unsafe' <<<"$out"; then
  ok "./mvnw -v runs Maven on $(sed -n 's/^Java version: \([^,]*\).*/\1/p' <<<"$out"), no Unsafe warning"
else
  fail "./mvnw -v with JAVA_HOME unset" "$out"
fi
out=$(env -u JAVA_HOME PATH="$old_path" ./mvnw -B -q -o validate 2>&1)
if [ $? -eq 0 ] && [ -z "$out" ]; then ok "./mvnw -q validate: passes the JDK check, prints nothing"
else fail "./mvnw -q validate with JAVA_HOME unset" "$out"; fi

# 3. ./kotae answers with its sources (the jar is built; KOTAE_NO_BUILD keeps this test from building).
out=$(env -u JAVA_HOME PATH="$old_path" KOTAE_NO_BUILD=true ./kotae ask "WAFとは？" 2>&1)
if [ $? -eq 0 ] && grep -q '^出典: ' <<<"$out"; then ok "./kotae ask answers with its sources"
else fail "./kotae ask with JAVA_HOME unset" "$out"; fi

# 4. No JDK 21+ anywhere it looks: one sentence on stderr, nothing on stdout, exit non-zero.
for home in "" "$old_jdk"; do
  for cmd in "./mvnw -v" "./kotae ask WAFとは？"; do
    env -u JAVA_HOME ${home:+JAVA_HOME=$home} KOTAE_JDK_DIRS="$tmp/none" PATH="$old_path" $cmd >"$tmp/out" 2>"$tmp/err"
    code=$?
    if [ $code -ne 0 ] && [ ! -s "$tmp/out" ] && [ "$(wc -l <"$tmp/err")" -eq 1 ] && grep -q 'JDK 21' "$tmp/err"; then
      ok "no JDK 21+ (JAVA_HOME=${home:-unset}): '$cmd' stops with one sentence, exit $code"
    else
      fail "no JDK 21+ (JAVA_HOME=${home:-unset}): '$cmd' exit $code" "$(cat "$tmp/out" "$tmp/err")"
    fi
  done
done

# 5. Maven itself on an old JDK (plain mvn, not the wrapper): the enforcer stops the build first, in one sentence.
mvn_bin=$(ls -d "${MAVEN_USER_HOME:-$HOME/.m2}"/wrapper/dists/apache-maven-*/*/bin/mvn 2>/dev/null | head -n 1)
if [ -n "$old_jdk" ] && [ -n "$mvn_bin" ]; then
  out=$(env JAVA_HOME="$old_jdk" PATH="$old_path" "$mvn_bin" -B -q -o validate 2>&1)
  code=$?
  if [ $code -ne 0 ] && grep -q 'Kotae needs a JDK 21 or newer to build, and this Maven runs on Java 1' <<<"$out" \
      && ! grep -qi 'release version\|class file version' <<<"$out"; then
    ok "plain Maven on JDK $(kotae_java_major "$old_jdk/bin/java"): the enforcer's sentence, exit $code"
  else
    fail "plain Maven on an old JDK" "$out"
  fi
else
  skip "plain Maven on an old JDK (no JDK older than 21, or no wrapper distribution)"
fi

# 6. The launcher's rebuild check, in a copy with a stand-in ./mvnw that records being called.
fake=$tmp/tree
mkdir -p "$fake/scripts" "$fake/bot-core/src/main/java" "$fake/bot-core/target" "$fake/corpus/documents" "$fake/corpus/target/classes"
cp kotae "$fake/" && cp scripts/find-jdk.sh "$fake/scripts/"
touch "$fake/pom.xml" "$fake/bot-core/pom.xml" "$fake/bot-core/src/main/java/A.java" "$fake/corpus/documents/a.md"
printf '#!/bin/sh\necho built >> "%s/built"\n' "$fake" > "$fake/mvnw" && chmod +x "$fake/mvnw"
sleep 1
cp bot-core/target/kotae.jar "$fake/bot-core/target/kotae.jar" 2>/dev/null || : > "$fake/bot-core/target/kotae.jar"
run_fake() { rm -f "$fake/built"; env -u JAVA_HOME PATH="$old_path" KOTAE_CDS=false "$fake/kotae" --version >/dev/null 2>&1; [ -f "$fake/built" ]; }
sleep 1
touch "$fake/corpus/target/classes/x.txt" "$fake/bot-core/target/kotae.jsa" "$fake/corpus/target/new-file"
if run_fake; then fail "./kotae rebuilt because files under target/ changed"; else ok "./kotae does not rebuild when only target/ changes"; fi
touch "$fake/corpus/documents/a.md"
if run_fake; then ok "./kotae rebuilds when a corpus document changes"; else fail "./kotae did not rebuild after a corpus document changed"; fi
touch "$fake/bot-core/target/kotae.jar"
sleep 1
touch "$fake/bot-core/src/main/java/A.java"
if run_fake; then ok "./kotae rebuilds when a source file changes"; else fail "./kotae did not rebuild after a source changed"; fi

echo "launchers: $passed passed, $failed failed${skipped:+, $skipped skipped}"
[ "$failed" -eq 0 ]
