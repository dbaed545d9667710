#!/usr/bin/env python3
"""Encrypted workbooks for the reader's tests, made by an independent encryptor (msoffcrypto-tool, MIT).

The product never runs this: its output is committed (CI has no msoffcrypto-tool). It needs a
msoffcrypto-tool that can encrypt (>= 5.1; Debian's 5.0 only decrypts): pass a checkout of
https://github.com/nolze/msoffcrypto-tool as MSOFFCRYPTO_SRC (the fixtures were made from commit
6d9e72c58de2cf7df1ab45ac0d74ebedac8c58e3) or have it installed. It also needs `cryptography` and `olefile`.

    MSOFFCRYPTO_SRC=/path/to/msoffcrypto-tool python3 scripts/make-encrypted-fixtures.py

Made from files of the external corpus (test/fixtures/external, licences in its LICENSES.md):
- external/derived/Book1-default-key.xlsx: excelize's Book1.xlsx encrypted (agile, SHA-512, AES-256,
  100,000 spins) with Excel's built-in password "VelvetSweatshop";
- encrypted/Book1-real-password.xlsx: the same with a real password, "par-index-secret";
- encrypted/Book1-default-key-standard.xlsx: the same workbook under standard encryption (Office 2007:
  SHA-1, 50,000 spins, AES-128-ECB) with "VelvetSweatshop". msoffcrypto-tool only encrypts agile, so the
  standard encryption is written here from MS-OFFCRYPTO 2.3.4.5-2.3.4.9 with `cryptography`, put in
  msoffcrypto's compound-file writer, and checked by decrypting it back with msoffcrypto-tool;
- external/derived/merge_cells-damaged-rels.xlsx: calamine's merge_cells.xlsx with `_rels/.rels`
  replaced by text that is not XML (xl/workbook.xml left in its usual place).
"""
import io
import os
import sys
import zipfile

src = os.environ.get("MSOFFCRYPTO_SRC")
if src:
    sys.path.insert(0, src)
import hashlib  # noqa: E402
import struct  # noqa: E402

import msoffcrypto  # noqa: E402
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes  # noqa: E402
from msoffcrypto.format.ooxml import OOXMLFile  # noqa: E402
from msoffcrypto.method.container.ecma376_encrypted import ECMA376Encrypted  # noqa: E402

here = os.path.dirname(os.path.abspath(__file__))
fixtures = os.path.join(here, "..", "test", "fixtures")
external = os.path.join(fixtures, "external")
derived = os.path.join(external, "derived")
os.makedirs(derived, exist_ok=True)
os.makedirs(os.path.join(fixtures, "encrypted"), exist_ok=True)


def encrypt(plain_path, password, out_path):
    with open(plain_path, "rb") as f:
        plain = f.read()
    out = io.BytesIO()
    OOXMLFile(io.BytesIO(plain)).encrypt(password, out)
    with open(out_path, "wb") as f:
        f.write(out.getvalue())
    print(out_path, len(out.getvalue()), "bytes")


book1 = os.path.join(external, "excelize", "Book1.xlsx")
encrypt(book1, "VelvetSweatshop", os.path.join(derived, "Book1-default-key.xlsx"))
encrypt(book1, "par-index-secret", os.path.join(fixtures, "encrypted", "Book1-real-password.xlsx"))


def standard_encrypt(plain, password):
    """ECMA-376 standard encryption (MS-OFFCRYPTO 2.3.4.5-2.3.4.9), AES-128 and SHA-1, as Office 2007 writes it."""
    salt = os.urandom(16)
    h = hashlib.sha1(salt + password.encode("utf-16le")).digest()
    for i in range(50000):
        h = hashlib.sha1(struct.pack("<I", i) + h).digest()
    final = hashlib.sha1(h + struct.pack("<I", 0)).digest()

    def derive(fill):
        buf = bytearray([fill] * 64)
        for i, b in enumerate(final):
            buf[i] ^= b
        return hashlib.sha1(bytes(buf)).digest()

    key = (derive(0x36) + derive(0x5C))[:16]

    def ecb(data):
        enc = Cipher(algorithms.AES(key), modes.ECB()).encryptor()
        return enc.update(data) + enc.finalize()

    verifier = os.urandom(16)
    verifier_hash = hashlib.sha1(verifier).digest() + bytes(12)
    csp = "Microsoft Enhanced RSA and AES Cryptographic Provider\0".encode("utf-16le")
    header = struct.pack("<IIIIIIII", 0x24, 0, 0x660E, 0x8004, 128, 0x18, 0, 0) + csp
    info = struct.pack("<HHI", 3, 2, 0x24) + struct.pack("<I", len(header)) + header
    info += struct.pack("<I", 16) + salt + ecb(verifier) + struct.pack("<I", 20) + ecb(verifier_hash)
    padded = plain + bytes(-len(plain) % 16)
    package = struct.pack("<Q", len(plain)) + ecb(padded)
    out = io.BytesIO()
    ECMA376Encrypted(package, info).write_to(out)
    return out.getvalue()


with open(book1, "rb") as f:
    book1_bytes = f.read()
standard = standard_encrypt(book1_bytes, "VelvetSweatshop")
# Checked by the other implementation: msoffcrypto-tool must see standard encryption and get Book1 back.
office = msoffcrypto.OfficeFile(io.BytesIO(standard))
assert office.type == "standard", office.type
office.load_key(password="VelvetSweatshop")
check = io.BytesIO()
office.decrypt(check)
assert check.getvalue() == book1_bytes
out_path = os.path.join(fixtures, "encrypted", "Book1-default-key-standard.xlsx")
with open(out_path, "wb") as f:
    f.write(standard)
print(out_path, len(standard), "bytes")

# Damaged relationships: every entry copied as it is, except _rels/.rels, whose text is cut in the middle
# of a tag (what a broken copy or a careless tool leaves).
with zipfile.ZipFile(os.path.join(external, "calamine", "merge_cells.xlsx")) as zin:
    out_path = os.path.join(derived, "merge_cells-damaged-rels.xlsx")
    with zipfile.ZipFile(out_path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "_rels/.rels":
                data = data[: len(data) // 2]
            zout.writestr(info, data)
    print(out_path)
