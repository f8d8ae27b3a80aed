from __future__ import annotations

from pyoxigraph import Store

from rscao_graph.link.wikidata import country_query, fanout_query, label_query, parse_candidates, parse_fanout

WD = "http://www.wikidata.org/entity/"


def uri(value: str) -> dict[str, str]:
    return {"type": "uri", "value": value}


def lit(value: str) -> dict[str, str]:
    return {"type": "literal", "value": value}


def test_queries_are_plain_sparql_with_escaped_values() -> None:
    store = Store()
    text = label_query(['Say "hi"', "NLK", "NLK"])
    assert 'VALUES ?matched { "NLK"@en "Say \\"hi\\""@en }' in text
    assert "SERVICE" not in text
    for query in (text, country_query(["CN", "JP"]), fanout_query(["Q1", "Q2"])):
        list(store.query(query))
    assert 'VALUES (?property ?authority) { (wdt:P214 "viaf") (wdt:P213 "isni") (wdt:P791 "isil") ' in \
        fanout_query(["Q1"])


def test_parse_candidates_groups_rows() -> None:
    rows = [
        {"matched": lit("NLK"), "how": lit("alias"), "item": uri(WD + "Q9"), "itemLabel": lit("National Library"),
         "class": uri(WD + "Q7075"), "iso": lit("KR")},
        {"matched": lit("NLK"), "how": lit("alias"), "item": uri(WD + "Q9"), "class": uri(WD + "Q43229")},
        {"matched": lit("NLK"), "how": lit("label"), "item": uri(WD + "Q8"), "description": lit("a person"),
         "class": uri(WD + "Q5")},
        {"matched": lit("NLK"), "how": lit("label"), "item": uri("http://example.org/not-wikidata")},
    ]
    found = parse_candidates(rows)
    assert sorted(found["NLK"]) == ["Q8", "Q9"]
    q9 = found["NLK"]["Q9"]
    assert (q9.how, q9.label, q9.classes, q9.countries) == ("alias", "National Library", {"library", "organization"},
                                                           {"KR"})
    assert (found["NLK"]["Q8"].classes, found["NLK"]["Q8"].description) == ({"human"}, "a person")


def test_parse_fanout() -> None:
    rows = [{"item": uri(WD + "Q1"), "authority": lit("viaf"), "value": lit("123")},
            {"item": uri(WD + "Q1"), "authority": lit("website"), "value": uri("https://x.org/")},
            {"item": uri(WD + "Q1"), "authority": lit("viaf"), "value": lit("123")}]
    assert parse_fanout(rows) == [("Q1", "viaf", "123"), ("Q1", "website", "https://x.org/")]


def test_parse_candidates_keeps_only_item_ids() -> None:
    rows = [{"matched": lit("NLK"), "how": lit("label"), "item": uri(WD + qid)}
            for qid in ("Q7", "Q07", "Q7/x", "Q\u0667", "Q7%3E", "P31", "")]
    assert sorted(parse_candidates(rows)["NLK"]) == ["Q7"]


def test_fanned_out_values_that_would_break_the_decisions_file_are_dropped() -> None:
    from rscao_graph.decisions import valid_value

    assert [valid_value("website", v) for v in ("https://x.org/", "https://x.org/{a}", "https://x.org/%zz",
                                                 "https://例え.jp/パス")] == [True, False, False, True]
    assert [valid_value("viaf", v) for v in ("123", "1\u0662\u0663")] == [True, False]
