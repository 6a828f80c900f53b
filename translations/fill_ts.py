#!/usr/bin/env python3
"""Fills unfinished entries of a Qt .ts file from a tab-separated file of `source<TAB>translation`.

Usage: translations/fill_ts.py translations/activity_fr.ts translations/fr*.tsv
Sources are matched as they appear in the .ts (unescaped). Prints what is still unfinished.
"""
import sys
import xml.etree.ElementTree as ET

ts_path, tsv_paths = sys.argv[1], sys.argv[2:]
pairs = {}
for tsv_path in tsv_paths:
  with open(tsv_path, encoding="utf-8") as f:
    for line in f:
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        src, _, dst = line.partition("\t")
        pairs[src.replace("\\n", "\n")] = dst.replace("\\n", "\n")

tree = ET.parse(ts_path)
missing = []
for message in tree.iter("message"):
    src = message.find("source").text or ""
    tr = message.find("translation")
    if src in pairs:
        tr.attrib.pop("type", None)
        if message.get("numerus") == "yes":
            # Plural messages: "singular|plural" in the TSV, or one text for both French forms.
            forms = pairs[src].split("|") if "|" in pairs[src] else [pairs[src]] * 2
            tr.text = None
            for child in list(tr):
                tr.remove(child)
            for form in forms:
                ET.SubElement(tr, "numerusform").text = form
        else:
            tr.text = pairs[src]
    elif tr.get("type") == "unfinished" or not (tr.text or "").strip():
        missing.append(src)
with open(ts_path, "wb") as f:
    f.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
    tree.write(f, encoding="utf-8", xml_declaration=False)
    f.write(b"\n")
for m in missing:
    print("unfinished:", m.replace("\n", "\\n"))
sys.exit(1 if missing else 0)
