#!/bin/sh
# Run by `meson install`: after an install into the system itself (not a
# DESTDIR stage), refresh the loader's cache so that dlopen("libsenbid.so.0")
# (Python's ctypes, Node's koffi) finds the new library at once; meson 1.0
# does not do it.
[ -n "${DESTDIR:-}" ] && exit 0
[ "$(id -u)" -eq 0 ] || exit 0
for l in ldconfig /sbin/ldconfig /usr/sbin/ldconfig; do
  if command -v "$l" > /dev/null 2>&1; then
    "$l" || echo "senbid: ldconfig failed; run it by hand" >&2
    exit 0
  fi
done
exit 0
