"""The country each activity is reported under: stated in the Country column, carried down from a
filled cell above, or inferred.

A filled Country cell applies to its row and the rows below it while the numbering continues (read in
``table.py``); a carried country that the activity's own names contradict is a warning. Activities with
no country form blocks where the numbering restarts (#1, or a lower number), and the countries of the
organisations, places and country names a block's activities name decide which country, whatever the
order of the blocks. Inference is noted; a tie is left unknown. An activity without a number is given
the next number of its block (1 when it is the first), flagged as inferred.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from ..model import Activity, Note
from ..reference import Reference, normalise_name

__all__ = ["assign_countries", "number_unnumbered"]


def _blocks(activities: list[Activity]) -> list[list[int]]:
    blocks: list[list[int]] = []
    previous = None
    for i, activity in enumerate(activities):
        restart = activity.ordinal is not None and (previous is None or activity.ordinal <= previous)
        if not blocks or restart:
            blocks.append([])
        blocks[-1].append(i)
        previous = activity.ordinal if activity.ordinal is not None else previous
    return blocks


def _evidence(activities: list[Activity], block: list[int]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for i in block:
        for mention in activities[i].mentions:
            if mention.country:
                counts[mention.country] += 1
    return counts


def _stated(activity: Activity, reference: Reference) -> tuple[Activity, list[Note]]:
    text = activity.country_text or ""
    code = reference.country_code(text)
    if code:
        notes = []
        counts = _evidence([activity], [0]).most_common()
        if activity.country_carried and counts and counts[0][0] != code and code not in dict(counts):
            notes.append(Note("country-carried-contradicted", "warning",
                              f'the Country cell is empty and {code} is carried down from above, but the names of '
                              f'this activity point to {counts[0][0]}; fill in the Country cell', activity.span))
        return replace(activity, country=code, country_source="stated"), notes
    ambiguous = reference.ambiguous.get(normalise_name(text))
    if ambiguous:
        message = (f'country "{text}" is ambiguous ({" or ".join(ambiguous)}); write the full name, '
                   f'e.g. "{reference.countries[ambiguous[0]].name}"')
        note = Note("country-ambiguous", "violation", message, activity.span)
    else:
        note = Note("country-unknown", "violation",
                    f'country "{text}" is not recognised; use the English short name or ISO code', activity.span)
    return replace(activity, country_source="stated"), [note]


def assign_countries(activities: list[Activity], reference: Reference) -> tuple[list[Activity], list[Note]]:
    """Set ``country`` and ``country_source`` on every activity; notes for inferences and failures."""
    notes: list[Note] = []
    result = list(activities)
    unstated = [i for i, a in enumerate(activities) if a.country_text is None]
    for i, activity in enumerate(activities):
        if activity.country_text is not None:
            result[i], found = _stated(activity, reference)
            notes.extend(found)
    inferred_blocks: dict[str, int] = {}
    for block in _blocks([activities[i] for i in unstated]):
        indices = [unstated[j] for j in block]
        counts = _evidence(activities, indices).most_common()
        first = activities[indices[0]]
        if not counts or (len(counts) > 1 and counts[0][1] == counts[1][1]):
            tied = ", ".join(code for code, n in counts if n == counts[0][1]) if counts else "none"
            for i in indices:
                notes.append(Note("country-unknown", "warning",
                                  f"the Country column is empty and the names in this block do not tell the country "
                                  f"(candidates: {tied}); fill in the Country column", activities[i].span))
            continue
        code = counts[0][0]
        if code in inferred_blocks:
            notes.append(Note("country-inferred-twice", "warning",
                              f"two blocks of activities were both inferred to be {code}; check the Country column",
                              first.span))
        inferred_blocks[code] = indices[0]
        evidence = ", ".join(f"{c} {n}" for c, n in counts[:4])
        for i in indices:
            result[i] = replace(activities[i], country=code, country_source="inferred")
            notes.append(Note("country-inferred", "info",
                              f"country {code} inferred from the names in its block of activities "
                              f"(evidence: {evidence}); the Country column is empty", activities[i].span))
    return result, notes


def number_unnumbered(activities: list[Activity]) -> tuple[list[Activity], list[Note]]:
    """Give an activity written without a number the next number of its country (1 when it is the
    country's first), flagged as inferred."""
    result = list(activities)
    notes: list[Note] = []
    previous: dict[str | None, int] = {}
    last_country: str | None = None
    for i, activity in enumerate(activities):
        key = activity.country or activity.country_text
        if key != last_country:
            previous.pop(key, None)
        last_country = key
        if activity.ordinal is None:
            number = previous.get(key, 0) + 1
            result[i] = replace(activity, ordinal=number, ordinal_inferred=True)
            notes.append(Note("ordinal-missing", "warning",
                              f'activity has no "#n" number; read as #{number}. Write "#{number} Name and Date: ..."',
                              activity.span))
        previous[key] = result[i].ordinal or 0
    return result, notes
