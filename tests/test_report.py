"""The human report: terminal tables at 80 and 140 columns, Markdown and HTML.

Terminal output is checked the way a reader would: nothing wider than the
terminal, columns that line up with Chinese text, numbers flush right, one
header line per article. Markdown is parsed with markdown-it (a rich
dependency) and HTML with html.parser; when Chromium is installed the HTML
page is also rendered headless and its visible text checked.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from newsctl.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SEED = "seeds/000_1af901b8fa6e4dc4.txt"
FIXTURES = "tests/fixtures/articles"
REPORT_COMMANDS = ["summary", "keywords", "timeline", "figures", "analyze"]
HOSTILE = (
    "本报讯（记者 王某）市里今天发布通知，拨款4万元|*加粗*|_斜体_ [链接](javascript:alert(1)) "
    '<script>alert("x")</script><img src=x onerror="document.body.innerHTML=\'PWNED\'"> `代码` $x$ &amp; '
    "# 标题 ~~删~~，2019年5月共有300多人参加。\n"
    "第二段说，去年增长了12%，今年计划投入2亿元。\n"
)


@pytest.fixture(autouse=True)
def _at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def run(*args: str, columns: int = 100, ok: tuple[int, ...] = (0,)) -> str:
    environment = {"COLUMNS": str(columns), "NO_COLOR": None, "FORCE_COLOR": None}
    result = CliRunner(env=environment).invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code in ok, result.stderr
    return result.stdout


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    return path


# ---------------------------------------------------------------------------
# terminal


@pytest.mark.parametrize("columns", [80, 140])
@pytest.mark.parametrize("command", [*REPORT_COMMANDS, "check"])
def test_no_line_is_wider_than_the_terminal(command: str, columns: int) -> None:
    extra = {"timeline": ["--chart"], "figures": ["--group"], "analyze": ["--chart"]}.get(command, [])
    output = run(command, SEED, FIXTURES, *extra, columns=columns, ok=(0, 1))
    widest = max(output.splitlines(), key=cell_len)
    assert cell_len(widest) <= columns, widest


def _tables(output: str) -> list[list[str]]:
    """Runs of consecutive ASCII table rows (` | ` separated), one list per table."""
    tables: list[list[str]] = []
    current: list[str] = []
    for line in output.splitlines():
        if " | " in line or re.fullmatch(r"[-+]+", line):
            current.append(line)
        elif current:
            tables.append(current)
            current = []
    if current:
        tables.append(current)
    return tables


def _separators(line: str) -> list[int]:
    """Cell offsets of the column separators, counting Chinese as two cells."""
    if re.fullmatch(r"[-+]+", line):
        return [i for i, ch in enumerate(line) if ch == "+"]
    return [cell_len(line[: m.start() + 1]) for m in re.finditer(r" \| ", line)]


@pytest.mark.parametrize("columns", [80, 140])
def test_columns_line_up_with_chinese_text(columns: int) -> None:
    output = run("analyze", SEED, columns=columns)
    tables = _tables(output)
    assert len(tables) >= 5
    for table in tables:
        positions = {tuple(_separators(line)) for line in table}
        assert len(positions) == 1, "\n".join(table)


def test_numbers_are_right_aligned() -> None:
    output = run("figures", SEED, columns=100)
    (table,) = _tables(output)
    header = table[0].split(" | ")
    value = header.index(" value") if " value" in header else [h.strip() for h in header].index("value")
    cells = [row.split(" | ")[value] for row in table[2:]]
    assert all(c == c.rstrip() and c.strip() for c in cells)
    assert len({cell_len(c) for c in cells}) == 1
    assert any(c.startswith(" ") for c in cells)


def test_a_header_line_per_article() -> None:
    output = run("figures", SEED, f"{FIXTURES}/xinhua_wire.txt", columns=100)
    headers = [line for line in output.splitlines() if line.startswith(("seeds/", "tests/"))]
    assert len(headers) == 2
    # The seed is a Traditional page: its source as printed (contract 1.2), not 齐鲁网.
    assert "齊魯網" in headers[0] and "2020-05-20 11:09:05+08:00" in headers[0]
    assert "xinhua_wire.txt" in headers[1] and "新华社" in headers[1]


def test_figures_leave_out_the_context_when_narrow() -> None:
    narrow = run("figures", SEED, columns=80)
    wide = run("figures", SEED, columns=140)
    assert "context" not in narrow and "counted" in narrow
    assert "context" in wide
    for row in _tables(wide)[0][2:]:
        figure, *_, context = (c.strip() for c in row.split(" | "))
        assert figure in context  # the mention stays in view when the sentence is cut


def test_long_sentences_wrap_or_end_in_an_ellipsis() -> None:
    output = run("analyze", SEED, columns=80)
    assert "…" in output  # events and context trimmed
    summary = output[output.index("summary") : output.index("keywords")]
    assert summary.count("\n") > 6  # the lead sentence wraps over more lines


def test_approximations_are_signed_with_a_legend() -> None:
    output = run("figures", SEED, columns=100)
    assert re.search(r"\| +>320 \|", output)
    assert "> more than" in output


def test_group_gives_a_sub_table_per_kind_in_contract_order() -> None:
    output = run("figures", SEED, "--group", columns=100)
    labels = re.findall(r"^([a-z]+) \((\d+)\)$", output, re.M)
    kinds = [kind for kind, _ in labels]
    assert kinds == ["money", "percent", "count", "age", "measure", "anniversary"]
    assert sum(int(n) for _, n in labels) == 27
    assert " kind " not in output
    money = output[output.index("money (1)") : output.index("percent (2)")]
    assert "4萬元" in money and "40,000" in money


def test_timeline_is_chronological_with_a_chart_of_every_period() -> None:
    output = run("timeline", SEED, FIXTURES, "--chart", columns=140)
    (dated, *_) = _tables(output)
    years = [row.split(" | ")[0].strip()[:4] for row in dated[2:] if not set(row) <= set("-+")]
    years = [y for y in years if y.isdigit()]
    assert years == sorted(years) and len(years) > 50
    assert " | file" in dated[0] or "| file" in dated[0]
    chart = output[output.index("events per year") :]
    rows = re.findall(r"^(\d{4}) \|", chart, re.M)
    assert rows == [str(y) for y in range(int(rows[0]), int(rows[-1]) + 1)]  # gaps included


def test_one_article_timeline_chart_is_by_month() -> None:
    output = run("timeline", SEED, "--chart", columns=100)
    assert output.splitlines()[0].startswith(SEED)
    chart = output[output.index("events per month") :]
    assert re.search(r"^2019-05 \| +\|", chart, re.M)  # an empty month keeps its row
    assert "2019-04 |      1 | █" in chart


def test_analyze_report_has_every_part() -> None:
    output = run("analyze", SEED, "--chart", columns=100)
    for title in ("metadata", "summary", "keywords", "timeline", "events per month", "figures (27)"):
        assert re.search(rf"^{re.escape(title)}", output, re.M), title
    assert "劉晨、馮振弘" in output  # the reporters as the Traditional seed prints them (contract 1.2)


def test_hostile_text_stays_literal_in_the_terminal(hostile: Path) -> None:
    output = run("analyze", str(hostile), columns=140)
    assert "<script>" in output and "[链接](javascript:alert(1))" in output


# ---------------------------------------------------------------------------
# markdown


def _markdown_html(text: str) -> str:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table").enable("strikethrough").render(text)


def test_markdown_report_has_the_same_sections() -> None:
    text = run("analyze", SEED, "-f", "markdown", "--group")
    assert text.startswith("# newsctl analyze\n")
    assert f"## {SEED}\n" in text
    for heading in ("metadata", "summary", "keywords", "timeline", "figures (27) by kind"):
        assert f"\n### {heading}\n" in text, heading
    assert "\n#### money (1)\n" in text
    rendered = _markdown_html(text)
    assert rendered.count("<table>") >= 8
    assert "<code>4萬元</code>" in rendered  # the figure highlighted in its context


def test_markdown_tables_keep_their_shape() -> None:
    text = run("figures", SEED, "-f", "markdown")
    rows = [line for line in text.splitlines() if line.startswith("| ")]
    cells = {len(re.findall(r"(?<!\\)\|", row)) for row in rows}
    assert cells == {8}  # 7 columns, every row


def test_markdown_escapes_article_text(hostile: Path) -> None:
    text = run("analyze", str(hostile), "-f", "markdown")
    rendered = _markdown_html(text)
    assert "<script>" not in rendered and "<img" not in rendered
    assert "<a " not in rendered and "<em>" not in rendered and "<s>" not in rendered
    assert "&lt;script&gt;" in rendered
    assert "[链接](javascript:alert(1))" in rendered
    for table in re.findall(r"<table>.*?</table>", rendered, re.S):
        widths = {row.count("<td") + row.count("<th") for row in re.findall(r"<tr>.*?</tr>", table, re.S)}
        assert len(widths) == 1


@pytest.mark.parametrize("command", ["clean", "check"])
def test_markdown_and_html_are_for_the_analysing_commands(command: str) -> None:
    for fmt in ("markdown", "html"):
        result = CliRunner().invoke(cli, [command, SEED, "-f", fmt])
        assert result.exit_code == 2
        assert "try -f json" in result.stderr


# ---------------------------------------------------------------------------
# html


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in ("meta", "br", "img", "link", "input"):
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1:]}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1] not in ("style", "title"):
            self.text.append(data)


def _parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    assert parser.stack == []
    return parser


def test_html_report_is_self_contained_and_well_formed() -> None:
    page = run("analyze", SEED, "-f", "html", "--group")
    parsed = _parse(page)
    names = [tag for tag, _ in parsed.tags]
    assert page.startswith("<!DOCTYPE html>")
    assert not {"script", "link", "img", "iframe", "object", "embed"} & set(names)
    for _, attrs in parsed.tags:
        assert not {"src", "href", "srcset", "action"} & set(attrs)
        assert not any(a.startswith("on") for a in attrs)
    csp = [a["content"] for t, a in parsed.tags if t == "meta" and a.get("http-equiv")]
    assert csp == ["default-src 'none'; style-src 'unsafe-inline'"]
    assert "url(" not in page and "@import" not in page
    text = "".join(parsed.text)
    for needle in ("齊魯網", "辦公廳", "events per month", "money (1)", "4萬元", "40,000"):
        assert needle in text
    bars = [a["style"] for t, a in parsed.tags if t == "span" and a.get("style")]
    assert "width: 100.0%" in bars and len(bars) >= 10
    assert names.count("mark") == 27  # every figure highlighted in its sentence


def test_html_escapes_article_text(hostile: Path) -> None:
    page = run("analyze", str(hostile), "-f", "html")
    parsed = _parse(page)
    assert not {"script", "img", "a"} & {tag for tag, _ in parsed.tags}
    text = "".join(parsed.text)
    assert '<script>alert("x")</script>' in text
    assert "<img src=x onerror=" in text


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def _visible_text(page: str) -> str:
    """The report's text as Chromium lays it out (innerText: what is visible),
    read by a harness page from the report in an iframe (its CSP allows no script)."""
    assert CHROMIUM is not None
    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, "report.html").write_text(page, encoding="utf-8")
        Path(tmp, "harness.html").write_text(
            '<!DOCTYPE html><html><body><pre id="visible"></pre>'
            '<iframe id="f" src="report.html" style="width:1200px;height:900px"></iframe><script>'
            'document.getElementById("f").addEventListener("load", function () {'
            " var d = this.contentDocument;"
            ' document.getElementById("visible").textContent = d ? d.body.innerText : "NO ACCESS"; });'
            "</script></body></html>",
            encoding="utf-8",
        )
        profile = Path(tmp, "profile")
        proc = subprocess.run(
            [
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                f"--user-data-dir={profile}",
                "--allow-file-access-from-files",
                "--dump-dom",
                Path(tmp, "harness.html").as_uri(),
            ],
            capture_output=True,
            timeout=120,
            check=True,
        )
    dom = proc.stdout.decode("utf-8")
    match = re.search(r'<pre id="visible">(.*?)</pre>', dom, re.S)
    assert match, dom[:500]
    import html

    return html.unescape(match.group(1))


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
def test_html_report_renders_in_chromium(hostile: Path) -> None:
    page = run("analyze", SEED, str(hostile), "-f", "html", "--group")
    visible = _visible_text(page)
    assert visible != "NO ACCESS"
    for needle in (
        "newsctl analyze",
        f"{SEED}",
        "齊魯網 · 2020-05-20 11:09:05+08:00",
        "keywords",
        "辦公廳",
        "events per month",
        "money (1)",
        "4萬元",
        "40,000",
        "特殊党费",
        '<script>alert("x")</script>',
        "<img src=x onerror=",
    ):
        assert needle in visible, needle
    assert "onerror=\"document.body.innerHTML='PWNED'\">" in visible  # shown, not run
    assert "border-collapse" not in visible  # the stylesheet is not shown as text
    # table cells are laid out as cells: a figure row reads across in one line
    assert re.search(r"4萬元\t40,000\t\t元 \(CNY\)\t特殊党费\t", visible)


# ---------------------------------------------------------------------------
# any text, any width


@settings(max_examples=60, deadline=None)
@given(
    words=st.lists(st.text(min_size=1, max_size=30), min_size=1, max_size=6),
    width=st.integers(min_value=60, max_value=200),
    fmt=st.sampled_from(["table", "markdown", "html"]),
)
def test_any_text_renders_within_the_width(words: list[str], width: int, fmt: str) -> None:
    import io

    from rich.console import Console

    from newsctl.records import Document, Figure, Keyword, Metadata, Stats, SummarySentence, TimeEntry
    from newsctl.render import make_renderer

    sentence = "".join(words)
    doc = Document(
        id=words[0],
        path=words[0],
        metadata=Metadata(title=words[-1], source=words[0], reporters=tuple(words)),
        stats=Stats(len(sentence), 1, 1),
        summary=[SummarySentence(sentence, (0, len(sentence)), 0, 1.0)],
        keywords=[Keyword(w, 1.0 / (i + 1), i, None) for i, w in enumerate(words)],
        timeline=[
            TimeEntry(
                w,
                (0, 1),
                "date",
                "2019",
                "2019-01-01T00:00:00",
                "2020-01-01T00:00:00",
                "year",
                None,
                "absolute",
                sentence,
                0,
            )
            for w in words
        ],
        figures=[Figure(w, (0, 1), 3, None, "about", w, None, "count", w, 0) for w in words],
        sentence_texts=[sentence],
    )
    out = io.StringIO()
    console = Console(file=out, width=width, no_color=True, color_system=None, markup=False)
    renderer = make_renderer(fmt, "analyze", {}, out, console, top=5, chart=True, group=True)
    renderer.start()
    renderer.document(doc)
    renderer.finish()
    text = out.getvalue()
    assert not any(ch in text for ch in "\x1b\x9b\x07")
    if fmt == "table":
        assert max(cell_len(line) for line in text.splitlines()) <= width
    if fmt == "html":
        _parse(text)


# ---------------------------------------------------------------------------
# the terminal's own table drawing equals rich's Table


@pytest.mark.parametrize("columns", [60, 100, 140])
@pytest.mark.parametrize(
    ("command", "extra"),
    [("analyze", ["--chart", "--group"]), ("figures", []), ("timeline", ["--chart"]), ("check", [])],
)
@pytest.mark.parametrize("env", [{}, {"FORCE_COLOR": "1", "NO_COLOR": "1"}, {"FORCE_COLOR": "1"}])
def test_tables_are_drawn_as_rich_draws_them(
    monkeypatch: pytest.MonkeyPatch, command: str, extra: list[str], columns: int, env: dict[str, str]
) -> None:
    from newsctl.render.terminal import TerminalBackend

    environment = {"COLUMNS": str(columns), "NO_COLOR": None, "FORCE_COLOR": None, **env}

    def output() -> str:
        result = CliRunner(env=environment).invoke(cli, [command, SEED, FIXTURES, *extra])
        assert result.exit_code in (0, 1), result.stderr
        return result.stdout

    drawn = output()
    monkeypatch.setattr(TerminalBackend, "_draw", lambda *_: False)
    by_rich = output()
    ansi = re.compile(r"\x1b\[[0-9;]*m")
    assert ansi.sub("", drawn) == ansi.sub("", by_rich)
    if "FORCE_COLOR" not in env or "NO_COLOR" in env:
        assert drawn == by_rich
