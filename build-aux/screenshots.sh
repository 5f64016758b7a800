#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Remakes screenshots/today-light.png and screenshots/today-dark.png (and
# the Journal's charts, the Supplies page, the Log and the Calendar, light
# and dark; Today and the checklist in German: today-de.png, checklist-de.png)
# (1280×800) from the real application on demo data (`cobalt --demo`),
# under Xvfb. Run through `build-aux/dev.sh screenshots`, which builds
# first and sets COBALT_BUILD_DIR; needs xvfb-run, dbus-run-session,
# xwininfo, xwd and ImageMagick's convert.

set -euo pipefail

cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."

readonly BUILD_DIR=${COBALT_BUILD_DIR:-$PWD/_build}
readonly COBALT=$BUILD_DIR/src/cobalt
readonly OUT_DIR=screenshots
readonly WIDTH=1280
readonly HEIGHT=800

say ()
{
  printf 'screenshots.sh: %s\n' "$*" >&2
}

for tool in xvfb-run dbus-run-session xwininfo xwd convert; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    say "$tool is missing (Debian: xvfb, dbus, x11-utils, imagemagick)"
    exit 1
  fi
done
if [[ ! -x "$COBALT" ]]; then
  say "no built cobalt at $COBALT: run build-aux/dev.sh screenshots"
  exit 1
fi

