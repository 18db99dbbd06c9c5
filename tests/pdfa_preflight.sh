#!/usr/bin/env bash
# Apache PDFBox Preflight on what vanban writes by default: every document
# of both samples and of the long (three-page) session, and the sample's
# notice and minutes once signed in their signature fields, must be valid
# PDF/A-1b; with --pdf-standard a-2b, what Debian can check of PDF/A-2b
# (below). Usage: pdfa_preflight.sh VANBAN SOURCE_DIR
# Exits 77 (ctest: skipped, never passed) when Java or Debian's PDFBox jars
# are missing; scripts/install-deps installs them.
set -euo pipefail
vanban=$1
src=$2
jars=/usr/share/java
# Preflight, PDFBox, FontBox and XMPBox, and what they load that Java 11+
# no longer ships (javax.activation, javax.xml.bind).
classpath=""
for jar in preflight pdfbox2 fontbox2 xmpbox commons-logging javax.activation jaxb-api; do
  if [ ! -f "$jars/$jar.jar" ]; then
    echo "skipped: $jars/$jar.jar not found (apt-get install libpdfbox2-java libactivation-java libjaxb-api-java)"
    exit 77
  fi
  classpath="$classpath:$jars/$jar.jar"
done
if ! command -v java >/dev/null; then
  echo "skipped: no java (apt-get install default-jre-headless)"
  exit 77
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$vanban" render "$src/samples" "$src/tests/data/nd30/long-session.xml" -o "$out" -q

# The sample's notice and minutes signed in every field by poppler's pdfsig
# with a throwaway certificate: a signature is an incremental update, which
# PDF/A-1b allows; the signed copies must stay valid. Without certutil or a
# pdfsig that signs, only the unsigned documents are checked (said below).
sample="$out/tuyen-quang/chiem-hoa/2023-06-13"
signed=0
if command -v certutil >/dev/null && pdfsig -h 2>&1 | grep -q -- '-sign '; then
  nss=$(mktemp -d)
  trap 'rm -rf "$out" "$nss"' EXIT
  certutil -N -d "sql:$nss" --empty-password
  head -c 64 /dev/urandom >"$nss/noise"
  certutil -S -d "sql:$nss" -n vanban-test -s "CN=Vanban Test Signer,O=vanban tests,C=VN" -x \
    -t CT,C,C -k rsa -g 2048 -Z SHA256 -v 12 -z "$nss/noise" </dev/null >/dev/null 2>&1
  sign() { pdfsig -nssdir "sql:$nss" -nick vanban-test -sign "$2" "$1" "$3" 2>/dev/null; }
  mkdir -p "$out/signed"
  sign "$sample/conclusion.pdf" signer "$out/signed/conclusion.pdf"
  sign "$sample/minutes.pdf" secretary "$nss/minutes-secretary.pdf"
  sign "$nss/minutes-secretary.pdf" chair "$out/signed/minutes.pdf"
  signed=2
else
  echo "not checked: signed copies (no certutil, or this pdfsig cannot sign)"
fi

status=0
count=0
while IFS= read -r -d '' pdf; do
  count=$((count + 1))
  report=$(java -cp "${classpath#:}" org.apache.pdfbox.preflight.Validator_A1b "$pdf" 2>&1 || true)
  name=${pdf#"$out"/}
  if grep -q "is a valid PDF/A-1b file" <<<"$report"; then
    echo "valid PDF/A-1b: $name ($(wc -c <"$pdf") bytes)"
  else
    echo "NOT valid PDF/A-1b: $name"
    echo "$report" | head -40
    status=1
  fi
done < <(find "$out" -name '*.pdf' -print0 | sort -z)

# Both samples' documents (3 + 1), the long session's, and the signed copies.
if [ "$count" -lt $((5 + signed)) ]; then
  echo "expected at least $((5 + signed)) PDFs, found $count"
  status=1
fi

# --pdf-standard a-2b. Debian 12 packages no PDF/A-2 validator (PDFBox 2's
# Preflight knows only PDF/A-1b; veraPDF is not packaged), so what can be
# checked is: Preflight's PDF/A-1b rules on the same file, which must find
# nothing but the identification (pdfaid:part 2, not 1); the %PDF-1.7
# header; qpdf --check; and the XMP identification as exiftool reads it
# (when libimage-exiftool-perl is installed). docs/nd30.md says what of
# PDF/A-2 this leaves unchecked.
out2="$out/a-2b"
"$vanban" render "$src/samples" "$src/tests/data/nd30/long-session.xml" -o "$out2" -q --pdf-standard a-2b
count2=0
while IFS= read -r -d '' pdf; do
  count2=$((count2 + 1))
  name=${pdf#"$out"/}
  report=$(java -cp "${classpath#:}" org.apache.pdfbox.preflight.Validator_A1b "$pdf" 2>&1 || true)
  # Preflight's error lines are "CODE : message".
  others=$(grep -E '^[0-9]+(\.[0-9]+)* : ' <<<"$report" | grep -v -x '7.11.2 : Error on MetaData, part must be 1' || true)
  if ! grep -q -x '7.11.2 : Error on MetaData, part must be 1' <<<"$report" || [ -n "$others" ]; then
    echo "NOT PDF/A-1b but for its part-2 identification: $name"
    echo "$report" | head -40
    status=1
    continue
  fi
  ok=1
  if [ "$(head -c 8 "$pdf")" != "%PDF-1.7" ]; then
    echo "no %PDF-1.7 header: $name"
    ok=0
  fi
  if ! qpdf --check "$pdf" >/dev/null 2>&1; then
    echo "qpdf --check fails: $name"
    ok=0
  fi
  if command -v exiftool >/dev/null; then
    ident=$(exiftool -s3 -XMP-pdfaid:Part -XMP-pdfaid:Conformance "$pdf")
    if [ "$ident" != $'2\nB' ]; then
      echo "exiftool reads pdfaid part/conformance '$ident', not 2/B: $name"
      ok=0
    fi
  fi
  [ $ok -eq 1 ] || { status=1; continue; }
  echo "PDF/A-1b rules but the identification, %PDF-1.7, qpdf --check, pdfaid 2/B: $name"
done < <(find "$out2" -name '*.pdf' -print0 | sort -z)
command -v exiftool >/dev/null || echo "not checked: the XMP read back by exiftool (apt-get install libimage-exiftool-perl)"
if [ "$count2" -lt 5 ]; then
  echo "expected at least 5 PDF/A-2b PDFs, found $count2"
  status=1
fi
exit $status
