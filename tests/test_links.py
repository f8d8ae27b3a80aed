from __future__ import annotations

import pytest

from rscao_graph.extract.links import find_urls, is_http_url, split_links
from rscao_graph.model import SourceSpan, link_problem

SPAN = SourceSpan("r.md", 3, 3, 10, 20)


@pytest.mark.parametrize(("text", "links"), [
    ("https://www.ifla.org/node/92613 http://meeting.nlc.cn/global",
     ["https://www.ifla.org/node/92613", "http://meeting.nlc.cn/global"]),
    (": https://www.instagram.com/p/B7UjLyHFWb-/", ["https://www.instagram.com/p/B7UjLyHFWb-/"]),
    ("http://www.gpsh.edu.kp:8080/foreign/index!2", ["http://www.gpsh.edu.kp:8080/foreign/index!2"]),
    ("http://x.kp:8080/a.lecture!0#lecture-schedule.", ["http://x.kp:8080/a.lecture!0#lecture-schedule"]),
    ("<https://a.org/1>, https://b.org/2; https://c.org/3 and https://d.org/4",
     ["https://a.org/1", "https://b.org/2", "https://c.org/3", "https://d.org/4"]),
    ("https://en.wikipedia.org/wiki/Library_(disambiguation)", ["https://en.wikipedia.org/wiki/Library_(disambiguation)"]),
    ("htp//example.org www.example.org", ["htp//example.org", "www.example.org"]),
    ("N/A", []), ("none", []), ("-", []), (": :", []), ("", []),
])
def test_split_links(text: str, links: list[str]) -> None:
    found, words = split_links(text, SPAN)
    assert ([link.text for link in found], words) == (links, [])
    assert all(link.span == SPAN for link in found)


@pytest.mark.parametrize(("text", "ok"), [
    ("https://jpsearch.go.jp/", True), ("http://www.gpsh.edu.kp:8080/foreign/index!2", True),
    ("www.example.org", False), ("htp//example.org", False), ("ftp://x.org/", False),
    ("http://", False), ("http://x.org:99999/", False), ("mailto:a@b.org", False),
])
def test_is_http_url(text: str, ok: bool) -> None:
    assert is_http_url(text) is ok


def test_find_urls_in_running_text() -> None:
    text = "uploaded to IFLA Website <https://www.ifla.org/node/92542>, <https://www.ifla.org/publications/node/11064>."
    assert [u.text for u in find_urls(text, SPAN)] == ["https://www.ifla.org/node/92542",
                                                       "https://www.ifla.org/publications/node/11064"]
    assert [u.text for u in find_urls("see https://a.org/x.", SPAN)] == ["https://a.org/x"]


def test_words_beside_urls_are_labels_or_kept_apart() -> None:
    found, words = split_links("Facebook page of NLK: https://fb.com/nlk", SPAN)
    assert ([(link.text, link.label) for link in found], words) == ([("https://fb.com/nlk", "Facebook page of NLK")], [])
    found, words = split_links("see www.x.org and https://a.org, the site", SPAN)
    assert ([link.text for link in found], words) == (["www.x.org", "https://a.org"], ["the site"])


# --- issue 9, Deliver item 6: links as people write them ------------------------------------------

