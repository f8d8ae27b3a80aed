"""The ``link`` command: authority linking with Wikidata, and curated accept/reject decisions."""

from __future__ import annotations

import re
from pathlib import Path

import click

from ..decisions import Decision
from ..errors import UsageError
from ..iris import Minter
from .options import ENDPOINT, SECONDS, environment, is_quiet, settings_from

__all__ = ["link"]


def _resolve(entity: str, decisions: list[Decision], base: str) -> tuple[str, str, str]:
    """Our IRI, label and kind for ENTITY: an IRI, or a slug such as national-library-of-china or CN."""
    from ..reference import load_reference

    reference = load_reference()
    minter = Minter(base)
    if entity.startswith(("http://", "https://")):
        known = next((d for d in decisions if d.entity == entity), None)
        if known is not None:
            return entity, known.label, known.kind
        tail = entity.rstrip("/").rsplit("/", 1)[-1]
        entity_slug = tail
    else:
        entity_slug = entity.strip("/").rsplit("/", 1)[-1]
    if entity_slug.upper() in reference.countries and len(entity_slug) == 2:
        country = reference.countries[entity_slug.upper()]
        return minter.country(country.code), country.name, "country"
    if entity_slug in reference.entities:
        found = reference.entities[entity_slug]
        if found.kind != "person":
            return minter.known(found.kind, found.id), found.name, found.kind
    known = next((d for d in decisions if d.entity.rstrip("/").endswith("/" + entity_slug)), None)
    if known is not None:
        return known.entity, known.label, known.kind
    raise UsageError(f"unknown entity {entity!r}",
                     hint="give our IRI (see 'rscao-graph query organisations') or a gazetteer id such as "
                          "national-library-of-china, or a country code")


def _record(verb: str, entity: str, qid: str, decisions_path: Path, base: str) -> str:
    from ..decisions import decisions_source, merge_decisions, read_decisions, write_decisions
    from ..link.linker import fanned_out_from

    if not re.fullmatch(r"Q[1-9][0-9]*", qid):
        raise UsageError(f"{qid!r} is not a Wikidata item id such as Q732353")
    decisions = read_decisions(decisions_source(decisions_path))
    iri, label, kind = _resolve(entity, decisions, base)
    status = "accepted" if verb == "accept" else "rejected"
    row = Decision(iri, "wikidata", qid, label, kind, status, "curated", "", environment().today(),
                   f"{verb}ed by a reviewer")

    def replaced(d: Decision) -> bool:
        """The rows the reviewer's decision takes the place of: any earlier decision on this item (a shipped
        curated one included); on accept, every other candidate; the ids fanned out from an item no longer
        accepted."""
        if d.entity != iri:
            return False
        if d.authority == "wikidata":
            return d.value == qid or verb == "accept"
        source = fanned_out_from(d)
        return source is not None and (source == qid) == (verb == "reject")

    write_decisions(decisions_path, merge_decisions([d for d in decisions if not replaced(d)], [row]))
    return f"{status} {iri} = {qid} ({label}) in {decisions_path}"


def _review(decisions: list[Decision]) -> str:
    pending = [d for d in decisions if d.status == "pending"]
    if not pending:
        return "No pending candidates."
    lines = [f"{len(pending)} pending candidate(s); record a decision with "
             "'rscao-graph link accept|reject ENTITY QID':"]
    for d in pending:
        lines.append(f"  {d.entity.rsplit('/', 2)[-2]}/{d.entity.rsplit('/', 1)[-1]}  {d.label}  ->  {d.value}  "
                     f"score {d.score}\n      {d.note}")
    return "\n".join(lines)


@click.command()
@click.argument("args", nargs=-1, metavar="[REPORT_OR_DIR]... | accept|reject ENTITY QID")
@click.option("--endpoint", help="Wikidata SPARQL endpoint or mirror (default: wikidata_endpoint in rscao.toml, "
              "else the public Wikidata query service).", type=ENDPOINT)
@click.option("--offline", is_flag=True, help="Use only the response cache and the decisions file.")
@click.option("--review", is_flag=True, help="Only show the pending candidates of the decisions file with their "
              "evidence (no network, nothing written).")
@click.option("--timeout", type=SECONDS, default=30.0, show_default=True,
              help="Seconds one request may take in all (connecting to the last byte).")
@click.option("--retries", type=click.IntRange(0, 10), default=3, show_default=True,
              help="Retries on 429, 5xx and timeouts (with backoff, honouring Retry-After).")
@click.pass_context
def link(ctx: click.Context, args: tuple[str, ...], endpoint: str | None, offline: bool, review: bool,
         timeout: float, retries: int) -> None:
    """Link the organisations, places and countries of REPORTS (default data/reports/) to Wikidata.

    Candidates are scored (label, type, country); a clear winner is accepted automatically, the rest
    is left pending in the decisions file (data/links.csv) for review. Accepted items are fanned out
    to VIAF, ISNI, ISIL, GeoNames and their website. Curated decisions always win:

    \b
        rscao-graph link accept ENTITY QID     record a reviewed match
        rscao-graph link reject ENTITY QID     rule a candidate out
    ENTITY is our IRI or its last part (national-library-of-china, CN).

    \b
    Example:
        rscao-graph link
        rscao-graph link --review
        rscao-graph link accept national-library-of-china Q732353
    """
    settings = settings_from()
    if args and args[0] in ("accept", "reject"):
        if len(args) != 3:
            raise UsageError(f"usage: rscao-graph link {args[0]} ENTITY QID")
        click.echo(_record(args[0], args[1], args[2], settings.decisions, settings.base_iri))
        return
    from ..decisions import decisions_source, read_decisions, write_decisions

    decisions = read_decisions(decisions_source(settings.decisions))
    if review:  # only what is on disk: no report is read, no request sent, nothing written
        if args:
            raise UsageError("--review shows the decisions file's pending candidates; it takes no reports",
                             hint="run 'rscao-graph link REPORTS' first, then 'rscao-graph link --review'")
        click.echo(_review(decisions))
        return
    from ..extract import extract_report
    from ..link.client import SparqlClient
    from ..link.linker import link_entities, link_targets
    from ..read import read_report
    from ..read.sources import collect_reports
    from ..reference import load_reference

    files = collect_reports(tuple(Path(a) for a in args), settings.reports)
    reference = load_reference()
    reports = [extract_report(read_report(f.path, f.root), reference) for f in files]
    env = environment()
    targets = link_targets(reports, Minter(settings.base_iri), reference)
    client = SparqlClient(endpoint or settings.wikidata_endpoint, cache=env.sparql_cache,
                          cache_days=env.cache_max_days, contact=settings.contact, timeout=timeout, retries=retries,
                          offline=offline)
    result = link_entities(targets, decisions, client, env.today())
    changed = set(result.decisions) != set(decisions)
    if changed:  # unchanged, the file is left as it is, byte for byte (its order, its BOM)
        write_decisions(settings.decisions, result.decisions)
    if not is_quiet(ctx):
        decided = len(result.accepted) + len(result.pending) + len(result.unmatched) + len(result.skipped)
        click.echo(f"Linked {len(targets)} entities: {len(result.accepted)} accepted automatically, "
                   f"{len(result.pending)} pending review, {len(result.unmatched)} without candidates, "
                   f"{len(targets) - decided} curated; {result.fanned_out} identifiers fanned out; "
                   f"{client.requests} request(s)"
                   + (f"; {len(result.skipped)} not in the cache (offline)" if result.skipped else "")
                   + f". Decisions: {settings.decisions}" + ("" if changed else " (unchanged)"))
