#!/usr/bin/env bash
# One archive holding everything an installation needs to come back: the database (PostgreSQL: pg_dump's custom
# format, taken while Stride runs; embedded H2: H2's SCRIPT, taken while Stride is stopped), the media folder when
# lessons' media are kept in one, recordings kept after transcription, the badge signing key file when one is
# configured (otherwise the key is in the database, table badge_keys), and a manifest with checksums.
#
#   scripts/backup.sh [archive.tar]
#
# Reads the settings Stride reads: STRIDE_DB_URL, STRIDE_DB_USER, STRIDE_DB_PASSWORD, STRIDE_MEDIA_DIRECTORY,
# STRIDE_RECORDINGS_DIR, STRIDE_BADGES_KEY_FILE (unset: Stride's defaults under ./data). For H2 it runs H2's own
# tools from the Stride jar (STRIDE_JAR, default target/stride-*.jar) or from STRIDE_CLASSPATH.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=scripts/backup-common.sh
. "$here/backup-common.sh"

archive=${1:-stride-backup-$(date -u +%Y%m%dT%H%M%SZ).tar}
case "$archive" in /*) ;; *) archive="$PWD/$archive" ;; esac
[ -e "$archive" ] && fail "$archive exists already"

staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
started=$(date +%s.%N)

if is_postgres; then
  kind=postgresql
  with_pg_env pg_dump --format=custom --no-owner --no-acl --file="$staging/database.dump" "$(pg_uri)" \
    || fail "pg_dump failed"
  schema=$(with_pg_env psql -X -q -tA -d "$(pg_uri)" -c "$FLYWAY_VERSION_SQL")
  said "database: pg_dump of $(pg_uri) ($(du -h "$staging/database.dump" | cut -f1))"
else
  kind=h2
  # opening the file fails while Stride has it open: the copy is then never half of a running database
  h2_tool org.h2.tools.Script -url "$DB_URL" -user "$DB_USER" -password "$DB_PASSWORD" \
    -script "$staging/database.sql.zip" -options COMPRESSION ZIP 2>"$staging/h2.log" \
    || { grep -m 1 -o 'Database may be already in use[^.]*\|[A-Za-z.]*Exception: .*' "$staging/h2.log" >&2 || true
         fail "H2 could not open $DB_URL: stop Stride first (the embedded database is opened by one process at a time)"; }
  rm -f "$staging/h2.log"
  schema=$(h2_query "$FLYWAY_VERSION_SQL") || fail "no Flyway schema history in $DB_URL"
  said "database: H2 SCRIPT of $DB_URL ($(du -h "$staging/database.sql.zip" | cut -f1))"
fi

copy_folder() { # name, source folder
  if [ -d "$2" ] && [ -n "$(ls -A "$2")" ]; then
    mkdir -p "$staging/files/$1"
    cp -a "$2/." "$staging/files/$1/"
    said "$1: $(find "$2" -type f | wc -l) files from $2"
  else
    said "$1: none ($2 is empty or absent)"
  fi
}
if [ "$MEDIA_STORE" = directory ]; then
  copy_folder media "$MEDIA_DIR"
else
  said "media: kept in the database (stride.media.store=$MEDIA_STORE)"
fi
copy_folder recordings "$RECORDINGS_DIR"
if [ -n "$KEY_FILE" ]; then
  [ -f "$KEY_FILE" ] || fail "STRIDE_BADGES_KEY_FILE names $KEY_FILE, which does not exist"
  mkdir -p "$staging/files"
  cp -p "$KEY_FILE" "$staging/files/badge-signing-key.pem"
  said "badge signing key: $KEY_FILE"
else
  said "badge signing key: in the database (badge_keys)"
fi

{
  echo "stride-backup: 1"
  echo "stride-version: $(stride_version)"
  echo "database: $kind"
  echo "flyway-schema-version: $schema"
  echo "created: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "media-store: $MEDIA_STORE"
  echo "badge-key: $([ -n "$KEY_FILE" ] && echo file || echo database)"
  echo "sha256:"
  (cd "$staging" && find . -type f ! -name manifest.txt -printf '%P\n' | LC_ALL=C sort | xargs -r -d '\n' sha256sum)
} >"$staging/manifest.txt"

tar -cf "$archive" -C "$staging" .
said "wrote $archive ($(du -h "$archive" | cut -f1), Flyway schema version $schema) in $(elapsed "$started") s"
