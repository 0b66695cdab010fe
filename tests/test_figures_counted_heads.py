"""The noun after a measure word that the dictionary lacks (issue 21, fourth pass; docs/figures.md,
"The noun after the measure word"): the measure word says what kind of thing it counts, and the
run after it that ends with such a noun names it.  Made-up sentences."""

from __future__ import annotations

import pytest

from newsctl.figures import find_figures


def _counted(text: str) -> dict[str, str | None]:
    return {text[f.start : f.end]: f.counted for f in find_figures(text)}


@pytest.mark.parametrize(
    ("text", "figure", "expected"),
    [
        # a run that ends with a noun of the measure word's kind
        ("港口另有12艘巡防艇另行招标。", "12艘", "巡防艇"),
        ("消防中队出动3台抢险救援车赶赴现场。", "3台", "抢险救援车"),
        ("广场上摆放了5万多盆金鱼草，游人如织。", "5万多盆", "金鱼草"),
        # ... the longest, stopping at a numeral
        ("园区引进4台智能分拣机和2名技师。", "4台", "智能分拣机"),
        # a name of the wrong kind gives way: a fragment, or a name that runs past the noun
        ("今年新建了120所乡村寄宿学校。", "120所", "乡村寄宿学校"),
        ("流域内31座调蓄水库蓄水量达到新高。", "31座", "调蓄水库"),
        # ... but not to a run cut from a dictionary noun (机器|人) ...
        ("车间新增6台机器人上岗。", "6台", "机器人"),
        # ... nor after a measure word of abstract things (项: 两项重要政策|工具)
        ("用好新出台的两项重要政策工具。", "两项", "重要政策工具"),
        # no name: the run is a modifier closed by 的, or 次 makes a compound unit (台次)
        ("全省建成900多处湿地类型的保护区。", "900多处", "保护区"),
        ("调集300余台次铲车清理道路。", "300余台", None),
        # no run past a character where a clause goes on (都, 与…)
        ("他的3个兄弟都被洪水困住。", "3个", "兄弟"),
        # after 个, the run must end the noun phrase
        ("全县整合了45个农机具维修网点，上门服务。", "45个", "农机具维修网点"),
        ("已有3个国际组织和2个外国组织加入。", "3个", "国际组织"),
        ("培育了20个国家级先进制造业集群。", "20个", "国家级先进制造业集群"),
        # fifth pass: the heads of 场, 款, 户, 起 and more of 只 and 条
        ("湖边栖息着上千只白头鸥迎着寒风。", "上千只", "白头鸥"),
        ("暴雨中全镇5条村道一度中断。", "5条", "村道"),
        ("峰会期间还有40余场配套活动，观众踊跃。", "40余场", "配套活动"),
        ("店家推出12款限定饮品，一上架就售罄。", "12款", "限定饮品"),
        ("一场大雨让300户山区住户一度断水。", "300户", "山区住户"),
        ("救助站接收了9只小海豹幼崽需要照料。", "9只", "小海豹幼崽"),
    ],
)
def test_measure_heads(text: str, figure: str, expected: str | None) -> None:
    assert _counted(text)[figure] == expected


@pytest.mark.parametrize(
    ("text", "figure", "expected"),
    [
        # one change from one amount to another names what changes once, for both figures
        ("由7只增长到超过7000只朱鹮，种群扩大。", "7只", "朱鹮"),
        ("保护区里的朱鹮由7只增长到超过7000只。", "7只", "朱鹮"),
        ("保护区里的朱鹮由7只增长到超过7000只。", "超过7000只", "朱鹮"),
        ("全市实体书店也从2015年前不足800家增至1500多家。", "1500多家", "全市实体书店"),
        ("全省每吨货物的运输成本，从2022年的20.5元降至19.8元。", "20.5元", "运输成本"),
        # no noun before the opener: nothing named
        ("今年以来，从1月的5家增至12家。", "12家", None),
    ],
)
def test_change_frames(text: str, figure: str, expected: str | None) -> None:
    assert _counted(text)[figure] == expected


@pytest.mark.parametrize(
    ("text", "figure", "expected"),
    [
        # what a figure is compared with (比/较 + noun) is not what it counts
        ("到会采购商8000人，比上届增长35%。", "35%", None),
        ("参展单位共计260家，较上届增加31家。", "31家", None),
        # a verb the dictionary tags as a noun names nothing (途经)
        ("五条出海通道中有2条途经我省。", "2条", None),
        # where things are counted (全球, 全国) is not what is counted
        ("珍禽黑脸琵鹭全球只有300多只。", "300多只", None),
        # ... but 同比 is no object of a comparison
        ("外贸货量同比增幅9%。", "9%", "增幅"),
    ],
)
def test_compared_objects_and_verbs(text: str, figure: str, expected: str | None) -> None:
    assert _counted(text)[figure] == expected
