#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check-completion.sh SCRIPT COBALT COBALT_REMINDER
#
# Sources the bash completion SCRIPT (data/completion/cobalt) and completes
# as bash would, in a plain bash and again with bash-completion's helpers
# loaded (when installed):
# - `cobalt --ex` offers exactly the --export-* options of --help-all;
# - `cobalt ` offers every long option of `cobalt --help-all` and no other,
#   and the same for cobalt-reminder;
# - option arguments: folders for --data-dir, files for the exports and
#   --import-csv (also as --import-csv=FILE), nothing for --person.

set -euo pipefail

script=$(readlink -f "$1")
cobalt=$(readlink -f "$2")
reminder=$(readlink -f "$3")
failures=0

fail ()
{
  printf 'FAIL: %s\n' "$*" >&2
  failures=$((failures + 1))
}

# The long options of PROGRAM --help-all, sorted, one a line.
help_options ()
{
  LC_ALL=C.UTF-8 "$1" --help-all |
    sed -n -E 's/^[[:space:]]+(-[[:alnum:]], )?(--[a-z][a-z0-9-]*).*/\2/p' | sort -u
}

# complete MODE WORD... : what the completion offers for the last WORD
# (an empty last word: completing after a space), sorted, one a line.
# MODE "plain" or "bash-completion".
complete_words ()
{
  local mode=$1
  shift
  bash --norc --noprofile -c '
    mode=$1 script=$2
    shift 2
    if [[ $mode == bash-completion ]]; then
      # shellcheck disable=SC1091
      source /usr/share/bash-completion/bash_completion
    fi
    # shellcheck disable=SC1090
    source "$script"
    COMP_WORDS=("$@")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMP_LINE="$*"
    COMP_POINT=${#COMP_LINE}
    function=$(complete -p "$1" | sed -n -E "s/.*-F ([^ ]+).*/\1/p")
    [[ -n $function ]] || { echo "no completion registered for $1" >&2; exit 1; }
    COMPREPLY=()
    "$function" "$1" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
    printf "%s\n" "${COMPREPLY[@]}"
  ' complete-words "$mode" "$script" "$@" | sed '/^$/d' | sort -u
}

# expect MODE "WANTED (one a line)" WORD... : the offer is exactly WANTED.
expect ()
{
  local mode=$1 wanted=$2 got
  shift 2
  got=$(complete_words "$mode" "$@")
  if [[ "$got" != "$wanted" ]]; then
    fail "$mode: completing '$*' offered:"$'\n'"$(diff <(printf '%s\n' "$wanted" | sed '/^$/d') \
      <(printf '%s\n' "$got" | sed '/^$/d') | sed -n 's/^[<>]/  &/p')"$'\n'"  (< wanted but not offered, > offered but not wanted)"
  fi
}

cobalt_options=$(help_options "$cobalt")
reminder_options=$(help_options "$reminder")
exports=$(grep -- '^--ex' <<<"$cobalt_options" || true)
if [[ -z "$cobalt_options" || -z "$reminder_options" ]]; then
  fail "--help-all listed no options"
fi
if [[ $(wc -l <<<"$exports") -lt 4 ]]; then
  fail "cobalt --help-all lists fewer than four --export options: $exports"
fi

# Files for the arguments, in a folder of their own.
work=$(mktemp -d "${TMPDIR:-/tmp}/cobalt-completion.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir "$work/alpha dir" "$work/alps"
touch "$work/alpha.csv" "$work/alpha.txt"
cd "$work"

modes=(plain)
if [[ -f /usr/share/bash-completion/bash_completion ]]; then
  modes+=(bash-completion)
else
  echo "# bash-completion is not installed: checked without its helpers only"
fi

for mode in "${modes[@]}"; do
  expect "$mode" "$exports" cobalt --ex
  expect "$mode" "$(printf '%s\n' "$cobalt_options" | grep -- '^--')" cobalt --
  # Everything, -h included, after a space.
  expect "$mode" "$(printf '%s\n-h\n' "$cobalt_options" | sort -u)" cobalt ""
  expect "$mode" "$(printf '%s\n-h\n' "$reminder_options" | sort -u)" cobalt-reminder ""
  expect "$mode" "$(printf '%s\n' "$cobalt_options" | grep -- '^--st')" cobalt --demo --st

  expect "$mode" $'alpha dir\nalps' cobalt --data-dir al
  expect "$mode" $'alpha dir\nalps' cobalt-reminder --data-dir al
  expect "$mode" "" cobalt --person al
  # bash-completion's _filedir offers folders too, to go into them.
  if [[ $mode == plain ]]; then
    expect "$mode" $'alpha dir\nalpha.csv\nalpha.txt\nalps' cobalt --export-pdf al
    expect "$mode" $'alpha dir\nalpha.csv\nalpha.txt\nalps' cobalt --import-csv al
    expect "$mode" $'alpha dir\nalpha.csv\nalpha.txt\nalps' cobalt --export-csv = al
    expect "$mode" $'--export-csv=alpha dir\n--export-csv=alpha.csv\n--export-csv=alpha.txt\n--export-csv=alps' \
      cobalt --export-csv=al
  else
    expect "$mode" $'alpha dir\nalpha.csv\nalpha.txt\nalps' cobalt --export-pdf al
    expect "$mode" $'alpha dir\nalpha.csv\nalps' cobalt --import-csv al
    expect "$mode" $'alpha dir\nalpha.csv\nalpha.txt\nalps' cobalt --export-csv = al
  fi
done

if ((failures > 0)); then
  echo "$failures completion check(s) failed" >&2
  exit 1
fi
echo "completion: $(wc -l <<<"$cobalt_options") cobalt options and $(wc -l <<<"$reminder_options")" \
  "cobalt-reminder options offered, the same as --help-all; arguments complete (${modes[*]})"
