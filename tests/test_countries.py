from __future__ import annotations

from dataclasses import replace

import pytest
from helpers import REPORT_TOP, activity_row, codes, extract_text, lost_words, table_report

from rscao_graph.extract.countries import assign_countries
from rscao_graph.model import Activity, Mention, SourceSpan
from rscao_graph.read.markdown import read_markdown
from rscao_graph.reference import load_reference, normalise_name


def activity(ordinal: int, line: int, *countries: str, stated: str | None = None) -> Activity:
    span = SourceSpan("r.md", line, line, 0, 0)
    mentions = tuple(Mention(f"m{i}", "organisation", f"k{i}", c, span) for i, c in enumerate(countries))
    return Activity(ordinal, None, None, (), (), (), mentions, None, "unknown", span, country_text=stated)


def test_blocks_inferred_independently_of_order() -> None:
    acts = [activity(1, 1, "JP", "JP"), activity(2, 2, "JP"), activity(1, 3, "MN", "CN", "MN"), activity(2, 4, "CN", "MN")]
    result, notes = assign_countries(acts, load_reference())
    assert [(a.country, a.country_source) for a in result] == [("JP", "inferred")] * 2 + [("MN", "inferred")] * 2
    assert [(n.code, n.span.line) for n in notes] == [("country-inferred", 1), ("country-inferred", 2),
                                                      ("country-inferred", 3), ("country-inferred", 4)]
    assert notes[2].message == ("country MN inferred from the names in its block of activities (evidence: MN 3, CN 2); "
                                "the Country column is empty")


def test_tie_is_left_unknown() -> None:
    result, notes = assign_countries([activity(1, 5, "CN", "JP")], load_reference())
    assert (result[0].country, result[0].country_source) == (None, "unknown")
    assert [(n.code, n.severity) for n in notes] == [("country-unknown", "warning")]
    assert "candidates: CN, JP" in notes[0].message


def test_stated_names_and_aliases() -> None:
    acts = [activity(1, 1, stated="P.R. China"), activity(1, 2, stated="Chinese Taipei"),
            activity(1, 3, stated="Hong Kong, China"), activity(1, 4, stated="Atlantis")]
    result, notes = assign_countries(acts, load_reference())
    assert [(a.country, a.country_source) for a in result] == [("CN", "stated"), ("TW", "stated"),
                                                               ("HK", "stated"), (None, "stated")]
    assert [(n.code, n.severity, n.span.line) for n in notes] == [("country-unknown", "violation", 4)]


def test_same_country_twice_is_noted() -> None:
    acts = [activity(1, 1, "JP"), activity(1, 2, "JP")]
    result, notes = assign_countries(acts, load_reference())
    assert [a.country for a in result] == ["JP", "JP"]
    assert [n.code for n in notes if n.code != "country-inferred"] == ["country-inferred-twice"]
    assert replace(result[0]).country_source == "inferred"


# --- issue 9, Deliver item 4: countries as reports write them --------------------------------------

