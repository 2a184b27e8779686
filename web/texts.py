"""Every sentence the page's JavaScript shows, in one place.

The templates hand this dict to the scripts as JSON, and a test runs every
string through letterlab's own rules, so the page writes the way it preaches.
``{name}`` marks a value the script fills in.
"""
from __future__ import annotations

UI_TEXTS: dict[str, str] = {
    # working
    "analysing": "Vi tjekker brevet …",
    "applying": "Vi retter teksten og tjekker den igen …",
    "comparing": "Vi sammenligner de to breve …",
    "analysed": "Vi har tjekket brevet. Se resultatet nedenfor.",
    "compared": "Vi har sammenlignet brevene. Se resultatet nedenfor.",
    # problems
    "network_error": "Vi kunne ikke få kontakt til letterlab. Tjek din forbindelse, og prøv igen.",
    "server_error": "Noget gik galt hos os. Prøv igen om lidt.",
    "file_too_large": "Filen er for stor. Du kan højst sende 10 MB ad gangen.",
    "text_too_long": "Teksten er for lang. Du kan højst tjekke 200.000 tegn ad gangen. Del teksten op.",
    "empty": "Teksten er tom. Indsæt et brev, eller vælg en fil.",
    # files
    "file_chosen": "Du har valgt filen {name}. Vi tjekker filen og ikke teksten i feltet.",
    "remove_file": "Fjern filen",
    "from_file": "Teksten kommer fra filen {name}.",
    # applying suggestions
    "apply": "Brug",
    "apply_label": "Brug forslaget: {text}",
    "apply_all_safe": "Brug alle sikre forslag ({n})",
    "applied_one": "Vi har rettet teksten. Den samlede score gik fra {before} til {after}.",
    "applied_safe": "Vi har brugt {n} sikre forslag. Den samlede score gik fra {before} til {after}.",
    "no_safe": "Der er ingen sikre forslag at bruge.",
    "undo": "Fortryd",
    "undone": "Vi har fortrudt den sidste rettelse.",
    "edit": "Ret teksten selv",
    "safe": "Sikkert forslag",
    "unsafe": "Læs forslaget, før du bruger det",
    "delete_text": "Slet teksten",
    # copy
    "copy": "Kopiér teksten",
    "copied": "Du har kopieret teksten. Sæt den ind i dit brev.",
    "copy_failed": "Vi kunne ikke kopiere teksten. Markér teksten, og kopiér den selv.",
    # the finding panel
    "why": "Hvorfor?",
    "suggestions": "Forslag",
    "no_suggestion": "Vi har ikke et forslag her. Læs forklaringen, og ret teksten selv.",
    "close": "Luk",
    "whole_letter": "Gælder hele brevet",
    "show_in_letter": "Vis i brevet",
    "no_findings": "Vi fandt ingen problemer. Godt skrevet!",
    "count_one": "1 ting",
    "count_many": "{n} ting",
    "mark_label": "{categories}: {text}",
    "long_sentence": "Lang sætning",
    "long_sentence_label": "Vis forklaringen: {title}",
    "notice": "Bemærk",
    # scores
    "overall": "Samlet score",
    "of_100": "af 100",
    "lix": "LIX",
    "lix_target": "Målet er højst {target}.",
    "passive": "Passiv",
    "passive_share": "{pct} % af udsagnsordene",
    "jargon": "Kancellisprog",
    "jargon_count": "{n} ord og vendinger",
    "message_first": "Budskabet først",
    "yes": "Ja",
    "no": "Nej",
    "unknown": "Ved ikke",
    "words": "{words} ord i {sentences} sætninger",
    "reading_time": "Læsetid: {time}",
    "score_went": "Scoren gik fra {before} til {after}.",
    # compare
    "before": "Før",
    "before_version": "Før-versionen",
    "after_version": "Efter-versionen",
    "overall_change": "Samlet score",
    "after": "Efter",
    "change": "Ændring",
    "score_col": "Score",
    "category_col": "Markering",
    "rule_col": "Regel",
    "verdict": "Vurdering",
    "removed": "Fjernet",
    "added": "Tilføjet",
    "no_changes": "Der er ingen ændringer her.",
}
