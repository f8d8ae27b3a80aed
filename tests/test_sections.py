from __future__ import annotations

import pytest
from helpers import MINIMAL_REPORT, extract_text, lost_words

from rscao_graph.extract.mentions import finder_for
from rscao_graph.extract.sections import read_section_one
from rscao_graph.model import Note
from rscao_graph.read.markdown import read_markdown
from rscao_graph.reference import load_reference


def section(text: str):
    notes: list[Note] = []
    blocks = list(read_markdown(text, "s.md").blocks)
    headings, actions = read_section_one(blocks, finder_for(load_reference()), notes)
    return headings, actions, notes


def test_wrapped_heading_numbered_items_and_empty_heading() -> None:
    headings, actions, notes = section(
        "A. Promote IFLA, if a country\n\nis selected (Please provide details):\n\n1\\ First <https://a.org/1>.\n\n"
        "2. Second\n\nB. Other activities (Please provide details):\n\nC. More:\n\nPlain paragraph.\n")
    assert [(h.letter, h.title.value) for h in headings] == [
        ("A", "Promote IFLA, if a country is selected (Please provide details):"),
        ("B", "Other activities (Please provide details):"), ("C", "More:")]
    assert [(a.heading, a.number, a.text.value) for a in actions] == [
        ("A", 1, "First <https://a.org/1>."), ("A", 2, "Second"), ("C", None, "Plain paragraph.")]
    assert [u.text for u in actions[0].urls] == ["https://a.org/1"]
    assert notes == []


def test_heading_without_colon_does_not_swallow_an_item() -> None:
    headings, actions, _ = section("A. Promotion\n1\\ Item one\n")
    assert [h.title.value for h in headings] == ["Promotion"]
    assert [(a.number, a.text.value) for a in actions] == [(1, "Item one")]


def test_text_before_first_heading_is_noted() -> None:
    _, actions, notes = section("Some text\nA. Heading:\n")
    assert [(a.heading, a.text.value) for a in actions] == [("", "Some text")]
    assert [(n.code, n.span.line) for n in notes] == [("text-outside-heading", 1)]


def test_heading_without_colon_keeps_its_paragraphs() -> None:
    headings, actions, _ = section("D. Photos for Facebook (Please provide details)\n\nUploaded ten photos.\n\n"
                                   "E. Other activities\n\nOrganised a webinar on 3 Feb 2020.\n")
    assert [h.title.value for h in headings] == ["Photos for Facebook (Please provide details)", "Other activities"]
    assert [(a.heading, a.text.value) for a in actions] == [("D", "Uploaded ten photos."),
                                                            ("E", "Organised a webinar on 3 Feb 2020.")]


# --- issue 9, Deliver item 1: section I as convenors write it ---------------------------------------

def items(text: str) -> tuple[list[str], list[tuple[str, int | None, str]], list[tuple[str, int]]]:
    headings, actions, notes = section(text)
    return ([h.letter for h in headings], [(a.heading, a.number, a.text.value) for a in actions],
            [(n.code, n.span.line) for n in notes])


def test_headings_in_any_case_and_items_in_every_form() -> None:
    assert items("a. promotion of IFLA:\n1. one\n2) two\n(3) three\n4\\ four\nb. Encourage colleagues to join:\n"
                 "- dash item\n• bullet item\n* star item\nAn unnumbered paragraph.\nc. work with the regional office:"
                 "\nN/A\nd. Photos for Facebook:\nNil\ne. Other:\nNone this period\n") == (
        ["A", "B", "C", "D", "E"],
        [("A", 1, "one"), ("A", 2, "two"), ("A", 3, "three"), ("A", 4, "four"), ("B", None, "dash item"),
         ("B", None, "bullet item"), ("B", None, "star item"), ("B", None, "An unnumbered paragraph.")],
        [("section-empty", 12), ("section-empty", 14), ("section-empty", 16)])


def test_bold_and_wrapped_headings() -> None:
    headings, actions, notes = section(
        "**A. Promotion of IFLA and IFLA-RSCAO:**\nAn unnumbered paragraph.\n**B. Encourage colleagues**\n"
        "**(Please provide details):**\nOne.\nC. WORK CLOSELY WITH THE REGIONAL OFFICE, IF A COUNTRY\n"
        "HAS BEEN SELECTED TO HOST THE MID-TERM MEETING (PLEASE PROVIDE DETAILS):\nNot applicable for this period\n")
    assert [(h.letter, h.title.value, h.title.span.line, h.title.span.end_line) for h in headings] == [
        ("A", "Promotion of IFLA and IFLA-RSCAO:", 1, 1),
        ("B", "Encourage colleagues (Please provide details):", 3, 4),
        ("C", "WORK CLOSELY WITH THE REGIONAL OFFICE, IF A COUNTRY HAS BEEN SELECTED TO HOST THE MID-TERM MEETING "
              "(PLEASE PROVIDE DETAILS):", 6, 7)]
    assert [(a.heading, a.text.value) for a in actions] == [("A", "An unnumbered paragraph."), ("B", "One.")]
    assert [(n.code, n.span.line) for n in notes] == [("section-empty", 8)]