@pytest.mark.parametrize(("name", "code"), [
    ("Kingdom of Cambodia", "KH"), ("Lao PDR", "LA"), ("Lao People's Democratic Republic", "LA"), ("Laos", "LA"),
    ("Viet Nam", "VN"), ("Vietnam", "VN"), ("Korea, Rep.", "KR"), ("Republic of Korea", "KR"),
    ("Korea, Republic of", "KR"), ("South Korea", "KR"), ("Korea, Dem. People's Rep.", "KP"), ("DPR Korea", "KP"),
    ("Hong Kong SAR, China", "HK"), ("Hong Kong SAR", "HK"), ("Macao SAR", "MO"), ("Macau", "MO"),
    ("Macao, China", "MO"), ("Taiwan, China", "TW"), ("Chinese Taipei", "TW"), ("Taiwan, Province of China", "TW"),
    ("Kyrgyz Republic", "KG"), ("Kyrgyzstan", "KG"), ("Iran, Islamic Republic of", "IR"), ("East Timor", "TL"),
    ("Timor-Leste", "TL"), ("Brunei Darussalam", "BN"), ("Brunei", "BN"), ("Burma", "MM"),
    ("Federated States of Micronesia", "FM"), ("Micronesia, Federated States of", "FM"), ("PNG", "PG"),
    ("Independent State of Samoa", "WS"), ("Kingdom of Tonga", "TO"), ("Republic of Fiji", "FJ"),
    ("Democratic Socialist Republic of Sri Lanka", "LK"), ("Federal Democratic Republic of Nepal", "NP"),
    ("NEPAL", "NP"), ("Islamic Republic of Pakistan", "PK"), ("People's Republic of Bangladesh", "BD"),
    ("Kingdom of Bhutan", "BT"), ("Republic of Maldives", "MV"), ("PR China", "CN"), ("Republic of Kazakhstan", "KZ"),
    ("Republic of the Marshall Islands", "MH"), ("Republic of Kiribati", "KI"), ("Türkiye", "TR"),
])
def test_long_forms_and_variants(name: str, code: str) -> None:
    assert load_reference().country_code(name) == code


@pytest.mark.parametrize(("name", "codes"), [("Korea", ("KP", "KR")), ("Micronesia", ("FM", "GU", "KI", "MH", "MP",
                                                                                     "NR", "PW", "UM"))])
def test_a_name_of_several_countries_is_ambiguous(name: str, codes: tuple[str, ...]) -> None:
    reference = load_reference()
    assert (reference.country_code(name), reference.ambiguous[normalise_name(name)]) == (None, codes)


@pytest.mark.parametrize(("name", "code"), [
    pytest.param("Aotearoa New Zealand", "NZ"),
    pytest.param("Commonwealth of Australia", "AU"),
    pytest.param("Maldives, Republic of", "MV"),
    pytest.param("Cambodia, Kingdom of", "KH"),
])
def test_more_variants(name: str, code: str) -> None:
    assert load_reference().country_code(name) == code


#: A South Asia report, so that the names of Nepal and Bhutan tell their country.
SOUTH_ASIA = REPORT_TOP.replace("North East Asia", "South Asia")


def countries(*rows: str) -> tuple[list[tuple[object, ...]], list[tuple[str, str, int]]]:
    text = table_report("".join(rows), top=SOUTH_ASIA)
    report = extract_text(text)
    assert lost_words(read_markdown(text, "t.md"), report) == []
    return ([(a.country, a.country_source, a.country_carried, a.ordinal) for a in report.activities],
            [(n.code, n.severity, n.span.line) for n in report.notes])


def test_a_filled_cell_continues_down_while_the_numbering_continues() -> None:
    found, notes = countries(
        activity_row("Nepal", "#1 Name and Date: Camp at the Kathmandu Valley Public Library, 5 Nov 2019", "Details: x."),
        activity_row("", "#2 Name and Date: Fair in Pokhara, 6 Nov 2019", "Details: y."),
        activity_row("", "#1 Name and Date: Talk at the National Library of Bhutan in Thimphu, 7 Nov 2019", "Details: z."),
        activity_row("", "#2 Name and Date: Walk in Paro, 8 Nov 2019", "Details: The Paro Public Library walked."))
    assert found == [("NP", "stated", False, 1), ("NP", "stated", True, 2), ("BT", "inferred", False, 1),
                     ("BT", "inferred", False, 2)]
    assert notes == [("country-inferred", "info", 21), ("country-not-carried", "warning", 21),
                     ("country-inferred", "info", 22)]


def test_a_lower_number_under_an_empty_cell_is_a_new_country_too() -> None:
    found, notes = countries(
        activity_row("Nepal", "#3 Name and Date: Camp in Pokhara, 5 Nov 2019", "Details: x."),
        activity_row("", "#2 Name and Date: Talk in Thimphu, 7 Nov 2019", "Details: The Bhutan Library Association."))
    assert found == [("NP", "stated", False, 3), ("BT", "inferred", False, 2)]
    assert [n for n in notes if n[0] == "country-not-carried"] == [("country-not-carried", "warning", 20)]


