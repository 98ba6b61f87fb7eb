#!/usr/bin/env python3
"""Writes the seed corpus Tests/Fuzz/corpus/<target>/: a few small files per reader, made here
rather than copied from data sets, so they stay a few hundred bytes and are reproducible.

A seed named valid-* is a well-formed file the reader must accept; bad-* is a damaged one it
must reject with a DataError. Tests/D2LTests/FuzzCorpusTests.swift checks both kinds, so
`swift test` runs every seed once. Run from anywhere: python3 Tests/Fuzz/make-seeds.py
"""
import gzip
import json
import os
import struct
import zlib

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus")


def write(target, name, data):
    folder = os.path.join(ROOT, target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def gz(data):
    # mtime=0 keeps the bytes the same from one run to the next.
    return gzip.compress(data, mtime=0)


def idx_images(count, rows, columns):
    pixels = bytes((7 * i) % 256 for i in range(count * rows * columns))
    return struct.pack(">IIII", 0x803, count, rows, columns) + pixels


def idx_labels(labels):
    return struct.pack(">II", 0x801, len(labels)) + bytes(labels)


def safetensors(entries, metadata=None):
    """entries: (name, dtype, shape, raw bytes); offsets follow one another, as the format says."""
    header, body = {}, b""
    for name, dtype, shape, raw in entries:
        header[name] = {"dtype": dtype, "shape": shape, "data_offsets": [len(body), len(body) + len(raw)]}
        body += raw
    if metadata:
        header["__metadata__"] = metadata
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-(8 + len(text)) % 8)
    return struct.pack("<Q", len(text)) + text + body


# IDX: images and labels as Fashion-MNIST lays them out, tiny.
write("idx", "valid-images-3x2x4", idx_images(3, 2, 4))
write("idx", "valid-images-none", idx_images(0, 28, 28))
write("idx", "valid-labels-6", idx_labels([9, 0, 0, 3, 0, 2]))
write("idx", "bad-images-truncated", idx_images(3, 2, 4)[:-5])
write("idx", "bad-labels-magic", struct.pack(">II", 0x802, 2) + b"\x01\x02")

