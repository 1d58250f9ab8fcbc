#!/bin/sh
# Puts Hindsight in the desktop's launcher and teaches the file manager to open postmortems
# with it, for the current user (under ~/.local/share), or takes all of that away again.
#
#   scripts/desktop-integration.sh install     after `cargo install --locked --path .`
#   scripts/desktop-integration.sh uninstall
#
# XDG_DATA_HOME moves the target (default ~/.local/share). Nothing outside it is touched.
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
data=${XDG_DATA_HOME:-"$HOME/.local/share"}
sizes="16 24 32 48 64 128 256 512"

refresh() {
    # Each cache is optional: a desktop without one simply reads the files.
    if command -v update-mime-database >/dev/null 2>&1; then
        update-mime-database "$data/mime" >/dev/null 2>&1 || true
    fi
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database "$data/applications" >/dev/null 2>&1 || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache -q -t "$data/icons/hicolor" >/dev/null 2>&1 || true
    fi
}

case "${1:-}" in
install)
    if ! command -v hindsight >/dev/null 2>&1; then
        echo "note: hindsight is not on PATH yet; run: cargo install --locked --path $here" >&2
    fi
    install -D -m 644 "$here/assets/linux/hindsight.desktop" \
        "$data/applications/hindsight.desktop"
    install -D -m 644 "$here/assets/linux/hindsight-postmortem.xml" \
        "$data/mime/packages/hindsight-postmortem.xml"
    for size in $sizes; do
        install -D -m 644 "$here/assets/icon/hindsight-$size.png" \
            "$data/icons/hicolor/${size}x${size}/apps/hindsight.png"
    done
    install -D -m 644 "$here/assets/icon/hindsight.svg" \
        "$data/icons/hicolor/scalable/apps/hindsight.svg"
    refresh
    echo "installed the launcher entry, icons and the postmortem file type under $data"
    ;;
uninstall)
    rm -f "$data/applications/hindsight.desktop" \
        "$data/mime/packages/hindsight-postmortem.xml" \
        "$data/icons/hicolor/scalable/apps/hindsight.svg"
    for size in $sizes; do
        rm -f "$data/icons/hicolor/${size}x${size}/apps/hindsight.png"
    done
    refresh
    echo "removed the launcher entry, icons and the postmortem file type from $data"
    ;;
*)
    echo "usage: $0 install|uninstall" >&2
    exit 2
    ;;
esac
