#!/usr/bin/python3
"""Make the two Chinese fonts embedded in Symposium's binary.

From Debian's Droid Sans Fallback Full (package fonts-droid-fallback) it
keeps the characters a symposium in Chinese needs: the 8,105 characters of
the Table of General Standard Chinese Characters (2013) and the 6,763 of
GB 2312, as Unicode's Unihan database lists them (package unicode-data,
fields kTGH and kGB0), plus CJK symbols and punctuation, full-width forms,
kana and bopomofo. It writes

  DroidSansFallbackSC.ttf       the subset, as drawn;
  DroidSansFallbackSC-Bold.ttf  the same with every outline made heavier
                                the way FreeType makes a synthetic bold
                                (FT_Outline_EmboldenXY), since Droid Sans
                                Fallback has no bold.

It reads only files that Debian's packages installed and downloads
nothing. Run it from this folder with Debian's Python:

  /usr/bin/python3 cjk.py
"""

import bz2
import math
import sys

from fontTools import subset
from fontTools.ttLib import TTFont

SOURCE = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"
UNIHAN = "/usr/share/unicode/Unihan_OtherMappings.txt.bz2"
RANGES = [
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0x3040, 0x30FF),  # hiragana and katakana (the katakana middle dot)
    (0x3100, 0x312F),  # bopomofo
    (0xFF00, 0xFFEF),  # half-width and full-width forms
]
FAMILY = "Droid Sans Fallback SC"
# The bold's strokes grow by these shares of the em: vertical strokes by
# 1/24 em, as FreeType's synthetic bold does, horizontal ones by half that,
# since Chinese characters stack many horizontal strokes closely.
X_STRENGTH = 1 / 24
Y_STRENGTH = 1 / 48
# A counter (a contour running against the outer ones) shrinks by at most
# this share of its width or height, so that it stays open.
COUNTER_SHRINK = 0.5


def characters():
    """Returns the code points to keep."""
    keep = set()
    with bz2.open(UNIHAN, "rt", encoding="utf-8") as f:
        for line in f:
            parts = line.split("\t")
            if len(parts) >= 2 and parts[1] in ("kTGH", "kGB0"):
                keep.add(int(parts[0][2:], 16))
    for lo, hi in RANGES:
        keep.update(range(lo, hi + 1))
    return sorted(keep)


def make_subset(unicodes):
    """Returns Droid Sans Fallback cut down to unicodes, without hinting,
    layout tables or vertical metrics, which the PDF writer does not use."""
    opts = subset.Options()
    opts.layout_features = []
    opts.hinting = False
    opts.drop_tables += ["vhea", "vmtx", "GSUB", "GPOS", "GDEF"]
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    font = TTFont(SOURCE, recalcTimestamp=False)
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=unicodes)
    sub.subset(font)
    return font


def rename(font, style, note):
    """Gives the font a name of its own, so that it is not taken for the
    original, and says how it was changed."""
    name = font["name"]
    full = FAMILY if style == "Regular" else FAMILY + " " + style
    for rec in list(name.names):
        if rec.nameID in (1, 2, 3, 4, 6, 16, 17):
            name.removeNames(nameID=rec.nameID)
    for nid, text in ((1, FAMILY), (2, style), (3, full + " (Symposium)"), (4, full),
                      (6, full.replace(" ", "")), (10, note)):
        name.setName(text, nid, 3, 1, 0x409)
        name.setName(text, nid, 1, 0, 0)


def orientation(coords, ends):
    """Returns +1 when the outer contours run counter-clockwise (y up),
    -1 when they run clockwise, as TrueType's do."""
    area, start = 0.0, 0
    for end in ends:
        pts = coords[start:end + 1]
        for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1]):
            area += (x1 - x0) * (y1 + y0)
        start = end + 1
    return -1 if area > 0 else 1


