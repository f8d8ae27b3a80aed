"""HTTP around the documents (serve/http.py): the relative way back to the root, conditional requests,
and error answers for people and for programs."""

from __future__ import annotations

from starlette.requests import Request

from rscao_graph.serve.http import error, etag_matches, root


def request(path: str, headers: dict[str, str] | None = None) -> Request:
    return Request({"type": "http", "method": "GET", "path": path, "raw_path": path.encode(), "query_string": b"",
                    "root_path": "", "scheme": "http", "server": ("127.0.0.1", 8000),
                    "headers": [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()]})


def test_the_way_back_to_the_root() -> None:
    assert [root(request(p)) for p in ("/", "/country/CN", "/country/CN/", "/country/CN/index.ttl", "/sparql")] == [
        "./", "../", "../../", "../../", "./"]


def test_if_none_match() -> None:
    tag = '"abc-ttl"'
    assert etag_matches(request("/x", {"If-None-Match": tag}), tag)
    assert etag_matches(request("/x", {"If-None-Match": f'"other", W/{tag}'}), tag)
    assert etag_matches(request("/x", {"If-None-Match": "*"}), tag)
    assert not etag_matches(request("/x", {"If-None-Match": '"abc-html"'}), tag)
    assert not etag_matches(request("/x"), tag)


def test_errors_for_people_and_programs() -> None:
    page = error(request("/country/XX", {"Accept": "text/html"}), 404, "nothing <here>")
    assert page.status_code == 404 and page.headers["content-type"] == "text/html; charset=utf-8"
    assert b"<h1>404 Not Found</h1>" in page.body and b"nothing &lt;here&gt;" in page.body
    assert b'<a href="../index.html">The home page</a>' in page.body
    text = error(request("/country/XX", {"Accept": "*/*"}), 406, "no", [])
    assert (text.body, text.headers["vary"]) == (b"406 Not Acceptable: no\n", "Accept")
