#!/usr/bin/env bash
# Benchmark: a recording of about ten minutes (the handbook read by espeak-ng) uploaded, transcribed in chunks against
# a local server speaking the /audio/transcriptions protocol, and drafted, through the running application on its
# embedded database; prints the time of each step and the application's peak heap. Needs ffmpeg and espeak-ng.
# Usage: bench/recording.sh [minutes of speech]     (default 10)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
if ! "$JAVA" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java; fi
exec "$JAVA" -Xmx1g -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
  io.stride.bench.RecordingBenchmark "$@"
