#!/usr/bin/env python3
"""Generates the phx-digest benchmark tree: 10,000 files, about 200 MiB of
realistic static assets (fixed seed, so every run measures the same bytes).

  CSS   with url() references to images and fonts (absolute and relative)
  JS    bundles with //# sourceMappingURL, and their .map files
  SVG   icons; PNG images and WOFF2 fonts (incompressible bytes); TTF
  fonts (partly compressible); JSON data files

usage: gen.py DIR
"""
import json
import os
import random
import sys

root = sys.argv[1]
rnd = random.Random(1234)
WORDS = ("const let return function if else for while import export default class extends "
         "this new await async props state render value index length push map filter "
         "reduce object array string number true false null undefined console log error "
         "document window element style color background margin padding border flex grid "
         "width height display none block inline position absolute relative").split()


def text(n):
    out, size = [], 0
    while size < n:
        w = rnd.choice(WORDS)
        if rnd.random() < 0.3:
            w += str(rnd.randint(0, 999))
        out.append(w)
        size += len(w) + 1
    return " ".join(out)[:n]


def write(rel, data):
    path = os.path.join(root, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())


counts = {"png": 2000, "svg": 1500, "woff2": 500, "ttf": 500, "json": 1000,
          "css": 1000, "js": 1750, "map": 1750}
assert sum(counts.values()) == 10000
sizes = {"png": 32000, "svg": 4300, "woff2": 43000, "ttf": 64000, "json": 6400,
         "css": 12800, "js": 21500, "map": 17000}

images = [f"images/g{i // 100:02d}/img{i:04d}.png" for i in range(counts["png"])]
for rel in images:
    write(rel, rnd.randbytes(int(rnd.uniform(0.5, 1.5) * sizes["png"])))
icons = [f"icons/i{i // 100:02d}/icon{i:04d}.svg" for i in range(counts["svg"])]
for rel in icons:
    body = "".join(f'<path d="M{rnd.randint(0, 99)} {rnd.randint(0, 99)}L{rnd.randint(0, 99)} '
                   f'{rnd.randint(0, 99)}Z"/>' for _ in range(sizes["svg"] // 40))
    write(rel, f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">{body}</svg>\n')
fonts = []
for i in range(counts["woff2"]):
    rel = f"fonts/f{i // 100}/font{i:04d}.woff2"
    write(rel, rnd.randbytes(int(rnd.uniform(0.5, 1.5) * sizes["woff2"])))
    fonts.append(rel)
for i in range(counts["ttf"]):
    rel = f"fonts/f{i // 100}/font{i:04d}.ttf"
    n = int(rnd.uniform(0.5, 1.5) * sizes["ttf"])
    write(rel, rnd.randbytes(n // 2) + bytes(rnd.choice(b"\x00\x01\x02abc") for _ in range(n // 2)))
    fonts.append(rel)
for i in range(counts["json"]):
    data = [{"id": j, "name": text(20), "tags": [rnd.choice(WORDS) for _ in range(3)]}
            for j in range(sizes["json"] // 90)]
    write(f"data/d{i // 100}/data{i:04d}.json", json.dumps(data))
for i in range(counts["css"]):
    d = i // 100
    rules = []
    size = 0
    target = int(rnd.uniform(0.5, 1.5) * sizes["css"])
    while size < target:
        r = rnd.random()
        if r < 0.3:
            url = "/" + rnd.choice(images)
        elif r < 0.5:
            url = "../../" + rnd.choice(icons)
        elif r < 0.6:
            url = f'"../../{rnd.choice(fonts)}"'
        elif r < 0.65:
            url = "https://cdn.example.com/x.png"
        else:
            url = None
        decl = f"background:url({url})" if url else f"color:#{rnd.randint(0, 0xffffff):06x}"
        rule = f".c{rnd.randint(0, 99999)} .{rnd.choice(WORDS)}{{{decl};margin:{rnd.randint(0, 40)}px}}\n"
        rules.append(rule)
        size += len(rule)
    write(f"css/c{d}/style{i:04d}.css", "".join(rules))
for i in range(counts["js"]):
    d = i // 100
    name = f"bundle{i:04d}.js"
    body = text(int(rnd.uniform(0.5, 1.5) * sizes["js"]))
    write(f"js/j{d:02d}/{name}", body + f"\n//# sourceMappingURL={name}.map\n")
    mapping = {"version": 3, "file": name, "sources": [f"../src/{name}"],
               "names": [], "mappings": "".join(rnd.choice("ABCDEFGHIJKabcdefgh;,")
                                                for _ in range(int(rnd.uniform(0.5, 1.5) * sizes["map"])))}
    write(f"js/j{d:02d}/{name}.map", json.dumps(mapping))
