"""Data model shared by all readers: Block, Document and ReadError."""

from __future__ import annotations

from dataclasses import dataclass

BLOCK_KINDS = ("heading", "paragraph", "bullet", "table", "header", "footer", "textbox")
FORMATS = ("txt", "md", "html", "docx", "odt")


@dataclass(frozen=True)
class Block:
    """One structural unit of the letter.

    ``start``/``end`` are offsets into ``Document.text`` counted in Python
    ``str`` code points, so ``doc.text[b.start:b.end]`` is the block's text.
    """

    start: int
    end: int
    kind: str  # one of BLOCK_KINDS
    level: int = 0  # heading level (Title = 0, Heading 1 = 1, ...) or list level (0 = top)
    source_index: int = -1  # docx: index into python-docx ``Document.paragraphs``; -1 if n/a


@dataclass(frozen=True)
class Document:
    """Plain text of a letter plus its block structure.

    Layout rule for file readers (docx, odt, html, md): blocks are separated
    by exactly one blank line ("\\n\\n"); a line break inside a block is a
    single "\\n" and a block never contains "\\n\\n". Offsets always refer to
    ``text`` after newline normalisation ("\\r\\n" and "\\r" become "\\n").

    For txt files and ``read_text`` the text is kept as given (apart from
    newline normalisation and a removed BOM), so two blocks (e.g. two bullet
    lines) may be separated by a single "\\n" only. Use ``blocks`` to find
    block boundaries.
    """

    text: str
    blocks: tuple[Block, ...]
    source: str | None
    format: str  # one of FORMATS
    warnings: tuple[str, ...] = ()
    # rule ids the file's own properties switch off for the whole letter (a .docx with the tag
    # "letterlab: ignorer <regel-id>"; see letterlab.suppress)
    ignore: tuple[str, ...] = ()

    def block_text(self, block: Block) -> str:
        return self.text[block.start : block.end]


class ReadError(Exception):
    """A file or text could not be read.

    ``code`` is a stable machine code; ``message`` is plain Danish for the user.

    Codes: "empty", "binary", "encoding", "unsupported_doc", "encrypted",
    "corrupt", "zip_bomb", "too_large", "unsupported_format", "not_found".
    """

    def __init__(self, code: str, message: str):
        super().__init__(code, message)
        self.code = code
        self.message = message

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"ReadError({self.code!r}, {self.message!r})"


# --- Danish user messages -------------------------------------------------

MSG_EMPTY_FILE = "Filen er tom."
MSG_EMPTY_TEXT = "Teksten er tom."
MSG_BINARY = "Filen indeholder ikke tekst, vi kan læse. Vælg en .docx-, .odt-, .txt-, .md- eller .html-fil."
MSG_ENCODING = "Vi kan ikke læse bogstaverne i filen. Gem filen som UTF-8, og prøv igen."
MSG_UNSUPPORTED_DOC = (
    "Filen er et gammelt Word-dokument (.doc). Åbn den i Word, gem den som .docx, og prøv igen."
)
MSG_ENCRYPTED = "Filen er beskyttet med adgangskode. Fjern adgangskoden i Word, og prøv igen."
MSG_CORRUPT_DOCX = "Vi kan ikke åbne filen. Den er måske ødelagt. Åbn den i Word, gem den igen, og prøv igen."
MSG_CORRUPT_ODT = (
    "Vi kan ikke åbne filen. Den er måske ødelagt. Åbn den i dit tekstprogram, gem den igen, og prøv igen."
)
MSG_ZIP_BOMB = "Vi åbner ikke filen. Den bliver alt for stor, når vi pakker den ud, og den kan være skadelig."
MSG_PDF = "Filen er en PDF. Vi kan ikke læse PDF-filer. Gem brevet som .docx, og prøv igen."
MSG_RTF = "Filen er en RTF-fil. Åbn den i Word, gem den som .docx, og prøv igen."
MSG_NOT_WORD = "Filen er ikke et Word-dokument. Gem brevet som .docx, og prøv igen."
MSG_OLD_OFFICE = "Filen er i et gammelt Office-format, vi ikke kan læse. Gem brevet som .docx, og prøv igen."
MSG_NOT_FOUND = "Vi kan ikke finde filen. Tjek navnet, og prøv igen."


def msg_too_large(max_bytes: int) -> str:
    mb = max_bytes / 1_000_000
    limit = f"{mb:.0f} MB" if mb >= 1 else f"{max_bytes // 1000} kB"
    return f"Filen er for stor. Den må højst fylde {limit}."


def msg_unsupported_suffix(suffix: str) -> str:
    what = f"filtypen {suffix}" if suffix else "filer uden filtype"
    return f"Vi kan ikke læse {what}. Brug en .docx-, .odt-, .txt-, .md- eller .html-fil."


# Warnings (Danish, shown to the user next to the result)
WARN_TRACKED_CHANGES = (
    "Dokumentet har ændringer, du ikke har godkendt. Vi læser teksten, som om du har godkendt dem."
)
WARN_NOTES = "Vi har ikke læst fodnoter og slutnoter med."
WARN_DIAGRAMS = "Vi har ikke læst tekst i diagrammer og SmartArt med."
WARN_ALTCHUNK = "Dele af dokumentet er indsat fra en anden fil. Dem har vi ikke læst med."
WARN_TEXTBOX_UNREAD = "Vi har ikke kunnet læse tekst i alle tekstfelter."
WARN_TRUNCATED = "Filen er bygget meget indviklet op. Vi har måske ikke læst al teksten."
WARN_ENCODING_GUESS = "Filen er ikke gemt som UTF-8. Tjek, at æ, ø og å ser rigtige ud."
