"""newsctl.keywords: candidates, phrases, weighting, IDF sources, segmenter parity."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsctl.article import Article, parse_article
from newsctl.clean import clean_text
from newsctl.keywords import (
    DEFAULT_POS,
    TAIL_SHARE,
    DocumentFrequencies,
    KeywordScore,
    _damp_common_words,
    _Doc,
    _inner_words,
    _number_residues,
    _numbered_set_terms,
    _quoted_wholes,
    _recurrence_gain,
    _recurring_spans,
    _transliterated_wholes,
    corpus_document_frequencies,
    extract_keywords,
    idf_table_for,
    parse_idf_file,
)
from newsctl.pipeline import Options, corpus_idf_file, process
from newsctl.read import RawDocument, iter_documents
from newsctl.segment import Segmenter, get_segmenter

pytest.importorskip("rjieba")
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "articles"
SEED = Path(__file__).resolve().parent.parent / "seeds"


def article_of(text: str, title: str | None = None) -> Article:
    raw = RawDocument(id="t", path="t", text=text, title=title)
    return parse_article(raw, clean_text(text))


def read_articles(paths: list[str]) -> list[Article]:
    out = []
    for raw in iter_documents(paths):
        assert raw.error is None, raw.path
        assert raw.text is not None
        out.append(parse_article(raw, clean_text(raw.text)))
    return out


@pytest.fixture(scope="module")
def segmenter() -> Segmenter:
    return get_segmenter("rjieba")


@pytest.fixture(scope="module")
def seed_article() -> Article:
    return read_articles([str(SEED)])[0]


def terms(found: list[KeywordScore]) -> list[str]:
    return [k.term for k in found]


@pytest.mark.parametrize("method", ["tfidf", "textrank"])
def test_seed_top_ten(seed_article: Article, segmenter: Segmenter, method: str) -> None:
    top = terms(extract_keywords(seed_article, segmenter, top=10, method=method))
    assert 5 <= len(top) <= 10
    for term in top:
        assert not re.search(r"[A-Za-z]", term), f"pinyin or URL fragment {term!r}"
        assert not re.search(r"[0-9０-９]", term), f"number {term!r}"
        assert not any(b in term for b in ("齐鲁网", "热线", "广告", "记者", "闪电新闻")), term
        assert len(term) >= 2
    for wanted in ("文明创建", "办公厅", "党建"):
        assert any(wanted in t for t in top), (wanted, top)
    assert "工作" not in top  # generic: fine inside a phrase, never alone


def test_weights_are_best_first_and_scaled(seed_article: Article, segmenter: Segmenter) -> None:
    found = extract_keywords(seed_article, segmenter, top=10)
    assert found[0].weight == 1.0
    assert [k.weight for k in found] == sorted((k.weight for k in found), reverse=True)
    assert all(k.count >= 1 for k in found)


def test_filters_stopwords_numbers_pinyin_and_boilerplate(segmenter: Segmenter) -> None:
    text = (
        "记者从市政府获悉,2023年全市共新建公园36个、绿道120公里。\n"
        "市民可拨打新闻热线0531-12345678或登录https://www.example.com了解公园绿道详情。\n"
        "wǎng ng chu 公园绿道建设让市民满意,公园绿道成为城市名片,我们的公园绿道越来越多。\n"
    )
    found = terms(extract_keywords(article_of(text), segmenter, top=20))
    assert any("公园" in t for t in found)
    for term in found:
        assert not re.search(r"[0-9]", term), term
        assert not re.fullmatch(r"[a-zǎ]+", term), term  # lower-case latin: pinyin, URL pieces
        assert term not in ("记者", "热线", "新闻热线", "我们", "https", "com", "www")


def test_single_characters_are_never_keywords(seed_article: Article, segmenter: Segmenter) -> None:
    assert all(len(k.term) >= 2 for k in extract_keywords(seed_article, segmenter, top=50))


def test_phrases_merge_recurring_neighbours_and_subsume_parts(segmenter: Segmenter) -> None:
    text = (
        "山东推进文明创建。各地文明创建扎实开展,文明创建氛围浓厚。\n"
        "文明创建取得成果,群众支持文明创建。乡村振兴也在推进。\n"
    )
    article = article_of(text)
    with_phrases = terms(extract_keywords(article, segmenter, top=10))
    assert "文明创建" in with_phrases
    assert "文明" not in with_phrases  # always inside the phrase: subsumed
    without = terms(extract_keywords(article, segmenter, top=10, phrases=False))
    assert "文明创建" not in without
    assert "文明" in without


def test_one_chance_meeting_is_no_phrase(segmenter: Segmenter) -> None:
    text = "今天城市公园开放。\n市民走进城市公园。公园很大,城市很美,市民很多,游客很多。\n"
    found = terms(extract_keywords(article_of(text), segmenter, top=10))
    assert "城市公园" in found  # twice
    assert "公园市民" not in found and "市民游客" not in found


def test_textrank_is_a_different_ranking(seed_article: Article, segmenter: Segmenter) -> None:
    tfidf = extract_keywords(seed_article, segmenter, top=10)
    textrank = extract_keywords(seed_article, segmenter, top=10, method="textrank")
    assert [k.weight for k in tfidf] != [k.weight for k in textrank]
    with pytest.raises(ValueError, match="unknown keyword method"):
        extract_keywords(seed_article, segmenter, method="lda")


def test_pos_override(seed_article: Article, segmenter: Segmenter) -> None:
    places = extract_keywords(seed_article, segmenter, top=10, allowed_pos=("ns",), phrases=False)
    assert places and all(k.pos == "ns" for k in places)


def test_idf_file_parsing(tmp_path: Path) -> None:
    path = tmp_path / "idf.txt"
    path.write_bytes("\ufeff文明创建 12.5\r\n办公厅 3.0\r\n\r\n党建 7\r\n".encode())
    table = parse_idf_file(path)
    assert table.values == {"文明创建": 12.5, "办公厅": 3.0, "党建": 7.0}
    assert table.default == 7.0  # the median, as jieba uses for unseen words
    bad = tmp_path / "bad.txt"
    bad.write_text("文明创建 12.5\n办公厅\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad.txt:2:"):
        parse_idf_file(bad)
    assert idf_table_for("jieba") is None
    assert idf_table_for(str(path)) is not None
    with pytest.raises(ValueError, match="corpus"):
        idf_table_for("corpus")


def test_idf_file_changes_the_ranking(seed_article: Article, segmenter: Segmenter, tmp_path: Path) -> None:
    path = tmp_path / "idf.txt"
    path.write_text("支部 50\n办公厅 0.01\n甲 1\n乙 1\n丙 1\n", encoding="utf-8")  # median 1
    found = terms(extract_keywords(seed_article, segmenter, top=10, idf=parse_idf_file(path)))
    assert found[0] == "支部"
    assert "办公厅" not in found


def test_corpus_document_frequencies(segmenter: Segmenter, tmp_path: Path) -> None:
    articles = read_articles(
        [str(FIXTURES / "peoples_daily.txt"), str(FIXTURES / "xinhua_wire.txt"), str(SEED)]
    )
    frequencies = corpus_document_frequencies(articles, segmenter)
    assert frequencies.documents == 3
    assert frequencies.counts["办公厅"] == 1
    assert max(frequencies.counts.values()) <= 3
    path = tmp_path / "corpus.idf"
    frequencies.write_idf(path)
    table = parse_idf_file(path)
    assert table.values["办公厅"] > min(table.values.values())


def test_document_frequencies_keep_counts_only() -> None:
    frequencies = DocumentFrequencies()
    frequencies.add(["甲乙", "甲乙", "丙丁"])
    frequencies.add(["甲乙"])
    assert frequencies.documents == 2
    assert frequencies.counts == {"甲乙": 2, "丙丁": 1}
    idf = frequencies.idf()
    assert idf.values["丙丁"] > idf.values["甲乙"] > 0


def test_pipeline_idf_options(tmp_path: Path) -> None:
    raws = list(iter_documents([str(SEED), str(FIXTURES / "peoples_daily.txt")]))
    path = tmp_path / "corpus.idf"
    options = Options(analyses=("keywords",), idf="corpus", segmenter="rjieba")
    assert corpus_idf_file(iter(raws), options, str(path)) == 2
    docs = [process(raw, Options(analyses=("keywords",), idf="corpus", corpus_idf=str(path))) for raw in raws]
    assert all(d.error is None and d.keywords for d in docs)
    assert "corpus_idf" not in options.public("keywords")  # an implementation detail, not an option
    file_doc = process(raws[0], Options(analyses=("keywords",), idf=str(path)))
    assert [k.term for k in file_doc.keywords or []] == [k.term for k in docs[0].keywords or []]


def test_keywords_do_not_depend_on_what_the_process_has_seen(
    seed_article: Article, segmenter: Segmenter, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsctl import keywords

    expected = extract_keywords(seed_article, segmenter, top=20, method="textrank")
    # A vocabulary that overflows at every document is emptied and filled again: same answers.
    monkeypatch.setattr(keywords._Vocabulary, "LIMIT", 10)
    for _ in range(2):
        assert extract_keywords(seed_article, segmenter, top=20, method="textrank") == expected
        assert len(keywords._vocabulary(segmenter, frozenset(keywords.DEFAULT_POS)).codes) < 1000


def test_article_source_and_reporters_are_not_keywords(segmenter: Segmenter, seed_article: Article) -> None:
    found = terms(extract_keywords(seed_article, segmenter, top=50))
    assert seed_article.reporters and not set(seed_article.reporters) & set(found)


@pytest.mark.parametrize("method", ["tfidf", "textrank"])
def test_jieba_and_rjieba_give_the_same_keywords(method: str) -> None:
    paths = [str(SEED), *sorted(str(p) for p in FIXTURES.glob("*.txt"))]
    articles = read_articles(paths)
    assert len(articles) > 10
    slow, fast = get_segmenter("jieba"), get_segmenter("rjieba")
    for article in articles:
        expected = extract_keywords(article, slow, top=10, method=method)
        assert extract_keywords(article, fast, top=10, method=method) == expected, article.doc.path


def test_words_of_every_report_and_titles_are_no_tags(segmenter: Segmenter) -> None:
    text = (
        "两国领导人会见时表示，要深化合作，推动发展。"
        "两国合作不断深化，全球市场同比增长明显，发展势头良好。"
        "总统表示，两国合作前景广阔，发展空间巨大，合作领域不断拓展。"
        "双方同意加强港口物流合作，港口物流项目年内启动。"
    )
    found = terms(extract_keywords(article_of(text), segmenter, top=10))
    for word in ("合作", "发展", "深化", "全球", "市场", "同比增长", "总统", "启动", "两国"):
        assert word not in found
    assert "港口物流" in found


def test_a_name_and_the_next_words_first_character_give_way_to_the_name(segmenter: Segmenter) -> None:
    # the HMM cuts 小哲因 | 严重 here: that word is 小哲 and the first character of 因为
    text = (
        "小哲今年十五岁，小哲的爸爸在工地上班。前年，小哲因严重腹痛送医，诊断为肠阻塞。"
        "医生说小哲需要长期住院，小哲的妈妈每天陪着小哲。"
    )
    assert "小哲因" in segmenter.cut(text)
    found = extract_keywords(article_of(text), segmenter, top=10)
    assert "小哲" in terms(found)
    assert "小哲因" not in terms(found)


@pytest.mark.parametrize(
    ("mentions", "idf", "within", "gain"),
    [
        (1, 10.0, 0, 1.0),  # named once: no extra gain
        (3, 10.0, 0, 1.4),  # two mentions after the first
        (9, None, 0, 1.6),  # a word the dictionary lacks; capped at three
        (4, 10.0, 2, 1.0),  # half its mentions inside a longer candidate (加沙 of 加沙地带)
        (4, 3.0, 0, 1.0),  # as common as 中国: named in any story
    ],
)
def test_a_recurring_name_gains_unless_common_or_part_of_a_longer_one(
    mentions: int, idf: float | None, within: int, gain: float
) -> None:
    assert _recurrence_gain(mentions, idf, 12.0, within) == pytest.approx(gain)


def test_a_measure_word_after_a_number_starts_no_keyword(segmenter: Segmenter) -> None:
    # 3成 | 居民 and 2万 | 辆次: the measure belongs to the number, not to the next word
    text = (
        "小镇调查发现，3成居民每天骑车上班，6成居民支持修建自行车道。"
        "镇上自行车道去年通行2万辆次，今年预计通行5万辆次，自行车道成为小镇名片。"
        "居民表示，自行车道让出行更方便。"
    )
    found = terms(extract_keywords(article_of(text), segmenter, top=10))
    assert not [term for term in found if term.startswith(("成", "万"))]
    assert "居民" in found
    assert "自行车道" in found


def test_a_classifier_after_a_number_starts_no_keyword(segmenter: Segmenter) -> None:
    # 2 | 名路 | 人, 20 | 多班, 8 | 楼一跃: the segmenter glued the classifier to the next word
    text = (
        "老街水管破裂\n"
        "昨天清晨老街水管破裂，现场有2名路人报警，维修队赶到老街抢修水管。"
        "附近医院需要20多班护理人员支援，一名男子从8楼一跃而下的传言不实。"
        "维修队表示，老街水管老化，明年将更换老街全部水管。"
    )
    found = terms(extract_keywords(article_of(text), segmenter, top=10))
    assert not [term for term in found if term.startswith(("名路", "多班", "楼一"))]
    assert "水管" in found


def test_classifier_residues() -> None:
    assert _number_residues(["2", "名路", "人"]) == [1]
    assert _number_residues(["60", "多班"]) == [1]
    assert _number_residues(["8", "楼一跃", "而"]) == [1]
    assert _number_residues(["大", "楼一跃"]) == []  # no number before it


def test_a_place_and_verb_after_a_locative_is_no_phrase(segmenter: Segmenter) -> None:
    # 在 + 昆明 + 开幕: where the fair opened, a clause; the place is the tag
    text = (
        "茶叶博览会在昆明开幕\n"
        "第五届茶叶博览会今天在昆明开幕，三百家茶企参展。茶叶博览会于昆明开幕后，"
        "各地茶商陆续抵达。主办方说，茶叶博览会在昆明开幕三天，预计吸引十万名观众。"
    )
    found = terms(extract_keywords(article_of(text), segmenter, top=10))
    assert "昆明开幕" not in found
    assert "昆明" in found


def test_a_headline_compound_cut_in_two_is_a_tag(segmenter: Segmenter) -> None:
    # 珍稀 + 鱼: an adjective and a one-character noun, no candidate for a phrase; the headline
    # names it and the text says it again
    text = (
        "水库发现珍稀鱼\n"
        "渔政人员在水库巡查时发现珍稀鱼群，随即通知专家。专家说，珍稀鱼对水质要求很高，"
        "水库水质连年改善。渔政部门将加强巡查，保护水库珍稀鱼。"
    )
    found = terms(extract_keywords(article_of(text), segmenter, top=10))
    assert any(term.startswith("珍稀鱼") for term in found)


def test_a_pair_said_once_in_a_headline_is_no_compound(segmenter: Segmenter) -> None:
    text = (
        "水库发现珍稀鱼\n"
        "渔政人员在水库巡查时发现一群鱼，随即通知专家。专家说，这种鱼对水质要求很高，"
        "水库水质连年改善。渔政部门将加强巡查。"
    )
    found = terms(extract_keywords(article_of(text), segmenter, top=10))
    assert "珍稀鱼" not in found


def test_a_foreign_name_whose_tail_reads_as_a_chinese_name_is_whole(segmenter: Segmenter) -> None:
    # 克 | 连斯基: the segmenter tags the tail as a Chinese name; every mention has 克 before it
    text = (
        "议员克连斯基访问港口\n"
        "议员克连斯基昨天访问港口，察看新码头工程。克连斯基表示，港口扩建将带来就业。"
        "港口管理局说，新码头明年启用。"
    )
    found = terms(extract_keywords(article_of(text), segmenter, top=10))
    assert "克连斯基" in found
    assert "连斯基" not in found


def test_number_residues_need_a_number_before_them() -> None:
    assert _number_residues(["调查", "4", "成", "民众"]) == [2]
    assert _number_residues(["35", "万标箱"]) == [1]
    assert _number_residues(["２１", "世纪", "经济"]) == [1]
    assert _number_residues(["三", "成", "家长"]) == [1]
    assert _number_residues(["统一", "成本"]) == []  # 统一 ends in 一 but is no number
    assert _number_residues(["完成", "成本"]) == []
    assert _number_residues(["19", "日晚", "发布"]) == [1]


def test_a_rare_verb_of_the_headline_that_recurs_is_a_tag(segmenter: Segmenter) -> None:
    # 纵火 is a verb (a phrase part only), but the headline names it and the story comes back to it
    text = (
        "男子深夜纵火烧毁邻居货车\n"
        "昨日凌晨，一名男子在小区停车场纵火，三辆货车被烧毁。"
        "警方调查发现，男子因停车纠纷纵火泄愤。"
        "目前男子已因涉嫌纵火被刑事拘留，停车场监控记录了纵火经过。"
    )
    found = terms(extract_keywords(article_of(text), segmenter, top=10))
    assert "纵火" in found
    # a verb as common as 出席 stays a phrase part even when the headline names it
    text = (
        "市长出席港口物流论坛\n"
        "市长昨日出席港口物流论坛，港口物流企业代表出席。"
        "论坛讨论港口物流发展，出席嘉宾表示港口物流前景广阔。"
    )
    assert "出席" not in terms(extract_keywords(article_of(text), segmenter, top=10))


def test_idioms_and_people_of_any_report_are_no_tags(segmenter: Segmenter) -> None:
    text = (
        "龙卷风袭击小镇，多座房屋被夷为平地。"
        "龙卷风过后，小镇房屋夷为平地，民众在废墟中寻找亲人，警方封锁现场。"
        "救援队表示，龙卷风造成的损失仍在统计，民众暂住学校，警方维持秩序。"
    )
    found = terms(extract_keywords(article_of(text), segmenter, top=10))
    for word in ("夷为平地", "民众", "警方"):
        assert word not in found
    assert "龙卷风" in found


def test_a_piece_cut_out_of_a_subhead_is_no_tag(segmenter: Segmenter) -> None:
    body = (
        "阿明今年十二岁，爸爸罹患口腔癌，妈妈靠打零工维持家计。\n\n"
        "妻难撑家\n\n"
        "妈妈每天清晨出门工作，阿明放学后照顾爸爸，爸爸化疗后身体虚弱。\n\n"
        "阿明说，希望爸爸早日康复，全家可以一起出游。"
    )
    article = article_of(body)
    assert article.headings == ["妻难撑家"]
    found = terms(extract_keywords(article, segmenter, top=10))
    assert "妻难" not in found


def test_a_name_always_followed_by_a_place_suffix_is_the_whole_place(segmenter: Segmenter) -> None:
    # cut 青杨 | 山, 青杨 | 山是, 青杨 | 山靠: the place is one phrase only once
    text = (
        "两名驴友结伴攀登青杨山，听说青杨山是登山胜地。"
        "被困地点位于青杨山靠水库一侧，消防员赶到后用绳索将两名驴友救出。"
    )
    tokens = segmenter.cut(text)
    assert "山是" in tokens and "山靠" in tokens
    found = terms(extract_keywords(article_of(text), segmenter, top=10))
    assert "青杨山" in found
    assert "青杨" not in found


def test_a_verb_and_its_named_object_is_no_phrase(segmenter: Segmenter) -> None:
    text = "英国宣布退出北约。英国退出北约后，欧洲防务格局改变。退出北约需要议会批准。"
    found = terms(extract_keywords(article_of(text), segmenter, top=10))
    assert "退出北约" not in found
    assert "北约" in found


def test_a_headline_clause_of_a_common_verb_and_its_object_is_no_phrase(segmenter: Segmenter) -> None:
    text = (
        "武装组织向边境小镇发射火箭弹\n"
        "当地时间周日，武装组织向边境小镇发射火箭弹，造成三人受伤。军方随后回击。"
        "这是本月武装组织第三次发射火箭弹。"
    )
    found = terms(extract_keywords(article_of(text), segmenter, top=10))
    assert "发射火箭弹" not in found
    assert "火箭弹" in found


def test_a_place_and_its_variant_with_a_suffix_are_one_tag(segmenter: Segmenter) -> None:
    text = (
        "上海市环境监测中心今天发布数据，上海空气质量达到优。"
        "上海市各监测点数据显示，上海空气质量连续多日保持良好，上海市民出行增多。"
    )
    found = terms(extract_keywords(article_of(text), segmenter, top=10))
    assert ("上海" in found) != ("上海市" in found)


def test_one_character_said_over_and_over_is_no_tag(segmenter: Segmenter) -> None:
    text = (
        "小明收到录取通知书，笑着说：“啊啊啊，啊啊啊，我考上大学了！”"
        "小明的父母也很高兴，小明九月将到北京读大学，啊啊啊地叫个不停。"
    )
    found = terms(extract_keywords(article_of(text), segmenter, top=10))
    assert "啊啊啊" not in found
    assert "小明" in found


def test_counts_and_weights_do_not_depend_on_how_many_keywords_are_asked_for(segmenter: Segmenter) -> None:
    # `keywords -n 25` and `analyze` (10) must count a name's mentions alike: the given name said
    # once (志伟), ranked far down among many instruments, is counted with 林志伟 in both or in neither.
    instruments = [
        "钢琴",
        "小提琴",
        "长笛",
        "手风琴",
        "吉他",
        "萨克斯",
        "竖琴",
        "单簧管",
        "大提琴",
        "双簧管",
        "圆号",
        "小号",
        "长号",
        "定音鼓",
        "木琴",
        "口琴",
        "古筝",
        "二胡",
        "琵琶",
        "扬琴",
        "唢呐",
        "马林巴",
        "风琴",
        "电子琴",
        "贝斯",
        "架子鼓",
        "铃鼓",
        "三角铁",
        "曼陀林",
        "班卓琴",
        "尤克里里",
        "巴松",
        "短笛",
        "编钟",
        "箜篌",
        "柳琴",
        "葫芦丝",
        "马头琴",
        "冬不拉",
        "热瓦普",
        "巴乌",
        "排箫",
        "竹笛",
        "中胡",
        "板胡",
        "京胡",
        "坠胡",
    ]
    pairs = zip(instruments[::2], instruments[1::2] + instruments[:1])
    text = (
        "林志伟是乐团团长，林志伟说乐团今年演出很多。"
        + "".join(f"乐团买了{a}和{b}，{a}和{b}都很贵。" for a, b in pairs)
        + "团员说：“志伟很用心。”林志伟笑了。"
    )
    article = article_of(text)
    ten = extract_keywords(article, segmenter, top=10)
    assert "林志伟" in terms(ten)
    for top in (3, 25, 60):
        found = extract_keywords(article, segmenter, top=top)
        assert found[: min(top, 10)] == ten[: min(top, 10)], top


def test_kin_and_role_nouns_are_tags_only_when_the_headline_names_them(segmenter: Segmenter) -> None:
    body = (
        "王大明的前妻带着幼子离开后，王大明独自经营面包店。"
        "前妻每月探望幼子一次，王大明的面包店生意渐好，面包店如今有三名员工。"
    )
    found = terms(extract_keywords(article_of(body, title="面包店老板苦撑"), segmenter, top=10))
    assert "前妻" not in found and "幼子" not in found
    assert "王大明" in found
    titled = article_of(body, title="前妻带走幼子 面包店老板苦撑")
    headline = terms(extract_keywords(titled, segmenter, top=10))
    assert "前妻" in headline


def test_a_word_always_inside_one_quoted_name_gives_way_to_the_name(segmenter: Segmenter) -> None:
    text = (
        "市政府启动“一村一品”行动，计划三年治理全市河道。"
        "“一村一品”行动首批治理十条河道，河道沿岸建设湿地公园。"
        "市民表示，“一村一品”行动让河道变清了。"
    )
    found = extract_keywords(article_of(text), segmenter, top=10)
    assert "一村一品" in terms(found)
    assert next(k.count for k in found if k.term == "一村一品") == 3
    assert "一村" not in terms(found)


def test_a_quoted_clause_is_no_name() -> None:
    text = "她常说“妈妈的味道”最难忘。每到冬天，“妈妈的味道”就飘满厨房。"
    assert _quoted_wholes(text, ["味道"]) == {}
    assert _quoted_wholes(text.replace("妈妈的味道", "一村一品"), ["一村"]) == {"一村": "一村一品"}


def test_a_given_name_always_after_its_surname_gives_way_to_the_whole_name(segmenter: Segmenter) -> None:
    text = "检方传讯郑宏图。郑宏图否认违法放贷，郑宏图的律师表示将提出证据。此案下月开庭。"
    assert segmenter.cut("传讯郑宏图")[-2:] == ["郑", "宏图"]
    found = extract_keywords(article_of(text), segmenter, top=10)
    assert "郑宏图" in terms(found)
    assert next(k.count for k in found if k.term == "郑宏图") == 3
    assert "宏图" not in terms(found)


def test_a_title_phrase_said_once_with_a_single_character_at_an_end_is_no_tag(segmenter: Segmenter) -> None:
    # the headline glues 男 to 无力 once; the story never says 男无力
    body = (
        "阿雄无力养家\n\n阿雄罹患肝癌，无力工作，妻子靠打零工维持家计。\n\n"
        "阿雄说，希望早日康复，全家可以团聚。"
    )
    article = article_of(body, title="癌男无力养家")
    found = terms(extract_keywords(article, segmenter, top=10))
    assert not [term for term in found if "男无力" in term]


def test_a_nickname_glued_to_an_adverb_is_tagged_alone(segmenter: Segmenter) -> None:
    body = (
        "阿宝今年十岁，每天放学后照顾中风的奶奶。\n\n"
        "连阿宝都知道家里缺钱，阿宝说，阿宝想快点长大赚钱。\n\n"
        "阿宝的老师说，阿宝成绩很好，希望社会伸出援手。"
    )
    found = terms(extract_keywords(article_of(body, title="阿宝照顾中风奶奶"), segmenter, top=10))
    assert not [term for term in found if term.startswith("连")]


def test_a_headline_idiom_the_story_keeps_saying_is_its_topic(segmenter: Segmenter) -> None:
    body = (
        "本市表彰一批见义勇为市民，每人获得奖金一万元。\n\n"
        "见义勇为人员在就业、住房等方面享受优待，见义勇为基金也将扩大。\n\n"
        "市政府呼吁社会各界支持见义勇为，营造良好风气。"
    )
    found = terms(extract_keywords(article_of(body, title="我市表彰见义勇为市民"), segmenter, top=5))
    assert "见义勇为" in found


def test_an_idiom_said_once_is_no_topic(segmenter: Segmenter) -> None:
    body = "本市表彰一批市民，每人获得奖金一万元。\n\n市民在就业、住房等方面享受优待，基金也将扩大。"
    found = terms(extract_keywords(article_of(body, title="我市表彰见义勇为市民"), segmenter, top=10))
    assert "见义勇为" not in found


def test_a_word_the_headline_quotes_and_the_story_repeats_is_a_tag(segmenter: Segmenter) -> None:
    body = (
        "由于预算案未获通过，该国政府部分机构自本月一日起停摆，数十万雇员被迫休假。\n\n"
        "分析人士指出，若僵局持续，机场安检和食品检验等服务都将受到影响。"
    )
    found = terms(extract_keywords(article_of(body, title="政府“停摆”进入第二周"), segmenter, top=5))
    assert "停摆" in found


def test_a_photographer_named_in_a_credit_is_no_tag(segmenter: Segmenter) -> None:
    body = (
        "科技大学机械系昨天举办玩具设计大赛，小学生担任评审。 记者柯文彬/摄影 "
        "机械系学生设计的液压玩具获得小学生最多票数。 记者柯文彬/摄影 "
        "机械系主任说，玩具设计考验学生的机构原理功力。"
    )
    found = terms(extract_keywords(article_of(body, title="大学生设计玩具 小学生当评审"), segmenter, top=10))
    # the blocks take the credits (and the captions they close) out of the body: the photographer
    # is no tag and the story's words still are
    assert not [term for term in found if term in "柯文彬" or "柯文彬" in term]  # the name, whole or cut
    assert "玩具" in found


def test_an_organisation_cut_after_its_name_is_tagged_whole(segmenter: Segmenter) -> None:
    # jieba tags 大同 an adverb, so 大同 | 大学 makes no phrase
    body = (
        "大同大学机械系昨天举办玩具设计大赛，邀请小学生担任评审。\n\n"
        "大同大学机械系学生设计的液压玩具获得最多票数。\n\n"
        "大同大学机械系主任说，玩具设计考验学生的功力。"
    )
    found = terms(extract_keywords(article_of(body, title="玩具设计大赛 小学生当评审"), segmenter, top=10))
    # the department is never named apart from the university: the whole string is one tag
    assert "大同大学机械系" in found
    assert not {"大学", "大同大学", "机械系"} & set(found)


def test_a_word_with_a_kin_noun_glued_on_gives_way_to_the_word(segmenter: Segmenter) -> None:
    body = (
        "阿玉多年遭前夫家暴，带着两个孩子离家。\n\n"
        "阿玉说，前夫家暴的阴影仍在，但她会为孩子撑下去。\n\n"
        "社工说，家暴受害者可以申请保护令。"
    )
    found = terms(extract_keywords(article_of(body, title="前夫家暴 单亲妈带子离家"), segmenter, top=10))
    assert "家暴" in found
    assert "前夫家暴" not in found


def test_a_product_cut_into_pieces_is_tagged_whole(segmenter: Segmenter) -> None:
    # jieba cuts 洁 | 厕灵 (and 厕灵时, 厕灵后 where the HMM glues the next character on)
    body = (
        "很多家庭用洁厕灵清洗马桶。\n\n"
        "专家提醒，使用洁厕灵时要开窗通风，洁厕灵和84消毒液不能混用。\n\n"
        "倒入洁厕灵后，不要马上倒入其他清洁剂。"
    )
    found = extract_keywords(article_of(body, title="清洁用品混用有风险"), segmenter, top=10)
    assert "洁厕灵" in terms(found)
    assert not any(k.term.startswith("厕灵") for k in found)
    assert next(k.count for k in found if k.term == "洁厕灵") == 4


def test_a_recurring_span_is_no_clause_nor_a_pair_said_twice(segmenter: Segmenter) -> None:
    def spans(body: str, words: list[str]) -> dict[str, str]:
        doc = _Doc.build(article_of(body, title="标题"), segmenter, DEFAULT_POS, True)
        return _recurring_spans(doc, "".join(doc.tokens), words)

    verb = "会议研究推动产业升级。\n\n各区要推动产业升级。\n\n市长说，推动产业升级是重点。"
    assert spans(verb, ["产业升级", "产业"]) == {}  # a common verb and its object
    twice = "很多家庭用洁厕灵清洗马桶。\n\n专家提醒，洁厕灵和消毒液不能混用。"
    assert spans(twice, ["厕灵"]) == {}
    thrice = twice + "\n\n倒入洁厕灵后要通风。"
    assert spans(thrice, ["厕灵"])["厕灵"] == "洁厕灵"


def test_a_recurring_span_led_by_a_stronger_keyword_gives_its_piece_back(segmenter: Segmenter) -> None:
    # 覆盖率 sits inside 宽带覆盖率 every time, and 宽带, said more, is the stronger tag: the string
    # is dropped as an extension of 宽带, and 覆盖率 must not vanish
    body = (
        "本县今年继续推进宽带工作。宽带数量充足，宽带种类增加。有关部门表示，本年全县宽带覆盖率达到九成，"
        "比去年提高五个百分点。专家认为，提高宽带覆盖率需要各方配合。部分乡镇宽带覆盖率仍然偏低，"
        "居民对宽带有顾虑。下一步，将把宽带覆盖率纳入检查。宽带质量也受到关注。"
    )
    found = terms(extract_keywords(article_of(body, title="本县推进宽带工作"), segmenter, top=10))
    assert found[0] == "宽带"
    # given back, 覆盖率 stands beside 宽带 every time it is said: the two are one tag again, after 宽带
    assert "宽带覆盖率" in found[1:]
    assert "覆盖率" not in found


def test_a_film_title_in_book_quotes_is_one_tag(segmenter: Segmenter) -> None:
    # jieba cuts 山城 | 往事; the title marks the string as one name, and the text repeats it
    body = "影片《山城往事》昨日上映。\n\n《山城往事》讲述三代人的故事，导演说《山城往事》拍了三年。"
    found = extract_keywords(article_of(body, title="新片上映"), segmenter, top=10)
    assert "山城往事" in terms(found)
    assert "往事" not in terms(found)
    assert _quoted_wholes("他读完《往事》，又读《往事》。", ["往事"]) == {}  # too short to be cut


def test_a_transliteration_character_cut_off_a_foreign_name_goes_back_to_it(segmenter: Segmenter) -> None:
    # jieba cuts 莫 | 诺尔 | 特: both edge characters spell foreign names
    body = (
        "外交部长会见来访的总统莫诺尔特。\n\n莫诺尔特表示，愿加强合作。\n\n双方签署协议，莫诺尔特随后离京。"
    )
    found = terms(extract_keywords(article_of(body, title="外交部长会见来宾"), segmenter, top=10))
    assert "莫诺尔特" in found
    assert "诺尔" not in found
    doc = _Doc.build(article_of(body, title="会见"), segmenter, DEFAULT_POS, True)
    assert _transliterated_wholes(doc, "".join(doc.tokens), ["诺尔"]) == {"诺尔": "莫诺尔特"}
    # a function character before the name is no part of it (于 | 诺尔)
    once = "总统于诺尔特。\n\n于诺尔特表示愿合作。"
    doc = _Doc.build(article_of(once, title="会见"), segmenter, DEFAULT_POS, True)
    assert _transliterated_wholes(doc, "".join(doc.tokens), ["诺尔"]).get("诺尔") != "于诺尔特"


def test_a_word_said_only_inside_a_longer_tag_is_no_tag_of_its_own(segmenter: Segmenter) -> None:
    body = (
        "青禾基金会今天公布青少年压力调查。\n\n青禾基金会指出，青少年课业压力大。\n\n"
        "青禾基金会呼吁家长多陪伴孩子。"
    )
    found = terms(extract_keywords(article_of(body, title="青少年压力调查"), segmenter, top=10))
    assert "青禾基金会" in found
    assert "青禾" not in found


def test_a_word_with_one_character_glued_on_is_tagged_without_it(segmenter: Segmenter) -> None:
    body = (
        "他戴隐形眼镜游泳。\n\n医生说，戴隐形眼镜戏水容易感染，戴隐形眼镜前要洗手。\n\n"
        "戴隐形眼镜的人更要小心。"
    )
    found = terms(extract_keywords(article_of(body, title="游泳小心感染"), segmenter, top=10))
    assert "隐形眼镜" in found
    assert "戴隐形眼镜" not in found


def test_a_word_of_any_report_weighs_less_unless_the_title_names_it(segmenter: Segmenter) -> None:
    body = "海港新区发布冷链物流规划。\n\n冷链物流带动经济增长，经济界人士看好冷链物流。"

    def damped(title: str) -> dict[str, float]:
        doc = _Doc.build(article_of(body, title=title), segmenter, DEFAULT_POS, True)
        scores = {"经济": 1.0, "冷链": 1.0, "海港": 1.0}
        _damp_common_words(doc, scores)
        return scores

    plain = damped("新区发布规划")
    assert plain["经济"] < 1.0  # as common as the words of any report
    assert plain["冷链"] == 1.0
    assert damped("新区经济规划")["经济"] == 1.0  # the title names it: maybe the story's subject


def test_a_phrase_ending_in_a_one_character_adjective_is_a_clause(segmenter: Segmenter) -> None:
    body = "工人说工时长，加班多。\n\n调查发现，这家工厂工时长，薪水低。"
    doc = _Doc.build(article_of(body, title="代工厂调查"), segmenter, DEFAULT_POS, True)
    assert doc.is_verb_phrase("工时长", ("工时", "长"))
    assert not doc.is_verb_phrase("马义全", ("马义", "全"))  # a name ends in 全


def test_a_country_takes_the_mentions_of_its_abbreviation(segmenter: Segmenter) -> None:
    text = (
        "俄罗斯国防部20日称，俄军打击了乌军多处阵地，击落乌军无人机。"
        "俄方表示，俄军还控制了多个居民点。乌克兰方面称，乌军对俄多个指挥所实施了打击。"
    )
    found = {k.term: k for k in extract_keywords(article_of(text), segmenter, top=10)}
    assert "俄军" not in found and "乌军" not in found and "俄方" not in found
    assert found["俄罗斯"].count >= 4  # 俄军 ×2, 俄方, 俄 (俄罗斯国防部 holds it once more)
    assert found["乌克兰"].count >= 3


def test_a_dotted_name_never_said_apart_is_one_tag(segmenter: Segmenter) -> None:
    text = (
        "好莱坞女星艾米莉·布朗特主演的新片今日上映。影评人认为艾米莉·布朗特的表演十分出色，"
        "观众也称赞艾米莉·布朗特在片中的手语戏份。"
    )
    found = terms(extract_keywords(article_of(text), segmenter, top=10))
    assert "艾米莉·布朗特" in found
    assert "艾米莉" not in found and "布朗特" not in found


def test_a_full_name_in_brackets_counts_with_the_name_the_story_uses(segmenter: Segmenter) -> None:
    text = (
        "44岁的阿芬（林秀芬）到病房探视中风的丈夫阿德（吴明德），阿芬说丈夫阿德一直昏迷。"
        "阿芬每天照顾阿德，阿芬的女儿也来帮忙，阿德的医药费让阿芬发愁。"
    )
    found = {k.term: k for k in extract_keywords(article_of(text), segmenter, top=10)}
    assert "林秀芬" not in found and "吴明德" not in found
    assert found["阿芬"].count == 6  # five times as 阿芬, once as 林秀芬


def test_a_series_label_in_the_title_is_no_topic(segmenter: Segmenter) -> None:
    text = (
        "本台记者来到青川县，看到茶农正在采摘春茶。青川县今年春茶产量增长，茶农收入提高，青川春茶远销各地。"
    )
    article = article_of(text, title="【奋进新时代】青川春茶喜获丰收")
    found = {k.term: k.weight for k in extract_keywords(article, segmenter, top=20)}
    assert "春茶" in found
    # a label word weighs as a word the text says once, less than one the lead says once (时代 led 产量)
    assert all(weight < found["产量"] for term, weight in found.items() if term in "奋进新时代")


def test_a_word_cut_across_the_edge_of_a_better_name_is_no_tag(segmenter: Segmenter) -> None:
    # 通 | 伦特 | 使: jieba knows 伦特 as a place, but here it straddles 通伦 and 特使
    text = (
        "塔国总理会见了作为塔国主席通伦特使来访的副总理。"
        "通伦主席的特使转达了通伦的问候，表示塔国愿深化合作。通伦此前致信表示祝贺。"
    )
    found = terms(extract_keywords(article_of(text), segmenter, top=10))
    assert "通伦" in found
    assert "伦特" not in found


def test_a_round_of_a_knockout_is_a_number_not_a_keyword(segmenter: Segmenter) -> None:
    text = (
        "羽球公开赛今天进行16强赛事，林一鸣在16强赛事中以直落二获胜，晋级8强赛事。"
        "林一鸣说，8强赛事的对手很强。林一鸣表示会全力以赴。"
    )
    found = terms(extract_keywords(article_of(text), segmenter, top=10))
    assert "强赛事" not in found
    assert "林一鸣" in found


@pytest.mark.parametrize("name", ["周天舟", "周一鸣"])
def test_a_name_that_starts_like_a_weekday_is_whole(segmenter: Segmenter, name: str) -> None:
    text = (
        f"羽球名将{name}今天出战公开赛，{name}以直落二击败对手。"
        f"{name}赛后表示，状态越来越好。教练说{name}的发球进步很多。"
    )
    found = {k.term: k.count for k in extract_keywords(article_of(text), segmenter, top=10)}
    assert found.get(name) == 4


def test_a_time_word_before_a_word_of_its_own_is_no_name(segmenter: Segmenter) -> None:
    text = "今天是建校六十周年大会。周年大会上，校友代表发言。学校举行周年大会庆祝。"
    found = terms(extract_keywords(article_of(text), segmenter, top=10))
    assert "周年大" not in found


def test_a_short_form_counts_with_the_full_name(segmenter: Segmenter) -> None:
    text = (
        "柬埔寨人民党中央委员会召开会议。柬埔寨人民党表示，柬人党将继续领导国家建设。"
        "柬人党主席表示，柬人党欢迎各方合作。"
    )
    found = {k.term: k for k in extract_keywords(article_of(text), segmenter, top=10)}
    assert "柬人党" not in found
    assert found["柬埔寨人民党"].count == 5


def test_two_country_abbreviations_are_no_tag_beside_both_countries(segmenter: Segmenter) -> None:
    text = (
        "美国和英国军队20日空袭了也门多处目标。美英联军称，此次空袭针对胡塞武装的导弹设施。"
        "英国表示，美英将继续行动。美国也发表声明，美英联军没有伤亡。"
    )
    found = terms(extract_keywords(article_of(text), segmenter, top=10))
    assert "美英" not in found
    assert "美国" in found and "英国" in found


def test_a_smaller_country_takes_the_mentions_of_its_abbreviation_too(segmenter: Segmenter) -> None:
    text = (
        "国家主席会见芬兰总统。芬兰是中国的重要伙伴。芬方表示，愿加强合作。"
        "芬方还提出扩大贸易，芬方欢迎中国企业投资。"
    )
    found = {k.term: k for k in extract_keywords(article_of(text), segmenter, top=10)}
    assert "芬方" not in found
    assert found["芬兰"].count >= 5


def test_the_day_after_a_date_number_is_no_keyword(segmenter: Segmenter) -> None:
    text = (
        "暴雨袭击南部山区。当地19日晚发布暴雨红色预警，20日晚再次发布预警。"
        "气象台表示，21日晚暴雨还将持续，山区需防范山洪。"
    )
    found = terms(extract_keywords(article_of(text), segmenter, top=10))
    assert "日晚" not in found
    assert "暴雨" in found


def test_a_word_said_mostly_inside_a_chosen_phrase_ranks_by_its_own_mentions(segmenter: Segmenter) -> None:
    text = (
        "出租车司机遭围殴\n一名出租车司机在庄河街头与黑车司机发生争执，随后遭多人围殴。\n"
        "当地出租车司机称，黑车长期在车站揽客，出租车生意受到影响，出租车公司已向交通部门反映。"
    )
    found = terms(extract_keywords(article_of(text), segmenter, top=10))
    # 出租车 is said five times, three of them in 出租车司机: twice alone, as often as 黑车
    assert found.index("出租车司机") < found.index("黑车") < found.index("出租车")


def test_the_weak_tail_is_left_out_and_top_is_a_maximum(segmenter: Segmenter) -> None:
    text = (
        "龙卷风袭击密西西比州小镇\n龙卷风24日晚袭击密西西比州罗灵福克镇，龙卷风造成罗灵福克镇多人死亡。\n"
        "密西西比州应急部门称，龙卷风摧毁了罗灵福克镇大量房屋，州长里夫斯前往罗灵福克镇视察。\n"
        "龙卷风过后，罗灵福克镇居民清理废墟，救援仍在进行，龙卷风还波及密西西比州其他地区。\n"
        "气象部门说，这场龙卷风在密西西比州停留约一小时，罗灵福克镇受灾最重，龙卷风已达四级。"
    )
    found = extract_keywords(article_of(text), segmenter, top=20)
    assert len(found) < 20
    tail = {k.term for k in found if k.count == 1 and k.weight < TAIL_SHARE}
    assert "里夫斯" in tail  # a name said once stays
    assert tail.isdisjoint({"救援", "房屋", "已达", "应急", "废墟"})
    assert [k.term for k in found[:3]] == ["罗灵福克镇", "龙卷风", "密西西比州"]
    assert len(extract_keywords(article_of(text), segmenter, top=2)) == 2


def test_a_whole_made_of_pieces_counts_the_mentions_the_text_makes(segmenter: Segmenter) -> None:
    # the town's pieces (塔灵, 福克镇) are said only inside it: four mentions, not eight
    for town in ("塔灵福克镇", "萨灵福克镇"):
        text = (
            f"龙卷风袭击{town}\n龙卷风24日晚袭击{town}，多栋房屋倒塌。\n"
            f"当地官员说，{town}的学校停课，居民转移到{town}以北的体育馆。"
        )
        found = {k.term: k.count for k in extract_keywords(article_of(text), segmenter, top=10)}
        assert found[town] == text.count(town) == 4, town


# Made-up stories of names, verbs glued to their objects (爬 + 楼梯), wholes and their pieces
# (金车基金会, 金车) and words of any report, to check that the ranking does not depend on --top.
_STORY_PARTS = (
    "戴口罩",
    "口罩",
    "爬楼梯",
    "楼梯",
    "买彩票",
    "彩票",
    "金车基金会",
    "金车",
    "塔灵福克镇",
    "福克镇",
    "林志伟",
    "志伟说",
    "出租车司机",
    "出租车",
    "黑车",
    "暴雨",
    "救援",
    "房屋",
    "消费市场",
    "元宵节",
    "猜字谜",
    "字谜",
    "办案人员",
    "办案",
    "检察院",
    "莫桑比克",
    "莫方",
    "居民",
    "学校",
    "停课",
)
_CLAUSES = st.lists(st.sampled_from(_STORY_PARTS), min_size=1, max_size=4).map("，".join)
_STORIES = st.tuples(
    st.lists(_CLAUSES, min_size=1, max_size=2).map("".join),
    st.lists(_CLAUSES, min_size=2, max_size=14).map(lambda clauses: "。".join(clauses) + "。"),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(story=_STORIES, few=st.integers(1, 12), more=st.integers(1, 20))
def test_top_n_is_a_prefix_of_top_m(
    segmenter: Segmenter, story: tuple[str, str], few: int, more: int
) -> None:
    title, body = story
    article = article_of(f"{title}\n{body}")
    short = extract_keywords(article, segmenter, top=few)
    longer = extract_keywords(article, segmenter, top=few + more)
    assert len(short) <= few
    assert longer[: len(short)] == short


def test_words_of_any_study_are_no_keywords(segmenter: Segmenter) -> None:
    # A made-up abstract: the study's genre and apparatus (研究, 对照组, 患者, 疗效) name no subject,
    # though a phrase may hold them (临床研究).
    text = (
        "苦参汤熏洗治疗肛周湿疹的临床研究\n"
        "目的 研究苦参汤熏洗治疗肛周湿疹的疗效。方法 将80例患者分为治疗组和对照组,"
        "治疗组患者采用苦参汤熏洗,对照组患者外用药膏。结果表明,治疗组疗效优于对照组,"
        "苦参汤熏洗可缓解肛周湿疹患者的瘙痒。本研究为肛周湿疹的治疗提供参考。\n"
    )
    found = terms(extract_keywords(article_of(text), segmenter, top=10))
    assert any("肛周湿疹" in t for t in found), found
    assert any("苦参" in t for t in found), found
    for word in ("研究", "对照组", "患者", "疗效", "结果表明"):
        assert word not in found, (word, found)


def test_a_character_the_hmm_left_off_a_guessed_name_goes_back_to_it(segmenter: Segmenter) -> None:
    # the HMM guesses 金岭国 | 小 and 丑 | 澳湾: the names are the school and the bay, said whole each time
    body = (
        "金岭国小的学生今天游过丑澳湾。\n\n"
        "金岭国小校长说，学生练习了半年，丑澳湾的海流很强。\n\n"
        "金岭国小每年都办这项活动，丑澳湾的渔民也来加油。\n\n"
        "家长说，孩子从金岭国小毕业前能游过丑澳湾，很骄傲。"
    )
    found = extract_keywords(article_of(body, title="小学生游过海湾"), segmenter, top=10)
    assert {"金岭国小", "丑澳湾"} <= set(terms(found))
    assert not {"金岭国", "澳湾"} & set(terms(found))
    doc = _Doc.build(article_of(body, title="标题"), segmenter, DEFAULT_POS, True)
    # without the segmenter to ask what the left-off character is, the cut stands
    assert "金岭国" not in _recurring_spans(doc, "".join(doc.tokens), ["金岭国"])


def test_the_words_of_a_whole_the_segmenter_never_made_are_its_mentions(segmenter: Segmenter) -> None:
    # 金岭国 | 小 made one tag: 金岭国, said only inside it, is covered by it; 学生, said apart too, is not
    body = (
        "金岭国小的学生今天游过海湾。\n\n金岭国小校长说，学生练习了半年。\n\n"
        "金岭国小每年都办这项活动，学生很多。"
    )
    doc = _Doc.build(article_of(body, title="标题"), segmenter, DEFAULT_POS, True)
    assert _inner_words(doc, "金岭国小") == ["金岭国"]
    assert _inner_words(doc, "国小的学生") == []  # 学生 is said apart too


def test_two_tags_side_by_side_one_never_said_apart_are_one_tag(segmenter: Segmenter) -> None:
    # 金岭国小 (a recurring string) and 游泳队 are cut apart where no phrase forms; 游泳队 is said only
    # after the school: the team is the tag, and the school, said alone too, stays one
    body = (
        "金岭国小的学生今天游过海湾。\n\n金岭国小游泳队教练说，学生练习了半年。\n\n"
        "金岭国小每年都办这项活动，金岭国小游泳队去年也拿了冠军。\n\n金岭国小游泳队的队员很骄傲。"
    )
    found = extract_keywords(article_of(body, title="小学生游过海湾"), segmenter, top=10)
    assert {"金岭国小", "金岭国小游泳队"} <= set(terms(found))
    assert "游泳队" not in terms(found)
    assert next(k.count for k in found if k.term == "金岭国小游泳队") == 3


def test_a_numbered_set_term_said_as_a_unit_is_a_tag_and_counts_are_not(segmenter: Segmenter) -> None:
    # 一站两单 (a made-up policy: one station, two forms) is cut into numbers by the segmenter; said as
    # one unit three times it is the tag. Counts (三名, 两天) and two counts side by side (两港两区) are not.
    body = (
        "本市推行一站两单改革，企业反映一站两单省时省力。\n\n"
        "三名窗口人员介绍，一站两单实施两天后，办件量明显上升。\n\n"
        "两港两区建设同步推进，两港两区联动发展，两港两区规划已获批复。"
    )
    found = terms(extract_keywords(article_of(body, title="窗口改革见成效"), segmenter, top=10))
    assert "一站两单" in found
    for term in found:
        assert term not in ("三名", "两天", "两港两区", "三名窗口"), term


def test_a_numbered_set_term_said_once_or_twice_is_left_alone(segmenter: Segmenter) -> None:
    body = "本市推行一站两单改革，企业反映一站两单省时省力。\n\n窗口人员介绍，办件量明显上升。"
    tokens, _, joined = _numbered_set_terms(segmenter.cut(body), [], body)
    assert joined == set()
    assert "".join(tokens) == body
