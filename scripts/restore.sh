#!/usr/bin/env bash
# Restores an archive of scripts/backup.sh into an EMPTY database (it refuses one with any table) and puts the
# files back into empty or absent folders; checks the manifest's checksums first and changes nothing when any
# check fails.
#
#   scripts/restore.sh archive.tar
#
# The same settings as backup.sh name where things go (STRIDE_DB_URL, STRIDE_DB_USER, STRIDE_DB_PASSWORD,
# STRIDE_MEDIA_DIRECTORY, STRIDE_RECORDINGS_DIR, STRIDE_BADGES_KEY_FILE). Start Stride afterwards: Flyway then
# brings an older backup's schema up to the jar's version.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=scripts/backup-common.sh
. "$here/backup-common.sh"

[ $# -eq 1 ] && [ -f "$1" ] || fail "usage: scripts/restore.sh archive.tar"
staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
started=$(date +%s.%N)
tar -xf "$1" -C "$staging"
manifest="$staging/manifest.txt"
[ -f "$manifest" ] || fail "$1 has no manifest.txt: not an archive of scripts/backup.sh"
field() { sed -n "s/^$1: //p" "$manifest"; }
(cd "$staging" && sed -n '/^sha256:$/,$p' manifest.txt | tail -n +2 | sha256sum --check --quiet --strict) \
  || fail "$1 does not match its manifest's checksums"
said "archive: $1, Stride $(field stride-version), Flyway schema version $(field flyway-schema-version), taken $(field created); checksums match"

# --- everything is checked before anything is written ---------------------------------------------------------
kind=$(field database)
if is_postgres; then
  [ "$kind" = postgresql ] || fail "the archive holds an $kind database; restore it into $kind (to move H2 to PostgreSQL see README: Backup and restore)"
  tables=$(with_pg_env psql -X -q -tA -d "$(pg_uri)" -c \
    "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S')")
else
  [ "$kind" = h2 ] || fail "the archive holds a $kind database; set STRIDE_DB_URL to a PostgreSQL database"
  tables=$(h2_query "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'") \
    || fail "H2 could not open $DB_URL: stop Stride first"
fi
[ "$tables" = 0 ] || fail "the database $DB_URL is not empty ($tables tables, views or sequences): restore only into an empty one"

empty_or_absent() { [ ! -e "$1" ] || { [ -d "$1" ] && [ -z "$(ls -A "$1")" ]; }; }
if [ -d "$staging/files/media" ]; then
  [ "$MEDIA_STORE" = directory ] || fail "the archive holds media files but STRIDE_MEDIA_STORE is not directory"
  empty_or_absent "$MEDIA_DIR" || fail "the media folder $MEDIA_DIR is not empty"
fi
if [ -d "$staging/files/recordings" ]; then
  empty_or_absent "$RECORDINGS_DIR" || fail "the recordings folder $RECORDINGS_DIR is not empty"
fi
if [ -f "$staging/files/badge-signing-key.pem" ]; then
  [ -n "$KEY_FILE" ] || fail "the archive holds the badge signing key file; set STRIDE_BADGES_KEY_FILE to where it goes"
  [ ! -e "$KEY_FILE" ] || cmp -s "$KEY_FILE" "$staging/files/badge-signing-key.pem" \
    || fail "$KEY_FILE exists and holds another key"
fi

# --- the database, then the files ------------------------------------------------------------------------------
if is_postgres; then
  with_pg_env pg_restore --no-owner --no-acl --exit-on-error --single-transaction -d "$(pg_uri)" \
    "$staging/database.dump" || fail "pg_restore failed; the database is left as it was (one transaction)"
  restored=$(with_pg_env psql -X -q -tA -d "$(pg_uri)" -c "$FLYWAY_VERSION_SQL")
else
  h2_tool org.h2.tools.RunScript -url "$DB_URL" -user "$DB_USER" -password "$DB_PASSWORD" \
    -script "$staging/database.sql.zip" -options COMPRESSION ZIP || fail "H2's RUNSCRIPT failed"
  restored=$(h2_query "$FLYWAY_VERSION_SQL") || fail "no Flyway schema history after RUNSCRIPT"
fi
said "database: restored into $DB_URL (Flyway schema version $restored)"

put_back() { # name, folder
  if [ -d "$staging/files/$1" ]; then
    mkdir -p "$2"
    cp -a "$staging/files/$1/." "$2/"
    said "$1: $(find "$staging/files/$1" -type f | wc -l) files into $2"
  fi
}
put_back media "$MEDIA_DIR"
put_back recordings "$RECORDINGS_DIR"
if [ -f "$staging/files/badge-signing-key.pem" ]; then
  mkdir -p "$(dirname "$KEY_FILE")"
  cp -p "$staging/files/badge-signing-key.pem" "$KEY_FILE"
  chmod 600 "$KEY_FILE"
  said "badge signing key: $KEY_FILE"
else
  said "badge signing key: restored with the database (badge_keys)"
fi
said "restored in $(elapsed "$started") s"
