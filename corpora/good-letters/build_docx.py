"""Build the .docx letters of this folder from the text below (python-docx).

Run from the repository root: ``python corpora/good-letters/build_docx.py``.
The .docx files are committed; this script shows how they were made and
rebuilds them the same way (the sender block sits in the page header, the
reference lines in a table, key-value lines in a table, as in real templates).
"""
from __future__ import annotations

from pathlib import Path

from docx import Document

HERE = Path(__file__).resolve().parent

LETTERS = {
    "parkering-tilladelse.docx": {
        "header": ["Fjordby Kommune", "Trafik og Veje", "Rådhustorvet 1, 7100 Fjordby",
                   "Telefon 72 10 70 00 · trafik@fjordby.dk"],
        "reference": [("Sagsnr.", "2026-052210"), ("Dato", "10. november 2026")],
        "heading": "Du får en parkeringstilladelse til handicapbil",
        "body": [
            ("p", "Kære Erik Sørensen"),
            ("p", "Du får et parkeringskort til handicapbil. Kortet gælder fra den 10. november 2026 og fem år frem. "
                  "Det kommer med posten inden for ti dage."),
            ("h", "Derfor får du kortet"),
            ("p", "Din læge skriver, at du kun kan gå ca. 100 meter. Derfor kan du få kortet efter færdselsloven. "
                  "Vi har ikke brug for flere oplysninger fra dig."),
            ("h", "Sådan bruger du kortet"),
            ("li", "Læg kortet synligt i forruden, når du parkerer."),
            ("li", "Du må holde på pladser, der er skiltet til handicapbiler."),
            ("li", "Du må holde op til 15 minutter, hvor der ellers er stopforbud, når du henter eller bringer."),
            ("p", "Kortet følger dig og ikke bilen. Du kan derfor også bruge det, når andre kører dig."),
            ("h", "Når kortet udløber"),
            ("p", "Søg om et nyt kort senest to måneder før den 10. november 2031. Det gør du på borger.dk."),
            ("p", "Med venlig hilsen"),
            ("p", "Rikke Holm\nSagsbehandler, Trafik og Veje\nDirekte telefon: 72 10 70 18\nE-mail: riho@fjordby.dk"),
            ("h", "Klagevejledning"),
            ("p", "Du kan klage over afgørelsen. Send klagen til os senest fire uger efter, at du har fået brevet. "
                  "Vi ser på sagen igen. Hvis vi ikke giver dig ret, sender vi klagen videre til Vejdirektoratet."),
        ],
    },
    "vejarbejde-orientering.docx": {
        "header": ["Fjordby Forsyning", "Bygmestervej 3, 7100 Fjordby", "Telefon 72 10 90 00"],
        "reference": [("Dato", "12. november 2026")],
        "heading": "Vi lægger nye vandrør på Skolevej fra 30. november",
        "body": [
            ("p", "Kære beboer på Skolevej"),
            ("p", "Vi lægger nye vandrør i Skolevej fra mandag den 30. november til fredag den 18. december 2026. "
                  "Du kan komme til og fra dit hus hele tiden, men ikke altid i bil."),
            ("kv", [("Hvor", "Skolevej nr. 1-45"), ("Hvornår", "Mandag til fredag kl. 7.00-16.00"),
                    ("Kontakt", "Formand Ole Bak på pladsen")]),
            ("h", "Det betyder det for dig"),
            ("li", "Vejen er lukket for biler i den del, hvor vi graver. Du kan parkere på Skolevej ved nr. 50."),
            ("li", "Vandet er lukket i cirka to timer én dag. Vi lægger en seddel i din postkasse dagen før."),
            ("li", "Skraldebilen kommer som den plejer. Stil spanden ved vejen ved nr. 50, hvis vi graver ud for dit hus."),
            ("p", "De gamle rør er over 70 år gamle og er begyndt at gå i stykker. De nye rør holder i mange år."),
            ("p", "Undskyld ulejligheden. Har du spørgsmål, er du velkommen til at ringe til mig."),
            ("p", "Med venlig hilsen"),
            ("p", "Mikkel Juhl\nProjektleder, Fjordby Forsyning\nDirekte telefon: 72 10 90 42\nE-mail: mju@fjordbyforsyning.dk"),
        ],
    },
}


def build(name: str, spec: dict) -> None:
    doc = Document()
    header = doc.sections[0].header
    header.paragraphs[0].text = spec["header"][0]
    for line in spec["header"][1:]:
        header.add_paragraph(line)
    table = doc.add_table(rows=0, cols=2)
    for key, value in spec["reference"]:
        cells = table.add_row().cells
        cells[0].text = key
        cells[1].text = value
    doc.add_heading(spec["heading"], level=1)
    for kind, content in spec["body"]:
        if kind == "h":
            doc.add_heading(content, level=2)
        elif kind == "li":
            doc.add_paragraph(content, style="List Bullet")
        elif kind == "kv":
            kv = doc.add_table(rows=0, cols=2)
            for key, value in content:
                cells = kv.add_row().cells
                cells[0].text = f"{key}:"
                cells[1].text = value
        else:
            lines = content.split("\n")
            para = doc.add_paragraph(lines[0])
            for line in lines[1:]:
                para.add_run().add_break()
                para.add_run(line)
    doc.core_properties.author = "letterlab"
    doc.save(HERE / name)


if __name__ == "__main__":
    for file_name, letter_spec in LETTERS.items():
        build(file_name, letter_spec)
