"""Model to quads: one named graph per report, emitted straight from the model (no rdflib graph).

Every activity, citation and convenor action is ``prov:wasDerivedFrom`` a source segment naming the
report file, the line span, the character offsets and the exact text. Facts that span nodes (does
the cited label fit, is the date inside the period, is the country in the sub-region) are computed
here once and stated, so SHACL core constraints can check them and queries can use them.
"""

from __future__ import annotations

from dataclasses import dataclass

from pyoxigraph import Literal, NamedNode, Quad, Triple

from ..errors import InputError
from ..iris import Minter, slugify
from ..model import Activity, Citation, ConvenorAction, Link, Locator, Mention, Note, Report, SourceSpan, link_problem
from ..reference import Reference, label_fits, normalise_name
from ..vocab import AUTHORITIES, DCT, OA, ORG, PROV, RDF, RDFS, RSCAO, SCHEMA, XSD
from .nodes import boolean, date_literal, en, integer, iri, string, url_node

__all__ = ["Focus", "ReportGraph", "map_report"]

_KIND_CLASS = {"organisation": SCHEMA.Organization, "place": SCHEMA.Place, "person": SCHEMA.Person,
               "work": SCHEMA.CreativeWork}
_ROLE_PREDICATE = {"location": SCHEMA.location, "place": SCHEMA.location, "organiser": SCHEMA.organizer}


@dataclass(frozen=True)
class Focus:
    """Where a node of the graph comes from, in the report's own terms, for validation messages:
    the file and line, the activity's country and number and name, and facts a message may quote."""

    file: str
    line: int
    label: str
    country: str | None = None
    ordinal: int | None = None
    facts: tuple[tuple[str, str], ...] = ()
    kind: str = "activity"
    end_line: int = 0
    lines: tuple[tuple[str, int], ...] = ()
    where: str = ""
    places: tuple[tuple[str, str], ...] = ()

    def line_of(self, path: str | None) -> int:
        """The line a finding on property ``path`` points at (a report's period, its date, ...)."""
        return dict(self.lines).get(path or "", self.line)

    def where_of(self, path: str | None) -> str:
        """In a document (.docx, HTML), the place a finding on property ``path`` points at
        (``"table 1, row 5"``, ``"paragraph 3"``); empty for a text file."""
        return dict(self.places).get(path or "", self.where)


class ReportGraph:
    """The quads of one report's named graph; ``shared``, the triples about things several reports
    share (organisations and places no gazetteer knows, sub-regions, convenors' memberships), which
    the build puts once into the ``{base}graph/entities`` graph; the notes the mapping made; and where
    each node that validation may report on comes from."""

    def __init__(self, graph: NamedNode) -> None:
        self.graph = graph
        self.quads: list[Quad] = []
        self.shared: list[Triple] = []
        self.notes: list[Note] = []
        self.focus: dict[str, Focus] = {}

    def add(self, s: NamedNode, p: NamedNode, o: NamedNode | Literal) -> None:
        self.quads.append(Quad(s, p, o, self.graph))


