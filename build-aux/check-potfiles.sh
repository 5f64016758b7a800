#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Fails when po/POTFILES.in misses a file with translatable strings (so its
# strings would never reach translators), or names a file that is gone (so
# `meson compile cobalt-pot` would break).
#
#   check-potfiles.sh [SOURCE_ROOT]            check (the "potfiles" test)
#   check-potfiles.sh --update [SOURCE_ROOT]   rewrite POTFILES.in to match

set -euo pipefail
export LC_ALL=C

update=false
if [[ "${1:-}" == --update ]]; then
  update=true
  shift
fi

cd "${1:-$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/..}"

readonly POTFILES=po/POTFILES.in

listed=$(sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$POTFILES" | sort -u)

# C: _("…"), N_("…"), C_("…"), NC_("…") with a literal (xgettext extracts
# nothing else); not some_function_("…"), nor "_()" in a comment.
c_files=$(grep -rlE --include='*.c' --include='*.h' \
            '(^|[^[:alnum:]_])(N|C|NC)?_[[:space:]]*\([[:space:]]*("|$)' src 2>/dev/null || true)
# GtkBuilder templates.
ui_files=$(grep -rlE --include='*.ui' 'translatable="(yes|true)"' src 2>/dev/null || true)
# Launchers, software centre listing and settings summaries.
data_files=$(find data -maxdepth 1 \( -name '*.desktop.in' -o -name '*.metainfo.xml.in' \
                                    -o -name '*.gschema.xml' \) 2>/dev/null || true)

missing=$(printf '%s\n' $c_files $ui_files $data_files | sed '/^$/d' | sort -u | comm -23 - <(printf '%s\n' "$listed"))

gone=""
while IFS= read -r file; do
  if [[ -n "$file" && ! -e "$file" ]]; then
    gone+="$file"$'\n'
  fi
done <<<"$listed"

if $update; then
  {
    sed -n '/^#/p' "$POTFILES"
    printf '%s\n' $listed $missing | sed '/^$/d' | sort -u \
      | comm -23 - <(printf '%s\n' $gone | sed '/^$/d' | sort -u)
  } >"$POTFILES.tmp"
  mv "$POTFILES.tmp" "$POTFILES"
  echo "$POTFILES updated."
  exit 0
fi

status=0
if [[ -n "$missing" ]]; then
  echo "These files have translatable strings but are not in $POTFILES:"
  printf '  %s\n' $missing
  status=1
fi
if [[ -n "$gone" ]]; then
  echo "$POTFILES lists files that do not exist:"
  printf '  %s\n' $gone
  status=1
fi
if ((status == 0)); then
  echo "$POTFILES lists every file with translatable strings."
fi
exit "$status"
