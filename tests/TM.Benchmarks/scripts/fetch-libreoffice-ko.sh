#!/usr/bin/env bash
# Fetches Debian's libreoffice-l10n-ko (LibreOffice's Korean UI and help catalogs, about 23k English->Korean
# pairs written by the LibreOffice translators, not by us) and turns every compiled .mo catalog into a .po file
# that the `perf` benchmark reads.
#
# Idempotent and cached: the .deb, its unpacked tree and the .po files live under
#   tests/TM.Benchmarks/.cache/libreoffice-l10n-ko/
# and a run that finds the finished marker there does nothing. It never installs LibreOffice: `apt-get download`
# only fetches the one .deb, `dpkg -x` only unpacks it.
#
# Usage: bash tests/TM.Benchmarks/scripts/fetch-libreoffice-ko.sh [cache-dir]
# Prints the folder holding the .po files on its last line of stdout; everything else goes to stderr.
# Exits non-zero, with a message saying what failed, when a download or a conversion fails.
set -euo pipefail

package=libreoffice-l10n-ko
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="${1:-$here/.cache}/$package"
po_dir="$cache/po"
done_marker="$cache/.complete"

fail() {
    echo "fetch-libreoffice-ko: $*" >&2
    exit 1
}

if [[ -f "$done_marker" ]]; then
    echo "fetch-libreoffice-ko: cached in $po_dir" >&2
    echo "$po_dir"
    exit 0
fi

for tool in apt-get dpkg msgunfmt; do
    command -v "$tool" >/dev/null 2>&1 || fail "'$tool' is not installed (msgunfmt comes with the gettext package: apt-get install gettext)."
done

rm -rf "$cache"
mkdir -p "$cache/deb" "$cache/tree" "$po_dir"

echo "fetch-libreoffice-ko: apt-get download $package" >&2
# apt-get download writes into the current folder. A machine whose package lists were never fetched knows no
# candidate for the package: refresh them once and try again before giving up.
if ! (cd "$cache/deb" && apt-get download "$package" >&2); then
    echo "fetch-libreoffice-ko: download failed; running apt-get update and retrying" >&2
    apt-get update >&2 || fail "apt-get update failed; the Debian package registry cannot be reached."
    (cd "$cache/deb" && apt-get download "$package" >&2) || fail "apt-get download $package failed (see apt's message above)."
fi

shopt -s nullglob
debs=("$cache"/deb/*.deb)
(( ${#debs[@]} == 1 )) || fail "expected one .deb in $cache/deb after the download, found ${#debs[@]}."
dpkg -x "${debs[0]}" "$cache/tree" || fail "dpkg -x ${debs[0]} failed; the .deb may be damaged (delete $cache and retry)."

count=0
while IFS= read -r -d '' mo; do
    # One .po per catalog, named after its path below the locale folder so that catalogs of the same name in
    # different components (e.g. several "sw.mo") do not overwrite each other.
    relative="${mo#"$cache/tree/"}"
    name="${relative//\//_}"
    msgunfmt --output-file="$po_dir/${name%.mo}.po" "$mo" || fail "msgunfmt failed on $mo."
    count=$((count + 1))
done < <(find "$cache/tree" -name '*.mo' -print0)
(( count > 0 )) || fail "the package held no .mo catalogs under $cache/tree; its layout has changed."

echo "${debs[0]##*/}" > "$cache/package-version"
touch "$done_marker"
echo "fetch-libreoffice-ko: $count catalogs converted into $po_dir" >&2
echo "$po_dir"
