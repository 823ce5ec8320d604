#!/bin/sh
# Renders every man page under the given directory with groff, all warnings on, and fails
# on any warning or error (groff from Debian's groff or groff-base package).
set -u
dir=$1
status=0
count=0
for page in "$dir"/*.1; do
  count=$((count + 1))
  out=$(groff -man -Tutf8 -ww -z "$page" 2>&1) || status=1
  if [ -n "$out" ]; then
    printf '%s:\n%s\n' "$page" "$out"
    status=1
  fi
done
if [ "$count" -eq 0 ]; then
  echo "no man pages in $dir"
  exit 1
fi
[ "$status" -eq 0 ] && echo "$count man pages render without warnings"
exit "$status"