class _Mapper:
    def __init__(self, report: Report, minter: Minter, reference: Reference) -> None:
        self.report, self.minter, self.reference = report, minter, reference
        sub = report.sub_region.value if report.sub_region else None
        known = reference.subregion(sub) if sub else None
        self.subregion_slug = known.slug if known else (slugify(sub) if sub else None)
        self.subregion_countries = known.countries if known else ()
        period = report.period
        self.node = iri(minter.report(self.subregion_slug, period.start if period else None,
                                      period.end if period else None, report.file))
        self.out = ReportGraph(self.node)
        self.add = self.out.add
        self.source = iri(minter.source(self.node.value))

    def share(self, s: NamedNode, p: NamedNode, o: NamedNode | Literal) -> None:
        """A triple about a thing several reports share (the ``{base}graph/entities`` graph)."""
        self.out.shared.append(Triple(s, p, o))

    # --- shared pieces ----------------------------------------------------------------------------

    def segment(self, span: SourceSpan) -> NamedNode:
        """The source segment of a span, with its position and quote selectors."""
        seg = iri(self.minter.segment(self.node.value, span.start, span.end))
        position = iri(self.minter.selector(seg.value, "position"))
        quote = iri(self.minter.selector(seg.value, "quote"))
        self.add(seg, RDF.type, RSCAO.SourceSegment)
        self.add(seg, OA.hasSource, self.source)
        self.add(seg, OA.hasSelector, position)
        self.add(seg, OA.hasSelector, quote)
        self.add(seg, RSCAO.startLine, Literal(str(span.line), datatype=XSD.positiveInteger))
        self.add(seg, RSCAO.endLine, Literal(str(span.end_line), datatype=XSD.positiveInteger))
        self.add(position, RDF.type, OA.TextPositionSelector)
        self.add(position, OA.start, Literal(str(span.start), datatype=XSD.nonNegativeInteger))
        self.add(position, OA.end, Literal(str(span.end), datatype=XSD.nonNegativeInteger))
        self.add(quote, RDF.type, OA.TextQuoteSelector)
        self.add(quote, OA.exact, string(self.report.source_text[span.start:span.end]))
        if span.locator is not None:
            self.place(seg, span.locator)
        return seg

    def place(self, seg: NamedNode, locator: Locator) -> None:
        """Where a segment of a document (.docx, HTML) stands in the document itself: an XPath selector
        into its XML (``word/document.xml``, the HTML), or a range selector from the element where it
        starts to the one where it ends, labelled as a person finds it ("table 1, rows 5-7")."""
        node = iri(self.minter.selector(seg.value, "document"))
        self.add(seg, OA.hasSelector, node)
        self.add(node, RDFS.label, string(locator.label()))
        if locator.start.path == locator.end.path:
            self.add(node, RDF.type, OA.XPathSelector)
            self.add(node, RDF.value, string(locator.start.path))
            return
        self.add(node, RDF.type, OA.RangeSelector)
        for predicate, position, kind in ((OA.hasStartSelector, locator.start, "document-start"),
                                          (OA.hasEndSelector, locator.end, "document-end")):
            end = iri(self.minter.selector(seg.value, kind))
            self.add(node, predicate, end)
            self.add(end, RDF.type, OA.XPathSelector)
            self.add(end, RDF.value, string(position.path))
            self.add(end, RDFS.label, string(position.label()))

    def entity(self, mention: Mention) -> NamedNode:
        """The shared node of an organisation, place, person or country; unknown ones described here."""
        try:
            node = iri(self.minter.mention(mention))
        except InputError as exc:
            raise InputError(exc.message, file=mention.span.file, line=mention.span.line, hint=exc.hint) from exc
        if mention.kind == "person":
            self.person(node, mention)
        if mention.kind == "country" or mention.key:
            return node
        self.share(node, RDF.type, _KIND_CLASS[mention.kind])
        self.share(node, SCHEMA.name, en(mention.name))
        if mention.country:
            self.share(node, RSCAO.country, iri(self.minter.country(mention.country)))
        if mention.geonames:
            geonames = AUTHORITIES["geonames"]
            self.share(node, geonames.predicate, geonames.target(mention.geonames))
        return node

    def person(self, node: NamedNode, mention: Mention) -> None:
        """What the report states of a person: title, position, the organisation the person is of."""
        if mention.title:
            self.add(node, SCHEMA.honorificPrefix, en(mention.title))
        if mention.position:
            self.add(node, SCHEMA.jobTitle, en(mention.position))
        if mention.affiliation:
            org = Mention(mention.affiliation, "organisation", None, None, mention.span)
            known = self.reference.entity_named(mention.affiliation, "organisation")
            if known is not None:
                org = Mention(mention.affiliation, "organisation", known.id, known.country, mention.span)
            self.add(node, SCHEMA.affiliation, self.entity(org))

    def links(self, subject: NamedNode, links: tuple[Link, ...], predicate: NamedNode) -> None:
        """Usable URLs as IRIs (with their label); a stated link that is none is kept as written: one
        without a scheme, an e-mail address (the activity's contact) or another (a violation)."""
        for link in links:
            node = url_node(link.text) if link.is_url else None
            if node is not None:
                self.add(subject, predicate, node)
                if link.label and predicate == SCHEMA.url:
                    self.add(node, RDFS.label, en(link.label))
            elif predicate == SCHEMA.url:
                problem = link_problem(link.text)
                if problem == "no-scheme":
                    self.add(subject, RSCAO.linkWithoutScheme, string(link.text))
                elif problem == "email":
                    self.add(subject, SCHEMA.email, string(link.text.removeprefix("mailto:")))
                else:
                    self.add(subject, RSCAO.statedLink, string(link.text))

    # --- the report -----------------------------------------------------------------------------------

    def map(self) -> ReportGraph:
        r, node = self.report, self.node
        self.add(node, RDF.type, RSCAO.Report)
        first = r.committee.span.line if r.committee else 1
        near = r.sub_region.span.line if r.sub_region else first
        lines = {RSCAO.subRegion.value: near, RSCAO.convenor.value: r.convenor.span.line if r.convenor else near,
                 RSCAO.periodStart.value: r.period.span.line if r.period else first,
                 RSCAO.periodInOrder.value: r.period.span.line if r.period else first,
                 DCT.dateSubmitted.value: r.submitted.span.line if r.submitted else near}
        spans = {RSCAO.subRegion.value: r.sub_region, RSCAO.convenor.value: r.convenor or r.sub_region,
                 RSCAO.periodStart.value: r.period or r.committee, RSCAO.periodInOrder.value: r.period or r.committee,
                 DCT.dateSubmitted.value: r.submitted or r.sub_region}
        places = {path: _where(stated.span) for path, stated in spans.items() if stated is not None}
        self.out.focus[node.value] = Focus(r.file, first, f"report {node.value.split('/report/', 1)[-1]}", facts=(
            ("period", r.period.text if r.period else ""),), kind="report", lines=tuple(sorted(lines.items())),
            where=_where(r.committee.span) if r.committee else "", places=tuple(sorted(places.items())))
        self.add(node, RSCAO.sourceDocument, self.source)
        self.add(self.source, RDF.type, RSCAO.SourceDocument)
        self.add(self.source, RSCAO.path, string(r.file))
        label = ", ".join(x for x in (r.sub_region.value if r.sub_region else None,
                                      f"{r.period.start} to {r.period.end}" if r.period and r.period.start else None)
                          if x)
        self.add(node, RDFS.label, en(f"Bi-annual sub-regional report{': ' + label if label else ''}"))
        if r.sub_region:
            sub = iri(self.minter.subregion(self.subregion_slug or ""))
            self.add(node, RSCAO.subRegion, sub)
            if not self.subregion_countries:
                self.share(sub, RDF.type, RSCAO.SubRegion)
                self.share(sub, SCHEMA.name, en(r.sub_region.value))
        if r.committee:
            committee = self.reference.entity_named(r.committee.value.split(" (")[0], "organisation")
            mention = Mention(r.committee.value, "organisation", committee.id if committee else None, None,
                              r.committee.span)
            self.add(node, RSCAO.committee, self.entity(mention))
        if r.convenor:
            self.convenor(r.convenor.value, r.convenor.span)
        if r.period:
            self.add(node, RSCAO.periodStated, en(r.period.text))
            if r.period.start and r.period.end:
                self.add(node, RSCAO.periodStart, date_literal(r.period.start, "month"))
                self.add(node, RSCAO.periodEnd, date_literal(r.period.end, "month"))
                self.add(node, RSCAO.periodInOrder, boolean(r.period.start <= r.period.end))
        if r.submitted:
            if r.submitted.start and r.submitted.precision:
                self.add(node, DCT.dateSubmitted, date_literal(r.submitted.start, r.submitted.precision))
            else:
                self.add(node, RSCAO.statedDate, string(r.submitted.text))
        for heading in r.headings:
            h = iri(self.minter.heading(node.value, heading.letter))
            self.add(h, RDF.type, RSCAO.SectionHeading)
            self.add(h, RSCAO.headingLetter, string(heading.letter))
            self.add(h, DCT.title, en(heading.title.value))
            self.add(h, RSCAO.inReport, node)
            self.add(h, PROV.wasDerivedFrom, self.segment(heading.title.span))
        positions: dict[str, int] = {}
        for action in r.actions:
            positions[action.heading] = positions.get(action.heading, 0) + 1
            self.action(action, positions[action.heading])
        for text in r.unparsed:
            self.add(node, RSCAO.unparsedText, en(text.value))
        minted: set[str] = set()
        per_country: dict[str, int] = {}
        for activity in r.activities:
            if activity.country:
                per_country[activity.country] = per_country.get(activity.country, 0) + 1
        counted: set[str] = set()
        for activity in r.activities:
            node = self.activity(activity, minted)
            if activity.country and activity.country not in counted:
                counted.add(activity.country)
                self.add(node, RSCAO.activitiesOfCountry, integer(per_country[activity.country]))
        return self.out

    def convenor(self, name: str, span: SourceSpan) -> None:
        known = self.reference.entity_named(name, "person")
        person = self.entity(Mention(name, "person", known.id if known else None, None, span,
                                     title=self.report.convenor_title))
        self.add(self.node, RSCAO.convenor, person)
        if self.subregion_slug:
            membership = iri(self.minter.membership(self.subregion_slug, person.value))
            self.share(membership, RDF.type, ORG.Membership)
            self.share(membership, ORG.member, person)
            self.share(membership, ORG.role, RSCAO.SubRegionalConvenor)
            self.share(membership, RSCAO.subRegion, iri(self.minter.subregion(self.subregion_slug)))
            committee = self.reference.entities.get("ifla-regional-standing-committee-for-asia-and-oceania")
            if committee:
                self.share(membership, ORG.organization, iri(self.minter.known("organisation", committee.id)))

    def action(self, action: ConvenorAction, position: int) -> None:
        letter = action.heading.lower() or "none"
        node = iri(self.minter.action(self.node.value, letter, position))
        self.add(node, RDF.type, RSCAO.ConvenorAction)
        self.add(node, RSCAO.inReport, self.node)
        if action.heading:
            self.add(node, RSCAO.heading, iri(self.minter.heading(self.node.value, letter)))
        self.out.focus[node.value] = Focus(action.text.span.file, action.text.span.line,
                                           f"section-I {action.heading or '?'}{position}", kind="action",
                                           where=_where(action.text.span))
        self.add(node, RSCAO.position, integer(position))
        if action.text.value:
            self.add(node, SCHEMA.text, en(action.text.value))
        self.add(node, PROV.wasDerivedFrom, self.segment(action.text.span))
        self.links(node, action.urls, RSCAO.mentionedUrl)
        for mention in action.mentions:
            self.add(node, SCHEMA.mentions, self.entity(mention))

    # --- activities -----------------------------------------------------------------------------------

    def activity_iri(self, activity: Activity, minted: set[str]) -> NamedNode:
        country = (activity.country or "xx").lower()
        ordinal = str(activity.ordinal) if activity.ordinal is not None else "n"
        n = 1
        candidate = self.minter.activity(self.node.value, country, ordinal)
        while candidate in minted:
            n += 1
            candidate = self.minter.activity(self.node.value, country, ordinal, n)
        if n > 1:
            self.out.notes.append(Note("activity-iri-duplicate", "warning",
                                       f"two activities numbered {country.upper()} #{ordinal}; the second is "
                                       f"{candidate.rsplit('/', 1)[-1]}: check the numbering", activity.span))
        minted.add(candidate)
        return iri(candidate)

    def activity(self, a: Activity, minted: set[str]) -> NamedNode:
        node = self.activity_iri(a, minted)
        add = self.add
        name = a.name.value if a.name else ""
        period = self.report.period
        inferred = []
        if a.country_source == "inferred":
            inferred.append(f"the country {a.country} (from the names in its block; the Country column is empty)")
        if a.date is not None and a.date.inferred:
            what = "the year of" if a.date.inferred.startswith("year") else "the date"
            inferred.append(f"{what} \"{a.date.text}\" ({a.date.inferred})")
        candidates = self.reference.ambiguous.get(normalise_name(a.country_text or ""), ())
        self.out.focus[node.value] = Focus(
            a.span.file, a.span.line, name, a.country or a.country_text, a.ordinal,
            (("date", a.date.text if a.date else ""), ("country_stated", a.country_text or ""),
             ("period", period.text if period else ""), ("inferred", "; ".join(inferred)),
             ("candidates", " or ".join(candidates)), ("subregion_countries", ", ".join(self.subregion_countries))),
            end_line=a.span.end_line, where=_where(a.span))
        add(node, RDF.type, RSCAO.Activity)
        add(node, RSCAO.inReport, self.node)
        add(node, PROV.wasDerivedFrom, self.segment(a.span))
        if a.ordinal is not None:
            add(node, RSCAO.ordinal, integer(a.ordinal))
        if a.name:
            add(node, SCHEMA.name, en(a.name.value))
        if a.details:
            add(node, SCHEMA.description, en("\n\n".join(d.value for d in a.details)))
        self.country(node, a)
        self.date(node, a)
        self.links(node, a.links, SCHEMA.url)
        self.links(node, a.url_mentions, RSCAO.mentionedUrl)
        for mention in a.mentions:
            add(node, _ROLE_PREDICATE.get(mention.role, SCHEMA.mentions), self.entity(mention))
        for text in a.unparsed:
            add(node, RSCAO.unparsedText, en(text.value))
        self.citations(node, a)
        return node

    def country(self, node: NamedNode, a: Activity) -> None:
        if a.country_text is not None:
            self.add(node, RSCAO.statedCountry, en(a.country_text))
            if not a.country:
                for code in self.reference.ambiguous.get(normalise_name(a.country_text), ()):
                    self.add(node, RSCAO.countryCandidate, iri(self.minter.country(code)))
        if a.country:
            self.add(node, RSCAO.reportedCountry, iri(self.minter.country(a.country)))
            if self.subregion_countries:
                self.add(node, RSCAO.outsideSubRegion, boolean(a.country not in self.subregion_countries))
        determination = {"stated": RSCAO.stated, "inferred": RSCAO.inferred}.get(a.country_source, RSCAO.undetermined)
        if a.country_source == "stated" and not a.country:
            determination = RSCAO.undetermined
        self.add(node, RSCAO.countryDetermination, determination)
        if a.country_source == "inferred":
            self.add(node, RSCAO.inferredValue, en("country"))
            evidence = sorted({m.name for m in a.mentions if m.country == a.country})
            if evidence:
                self.add(node, RSCAO.countryEvidence, en("; ".join(evidence)))

    def date(self, node: NamedNode, a: Activity) -> None:
        date = a.date
        if date is None:
            return
        self.add(node, RSCAO.statedDate, en(date.text))
        if date.inferred:
            self.add(node, RSCAO.dateInference, en(date.inferred))
            what = "the year of the date" if date.inferred.startswith("year") else "the date (from the details)"
            self.add(node, RSCAO.inferredValue, en(what))
        if date.open_end:
            self.add(node, RSCAO.ongoing, boolean(True))
        if date.problem == "ambiguous":
            self.add(node, RSCAO.dateAmbiguous, boolean(True))
        if date.start is None or date.precision is None:
            return
        self.add(node, SCHEMA.startDate, date_literal(date.start, date.precision))
        if date.end:
            self.add(node, SCHEMA.endDate, date_literal(date.end, date.precision))
        period = self.report.period
        if period and period.start and period.end:
            self.add(node, RSCAO.outsidePeriod, boolean(_outside(date.start, date.end or date.start,
                                                                 period.start, period.end)))

    def citations(self, node: NamedNode, a: Activity) -> None:
        cited = {c.notation for c in a.citations}
        served: set[str] = set()
        seen: dict[str, int] = {}
        for citation in a.citations:
            seen[citation.notation] = seen.get(citation.notation, 0) + 1
            c = iri(self.minter.citation(node.value, citation.notation, seen[citation.notation]))
            self.citation(node, c, citation, cited)
            concept = self.reference.concepts.get(citation.notation)
            if concept is not None:
                served.add(citation.notation.split(".")[0])
        for direction in sorted(served):
            self.add(node, RSCAO.servesDirection, iri(self.minter.concept(direction)))

    def citation(self, activity: NamedNode, node: NamedNode, citation: Citation, cited: set[str]) -> None:
        owner = self.out.focus[activity.value]
        concept = self.reference.concepts.get(citation.notation)
        self.out.focus[node.value] = Focus(
            citation.span.file, citation.span.line, owner.label, owner.country, owner.ordinal,
            (("notation", citation.notation), ("label", citation.label),
             ("scheme_label", concept.label if concept else ""), ("direction", citation.notation.split(".")[0])),
            kind="citation", where=_where(citation.span))
        self.add(activity, RSCAO.cites, node)
        self.add(node, RDF.type, RSCAO.Citation)
        self.add(node, RSCAO.citedNotation, string(citation.notation))
        if citation.label:
            self.add(node, RSCAO.citedLabel, en(citation.label))
        self.add(node, PROV.wasDerivedFrom, self.segment(citation.span))
        if concept is None:
            return
        concept_node = iri(self.minter.concept(citation.notation))
        self.add(node, RSCAO.citedConcept, concept_node)
        self.add(activity, RSCAO.citesConcept, concept_node)
        fits = label_fits(concept, citation.label)
        if fits is not None:
            self.add(node, RSCAO.labelFits, boolean(fits))
        if citation.is_initiative:
            self.add(node, RSCAO.initiativeWithoutDirection, boolean(citation.notation.split(".")[0] not in cited))


def _where(span: SourceSpan) -> str:
    """The place of a span in a document ("table 1, row 5"), empty in a text file (whose line says it)."""
    return span.where() if span.locator is not None else ""


def _add_months(month: str, n: int) -> str:
    year, mon = int(month[:4]), int(month[5:7]) + n
    year, mon = year + (mon - 1) // 12, (mon - 1) % 12 + 1
    return f"{year:04d}-{mon:02d}"


def _outside(start: str, end: str, period_start: str, period_end: str) -> bool:
    """Is the span [start, end] (any precision) outside the period by more than a month?"""
    low = _add_months(period_start, -1)
    high = _add_months(period_end, 1)
    first = start[:7] if len(start) >= 7 else start + "-01"
    last = end[:7] if len(end) >= 7 else end + "-12"
    return last < low or first > high


def map_report(report: Report, minter: Minter, reference: Reference) -> ReportGraph:
    """The named graph of one report (its IRI is the report's IRI)."""
    return _Mapper(report, minter, reference).map()
