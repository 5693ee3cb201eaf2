#!/usr/bin/env bash
# Checks the user-facing docs: README.md is at most 200 lines (the pitch and the way in; the
# reference belongs in docs/); docs/architecture.md names every target of Package.swift and every
# folder of Sources/; and every relative link or image in README.md, docs/*.md and the other
# READMEs points at a file or folder that exists, and at a heading that exists when it names one
# in a Markdown file (`cli.md#doppel-diff`, `#positions`; GitHub's rule for ASCII headings: lower
# case, punctuation other than `-` and `_` dropped, spaces as `-`). Links inside fenced code
# blocks are not links; http(s) and mailto links are not checked.
#   Tests/docs/check_links.sh            (from anywhere in the repository)
# Prints one line per problem and exits 1 when there is one, 0 otherwise.
set -euo pipefail
cd "$(dirname "$0")/../.."

max_readme_lines=200
status=0

lines=$(wc -l < README.md)
if [ "$lines" -gt "$max_readme_lines" ]; then
  echo "README.md: $lines lines, more than $max_readme_lines (move reference into docs/)"
  status=1
fi

# The anchors of a Markdown file's headings, one a line.
anchors() {
  awk '
    /^[ \t]*```/ { fenced = !fenced; next }
    fenced || !/^#+ / { next }
    {
      sub(/^#+ +/, ""); s = tolower($0)
      gsub(/[^a-z0-9 _-]/, "", s); gsub(/ /, "-", s)
      print s
    }' "$1"
}

# docs/architecture.md is the map: it names every target of Package.swift and every folder of
# Sources/ (as `Name/`).
for target in $(grep -oE 'name: "[A-Za-z]+"' Package.swift | sed -E 's/name: "(.*)"/\1/' | sort -u); do
  if ! grep -qF "$target" docs/architecture.md; then
    echo "docs/architecture.md: target $target is not described"
    status=1
  fi
done
for folder in Sources/*/*/; do
  name=$(basename "$folder")
  if ! grep -qF "$name/" docs/architecture.md; then
    echo "docs/architecture.md: folder ${folder%/} is not described"
    status=1
  fi
done

files=(README.md docs/*.md bench/README.md contrib/spark/README.md samples/README.md)
checked=0
for file in "${files[@]}"; do
  [ -f "$file" ] || continue
  dir=$(dirname "$file")
  # Targets of [text](target) and ![alt](target), outside ``` fences, as LINE<TAB>TARGET.
  while IFS=$'\t' read -r line target; do
    case $target in
      http://* | https://* | mailto:*) continue ;;
    esac
    checked=$((checked + 1))
    path=${target%%#*}
    fragment=${target#"$path"}
    fragment=${fragment#\#}
    linked=$file
    [ -n "$path" ] && linked=$dir/$path
    if [ ! -e "$linked" ]; then
      echo "$file:$line: broken link: $target"
      status=1
    elif [ -n "$fragment" ] && [[ $linked == *.md ]] && ! anchors "$linked" | grep -qxF -- "$fragment"; then
      echo "$file:$line: no heading for #$fragment in $linked"
      status=1
    fi
  done < <(awk '
    /^[ \t]*```/ { fenced = !fenced; next }
    fenced { next }
    {
      rest = $0
      while (match(rest, /\]\([^) \t]+\)/)) {
        printf "%d\t%s\n", NR, substr(rest, RSTART + 2, RLENGTH - 3)
        rest = substr(rest, RSTART + RLENGTH)
      }
    }' "$file")
done

[ "$status" -eq 0 ] && echo "docs: README.md has $lines lines; architecture.md names every target and folder; $checked relative links resolve"
exit "$status"
