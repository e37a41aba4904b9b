import xml.etree.ElementTree as ET

from opskb.knowledge.svg import bars, pyramid


def test_diagrams_are_well_formed_svg_without_script_or_remote_references():
    for svg in (pyramid(["头部 KOL", "腰部<创作者>", "素人用户"], "KOL & 金字塔"), bars([("核心用户", 20), ("活跃用户", 50)], "占比")):
        root = ET.fromstring(svg)
        assert root.tag.endswith("svg")
        assert "<script" not in svg and "href" not in svg
    assert "腰部&lt;创作者&gt;" in pyramid(["腰部<创作者>"], "t")
    assert bars([("a", 20), ("b", 50)], "t").count("<rect") == 3  # background and two bars
