#!/usr/bin/env bash
# Draft quality: drafts every document of the test corpora (src/test/resources/corpus/unseen with its manifest
# expected.json, and the older files in src/test/resources/corpus) through the offline engine and prints per
# document: words, questions by kind, the cloze share, answer repeats, the true/false balance, questions with
# markup in the stem or key, whether title and modules match the manifest, and the drafting time (p50); then the
# totals against the targets of issue 13 with PASS/FAIL.
# Usage: bench/draft-quality.sh [--runs N] [--warmup N]     the table (default: 5 runs after 2 warm-up per file)
#        bench/draft-quality.sh --show FILE                 one document's draft questions, verbatim
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
if ! "$JAVA" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java; fi
exec "$JAVA" -Xmx1g -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
  io.stride.bench.DraftQualityBench "$@"
