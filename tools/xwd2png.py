#!/usr/bin/env python3
"""Converts an X window dump (xwd -root, 24/32 bits per pixel) to PNG with the standard library only.
Usage: xwd2png.py IN.xwd OUT.png   Exit status 3 when the image is a single colour (nothing on screen yet)."""
import struct
import sys
import zlib


def main(src, dst):
    data = open(src, "rb").read()
    fields = struct.unpack(">25I", data[:100])
    header_size, _, _, _, width, height, _, byte_order = fields[:8]
    bits_per_pixel, bytes_per_line = fields[11], fields[12]
    ncolors = fields[19]
    if bits_per_pixel not in (24, 32):
        sys.exit(f"xwd2png: {bits_per_pixel} bits per pixel are not supported")
    pixels = data[header_size + 12 * ncolors:]
    step = bits_per_pixel // 8
    rows = []
    first = None
    uniform = True
    for y in range(height):
        line = pixels[y * bytes_per_line:y * bytes_per_line + width * step]
        if byte_order == 0:  # LSBFirst: B G R (X)
            b, g, r = line[0::step], line[1::step], line[2::step]
        else:
            off = step - 3
            r, g, b = line[off::step], line[off + 1::step], line[off + 2::step]
        rgb = bytearray(width * 3)
        rgb[0::3], rgb[1::3], rgb[2::3] = r, g, b
        if uniform:
            first = first if first is not None else bytes(rgb[:3])
            uniform = bytes(rgb) == first * width
        rows.append(b"\0" + bytes(rgb))
    if uniform:
        return 3

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")
    open(dst, "wb").write(png)
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
