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
