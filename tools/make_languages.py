"""Write data/languages.txt: names of languages, which a place lookup must not take for places ("books in
Kazakh and Russian"). Run by hand.

Source: ISO 639-1 (the 184 languages with a two-letter code) as pycountry 26.2.16 gives them (Debian's
iso-codes), their names split at ";" and "," ("Divehi; Dhivehi; Maldivian"), plus the languages of the
RSCAO region that ISO 639-1 lacks (ISO 639-2/3 names: Tok Pisin, Hiri Motu, Tetum, Gilbertese, Tuvaluan,
Niuean, ...), and the adjectives reports use for them ("Kazakh", "Kyrgyz", "Tajik", "Fiji Hindi").

    pip install pycountry==26.2.16 && python tools/make_languages.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import pycountry

DATA = Path(__file__).resolve().parent.parent / "data"
REGION = """Tok Pisin|Hiri Motu|Tetum|Gilbertese|Kiribati|Tuvaluan|Niuean|Tokelauan|Palauan|Marshallese|Nauruan|
Chamorro|Rotuman|Fiji Hindi|iTaukei|Te Reo Maori|Te Reo Māori|Māori|Cook Islands Maori|Pitcairn-Norfolk|Pijin|
Kazakh|Kyrgyz|Tajik|Turkmen|Uzbek|Dari|Pashto|Balochi|Sindhi|Saraiki|Hakka|Cantonese|Mandarin|Hokkien|Teochew|
Filipino|Tagalog|Cebuano|Ilocano|Hiligaynon|Javanese|Sundanese|Balinese|Mon|Shan|Karen|Kachin|Chin|Dzongkha|
Maldivian|Dhivehi|Newari|Maithili|Bhojpuri|Santali|Tulu|Konkani|Manipuri|Mizo|Khasi|Ryukyuan|Ainu|Yakut|Buryat|
Kalmyk|Uyghur|Tibetan|Hmong|Lao|Khmer|Burmese|Thai|Malay|Vietnamese|Indonesian|English|French|Portuguese|
Spanish""".replace("\n", "")


def main() -> int:
    names: set[str] = set()
    for language in pycountry.languages:
        if hasattr(language, "alpha_2"):
            for part in language.name.replace(",", ";").split(";"):
                if part.strip():
                    names.add(part.strip())
    names.update(n.strip() for n in REGION.split("|") if n.strip())
    text = "".join(f"{n}\n" for n in sorted(names, key=lambda n: (n.casefold(), n)))
    (DATA / "languages.txt").write_text(text, encoding="utf-8")
    print(f"{len(names)} language names written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
