#!/usr/bin/python3
"""Draws pegkit's icons (a white tick on a blue rounded square) as RGBA PNGs with zlib only:
the deck's 24 px icon, and the Extension Manager's 42 px icon in normal and high contrast.

  python3 extension/icons/make_icon.py   # writes pegkit-deck.png, pegkit.png, pegkit-hc.png here
"""
import math
import os
import struct
import zlib

BLUE = (31, 111, 178)
WHITE = (255, 255, 255)
BLACK = (0, 0, 0)
# file, size, square, tick; high contrast: white on black with a white rim, as the office's HC themes
ICONS = [("pegkit-deck.png", 24, BLUE, WHITE, None),
         ("pegkit.png", 42, BLUE, WHITE, None),
         ("pegkit-hc.png", 42, BLACK, WHITE, WHITE)]


def rounded_square_coverage(x, y, size, radius):
    """How much of pixel (x, y) lies inside the rounded square, by 4x4 supersampling."""
    inside = 0
    for sy in range(4):
        for sx in range(4):
            px, py = x + (sx + 0.5) / 4, y + (sy + 0.5) / 4
            cx = min(max(px, radius), size - radius)
            cy = min(max(py, radius), size - radius)
            inside += math.hypot(px - cx, py - cy) <= radius
    return inside / 16


def segment_distance(px, py, a, b):
    ax, ay = a
    bx, by = b
    t = ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)
    t = min(max(t, 0.0), 1.0)
    return math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)))


def tick_coverage(x, y, size):
    """The tick: two strokes 3/24 of the icon wide, antialiased over one pixel."""
    k = size / 24
    points = [(5.5 * k, 12.5 * k), (10 * k, 17 * k), (18.5 * k, 7 * k)]
    d = min(segment_distance(x + 0.5, y + 0.5, points[0], points[1]),
            segment_distance(x + 0.5, y + 0.5, points[1], points[2]))
    return min(max(0.5 + 1.5 * k - d, 0.0), 1.0)


def rim_coverage(x, y, size, radius):
    """A 2 px rim inside the rounded square's edge (high contrast only)."""
    outer = rounded_square_coverage(x, y, size, radius)
    inner = rounded_square_coverage(x - 2, y - 2, size - 4, radius - 2)
    return max(outer - inner, 0.0)


def pixels(size, square, tick, rim):
    radius = 5 * size / 24
    rows = []
    for y in range(size):
        row = bytearray([0])  # filter type 0 for the scanline
        for x in range(size):
            alpha = rounded_square_coverage(x, y, size, radius)
            t = tick_coverage(x, y, size)
            if rim:
                t = max(t, rim_coverage(x, y, size, radius))
            rgb = [round(b * (1 - t) + w * t) for b, w in zip(square, tick)]
            row += bytes(rgb + [round(255 * alpha)])
        rows.append(bytes(row))
    return b"".join(rows)


def chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def png(width, height, raw):
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9))
            + chunk(b"IEND", b""))


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    for name, size, square, tick, rim in ICONS:
        out = os.path.join(here, name)
        with open(out, "wb") as f:
            f.write(png(size, size, pixels(size, square, tick, rim)))
        print(out)
