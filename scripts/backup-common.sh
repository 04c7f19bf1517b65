# Shared by backup.sh and restore.sh: Stride's settings with the defaults of application.yml, and the tools.
# shellcheck shell=bash

DB_URL=${STRIDE_DB_URL:-jdbc:h2:file:./data/stride;AUTO_SERVER=FALSE}
DB_USER=${STRIDE_DB_USER:-sa}
DB_PASSWORD=${STRIDE_DB_PASSWORD:-}
MEDIA_STORE=${STRIDE_MEDIA_STORE:-database}
MEDIA_DIR=${STRIDE_MEDIA_DIRECTORY:-./data/media}
RECORDINGS_DIR=${STRIDE_RECORDINGS_DIR:-./data/recordings}
KEY_FILE=${STRIDE_BADGES_KEY_FILE:-}
# quoted: Flyway's table and columns are lower case on H2 too
FLYWAY_VERSION_SQL='SELECT "version" FROM "flyway_schema_history" WHERE "success" ORDER BY "installed_rank" DESC LIMIT 1'

said() { printf '%s\n' "$*"; }
fail() { printf 'stride backup: %s\n' "$*" >&2; exit 1; }
elapsed() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }

is_postgres() { case "$DB_URL" in jdbc:postgresql:*) return 0 ;; jdbc:h2:*) return 1 ;; esac; fail "unknown database URL $DB_URL"; }

# jdbc:postgresql://host:port/db?options → postgresql://host:port/db (libpq reads the user and password from PG*)
pg_uri() { local u=${DB_URL#jdbc:}; printf '%s' "${u%%\?*}"; }
with_pg_env() { PGUSER=$DB_USER PGPASSWORD=$DB_PASSWORD "$@"; }

java_bin() { if [ -n "${JAVA_HOME:-}" ]; then printf '%s' "$JAVA_HOME/bin/java"; else printf java; fi; }

# runs one of H2's tools (org.h2.tools.Script, RunScript, Shell) with the H2 that Stride ships
h2_tool() {
  local main=$1; shift
  if [ -n "${STRIDE_CLASSPATH:-}" ]; then
    "$(java_bin)" -cp "$STRIDE_CLASSPATH" "$main" "$@"
  else
    local jar=${STRIDE_JAR:-$(ls target/stride-*.jar 2>/dev/null | grep -v original | head -n 1)}
    [ -n "$jar" ] && [ -f "$jar" ] || fail "no Stride jar for H2's tools: set STRIDE_JAR (or run ./mvnw package)"
    "$(java_bin)" -cp "$jar" -Dloader.main="$main" org.springframework.boot.loader.launch.PropertiesLauncher "$@"
  fi
}
# one value; H2's Shell prints an error in place of the result and still exits with 0
h2_query() {
  local out
  out=$(h2_tool org.h2.tools.Shell -url "$DB_URL" -user "$DB_USER" -password "$DB_PASSWORD" -sql "$1" 2>&1) || return 1
  case "$out" in *'Exception'* | *'['[0-9][0-9][0-9][0-9][0-9]-[0-9]*']'*) printf '%s\n' "$out" >&2; return 1 ;; esac
  printf '%s\n' "$out" | sed -n 2p
}

stride_version() {
  if [ -n "${STRIDE_VERSION:-}" ]; then printf '%s' "$STRIDE_VERSION"; return; fi
  local pom version commit
  pom="$(dirname "${BASH_SOURCE[0]}")/../pom.xml"
  version=$([ -f "$pom" ] && sed -n 's:^  <version>\(.*\)</version>$:\1:p' "$pom" | head -n 1)
  commit=$(git -C "$(dirname "${BASH_SOURCE[0]}")" rev-parse --short HEAD 2>/dev/null || true)
  printf '%s%s' "${version:-unknown}" "${commit:+ ($commit)}"
}