@pytest.mark.parametrize(("text", "links"), [
    # separators: spaces, commas, semicolons, "and"
    ("https://a.example.org/x https://b.example.org/y", [("https://a.example.org/x", None), ("https://b.example.org/y", None)]),
    ("https://a.example.org/x, https://b.example.org/y; https://c.example.org/z and https://d.example.org/",
     [("https://a.example.org/x", None), ("https://b.example.org/y", None), ("https://c.example.org/z", None),
      ("https://d.example.org/", None)]),
    # wrapped: <...>, parentheses, a Markdown link (the target is the link, the text its label)
    ("<https://a.example.org/x>", [("https://a.example.org/x", None)]),
    ("(https://a.example.org/x)", [("https://a.example.org/x", None)]),
    ("(https://a.example.org/x).", [("https://a.example.org/x", None)]),
    ("[Programme](https://a.example.org/p.pdf)", [("https://a.example.org/p.pdf", "Programme")]),
    ("[Programme]( https://a.example.org/p.pdf )", [("https://a.example.org/p.pdf", "Programme")]),
    # trailing punctuation off; a parenthesis the URL opened stays
    ("https://a.example.org/x.", [("https://a.example.org/x", None)]),
    ("https://a.example.org/x,", [("https://a.example.org/x", None)]),
    ("https://en.wikipedia.org/wiki/Mercury_(planet)", [("https://en.wikipedia.org/wiki/Mercury_(planet)", None)]),
    ("https://en.wikipedia.org/wiki/Mercury_(planet).", [("https://en.wikipedia.org/wiki/Mercury_(planet)", None)]),
    ("(https://en.wikipedia.org/wiki/Mercury_(planet))", [("https://en.wikipedia.org/wiki/Mercury_(planet)", None)]),
    ("https://a.example.org/path_(x)_y", [("https://a.example.org/path_(x)_y", None)]),
    ("https://a.example.org/x?a=1&b=2#top", [("https://a.example.org/x?a=1&b=2#top", None)]),
    ("http://a.example.org:8080/x!y", [("http://a.example.org:8080/x!y", None)]),
    # words in parentheses after a URL, or before a colon, are its label
    ("https://a.example.org/report (PDF, in Nepali)", [("https://a.example.org/report", "PDF, in Nepali")]),
    ("https://a.example.org/en (English), https://a.example.org/np (Nepali)",
     [("https://a.example.org/en", "English"), ("https://a.example.org/np", "Nepali")]),
    ("Photo album: https://a.example.org/album", [("https://a.example.org/album", "Photo album")]),
    # no link
    ("to be added", []), ("to follow", []), ("No link available", []), ("N/A", []), ("TBA", []),
    # kept as written: no scheme, a mistyped scheme, an e-mail address
    ("www.a.example.org/x", [("www.a.example.org/x", None)]),
    ("a.example.org/x", [("a.example.org/x", None)]),
    ("htps://a.example.org/x, http//b.example.org/y", [("htps://a.example.org/x", None), ("http//b.example.org/y", None)]),
    ("https//a.example.org/x", [("https//a.example.org/x", None)]),
    ("info@a.example.org", [("info@a.example.org", None)]),
    ("mailto:info@a.example.org", [("mailto:info@a.example.org", None)]),
])
def test_links_as_written(text: str, links: list[tuple[str, str | None]]) -> None:
    found, words = split_links(text, SPAN)
    assert ([(link.text, link.label) for link in found], words) == (links, [])


@pytest.mark.parametrize(("text", "problem"), [
    ("https://a.example.org/x", None), ("http://a.example.org:8080/x!y", None),
    ("www.a.example.org/x", "no-scheme"), ("a.example.org/x", "no-scheme"),
    ("htps://a.example.org/x", "scheme-typo"), ("http//a.example.org/x", "scheme-typo"),
    ("https//a.example.org/x", "scheme-typo"), ("http:/a.example.org/x", "scheme-typo"),
    ("info@a.example.org", "email"), ("mailto:info@a.example.org", "email"),
    ("https://a.example.org/x|https://b.example.org/y", "invalid"),
])
def test_what_is_wrong_with_a_link(text: str, problem: str | None) -> None:
    assert link_problem(text) == problem


def test_words_after_a_link_are_kept_apart() -> None:
    found, words = split_links("https://a.example.org/x and see the Facebook page", SPAN)
    assert ([link.text for link in found], words) == (["https://a.example.org/x"], ["and see the Facebook page"])


@pytest.mark.parametrize("quoted", ["“https://a.example.org/x”", "'https://a.example.org/x'"])
def test_quotes_around_a_link_are_wrapping(quoted: str) -> None:
    found, words = split_links(quoted, SPAN)
    assert ([link.text for link in found], words) == (["https://a.example.org/x"], [])


def test_two_links_run_together_with_a_semicolon() -> None:
    found, _ = split_links("https://a.example.org/x;https://b.example.org/y", SPAN)
    assert [link.text for link in found] == ["https://a.example.org/x", "https://b.example.org/y"]


def test_urls_in_running_text_in_every_wrapping() -> None:
    text = ("See <https://a.example.org/1>, [the album](https://b.example.org/2) and (https://c.example.org/3); "
            "also www.d.example.org/4.")
    assert [(u.text, u.label) for u in find_urls(text, SPAN)] == [
        ("https://a.example.org/1", None), ("https://b.example.org/2", "the album"), ("https://c.example.org/3", None),
        ("www.d.example.org/4", None)]


def test_not_available_yet_is_no_link() -> None:
    assert split_links("Not available yet", SPAN) == ([], [])


@pytest.mark.parametrize(("text", "links", "words"), [
    # a Markdown link broken by a space in its target (issue 10, item 4): the words after are kept
    ("[Sipar – mobile libraries](https://www.sipar.or (x) g/en/our-actions/mobile-libraries)",
     [("https://www.sipar.or", "[Sipar – mobile libraries]")], ["(x) g/en/our-actions/mobile-libraries)"]),
    # words in parentheses after a link that has a label already are no second label
    ("the Protocols (https://p.org/a) (English)", [("https://p.org/a", "the Protocols")], ["(English)"]),
    ("the Protocols (https://p.org/a) (English) https://q.org", [("https://p.org/a", "the Protocols"),
                                                                ("https://q.org", None)], ["(English)"]),
])
def test_words_a_link_cannot_take_as_its_label_are_kept(text: str, links: list[tuple[str, str | None]],
                                                        words: list[str]) -> None:
    found, rest = split_links(text, SPAN)
    assert ([(link.text, link.label) for link in found], rest) == (links, words)