scratch=$(mktemp -d "${TMPDIR:-/tmp}/cobalt-screenshots.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$OUT_DIR"

# Runs inside the Xvfb + D-Bus session: start Cobalt on demo data, wait for
# its window and a painted frame, grab the screen, stop Cobalt.
cat >"$scratch/shoot-inside.sh" <<'INSIDE'
set -euo pipefail
# A plain --demo opens at once on "Making the sample data…"; --person
# looks the name up first, so the demo is in before the window opens.
# shellcheck disable=SC2086 # EXTRA_ARGS: more options, split on spaces
"$COBALT" --demo --person "${PERSON:-Alex Morgan}" ${EXTRA_ARGS:-} &
pid=$!
for _ in $(seq 1 100); do
  if xwininfo -root -tree 2>/dev/null | grep -q "${TITLE:-\"Cobalt\"}"; then
    break
  fi
  sleep 0.1
done
sleep 1.5   # fonts, icons and the first frames
xwd -root -silent | convert xwd:- -crop "${WIDTH}x${HEIGHT}+0+0" +repage "$OUTPUT"
kill "$pid"
wait "$pid" 2>/dev/null || true
INSIDE

shoot ()
{
  # $3: the section to open (COBALT_START_PAGE, e.g. journal/charts);
  # $4: the locale (C.UTF-8); $5: the person, $6: more options for cobalt,
  # $7: part of the window's title to wait for.
  local theme=$1 output=$2 page=${3:-} locale=${4:-C.UTF-8} home
  home=$scratch/$(basename "$output" .png)
  mkdir -p "$home/config/glib-2.0/settings" "$home/data" "$home/cache" "$home/tmp"
  mkdir -m 0700 "$home/runtime"

  # The window opens at the size kept in its settings: give it the
  # screenshot's size through a private keyfile backend.
  printf '[io/github/cobaltb12/Cobalt]\nwindow-width=%d\nwindow-height=%d\nwindow-maximized=false\n' \
    "$WIDTH" "$HEIGHT" >"$home/config/glib-2.0/settings/keyfile"

  env XDG_CONFIG_HOME="$home/config" \
      XDG_DATA_HOME="$home/data" \
      XDG_CACHE_HOME="$home/cache" \
      XDG_RUNTIME_DIR="$home/runtime" \
      TMPDIR="$home/tmp" \
      GSETTINGS_BACKEND=keyfile \
      GSETTINGS_SCHEMA_DIR="$BUILD_DIR/data" \
      GTK_THEME="$theme" \
      GSK_RENDERER=cairo \
      GTK_A11Y=none \
      LC_ALL="$locale" \
      COBALT_LOCALEDIR="$BUILD_DIR/po" \
      PERSON="${5:-Alex Morgan}" EXTRA_ARGS="${6:-}" TITLE="${7:-\"Cobalt\"}" \
      COBALT_START_PAGE="$page" \
      COBALT="$COBALT" OUTPUT="$PWD/$output" WIDTH="$WIDTH" HEIGHT="$HEIGHT" \
    xvfb-run -a -s "-screen 0 ${WIDTH}x${HEIGHT}x24" \
      dbus-run-session -- bash "$scratch/shoot-inside.sh"

  say "wrote $output"
}

shoot Default "$OUT_DIR/today-light.png"
shoot Default:dark "$OUT_DIR/today-dark.png"
shoot Default "$OUT_DIR/journal-light.png" journal/charts
shoot Default:dark "$OUT_DIR/journal-dark.png" journal/charts
shoot Default "$OUT_DIR/supplies-light.png" supplies
shoot Default:dark "$OUT_DIR/supplies-dark.png" supplies
shoot Default "$OUT_DIR/log-light.png" log
shoot Default:dark "$OUT_DIR/log-dark.png" log
shoot Default "$OUT_DIR/calendar-light.png" calendar
shoot Default:dark "$OUT_DIR/calendar-dark.png" calendar
# In German (README, "Translations"): Today, and the checklist's first step
# for Sam Rivera (cobalt --checklist; its window title names him).
shoot Default "$OUT_DIR/today-de.png" "" de_DE.UTF-8
shoot Default "$OUT_DIR/checklist-de.png" "" de_DE.UTF-8 "Sam Rivera" --checklist "Sam Rivera"

# The patient journey (a checklist step, the urgent help opened from it,
# the site picker, aftercare, preferences, the Stop page): a renderer opens Cobalt's own window on demo data, goes
# Today → Start checklist, and draws the window (header bar included) at
# 1280×800, one run per theme. The screen is a little larger than the
# picture: X11 keeps a window, frame included, inside the screen.
readonly JOURNEY=$BUILD_DIR/tests/gui/journey-screenshots
if [[ -x "$JOURNEY" ]]; then
  for theme in Default Default:dark; do
    suffix=light
    [[ $theme == *:dark ]] && suffix=dark
    env GTK_THEME="$theme" GSK_RENDERER=cairo GTK_A11Y=none LC_ALL=C.UTF-8 \
        GSETTINGS_BACKEND=memory \
      xvfb-run -a -s "-screen 0 $((WIDTH + 100))x$((HEIGHT + 100))x24" \
        dbus-run-session -- "$JOURNEY" "$OUT_DIR" "$suffix" >/dev/null
    say "wrote $OUT_DIR/{checklist,urgent-help,site-picker,aftercare,preferences,stop}-$suffix.png"
  done
else
  say "no $JOURNEY (tests disabled?): journey screenshots skipped"
fi

# The narrow window (360×720) and large text (1280×800, text twice its
# size), and Today in GTK's high-contrast theme: Today, the Log and a
# checklist step (README, "Accessibility").
if [[ -x "$JOURNEY" ]]; then
  sized=$scratch/sized
  mkdir -p "$sized"
  for spec in "Default narrow 360 720" "Default large 1280 800 2" "HighContrast high-contrast 1280 800"; do
    read -r theme suffix size <<<"$spec"
    # shellcheck disable=SC2086 # size is WIDTH HEIGHT [SCALE]
    env GTK_THEME="$theme" GSK_RENDERER=cairo GTK_A11Y=none LC_ALL=C.UTF-8 \
        GSETTINGS_BACKEND=memory \
      xvfb-run -a -s "-screen 0 $((WIDTH + 100))x$((HEIGHT + 100))x24" \
        dbus-run-session -- "$JOURNEY" "$sized" "$suffix" $size >/dev/null
  done
  for name in today-narrow log-narrow checklist-narrow today-large log-large checklist-large \
              today-high-contrast; do
    cp "$sized/$name.png" "$OUT_DIR/$name.png"
  done
  say "wrote $OUT_DIR/{today,log,checklist}-{narrow,large}.png and today-high-contrast.png"
fi

# The first-run form on an empty log, as someone in the UK sees it (the
# emergency number filled in to check, no regimen and no site chosen),
# then its prescription part after Create with no site ticked.
readonly FIRST_RUN=$BUILD_DIR/tests/gui/first-run-screenshots
if [[ -x "$FIRST_RUN" ]]; then
  for theme in Default Default:dark; do
    suffix=light
    [[ $theme == *:dark ]] && suffix=dark
    env GTK_THEME="$theme" GSK_RENDERER=cairo GTK_A11Y=none LC_ALL=C.UTF-8 \
        GSETTINGS_BACKEND=memory \
      xvfb-run -a -s "-screen 0 $((WIDTH + 100))x$((HEIGHT + 100))x24" \
        dbus-run-session -- "$FIRST_RUN" "$OUT_DIR" "$suffix" >/dev/null
    say "wrote $OUT_DIR/{first-run,first-run-prescription}-$suffix.png"
  done
else
  say "no $FIRST_RUN (tests disabled?): first-run screenshots skipped"
fi
