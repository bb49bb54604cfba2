# Sourced by ./kotae, ./mvnw, .ci/run and the bench scripts (bash or POSIX sh): points JAVA_HOME at a
# JDK 21 or newer, the same way for all of them.
# Order: $JAVA_HOME if it is a JDK 21+; else the newest JDK 21+ in the folders of KOTAE_JDK_DIRS
# (default: /usr/lib/jvm, /opt/java, /opt, ~/.jdks, SDKMAN's ~/.sdkman/candidates/java, /usr/local); else the javac on PATH if it is 21+.
# A JDK is a folder with bin/java and bin/javac. Nothing is printed when one is found.

KOTAE_JDK_MIN=21

kotae_java_major() { # prints the major version of the java binary $1, or nothing
  # The JDK's release file says it without starting a JVM (~0.1 s a JDK, paid on every ./kotae run).
  _kotae_release="$(dirname "$(dirname "$1")")/release"
  _kotae_version=""
  [ -r "$_kotae_release" ] && _kotae_version=$(sed -n 's/^JAVA_VERSION="\(1\.\)\{0,1\}\([0-9]*\).*/\2/p' "$_kotae_release" | head -n 1)
  if [ -n "$_kotae_version" ]; then
    echo "$_kotae_version"
  else
    "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
  fi
}

# kotae_find_jdk [NAME]: exports JAVA_HOME, or prints one sentence to stderr (prefixed with NAME,
# default "kotae") and returns 1.
kotae_find_jdk() {
  _kotae_who=${1:-kotae}
  _kotae_best=""
  _kotae_best_major=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    _kotae_major=$(kotae_java_major "$JAVA_HOME/bin/java")
    if [ "${_kotae_major:-0}" -ge "$KOTAE_JDK_MIN" ]; then
      export JAVA_HOME
      return 0
    fi
  fi
  # Callers may run with globbing off (mvnw uses set -f): turn it on for the search only.
  case $- in *f*) _kotae_noglob=1; set +f ;; *) _kotae_noglob=0 ;; esac
  for _kotae_dir in ${KOTAE_JDK_DIRS-/usr/lib/jvm /opt/java /opt ${HOME:-/root}/.jdks ${HOME:-/root}/.sdkman/candidates/java /usr/local}; do
    for _kotae_candidate in "$_kotae_dir"/*/ "$_kotae_dir"/*/Contents/Home/; do
      [ -x "${_kotae_candidate}bin/javac" ] && [ -x "${_kotae_candidate}bin/java" ] || continue
      _kotae_major=$(kotae_java_major "${_kotae_candidate}bin/java")
      if [ "${_kotae_major:-0}" -gt "$_kotae_best_major" ]; then
        _kotae_best_major=$_kotae_major
        _kotae_best=${_kotae_candidate%/}
      fi
    done
  done
  [ "$_kotae_noglob" = 1 ] && set -f
  if [ "$_kotae_best_major" -ge "$KOTAE_JDK_MIN" ]; then
    JAVA_HOME=$_kotae_best
    export JAVA_HOME
    return 0
  fi
  if command -v javac >/dev/null 2>&1; then
    _kotae_candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    _kotae_major=$(kotae_java_major "$_kotae_candidate/bin/java")
    if [ "${_kotae_major:-0}" -ge "$KOTAE_JDK_MIN" ]; then
      JAVA_HOME=$_kotae_candidate
      export JAVA_HOME
      return 0
    fi
  fi
  _kotae_where="JAVA_HOME, ${KOTAE_JDK_DIRS-/usr/lib/jvm /opt/java /opt ~/.jdks ~/.sdkman/candidates/java /usr/local}, PATH"
  if [ "$_kotae_who" = kotae ]; then
    echo "kotae: JDK $KOTAE_JDK_MIN 以上が見つかりません（$_kotae_where を探しました）。README.md の「Getting a JDK 21+」のとおりに入れるか、JAVA_HOME をその JDK に設定してください。" >&2
  else
    echo "$_kotae_who: needs a JDK $KOTAE_JDK_MIN or newer and found none ($_kotae_where); install one as README.md's \"Getting a JDK 21+\" says, or set JAVA_HOME to one." >&2
  fi
  return 1
}