@pytest.mark.parametrize("nothing", ["N/A", "n/a", "NA", "Nil", "nil.", "None", "None.", "None this period",
                                     "None for this period.", "Not applicable", "Not applicable for this period",
                                     "Nothing to report", "No activities this period", "—", "1. Nil", "(1) N/A",
                                     "- None"])
def test_words_that_mean_no_items(nothing: str) -> None:
    assert items(f"A. Promotion of IFLA:\n{nothing}\nB. Encourage colleagues to join:\n1\\ One\n") == (
        ["A", "B"], [("B", 1, "One")], [("section-empty", 2)])


@pytest.mark.parametrize("item", ["None of the libraries could join.", "Nil-fee membership was explained.",
                                  "N/A: the association joined IFLA."])
def test_items_that_only_start_like_nothing(item: str) -> None:
    assert items(f"A. Promotion of IFLA:\n{item}\n") == (["A"], [("A", None, item)], [])


def test_lettered_items_under_a_heading_are_items() -> None:
    assert items("A. Promotion of IFLA:\na) Presented at a conference.\nb) Wrote an article.\n"
                 "B. Encourage colleagues to join:\n1\\ x\nC. Work with the Regional Office:\nc) Hosted a visit.\n") == (
        ["A", "B", "C"],
        [("A", None, "a) Presented at a conference."), ("A", None, "b) Wrote an article."), ("B", 1, "x"),
         ("C", None, "c) Hosted a visit.")], [])


def test_headings_lettered_with_parentheses() -> None:
    assert items("A) Promotion of IFLA:\n1\\ x\n(B) Encourage colleagues to join:\n1\\ y\nC. Regional Office:\n1\\ z\n") \
        == (["A", "B", "C"], [("A", 1, "x"), ("B", 1, "y"), ("C", 1, "z")], [])


@pytest.mark.parametrize("dash", ["-", "–", "- "])
def test_a_dash_alone_means_no_items(dash: str) -> None:
    assert items(f"A. Promotion of IFLA:\n{dash}\nB. Encourage colleagues to join:\n1\\ One\n") == (
        ["A", "B"], [("B", 1, "One")], [("section-empty", 2)])


def test_nothing_of_section_one_is_silent() -> None:
    text = MINIMAL_REPORT.replace(
        "A. Promotion of IFLA and IFLA-RSCAO and its programs and activities in the sub-region (Please provide details):"
        "\n\n1\\ Worked with the National Library of China <https://www.ifla.org/node/92542>.\n",
        "**a. promotion of IFLA and IFLA-RSCAO and its programs**\n**(Please provide details):**\n\n"
        "1) Worked with the National Library of China <https://www.ifla.org/node/92542>.\n• Gave a talk in Beijing.\n"
        "An unnumbered paragraph about a visit.\na) Wrote an article.\n\nB. Encourage colleagues to join:\n\nNil\n\n"
        "C. Work with the Regional Office:\n\nNone this period.\n")
    report = extract_text(text)
    assert [(a.heading, a.number, a.text.value) for a in report.actions] == [
        ("A", 1, "Worked with the National Library of China <https://www.ifla.org/node/92542>."),
        ("A", None, "Gave a talk in Beijing."), ("A", None, "An unnumbered paragraph about a visit."),
        ("A", None, "a) Wrote an article.")]
    assert lost_words(read_markdown(text, "t.md"), report) == []


def test_a_lettered_item_before_the_next_heading_is_an_item() -> None:
    headings, actions, _ = section("A. Promotion of IFLA:\n1\\ Met.\nb) Wrote an article.\n"
                                   "B. Encourage colleagues to join:\n1\\ x\n")
    assert ([(h.letter, h.title.value) for h in headings], [(a.heading, a.text.value) for a in actions]) == (
        [("A", "Promotion of IFLA:"), ("B", "Encourage colleagues to join:")],
        [("A", "Met."), ("A", "b) Wrote an article."), ("B", "x")])
