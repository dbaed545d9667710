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
from msoffcrypto.format.ooxml import OOXMLFile  # noqa: E402

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
