"""Draw assets/images/icon.png (the page icon): three rising bars on the theme's blue.

A local file, so the browser never fetches an icon from the network (a Material page icon
is loaded from a font CDN). Pure standard library: run ``python3 assets/images/make_icon.py``.
"""

import struct
import zlib
from pathlib import Path

SIZE = 64
BLUE = (0x00, 0x72, 0xB2, 255)
WHITE = (255, 255, 255, 255)
CLEAR = (0, 0, 0, 0)


def pixel(x: int, y: int) -> tuple[int, int, int, int]:
    r = 12  # rounded corners
    cx = min(max(x, r), SIZE - 1 - r)
    cy = min(max(y, r), SIZE - 1 - r)
    if (x - cx) ** 2 + (y - cy) ** 2 > r * r:
        return CLEAR
    for i, height in enumerate((16, 28, 40)):  # three rising bars
        left = 12 + i * 14
        if left <= x < left + 10 and SIZE - 12 - height <= y < SIZE - 12:
            return WHITE
    return BLUE


def png(width: int, height: int) -> bytes:
    raw = b"".join(b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(width)) for y in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    out = Path(__file__).with_name("icon.png")
    out.write_bytes(png(SIZE, SIZE))
    print(f"wrote {out}")
