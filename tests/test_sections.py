from __future__ import annotations

from rscao_graph.extract.mentions import MentionFinder
from rscao_graph.extract.sections import read_section_one
from rscao_graph.model import Note
from rscao_graph.read.markdown import read_markdown
from rscao_graph.reference import load_reference


def section(text: str):
    notes: list[Note] = []
    blocks = list(read_markdown(text, "s.md").blocks)
    headings, actions = read_section_one(blocks, MentionFinder(load_reference()), notes)
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
