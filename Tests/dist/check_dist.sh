#!/usr/bin/env bash
# CI: the tarball of `make dist` runs on a machine without Swift. Unpacks dist/doppel-*.tar.gz
# into a temporary folder, checks that the binary needs no Swift library (ldd lists no
# libswift*, libFoundation*, libdispatch or libBlocksRuntime), then runs it on the samples in
# an empty environment (env -i, no PATH into the toolchain, LD_LIBRARY_PATH empty): `doppel diff`
# must exit 1 with the samples' 35 edits (34 editorial, 1 paragraph), and the man page, completions and -V must work.
# Usage: Tests/dist/check_dist.sh [TARBALL]   (default: the newest dist/doppel-*.tar.gz)
set -euo pipefail
cd "$(dirname "$0")/../.."

tarball=${1:-$(ls -t dist/doppel-*.tar.gz 2>/dev/null | head -n 1)}
if [ -z "$tarball" ] || [ ! -f "$tarball" ]; then
  echo "check_dist: no tarball (run make dist first)" >&2
  exit 2
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -C "$work" -xzf "$tarball"
root=$(find "$work" -mindepth 1 -maxdepth 1 -type d | head -n 1)
binary="$root/bin/doppel"
fail() { echo "check_dist: $*" >&2; exit 1; }

for file in bin/doppel share/man/man1/doppel.1 share/completions/doppel.bash share/completions/doppel.zsh \
            share/completions/doppel.fish README.md; do
  [ -e "$root/$file" ] || fail "$tarball lacks $file"
done

# No Swift runtime library among the dynamic dependencies.
if ldd "$binary" | grep -E "libswift|libFoundation|libdispatch|libBlocksRuntime|lib_Foundation"; then
  fail "$binary links Swift libraries dynamically (see above)"
fi

# A clean environment: nothing from the toolchain on the library or program path.
clean() { env -i HOME="$work" LD_LIBRARY_PATH= PATH=/usr/bin:/bin "$@"; }
samples="samples/000_d0a0d55efd38cf19.txt samples/001_bf998fbe8d636d66.txt"
set +e
clean "$binary" diff $samples > "$work/report.txt" 2> "$work/stderr.txt"
status=$?
set -e
[ "$status" -eq 1 ] || { cat "$work/stderr.txt" >&2; fail "doppel diff exited $status, not 1"; }
grep -q "; 35 edits (" "$work/report.txt" || fail "the samples' report does not count 35 edits: $(tail -n 3 "$work/report.txt")"
clean "$binary" -V | grep -q "^doppel " || fail "doppel -V failed"
clean "$binary" completions zsh | grep -q "#compdef doppel" || fail "doppel completions zsh failed"
if command -v man > /dev/null; then
  MANWIDTH=80 man "$root/share/man/man1/doppel.1" 2>/dev/null | grep -q "doppel diff" || fail "man doppel.1 shows no 'doppel diff'"
fi
echo "check_dist: $tarball runs without the Swift toolchain: 35 edits on the samples, exit status 1"
