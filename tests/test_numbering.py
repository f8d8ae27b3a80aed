"""Word numbering resolved to the labels Word shows."""

from __future__ import annotations

from lxml import etree

from rscao_graph.read.numbering import Numbering, W, format_number

NS = f'xmlns:w="{W}"'


def numbering(xml: str, styles: str = "") -> Numbering:
    return Numbering(etree.fromstring(f"<w:numbering {NS}>{xml}</w:numbering>"),
                     etree.fromstring(f"<w:styles {NS}>{styles}</w:styles>") if styles else None)


def p(num_id: str | None = None, ilvl: int | None = None, style: str | None = None) -> etree._Element:
    num = ""
    if num_id is not None or ilvl is not None:
        num = "<w:numPr>" + (f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else "") + (
            f'<w:numId w:val="{num_id}"/>' if num_id is not None else "") + "</w:numPr>"
    pstyle = f'<w:pStyle w:val="{style}"/>' if style else ""
    return etree.fromstring(f"<w:p {NS}><w:pPr>{pstyle}{num}</w:pPr></w:p>")


LEVELS = ('<w:abstractNum w:abstractNumId="0">'
          '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
          '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1.%2)"/></w:lvl>'
          '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlRestart w:val="0"/>'
          '<w:lvlText w:val="(%3)"/></w:lvl></w:abstractNum>')


def test_formats() -> None:
    assert [format_number(n, "upperRoman") for n in (1, 4, 9, 14, 40, 1990)] == ["I", "IV", "IX", "XIV", "XL", "MCMXC"]
    assert [format_number(n, "lowerLetter") for n in (1, 26, 27)] == ["a", "z", "aa"]
    assert [format_number(n, "ordinal") for n in (1, 2, 3, 11, 22)] == ["1st", "2nd", "3rd", "11th", "22nd"]
    assert format_number(5, "somethingNew") == "5"


def test_levels_count_and_restart() -> None:
    n = numbering(LEVELS + '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')
    labels = [n.label(p("1", lvl)) for lvl in (0, 1, 1, 2, 0, 1, 2)]
    assert labels == ["1.", "1.a)", "1.b)", "(i)", "2.", "2.a)", "(ii)"]


def test_instances_share_the_abstract_count_unless_overridden() -> None:
    n = numbering(LEVELS + '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
                  '<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>'
                  '<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0">'
                  '<w:startOverride w:val="5"/></w:lvlOverride></w:num>'
                  '<w:num w:numId="4"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0">'
                  '<w:start w:val="1"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%1:"/></w:lvl>'
                  '</w:lvlOverride></w:num>')
    assert [n.label(p(i, 0)) for i in ("1", "2", "1", "3", "3", "1", "4")] == [
        "1.", "2.", "3.", "5.", "6.", "7.", "H:"]


def test_no_numbering_and_unknown_ids() -> None:
    n = numbering(LEVELS + '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
                  '<w:num w:numId="9"><w:abstractNumId w:val="77"/></w:num>')
    assert [n.label(x) for x in (p(), p("0", 0), p("5", 0), p("9", 0), p("1", 12))] == [None, None, None, None, "1."]


def test_style_numbering_and_numbering_style_links() -> None:
    styles = ('<w:style w:styleId="Steps"><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr>'
              '</w:style><w:style w:styleId="StepsChild"><w:basedOn w:val="Steps"/></w:style>'
              '<w:style w:styleId="ListStyle"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>')
    n = numbering(LEVELS + '<w:abstractNum w:abstractNumId="5"><w:numStyleLink w:val="ListStyle"/></w:abstractNum>'
                  '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
                  '<w:num w:numId="2"><w:abstractNumId w:val="5"/></w:num>', styles)
    assert [n.label(x) for x in (p("1", 0), p(style="StepsChild"), p("2", 0), p(style="Steps"))] == [
        "1.", "1.a)", "2.", "2.a)"]


def test_legal_numbering_and_bullets() -> None:
    n = numbering('<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="upperRoman"/><w:start '
                  'w:val="1"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:isLgl/><w:start w:val="1"/>'
                  '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl><w:lvl w:ilvl="2">'
                  '<w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl></w:abstractNum>'
                  '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')
    assert [n.label(p("1", lvl)) for lvl in (0, 0, 1, 2)] == ["I.", "II.", "2.1", "•"]
