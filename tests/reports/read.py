"""read.py - independent readers of the sample documents (sample.c), for
clients.sh: Python's csv, xml.etree and html.parser, not our code.

    python3 read.py CHECK FILE...

Each check exits 0 when the file reads as expected, else prints what
differs on stderr and exits 1. The expected texts are sample.c's.
"""
import base64
import csv
import html.parser
import sys
import xml.etree.ElementTree as ET

HOSTILE = "Texte hostile : <script>alert(1)</script> & \"guillemets\" 'apostrophes'"
TITLE = "Évaluation annuelle 2025 — Mérignac"
NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
}
SVG = "{http://www.w3.org/2000/svg}"


def fail(msg):
    print(msg, file=sys.stderr)
    sys.exit(1)


def same(what, got, want):
    if got != want:
        fail(f"{what} : attendu {want!r}, lu {got!r}")


def rows_of(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.reader(f, strict=True))


def csv_ours(path):
    """suivi's CSV: every cell exactly, numbers with a decimal comma."""
    with open(path, "rb") as f:
        raw = f.read()
    if b"\r\n" not in raw or raw.replace(b"\r\n", b"").count(b"\n"):
        fail("fins de ligne : CRLF attendu partout")
    if raw.startswith(b"\xef\xbb\xbf"):
        fail("marque d'ordre des octets inattendue")
    want = [
        ["Délais [2025] : prise en compte / résolution"],
        ["Indicateur", "Valeur", "Cible", "Commentaire"],
        ["3.3.1 Délai de prise en compte", "12,5", "10", "'=SUM(A1)"],
        ["3.3.2 Écart", "-3", "—", 'a | b, "c"'],
        [],
        ["Saisines"],
        ["Mois", "Demandes"],
        ["janvier", "1250"],
        [],
    ]
    got = rows_of(path)
    same("lignes", len(got), len(want))
    for i, (g, w) in enumerate(zip(got, want)):
        same(f"ligne {i + 1}", g, w)
    same("nombre 12,5", float(got[2][1].replace(",", ".")), 12.5)
    same("nombre -3", float(got[3][1].replace(",", ".")), -3.0)


def csv_lo(path_delais, path_saisines):
    """LibreOffice's CSV of the .fods sheets: the sheet names (file
    names), numbers as numbers, a formula-like text kept as text."""
    got = rows_of(path_delais)
    same("lignes (Délais)", len(got), 3)
    same("en-tête", got[0], ["Indicateur", "Valeur", "Cible", "Commentaire"])
    same("cellule texte", got[1][0], "3.3.1 Délai de prise en compte")
    for cell, want in ((got[1][1], 12.5), (got[1][2], 10.0), (got[2][1], -3.0)):
        try:
            v = float(cell.replace(",", "."))
        except ValueError:
            fail(f"nombre attendu, lu {cell!r}")
        same("nombre", v, want)
    same("texte qui ressemble à une formule", got[1][3], "=SUM(A1)")
    same("guillemets et virgule", got[2][3], 'a | b, "c"')
    got = rows_of(path_saisines)
    same("Saisines", got, [["Mois", "Demandes"], ["janvier", "1250"]])


def xml_fodt(path):
    """Well-formed flat ODT; the chart an SVG image that parses too."""
    root = ET.parse(path).getroot()
    same("mimetype",
         root.get("{%s}mimetype" % NS["office"]),
         "application/vnd.oasis.opendocument.text")
    texts = ["".join(p.itertext()) for p in root.iter("{%s}p" % NS["text"])]
    if TITLE not in texts:
        fail("titre introuvable")
    if not any(t.startswith(HOSTILE) for t in texts):
        fail("texte hostile introuvable tel quel")
    heads = root.findall(".//text:h", NS)
    same("titres", [h.get("{%s}outline-level" % NS["text"]) for h in heads],
         ["1", "2"])
    data = root.findall(".//draw:image/office:binary-data", NS)
    same("images", len(data), 1)
    svg = ET.fromstring(base64.b64decode("".join(data[0].text.split())))
    same("racine de l'image", svg.tag, SVG + "svg")
    same("titre du graphique", svg.find(SVG + "title").text,
         "Délai moyen de résolution")
    if not [e for e in svg.iter(SVG + "line") if e.get("stroke-dasharray")]:
        fail("pas de ligne de cible en pointillés")


def xml_fods(path):
    """Well-formed flat ODS: sheet names, float cells, string cells."""
    root = ET.parse(path).getroot()
    same("mimetype",
         root.get("{%s}mimetype" % NS["office"]),
         "application/vnd.oasis.opendocument.spreadsheet")
    tables = root.findall(".//table:table", NS)
    same("feuilles", [t.get("{%s}name" % NS["table"]) for t in tables],
         ["Délais (2025) - prise en compte", "Saisines"])
    vt = "{%s}value-type" % NS["office"]
    val = "{%s}value" % NS["office"]
    cells = [(c.get(vt), c.get(val), "".join(c.itertext()))
             for c in tables[0].iter("{%s}table-cell" % NS["table"])]
    for want in (("float", "12.5", "12,5 %"), ("float", "-3", "-3 j"),
                 ("string", None, "=SUM(A1)")):
        if want not in cells:
            fail(f"cellule {want!r} introuvable dans {cells!r}")


class Html(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.text, self.urls = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        for k, v in attrs:
            if k in ("href", "src", "srcset", "action", "xlink:href") or \
                    (v and ("://" in v or "url(" in v)):
                self.urls.append((tag, k, v))

    def handle_data(self, data):
        self.text.append(data)


def html_doc(path):
    """No script, no URL; the hostile text as text; the chart inline."""
    p = Html()
    with open(path, encoding="utf-8") as f:
        src = f.read()
    p.feed(src)
    for bad in ("script", "iframe", "object", "embed", "link", "img"):
        if bad in p.tags:
            fail(f"élément <{bad}> présent")
    if p.urls:
        fail(f"adresses présentes : {p.urls!r}")
    if "://" in src or "url(" in src or "@import" in src:
        fail("une adresse dans le fichier")
    text = "".join(p.text)
    if HOSTILE not in text:
        fail("texte hostile introuvable tel quel")
    for want in ("svg", "title", "thead", "table", "figure"):
        if want not in p.tags:
            fail(f"élément <{want}> absent")


def csv_has(path, *cells):
    """Any CSV (suivi's or LibreOffice's): read strictly, and each of
    cells is exactly the text of some cell."""
    seen = set()
    for row in rows_of(path):
        seen.update(row)
    for want in cells:
        if want not in seen:
            fail(f"{path} : aucune cellule {want!r}")


CHECKS = {"csv-ours": csv_ours, "csv-lo": csv_lo, "fodt": xml_fodt,
          "fods": xml_fods, "html": html_doc, "csv-has": csv_has}

if __name__ == "__main__":
    if len(sys.argv) < 3 or sys.argv[1] not in CHECKS:
        fail("usage : read.py " + "|".join(CHECKS) + " FICHIER…")
    try:
        CHECKS[sys.argv[1]](*sys.argv[2:])
    except (OSError, ET.ParseError, csv.Error, ValueError, TypeError,
            AttributeError, IndexError) as exc:
        fail(f"{type(exc).__name__} : {exc}")
