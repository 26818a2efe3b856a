#!/usr/bin/env python3
"""Exports the GeoNames city table that Debian ships inside libgeonames into dict/places/cities.tsv.

Run once (the output is committed); the GPL library is never linked, only its CC BY 4.0 data
is read. The library embeds the table as a GResource holding one GVariant of type
a(sssssssudd): (geonames id, English name, admin1 code, admin1 name, ISO alpha-2 country,
country name, time zone, population, latitude, longitude).

Usage: scripts/export_geonames.py [LIBGEONAMES.so] > dict/places/cities.tsv
With no argument the installed library is used; `apt-get download libgeonames0` and
`dpkg-deb -x` give one without installing it. Needs `gresource` (libglib2.0-bin) and
/usr/share/iso-codes/json/iso_3166-1.json (iso-codes).
"""
import glob
import json
import struct
import subprocess
import sys

RESOURCE = "/com/lomiri/geonames/cities.compiled"
MIN_POPULATION = 15000


def offset_size(n):
    return 1 if n <= 0xFF else 2 if n <= 0xFFFF else 4 if n <= 0xFFFFFFFF else 8


def read_offset(buf, at, size):
    return int.from_bytes(buf[at:at + size], "little")


def align(x, a):
    return (x + a - 1) // a * a


def split_array(buf):
    """Elements of a GVariant array of variable-size elements (framing offsets at the end)."""
    osz = offset_size(len(buf))
    last = read_offset(buf, len(buf) - osz, osz)
    n = (len(buf) - last) // osz
    ends = [read_offset(buf, last + i * osz, osz) for i in range(n)]
    start, out = 0, []
    for end in ends:
        out.append(buf[start:end])
        start = align(end, 8)
    return out


def parse_city(t):
    """One (sssssssudd) tuple: 7 strings framed by offsets stored in reverse at the end."""
    osz = offset_size(len(t))
    ends = [read_offset(t, len(t) - (i + 1) * osz, osz) for i in range(7)]
    strings, start = [], 0
    for end in ends:
        strings.append(t[start:end].rstrip(b"\0").decode("utf-8"))
        start = end
    pos = align(start, 4)
    (population,) = struct.unpack_from("<I", t, pos)
    pos = align(pos + 4, 8)
    lat, lon = struct.unpack_from("<dd", t, pos)
    return strings, population, lat, lon


def find_library(argv):
    if len(argv) > 1:
        return argv[1]
    found = glob.glob("/usr/lib/*/libgeonames.so.0*")
    if not found:
        sys.exit("libgeonames not found: apt-get download libgeonames0 && dpkg-deb -x ...")
    return sorted(found)[-1]


def main(argv):
    data = subprocess.run(["gresource", "extract", find_library(argv), RESOURCE],
                          check=True, capture_output=True).stdout
    with open("/usr/share/iso-codes/json/iso_3166-1.json", encoding="utf-8") as f:
        alpha3 = {c["alpha_2"]: c["alpha_3"] for c in json.load(f)["3166-1"]}
    rows = []
    for element in split_array(data):
        (gid, name, _, _, cc, _, _), population, lat, lon = parse_city(element)
        if population < MIN_POPULATION or cc not in alpha3 or not name:
            continue
        rows.append((name, alpha3[cc], lat, lon, population))
    rows.sort(key=lambda r: (r[0], r[1], -r[4]))
    out = sys.stdout
    out.write("# GeoNames cities (population >= 15,000), exported by scripts/export_geonames.py\n")
    out.write("# from Debian's libgeonames data. CC BY 4.0, see ATTRIBUTION.md.\n")
    out.write("# name\tcountry\tlat\tlon\tpopulation\talternate names\n")
    for name, country, lat, lon, population in rows:
        out.write(f"{name}\t{country}\t{lat:.4f}\t{lon:.4f}\t{population}\t\n")


if __name__ == "__main__":
    main(sys.argv)