# gzip: what readMaybeGzipped sees.
write("gzip", "valid-labels.gz", gz(idx_labels([1, 2, 3, 4, 5, 6, 7, 8, 9])))
write("gzip", "valid-text.gz", gz(b"NumRooms,Alley,Price\n" * 8))
write("gzip", "valid-two-members.gz", gz(b"first member\n") + gz(b"second member\n"))
write("gzip", "valid-empty.gz", gz(b""))
# 200 000 zero bytes in about 230: several of the reader's 64 KiB output chunks.
write("gzip", "valid-zeros-200k.gz", gzip.compress(b"\0" * 200000, compresslevel=9, mtime=0))
write("gzip", "valid-padded.gz", gz(b"zero padding follows\n") + b"\0" * 8)
write("gzip", "valid-not-compressed", b"plain bytes are returned as they are\n")
stored = gz(bytes(range(256)) * 2)
write("gzip", "bad-truncated.gz", stored[: len(stored) // 2])
broken = bytearray(gz(b"a line of text whose checksum is broken\n"))
broken[-6] ^= 0xFF  # a byte of the CRC-32
write("gzip", "bad-crc.gz", bytes(broken))
write("gzip", "bad-trailing.gz", gz(b"text\n") + b"garbage")

# CSV: §2.2's house_tiny.csv and the corners of RFC 4180 the parser handles.
write("csv", "valid-house-tiny.csv", b"NumRooms,RoofType,Price\nNA,NA,127500\n2,NA,106000\n4,Slate,178100\nNA,NA,140000\n")
write("csv", "valid-quoted.csv",
      b'name,comment,score\r\n"Smith, J.","said ""hi""\r\nand left",3.5\r\nLee,,-1e3\r\n"",NaN,inf\r\n')
write("csv", "valid-bom.csv", b"\xef\xbb\xbfa,b\n1,2\n3,4")
write("csv", "valid-unicode.csv", "city,temp\nZürich,−3\n東京,12.25\n".encode())
write("csv", "valid-header-only.csv", b"x,y,z\n")
write("csv", "bad-ragged.csv", b"a,b,c\n1,2,3\n4,5\n")
write("csv", "bad-unclosed-quote.csv", b'a,b\n"open,1\n')
write("csv", "bad-latin1.csv", "name\nJosé\n".encode("latin-1"))

# safetensors: every dtype the reader knows, a scalar, an empty tensor and metadata.
write("safetensors", "valid-f32-i64-bool.safetensors", safetensors([
    ("weight", "F32", [2, 3], struct.pack("<6f", 1, -2, 0.5, 3, 0, 1e-3)),
    ("labels", "I64", [3], struct.pack("<3q", 0, 7, -2)),
    ("mask", "BOOL", [4], bytes([1, 0, 0, 1])),
], metadata={"format": "pt"}))
write("safetensors", "valid-halves.safetensors", safetensors([
    ("h", "F16", [2, 2], struct.pack("<4e", 1, -2, 65504, 2 ** -24)),
    ("b", "BF16", [3], struct.pack("<3H", 0x3F80, 0xC020, 0x4049)),
    ("d", "F64", [2], struct.pack("<2d", 3.25, -1e-300)),
]))
write("safetensors", "valid-small-ints.safetensors", safetensors([
    ("i32", "I32", [2], struct.pack("<2i", -5, 16777216)),
    ("i16", "I16", [1, 2], struct.pack("<2h", -32768, 32767)),
    ("i8", "I8", [3], struct.pack("<3b", -128, 0, 127)),
    ("u8", "U8", [2], bytes([0, 255])),
]))
write("safetensors", "valid-scalar-and-empty.safetensors", safetensors([
    ("s", "F32", [], struct.pack("<f", 2.5)),
    ("e", "F32", [0, 3], b""),
]))
write("safetensors", "valid-no-tensors.safetensors", safetensors([]))
good = safetensors([("x", "F32", [3], struct.pack("<3f", 1, 2, 3))])
write("safetensors", "bad-truncated.safetensors", good[:-4])
write("safetensors", "bad-header-length.safetensors", struct.pack("<Q", 2 ** 63 - 3) + good[8:])
write("safetensors", "bad-dtype.safetensors", safetensors([("x", "C64", [1], b"\0" * 8)]))
write("safetensors", "bad-shape.safetensors", safetensors([("x", "F32", [2, -2], b"\0" * 16)]))

# image: PNG and JPEG files as decodeImage sees them. The PNGs are encoded here (rows unfiltered,
# deflated by zlib); the JPEG is a hand-built 8×8 grey baseline file whose one block has no
# coefficients, with one-code Huffman tables, so it decodes to plain grey.


def png(width, height, colour_type, channels, bit_depth=8):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))
    rows = b"".join(b"\0" + bytes((17 * (x + y) + c) % 256 for x in range(width) for c in range(channels))
                    for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, bit_depth, colour_type, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def grey_jpeg():
    def segment(marker, data):
        return bytes([0xFF, marker]) + struct.pack(">H", len(data) + 2) + data
    dqt = segment(0xDB, b"\x00" + b"\x01" * 64)
    sof = segment(0xC0, b"\x08" + struct.pack(">HH", 8, 8) + b"\x01" + b"\x01\x11\x00")
    one_code = b"\x01" + b"\x00" * 15 + b"\x00"  # one code of length 1, for symbol 0
    dht = segment(0xC4, b"\x00" + one_code) + segment(0xC4, b"\x10" + one_code)
    sos = segment(0xDA, b"\x01" + b"\x01\x00" + b"\x00\x3F\x00")
    # DC difference 0 ('0'), end of block ('0'), padded with ones.
    return b"\xFF\xD8" + dqt + sof + dht + sos + b"\x3F" + b"\xFF\xD9"


write("image", "valid-rgb.png", png(5, 3, 2, 3))
write("image", "valid-grey.png", png(4, 4, 0, 1))
write("image", "valid-rgba.png", png(3, 2, 6, 4))
write("image", "valid-grey.jpg", grey_jpeg())
rgb = png(5, 3, 2, 3)
write("image", "bad-truncated.png", rgb[:len(rgb) - 20])
write("image", "bad-crc.png", rgb[:40] + bytes([rgb[40] ^ 0x55]) + rgb[41:])
write("image", "bad-huge.png", rgb[:16] + struct.pack(">II", 100000, 100000) + rgb[24:])
write("image", "bad-truncated.jpg", grey_jpeg()[:-6])
write("image", "bad-header-only.jpg", grey_jpeg()[:80])
write("image", "bad-not-an-image.bin", b"GIF89a\x01\x00\x01\x00")

# cifar10: records of one label byte and 3 × 32 × 32 pixel bytes.


def cifar_records(labels):
    return b"".join(bytes([label]) + bytes((r + 3 * k) % 256 for k in range(3072)) for r, label in enumerate(labels))


write("cifar10", "valid-one.bin", cifar_records([3]))
write("cifar10", "bad-truncated.bin", cifar_records([1])[:-7])
write("cifar10", "bad-label.bin", cifar_records([10]))
