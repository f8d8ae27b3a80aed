"""Linking: the organisations, places and countries the reports name, reconciled with Wikidata; the
accepted items fanned out to VIAF, ISNI, ISIL, GeoNames and their website; every decision a row of the
decisions file.

Curated rows always win: an entity with a curated Wikidata row is not searched, a curated rejection
removes that item from the candidates. Automatic rows of the entities searched are replaced by the
new results; nothing is written until every request has succeeded.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..decisions import Decision, merge_decisions, valid_value
from ..iris import Minter
from ..model import Mention, Report
from ..reference import Reference
from .client import SparqlClient
from .scoring import choose, evidence, score
from .wikidata import FANOUT, Candidate, country_query, fanout_query, label_query, parse_candidates, parse_fanout

__all__ = ["BATCH", "LinkResult", "Target", "fanned_out_from", "link_entities", "link_targets"]

BATCH = 50
_FANOUT_NOTE = "from Wikidata {qid}"
_KINDS = {"organisation", "place", "country"}


@dataclass(frozen=True, order=True)
class Target:
    """Something to link: our IRI, its label, kind, gazetteer type, country and the names to look up."""

    iri: str
    label: str
    kind: str
    type: str
    country: str | None
    names: tuple[str, ...]


@dataclass
class LinkResult:
    decisions: list[Decision]
    accepted: list[str] = field(default_factory=list)
    pending: list[str] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    fanned_out: int = 0


def _target(mention: Mention, minter: Minter, reference: Reference) -> Target | None:
    if mention.kind not in _KINDS:
        return None
    iri = minter.mention(mention)
    if mention.kind == "country":
        country = reference.countries.get(mention.key or "")
        if country is None:
            return None
        return Target(iri, country.name, "country", "Country", country.code, (country.code,))
    entity = reference.entities.get(mention.key or "")
    if entity is not None:
        return Target(iri, entity.name, entity.kind, entity.type, entity.country, (entity.name, *entity.aliases))
    return Target(iri, mention.name, mention.kind, "", mention.country, (mention.name,))


def link_targets(reports: Iterable[Report], minter: Minter, reference: Reference) -> list[Target]:
    """Every organisation, place and country the reports name (and every country reported), once."""
    found: dict[str, Target] = {}
    for report in reports:
        mentions = [m for a in report.actions for m in a.mentions]
        for activity in report.activities:
            mentions += activity.mentions
            if activity.country:
                mentions.append(Mention(activity.country, "country", activity.country, activity.country,
                                        activity.span))
        for mention in mentions:
            target = _target(mention, minter, reference)
            if target is not None:
                found.setdefault(target.iri, target)
    return sorted(found.values())


def fanned_out_from(decision: Decision) -> str | None:
    """The Wikidata item an automatic row's id was fanned out from, ``None`` for any other row."""
    if decision.curated or decision.authority == "wikidata":
        return None
    match = re.fullmatch(_FANOUT_NOTE.format(qid="(Q[1-9][0-9]*)"), decision.note)
    return match.group(1) if match else None


def _batches(items: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(items), BATCH):
        yield items[start:start + BATCH]


def _candidates(client: SparqlClient, targets: list[Target]) -> tuple[dict[str, dict[str, Candidate]], set[str]]:
    """Candidates by looked-up name; and the names whose answer is unknown (offline, not cached)."""
    names = sorted({n for t in targets if t.kind != "country" for n in t.names})
    codes = sorted({t.names[0] for t in targets if t.kind == "country"})
    found: dict[str, dict[str, Candidate]] = {}
    unknown: set[str] = set()
    for batch, make in [(b, label_query) for b in _batches(names)] + [(b, country_query) for b in _batches(codes)]:
        bindings = client.select(make(batch))
        if bindings is None:
            unknown.update(batch)
            continue
        for name, by_qid in parse_candidates(bindings).items():
            found.setdefault(name, {}).update(by_qid)
    return found, unknown


