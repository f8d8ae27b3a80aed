from __future__ import annotations

from rscao_graph.extract.citations import read_impact
from rscao_graph.extract.table import group_activities
from rscao_graph.model import Citation
from rscao_graph.read.markdown import read_markdown
from rscao_graph.reference import load_reference

HEAD = "Country\tActivities\tImpact\n"


def drafts(rows: str):
    return group_activities(read_markdown(HEAD + rows, "t.md").blocks)[:2]


def citations(draft) -> list[Citation]:
    return read_impact(draft.impact, load_reference().concepts, [])[0]


def test_continuation_rows_join_mid_sentence_and_citation_labels() -> None:
    found, notes = drafts(
        "\t<p>#1 Name and Date: Talk on Sep 9, 2019</p> <p>Details:</p> <p>Sessions on Win-win Library</p>"
        "\t<p>3. Connect and empower the field</p> <p>3.1 Provide excellent opportunities for face-to-face</p>\n"
        "\n\t<p>Exchanges and Cooperation.</p> <p>Links:</p>\t<p>networking and learning</p>\n"
        "\t<p>http://x.org/a</p>\t\n")
    assert notes == []
    (draft,) = found
    assert [t.value for t in draft.details] == ["Sessions on Win-win Library Exchanges and Cooperation."]
    assert [(c.notation, c.label) for c in citations(draft)] == [
        ("3", "Connect and empower the field"),
        ("3.1", "Provide excellent opportunities for face-to-face networking and learning")]
    assert [link.text for link in draft.links] == ["http://x.org/a"]
    assert (draft.span.line, draft.span.end_line) == (2, 5)


def test_complete_sentence_is_not_joined() -> None:
    (draft,), _ = drafts("\t<p>#1 Name and Date: A</p> <p>Details: One.</p>\t\n\t<p>Two.</p>\t\n")
    assert [t.value for t in draft.details] == ["One.", "Two."]


def test_urls_in_details_are_mentions_not_links() -> None:
    (draft,), _ = drafts("\t<p>#1 Name and Date: A</p> <p>Details: see https://a.org/x.</p> <p>Links: N/A</p>\t\n")
    assert (draft.links, [u.text for u in draft.url_mentions]) == ([], ["https://a.org/x"])


def test_unreadable_and_orphan_rows_are_kept_and_noted() -> None:
    found, notes = drafts("\t<p>Orphan text</p>\t<p>1.1 x</p>\n\t<p>#1 Name and Date: A</p>\t<p>Impact high</p>\n"
                          "lonely\tcell\n")
    assert [(n.code, n.span.line) for n in notes] == [("row-without-activity", 2), ("row-unreadable", 4)]
    assert [t.value for t in found[0].unparsed] == ["lonely cell"]
    impact_notes: list = []
    assert read_impact(found[0].impact, load_reference().concepts, impact_notes)[1][0].value == "Impact high"
    assert [n.code for n in impact_notes] == ["impact-unparsed"]


def test_activity_without_number() -> None:
    (draft,), notes = drafts("\t<p>Name and Date: Talk in Nov 2019</p>\t<p>2.1 x</p>\n")
    assert (draft.ordinal, draft.name.text) == (None, "Talk in Nov 2019")
    assert notes == []


def test_columns_follow_the_header() -> None:
    found, _, _ = group_activities(read_markdown(
        "Activities\tImpact\tCountry\n<p>#1 Name and Date: A</p>\t<p>2.1 x</p>\tJapan\n", "t.md").blocks)
    assert (found[0].country_text.value, citations(found[0])[0].notation) == ("Japan", "2.1")


def test_a_table_without_country_column_infers_nothing_from_the_activities_cell() -> None:
    found, _, _ = group_activities(read_markdown(
        "Activities\tImpact\n<p>#1 Name and Date: A</p>\t<p>2.1 x</p>\n", "t.md").blocks)
    assert (found[0].country_text, citations(found[0])[0].notation) == (None, "2.1")
