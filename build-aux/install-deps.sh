#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the Debian 12 packages Convene needs to build, run and test, if any
# is missing. Uses sudo when not run as root.
set -eu

packages="build-essential meson ninja-build pkg-config gettext appstream desktop-file-utils
  libgtk-4-dev libadwaita-1-dev libjson-glib-dev libsqlite3-dev libcsv-dev libxtst-dev
  adwaita-icon-theme hicolor-icon-theme librsvg2-common shared-mime-info fonts-dejavu-core
  xvfb xauth dbus at-spi2-core python3-icalendar python3-jsonschema poppler-utils locales"

if [ "$(id -u)" = 0 ]; then
  as_root=""
else
  as_root="sudo"
fi

missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "Installing:$missing"
  $as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -qq --no-install-recommends $missing
fi

# Dates, month names and number grouping are tested as UK and Welsh users
# see them, which needs these two locales generated.
for l in en_GB cy_GB; do
  if ! locale -a 2>/dev/null | grep -qi "^$l\.utf-\?8$"; then
    $as_root sed -i "s/^# *\($l\.UTF-8 UTF-8\)/\1/" /etc/locale.gen
    grep -q "^$l\.UTF-8 UTF-8" /etc/locale.gen || echo "$l.UTF-8 UTF-8" | $as_root tee -a /etc/locale.gen >/dev/null
    need_locales=yes
  fi
done
if [ "${need_locales:-}" = yes ]; then
  $as_root locale-gen >/dev/null
fi
