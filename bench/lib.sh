# Shared by the bench scripts (sourced): a JDK 21+ in $JAVA, and psql as the database admin (PGHOST, PGPORT).

JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
if ! "$JAVA" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
  JAVA=$JAVA_HOME/bin/java
fi

psql_admin() {
  if psql -h "$PGHOST" -p "$PGPORT" -U postgres -d postgres -tAc 'select 1' >/dev/null 2>&1; then
    psql -h "$PGHOST" -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1 -tA "$@"
  else
    su postgres -c "psql -p $PGPORT -v ON_ERROR_STOP=1 -tA $(printf '%q ' "$@")"
  fi
}

# An empty database owned by the stride role (made if missing), for a benchmark to fill.
fresh_database() {
  echo "== fresh database $1"
  psql_admin -d postgres -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" >/dev/null
  psql_admin -d postgres -c "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'stride') THEN CREATE ROLE stride LOGIN PASSWORD 'stride'; END IF; END \$\$;" >/dev/null
  psql_admin -d postgres -c "CREATE DATABASE $1 OWNER stride" >/dev/null
}

# The application's jar, built first unless SKIP_BUILD is set.
build_unless_skipped() {
  if [ -z "${SKIP_BUILD:-}" ]; then
    echo "== building the application"
    ./mvnw -q -B -ntp -DskipTests package
  fi
}