def _row(target: Target, authority: str, value: str, status: str, method: str, score_: str, date: str,
         note: str) -> Decision:
    return Decision(target.iri, authority, value, _cut(target.label), target.kind, status, method, score_, date,
                    _cut(note))


def _cut(text: str, limit: int = 2000) -> str:
    """Free text for the decisions file, kept far below the csv module's field limit (131,072)."""
    return text if len(text) <= limit else text[:limit - 1] + "…"


def link_entities(targets: list[Target], decisions: list[Decision], client: SparqlClient, date: str) -> LinkResult:
    """Search, score, decide and fan out; returns the new full list of decisions (not yet written), new rows
    stamped with ``date`` (YYYY-MM-DD)."""
    curated = {d.entity for d in decisions if d.curated and d.authority == "wikidata" and d.status == "accepted"}
    rejected = {(d.entity, d.value) for d in decisions if d.curated and d.status == "rejected"}
    search = [t for t in targets if t.iri not in curated]
    found, unknown = _candidates(client, search)
    result = LinkResult([])
    new: list[Decision] = []
    accepted: dict[str, tuple[Target, str, str]] = {}
    searched: set[str] = set()
    for target in search:
        if any(n in unknown for n in target.names):
            result.skipped.append(target.iri)
            continue
        searched.add(target.iri)
        by_qid = {q: c for n in target.names for q, c in found.get(n, {}).items() if (target.iri, q) not in rejected}
        scored = [(c, score(target.kind, target.type, target.country, c)) for c in by_qid.values()]
        best = choose(scored)
        if best is not None:
            best_score = f"{dict((c.qid, s) for c, s in scored)[best.qid]:.2f}"
            new.append(_row(target, "wikidata", best.qid, "accepted", "automatic", best_score, date, evidence(best)))
            accepted[target.iri] = (target, best.qid, best_score)
            result.accepted.append(target.iri)
        elif scored:
            for candidate, value in sorted(scored, key=lambda cs: (-cs[1], cs[0].qid))[:5]:
                new.append(_row(target, "wikidata", candidate.qid, "pending", "automatic", f"{value:.2f}", date,
                                evidence(candidate)))
            result.pending.append(target.iri)
        else:
            result.unmatched.append(target.iri)
    by_iri = {t.iri: t for t in targets}
    for d in decisions:
        if d.curated and d.authority == "wikidata" and d.status == "accepted" and d.entity in by_iri:
            accepted[d.entity] = (by_iri[d.entity], d.value, "1.00")
    fanned = _fan_out(client, accepted, date)
    result.fanned_out = len(fanned)
    kept = [d for d in decisions if d.curated or d.entity not in searched]
    result.decisions = merge_decisions(kept, _dated(new + fanned, decisions))
    return result


def _dated(new: list[Decision], old: list[Decision]) -> list[Decision]:
    """New rows, each found again exactly as before keeping the row it was (and its date): a run that
    finds nothing new changes nothing in the decisions file."""
    def same(d: Decision) -> tuple[str, ...]:
        return (d.entity, d.authority, d.value, d.label, d.kind, d.status, d.method, d.score, d.note)

    before = {same(d): d for d in old}
    return [before.get(same(d), d) for d in new]


def _fan_out(client: SparqlClient, accepted: dict[str, tuple[Target, str, str]], date: str) -> list[Decision]:
    by_qid: dict[str, list[tuple[Target, str]]] = {}
    for target, qid, value in accepted.values():
        by_qid.setdefault(qid, []).append((target, value))
    rows: list[Decision] = []
    for batch in _batches(sorted(by_qid)):
        bindings = client.select(fanout_query(batch))
        for qid, authority, value in parse_fanout(bindings or []):
            if qid not in by_qid or authority not in FANOUT.values() or not valid_value(authority, value):
                continue  # an item not asked about, an authority not asked for, a malformed value
            for target, link_score in by_qid[qid]:
                rows.append(_row(target, authority, value, "accepted", "automatic", link_score, date,
                                 _FANOUT_NOTE.format(qid=qid)))
    return rows