def embolden(coords, ends, xstrength, ystrength):
    """Moves the points of each contour outwards by xstrength/2
    horizontally and ystrength/2 vertically, a port of FreeType's
    FT_Outline_EmboldenXY without its final shift, so the glyph grows evenly
    on every side; counters shrink by at most COUNTER_SHRINK of their size."""
    if not ends:
        return coords
    pts = [list(p) for p in coords]
    ccw = orientation(coords, ends) > 0
    first = 0
    for last in ends:
        xs, ys = xstrength / 2, ystrength / 2
        own = coords[first:last + 1]
        if orientation(own, [len(own) - 1]) != (1 if ccw else -1):
            w = max(x for x, _ in own) - min(x for x, _ in own)
            h = max(y for _, y in own) - min(y for _, y in own)
            xs, ys = min(xs, w * COUNTER_SHRINK / 2), min(ys, h * COUNTER_SHRINK / 2)
        l_in, l_anchor = 0.0, 0.0
        vin = anchor = (0.0, 0.0)
        i, j, k = last, first, -1
        while j != i and i != k:
            if j != k:
                ox, oy = pts[j][0] - pts[i][0], pts[j][1] - pts[i][1]
                l_out = math.hypot(ox, oy)
                if l_out == 0:
                    j = j + 1 if j < last else first
                    continue
                vout = (ox / l_out, oy / l_out)
            else:
                vout, l_out = anchor, l_anchor
            if l_in != 0:
                if k < 0:
                    k, anchor, l_anchor = i, vin, l_in
                d = vin[0] * vout[0] + vin[1] * vout[1]
                if d > -0.9375:  # turns of less than ~160 degrees
                    d += 1
                    sx, sy = vin[1] + vout[1], vin[0] + vout[0]
                    q = vout[0] * vin[1] - vout[1] * vin[0]
                    if ccw:
                        sy = -sy
                    else:
                        sx, q = -sx, -q
                    lmin = min(l_in, l_out)
                    sx = sx * xs / d if xs * q <= lmin * d else sx * lmin / q
                    sy = sy * ys / d if ys * q <= lmin * d else sy * lmin / q
                else:
                    sx = sy = 0.0
                while i != j:
                    pts[i][0] += sx
                    pts[i][1] += sy
                    i = i + 1 if i < last else first
            else:
                i = j
            vin, l_in = vout, l_out
            j = j + 1 if j < last else first
        first = last + 1
    return [(round(x), round(y)) for x, y in pts]


def make_bold(font):
    """Makes every simple glyph of font heavier; composite glyphs follow
    their components. Advance widths stay as they are."""
    em = font["head"].unitsPerEm
    glyf, hmtx = font["glyf"], font["hmtx"]
    for gname in font.getGlyphOrder():
        g = glyf[gname]
        if g.isComposite() or g.numberOfContours <= 0:
            continue
        coords = list(g.coordinates)
        new = embolden(coords, list(g.endPtsOfContours), em * X_STRENGTH, em * Y_STRENGTH)
        for n, p in enumerate(new):
            g.coordinates[n] = p
        g.recalcBounds(glyf)
        adv, _ = hmtx[gname]
        hmtx[gname] = (adv, g.xMin)
    font["OS/2"].usWeightClass = 700
    font["OS/2"].fsSelection = (font["OS/2"].fsSelection | 0x20) & ~0x40
    font["head"].macStyle |= 1


def main():
    unicodes = characters()
    regular = make_subset(unicodes)
    rename(regular, "Regular", "A subset of Droid Sans Fallback Full made for Symposium: see README.md.")
    regular.save("DroidSansFallbackSC.ttf")
    bold = make_subset(unicodes)
    rename(bold, "Bold", "A subset of Droid Sans Fallback Full made for Symposium, its outlines "
           "emboldened as FreeType does for a synthetic bold: see README.md.")
    make_bold(bold)
    bold.save("DroidSansFallbackSC-Bold.ttf")
    print(f"{len(unicodes)} code points asked for, "
          f"{len(regular.getBestCmap())} kept, {len(regular.getGlyphOrder())} glyphs", file=sys.stderr)


if __name__ == "__main__":
    main()
