#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds the Debian package from debian/ and checks it: run through
# `build-aux/dev.sh deb`, which first installs the packages of
# build-aux/debian-packages.txt (debian/control's Build-Depends are its
# "Build" section). Here:
#
# 1. installs the packaging tools (debhelper, lintian) when missing;
# 2. copies the sources (what git tracks, and new files it does not
#    ignore) to _build-deb/cobalt-VERSION/, so that the working tree gets
#    no build files, and runs `dpkg-buildpackage -us -uc -b` there: the
#    .deb, .buildinfo and .changes land in _build-deb/;
# 3. runs lintian on them: any error or warning fails (each accepted one
#    is overridden, with the reason, in debian/cobalt.lintian-overrides);
#    its output is also in _build-deb/lintian.txt;
# 4. checks that the package holds the autostart entry under
#    /etc/xdg/autostart, both man pages and the bash completion;
# 5. installs it (apt-get install ./cobalt_*.deb) and runs
#    `cobalt --version`, `cobalt-reminder --version` and `cobalt --status`
#    (on an empty scratch data folder, not yours).

set -euo pipefail

cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."

readonly OUT_DIR=_build-deb
readonly -a TOOLS=(debhelper lintian dpkg-dev fakeroot)
readonly AUTOSTART=etc/xdg/autostart/io.github.cobaltb12.Cobalt.Reminder-autostart.desktop
readonly -a CONTENTS=(
  usr/bin/cobalt
  usr/bin/cobalt-reminder
  "$AUTOSTART"
  usr/share/man/man1/cobalt.1.gz
  usr/share/man/man1/cobalt-reminder.1.gz
  usr/share/bash-completion/completions/cobalt
  usr/share/bash-completion/completions/cobalt-reminder
  usr/share/applications/io.github.cobaltb12.Cobalt.desktop
  usr/share/glib-2.0/schemas/io.github.cobaltb12.Cobalt.gschema.xml
)

say ()
{
  printf 'deb.sh: %s\n' "$*" >&2
}

sudo=()
if ((EUID != 0)); then
  sudo=(sudo)
fi

install_tools ()
{
  local -a missing=()
  local tool

  for tool in "${TOOLS[@]}"; do
    if [[ $(dpkg-query -W -f='${db:Status-Status}' "$tool" 2>/dev/null || true) != installed ]]; then
      missing+=("$tool")
    fi
  done
  if ((${#missing[@]} > 0)); then
    say "installing the packaging tools: ${missing[*]}"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
  fi
}

# The source files, NUL-separated: git's list when this is a checkout,
# else every file but build output.
list_sources ()
{
  if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    # Tracked and new files, without deleted ones and what .gitignore names.
    git ls-files -z --cached --others --exclude-standard |
      while IFS= read -r -d '' file; do
        [[ -f $file || -L $file ]] && printf '%s\0' "$file"
      done
  else
    find . -path ./.git -prune -o -path './_build*' -prune -o -path ./_node -prune \
      -o -path './obj-*' -prune -o \( -type f -o -type l \) -printf '%P\0'
  fi
}

install_tools

version=$(dpkg-parsechangelog -S Version)
arch=$(dpkg --print-architecture)
source_dir=$OUT_DIR/cobalt-$version
deb=$OUT_DIR/cobalt_${version}_${arch}.deb
changes=$OUT_DIR/cobalt_${version}_${arch}.changes

rm -rf "$source_dir"
rm -f "$OUT_DIR"/cobalt_*
mkdir -p "$source_dir"
list_sources | tar --null --files-from=- -cf - | tar -xf - -C "$source_dir"
say "building cobalt $version for $arch in $source_dir/"
# Two compilers at once unless DEB_BUILD_OPTIONS says otherwise.
(cd "$source_dir" && DEB_BUILD_OPTIONS=${DEB_BUILD_OPTIONS:-parallel=2} dpkg-buildpackage -us -uc -b)

say "lintian $changes"
lintian_rc=0
lintian --fail-on error,warning --display-info "$changes" 2>&1 | tee "$OUT_DIR/lintian.txt" \
  || lintian_rc=$?
if ((lintian_rc != 0)); then
  say "lintian found errors or warnings (above; also in $OUT_DIR/lintian.txt)." \
      "Fix each, or override it with the reason in debian/cobalt.lintian-overrides."
  exit 1
fi

contents=$(dpkg-deb -c "$deb" | awk '{ print $6 }' | sed 's|^\./||')
for file in "${CONTENTS[@]}"; do
  if ! grep -qx -- "$file" <<<"$contents"; then
    say "$deb has no /$file"
    exit 1
  fi
done
say "$deb holds /$AUTOSTART, the man pages and the completion"

say "installing $deb"
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --reinstall "./$deb"

scratch=$(mktemp -d "${TMPDIR:-/tmp}/cobalt-deb.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
say "/usr/bin/cobalt --version; /usr/bin/cobalt-reminder --version"
for program in cobalt cobalt-reminder; do
  printed=$(/usr/bin/$program --version)
  printf '%s\n' "$printed"
  if [[ $printed != "$program $version" ]]; then
    say "/usr/bin/$program --version printed '$printed', not '$program $version'"
    exit 1
  fi
done
say "/usr/bin/cobalt --status on an empty data folder:"
status=$(LC_ALL=C.UTF-8 COBALT_DATA_DIR="$scratch/data" /usr/bin/cobalt --status)
printf '%s\n' "$status"
if [[ $status != "Nobody has been set up in Cobalt yet."* ]]; then
  say "unexpected output from cobalt --status"
  exit 1
fi
man -w cobalt >/dev/null
man -w cobalt-reminder >/dev/null

rm -rf "$source_dir"
say "done: $deb (lintian: $OUT_DIR/lintian.txt)"
