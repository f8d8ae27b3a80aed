from __future__ import annotations

import pytest

from rscao_graph.extract.links import find_urls, is_http_url, split_links
from rscao_graph.model import SourceSpan

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