def test_numbering_that_skips_or_does_not_restart_keeps_the_stated_countries() -> None:
    found, notes = countries(
        activity_row("Nepal", "#1 Name and Date: Camp, 5 Nov 2019", "Details: x."),
        activity_row("Nepal", "#3 Name and Date: Fair, 6 Nov 2019", "Details: y."),
        activity_row("Bhutan", "#4 Name and Date: Talk, 7 Nov 2019", "Details: z."),
        activity_row("", "#5 Name and Date: Walk, 8 Nov 2019", "Details: w."))
    assert found == [("NP", "stated", False, 1), ("NP", "stated", False, 3), ("BT", "stated", False, 4),
                     ("BT", "stated", True, 5)]
    assert notes == []


def test_a_carried_country_the_names_contradict_is_a_warning() -> None:
    found, notes = countries(
        activity_row("Nepal", "#1 Name and Date: Camp in Kathmandu, 5 Nov 2019", "Details: x."),
        activity_row("", "#2 Name and Date: Talk at the National Library of Bhutan, 7 Nov 2019",
                     "Details: The Bhutan Library Association in Thimphu ran it."))
    assert found == [("NP", "stated", False, 1), ("NP", "stated", True, 2)]
    assert notes == [("country-carried-contradicted", "warning", 20)]


def test_a_carried_country_the_names_agree_with_is_not_noted() -> None:
    found, notes = countries(
        activity_row("Bhutan", "#1 Name and Date: Camp in Paro, 5 Nov 2019", "Details: x."),
        activity_row("", "#2 Name and Date: Talk in Thimphu, 7 Nov 2019", "Details: With colleagues from Nepal."))
    assert (found, notes) == ([("BT", "stated", False, 1), ("BT", "stated", True, 2)], [])


@pytest.mark.parametrize("cell", ["<p>No activities reported for this period.</p>", "<p>Nil</p>",
                                  "No activity was reported this period", "<p>N/A</p>",
                                  "<p>Nothing to report.</p>"])
def test_a_row_that_says_no_activities_is_a_note(cell: str) -> None:
    report = extract_text(table_report(activity_row("Nepal", "#1 Name and Date: Camp, 5 Nov 2019", "Details: x.")
                                       + f"Bhutan\t{cell}\t\n", top=SOUTH_ASIA))
    assert [(a.country, a.ordinal) for a in report.activities] == [("NP", 1)]
    assert codes(report) == [("no-activities", 20)]
    assert report.notes[0].message.startswith("no activity reported for Bhutan: ")


@pytest.mark.parametrize(("cell", "code"), [
    ("Kingdom of Bhutan", "BT"), ("<p>**Sri Lanka**</p>", "LK"), ("**NEPAL**", "NP"), ("<p><b>Maldives</b></p>", "MV"),
    ("Islamic Republic of Pakistan", "PK"), ("<p>Afghanistan</p> <p></p>", "AF"),
])
def test_country_cells_in_any_markup(cell: str, code: str) -> None:
    report = extract_text(table_report(activity_row(cell, "#1 Name and Date: Camp, 5 Nov 2019", "Details: x."),
                                       top=SOUTH_ASIA))
    assert [(a.country, a.country_source) for a in report.activities] == [(code, "stated")]
    assert codes(report) == []


@pytest.mark.parametrize("cell", ["Nepal & Bhutan", "Atlantis"])
def test_a_cell_that_names_no_one_country_is_a_violation(cell: str) -> None:
    report = extract_text(table_report(activity_row(cell, "#1 Name and Date: Camp, 5 Nov 2019", "Details: x."),
                                       top=SOUTH_ASIA))
    assert [(a.country, a.country_text) for a in report.activities] == [(None, cell)]
    assert codes(report, severity="violation") == [("country-unknown", 19)]
