from __future__ import annotations

from rscao_graph.extract.mentions import MentionFinder, dedupe_mentions
from rscao_graph.model import SourceSpan
from rscao_graph.reference import load_reference

SPAN = SourceSpan("r.md", 7, 7, 0, 0)
FINDER = MentionFinder(load_reference())


def found(text: str) -> list[tuple[str, str, str | None, str | None]]:
    return [(m.name, m.kind, m.key, m.country) for m in FINDER.find(text, SPAN)]


def test_longest_name_wins() -> None:
    assert found("visited the National University of Mongolia Library and Ulaanbaatar City Library") == [
        ("National University of Mongolia Library", "organisation", "national-university-of-mongolia-library", "MN"),
        ("Ulaanbaatar City Library", "organisation", "ulaanbaatar-city-library", "MN")]


def test_acronyms_only_in_capitals_and_never_in_urls() -> None:
    assert found("The NLC and the nlc; see http://meeting.nlc.cn/global") == [
        ("NLC", "organisation", "national-library-of-china", "CN")]


def test_apostrophes_and_countries() -> None:
    assert found("Grand People’s Study House in DPRK, Republic of Korea and Korea") == [
        ("Grand People’s Study House", "organisation", "grand-peoples-study-house", "KP"),
        ("DPRK", "country", "KP", "KP"), ("Republic of Korea", "country", "KR", "KR")]


def test_unknown_national_library_is_reported_without_key() -> None:
    assert found("the National Library of Fiji") == [("National Library of Fiji", "organisation", None, "FJ")]


def test_lookup_of_a_role_phrase() -> None:
    mention = FINDER.lookup("National Library of China", SPAN, "location")
    assert (mention.key, mention.kind, mention.role) == ("national-library-of-china", "organisation", "location")
    unknown = FINDER.lookup("Town Hall of Nowhere", SPAN, "place")
    assert (unknown.name, unknown.key, unknown.kind, unknown.role) == ("Town Hall of Nowhere", None, "place", "place")


def test_dedupe_keeps_first_of_each_entity() -> None:
    mentions = FINDER.find("National Library of China (NLC) ... NLC ... Beijing", SPAN)
    assert [m.name for m in dedupe_mentions(mentions)] == ["National Library of China (NLC)", "Beijing"]
