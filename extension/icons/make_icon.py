#!/usr/bin/python3
"""Draws the PEG deck's icon (a white tick on a blue rounded square) as an RGBA PNG with zlib only.

  python3 extension/icons/make_icon.py   # writes extension/icons/pegkit-deck.png
"""
import math
import os
import struct
import zlib

SIZE = 24
BLUE = (31, 111, 178)
WHITE = (255, 255, 255)


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


def tick_coverage(x, y):
    """The tick: two strokes 3 px wide, antialiased over one pixel."""
    points = [(5.5, 12.5), (10, 17), (18.5, 7)]
    d = min(segment_distance(x + 0.5, y + 0.5, points[0], points[1]),
            segment_distance(x + 0.5, y + 0.5, points[1], points[2]))
    return min(max(2.0 - d, 0.0), 1.0)


def pixels():
    rows = []
    for y in range(SIZE):
        row = bytearray([0])  # filter type 0 for the scanline
        for x in range(SIZE):
            alpha = rounded_square_coverage(x, y, SIZE, 5)
            t = tick_coverage(x, y)
            rgb = [round(b * (1 - t) + w * t) for b, w in zip(BLUE, WHITE)]
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
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pegkit-deck.png")
    with open(out, "wb") as f:
        f.write(png(SIZE, SIZE, pixels()))
    print(out)
