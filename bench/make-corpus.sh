#!/usr/bin/env bash
# Regenerates the binary and derived files of the unseen test corpus (src/test/resources/corpus/unseen) from the
# hand-written sources: each Markdown document becomes an HTML page, a Word file (LibreOffice, from the HTML, with
# heading styles) and a PDF (LibreOffice, from the Word file; untagged and without bookmarks, so without heading
# structure, except the one named in TAGGED, which is tagged and has bookmarks as an office suite exports them by
# default); each WebVTT transcript gets a SubRip copy; each deck outline in bench/corpus-src becomes a PowerPoint
# file (Apache POI writes a first one, LibreOffice Impress opens it and saves the final .pptx).
# Needs LibreOffice (soffice) on the PATH, e.g. Debian's libreoffice-writer-nogui and libreoffice-impress-nogui.
# CI does not run this; the produced files are checked in. Usage: bench/make-corpus.sh
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=src/test/resources/corpus/unseen
DECKS=bench/corpus-src
TAGGED=${TAGGED:-data-breach-response}
command -v soffice >/dev/null || { echo "needs LibreOffice: soffice is not on the PATH" >&2; exit 1; }
./mvnw -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
if ! "$JAVA" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java; fi
SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT
"$JAVA" -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
  io.stride.bench.CorpusMaker "$CORPUS" "$DECKS" "$SCRATCH/decks"
# a private LibreOffice profile, so a desktop session's settings neither leak in nor get changed
PROFILE="-env:UserInstallation=file://$SCRATCH/profile"
mkdir -p "$SCRATCH/docx" "$SCRATCH/pdf" "$SCRATCH/pptx"
for md in "$CORPUS"/*.md; do
  base=$(basename "$md" .md)
  soffice "$PROFILE" --headless --infilter="HTML (StarWriter)" --convert-to 'docx:MS Word 2007 XML' \
    --outdir "$SCRATCH/docx" "$CORPUS/$base.html" >/dev/null
  cp "$SCRATCH/docx/$base.docx" "$CORPUS/$base.docx"
  if [ "$base" = "$TAGGED" ]; then
    filter='pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"},"ExportBookmarks":{"type":"boolean","value":"true"}}'
  else
    filter='pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"false"},"ExportBookmarks":{"type":"boolean","value":"false"}}'
  fi
  soffice "$PROFILE" --headless --convert-to "$filter" --outdir "$SCRATCH/pdf" "$CORPUS/$base.docx" >/dev/null
  cp "$SCRATCH/pdf/$base.pdf" "$CORPUS/$base.pdf"
done
for pptx in "$SCRATCH"/decks/*.pptx; do
  soffice "$PROFILE" --headless --convert-to 'pptx:Impress MS PowerPoint 2007 XML' --outdir "$SCRATCH/pptx" "$pptx" >/dev/null
  cp "$SCRATCH/pptx/$(basename "$pptx")" "$CORPUS/"
done
echo "made: $(ls "$CORPUS" | wc -l) files in $CORPUS"
