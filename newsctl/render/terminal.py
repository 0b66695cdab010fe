"""The terminal: rich tables fitted to the console width, dropping the least
useful column when narrow; and the progress bar on stderr."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TextIO

from rich.cells import cell_len

from newsctl.render.model import Bar, Block, Column, Heading, Section, Snippet, Styled
from newsctl.render.report import Report, ReportRenderer
from newsctl.render.text import bar, crop, plain, trim, visible

# rich's console, table and text modules cost ~50 ms to import: JSON output never needs them.
if TYPE_CHECKING:
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text


def cell(value: Any, style: str = "") -> Text:
    from rich.text import Text

    return Text(visible("" if value is None else str(value)), style=style)


class TerminalBackend:
    """rich tables fitted to the console width. Colour and box characters only on a
    terminal; every cell is a `Text`, so article text is never read as markup."""

    STYLES = {"key": "bold", "dim": "dim", "bar": "cyan", "error": "red", "warning": "yellow", "ok": "green"}

    def __init__(self, console: Console, box_style: box.Box | None = None) -> None:
        self.console = console
        self.box_style = box_style

    def start(self, command: str) -> None:
        from rich import box

        if self.box_style is None:
            self.box_style = box.SIMPLE_HEAD if self.console.is_terminal else box.ASCII2

    def end_document(self) -> None:
        self.console.print()

    def finish(self) -> None:
        pass

    def block(self, block: Block) -> None:
        if isinstance(block, Heading):
            self.heading(block)
        else:
            self.section(block)

    def heading(self, heading: Heading) -> None:
        from rich.rule import Rule
        from rich.text import Text

        text = Text(" · ".join(visible(p) for p in [heading.name, *heading.details]), style="bold")
        characters = "─" if self.console.is_terminal else "="
        self.console.print(Rule(text, characters=characters, align="left", style="dim"))

    def section(self, section: Section) -> None:
        from rich.text import Text

        title = Text(section.title, style="bold")
        if not section.rows:
            empty = Text(section.empty or "none", style=self.STYLES.get(section.empty_style, "dim"))
            self.console.print(title + Text(": ") + empty if section.name != "problems" else empty)
            return
        keep, widths = self.layout(section)
        labelled = any(g.label is not None for g in section.groups)
        if labelled:
            self.console.print(title)
            for group in section.groups:
                self.console.print(Text(visible(group.label or ""), style="bold magenta"))
                rows = [(self._cells(section, row, keep, widths), False) for row in group.rows]
                self._print_table(section, keep, widths, rows)
        else:
            rows = []
            for number, group in enumerate(section.groups):
                for index, row in enumerate(group.rows):
                    last = index == len(group.rows) - 1 and number < len(section.groups) - 1
                    rows.append((self._cells(section, row, keep, widths), last))
            self._print_table(section, keep, widths, rows, title=section.title)
        if section.note:
            self.console.print(Text(section.note, style="dim"))

    def _print_table(
        self,
        section: Section,
        keep: list[int],
        widths: dict[int, int],
        rows: list[tuple[list[Text | str], bool]],
        title: str | None = None,
    ) -> None:
        """The table as rich would draw it, drawn here when it fits the console: every
        column's width is already fixed, and rich's general table machinery (measuring,
        padding, cropping every cell) made the table views 4x slower than JSON."""
        if not self._draw(section, keep, widths, rows, title):
            from rich.text import Text

            table = self._table(section, keep, widths, title=title)
            for cells, end_section in rows:
                texts = [Text(cell) if isinstance(cell, str) else cell for cell in cells]
                table.add_row(*texts, end_section=end_section)
            self.console.print(table)

    def _draw(
        self,
        section: Section,
        keep: list[int],
        widths: dict[int, int],
        rows: list[tuple[list[Text | str], bool]],
        title: str | None,
    ) -> bool:
        """rich's Table with show_edge=False, pad_edge=False, padding (0, 1) and fixed
        column widths, line for line; False (nothing drawn) when it would not fit."""
        from rich.text import Text

        console = self.console
        count = len(keep)
        pads = [(0 if j == 0 else 1, 0 if j == count - 1 else 1) for j in range(count)]
        inner = [widths[i] for i in keep]
        outer = [width + left + right for width, (left, right) in zip(inner, pads)]
        table_width = sum(outer) + count - 1
        if table_width > console.width or self.box_style is None:
            return False
        box = self.box_style.substitute(console.options, safe=console.safe_box)
        show_header = not section.facts
        if not show_header:
            box = box.get_plain_headed_box()
        columns = [section.columns[i] for i in keep]
        styles = [self.STYLES.get(c.style, "") for c in columns]
        # Without colour only the characters matter: plain strings, written as they are.
        plain = console.color_system is None
        physical: list[tuple[list[Text | str], bool, bool]] = []  # cells, header row, end of section
        if show_header:
            physical.append(([c.name if plain else Text(c.name) for c in columns], True, False))
        physical += [(cells, False, end) for cells, end in rows]
        lines: list[Text | str] = []
        for number, (cells, header, end_section) in enumerate(physical):
            first, last = number == 0, number == len(physical) - 1
            rendered = [self._cell_lines(cell, inner[j], columns[j], plain) for j, cell in enumerate(cells)]
            height = max(len(r) for r in rendered)
            divider = box.head_vertical if first else box.foot_vertical if last else box.mid_vertical
            for line_number in range(height):
                pieces: list[Text | str] = []
                for j, cell_lines in enumerate(rendered):
                    # headers sit at the bottom of their row, cells at the top
                    at = line_number - (height - len(cell_lines)) if header else line_number
                    content = cell_lines[at] if 0 <= at < len(cell_lines) else " " * inner[j]
                    left, right = " " * pads[j][0], " " * pads[j][1]
                    if plain:
                        pieces.append(f"{left}{content}{right}")
                        continue
                    piece = Text(left, style="bold" if header else styles[j])
                    if isinstance(content, Text):
                        piece.append_text(content)
                    else:
                        piece.append(content)
                    piece.append(right)
                    pieces.append(piece)
                if plain:
                    lines.append(divider.join(str(piece) for piece in pieces))
                    continue
                line = Text(end="")
                for j, part in enumerate(pieces):
                    if j:
                        line.append(divider)
                    line.append(part)
                lines.append(line)
            if first and show_header:
                lines.append(box.get_row(outer, "head", edge=False))
            elif end_section and not last:
                lines.append(box.get_row(outer, "row", edge=False))
        if title is not None and plain and "\n" not in title and cell_len(title) <= table_width:
            console.file.write(title + " " * (table_width - cell_len(title)) + "\n")
        elif title is not None:
            console.print(Text(title, style="bold"), width=table_width, justify="left")
        if plain:
            console.file.write("".join(f"{line}\n" for line in lines))
        else:
            texts = [line if isinstance(line, Text) else Text(line) for line in lines]
            console.print(Text("\n").join(texts), no_wrap=True, overflow="ignore", crop=False)
        return True

    def _cell_lines(self, cell: Text | str, width: int, column: Column, plain: bool) -> list[Text | str]:
        """One cell's lines at `width` cells, as rich lays them out (wrapped, or cut
        with an ellipsis, and justified)."""
        from rich.text import Text

        right = column.align == "right"
        if isinstance(cell, str):
            if not column.wrap and "\n" not in cell and cell_len(cell) <= width:
                shown = cell.rstrip() if right else cell
                padding = " " * (width - cell_len(shown))
                return [padding + shown if right else shown + padding]
            cell = Text(cell)
        if not column.wrap and "\n" not in cell.plain and cell.cell_len <= width:
            # The common case, and rich's result for it: no wrapping, only justification.
            if right:
                cell = cell.copy()
                cell.rstrip()
            gap = width - cell.cell_len
            if plain:
                return [" " * gap + cell.plain if right else cell.plain + " " * gap]
            cell = cell.copy()
            if right:
                cell.pad_left(gap)
            else:
                cell.pad_right(gap)
            return [cell]
        wrapped = cell.wrap(
            self.console,
            width,
            justify="right" if right else "left",
            overflow="fold" if column.wrap else "ellipsis",
            no_wrap=not column.wrap,
        )
        out: list[Text | str] = []
        for line in wrapped:
            if line.cell_len < width:
                line.pad_right(width - line.cell_len)
            out.append(line.plain if plain else line)
        return out

    def _table(
        self, section: Section, keep: list[int], widths: dict[int, int], title: str | None = None
    ) -> Table:
        from rich.table import Table

        table = Table(
            box=self.box_style,
            title=title,
            title_justify="left",
            title_style="bold",
            show_edge=False,
            pad_edge=False,
            show_header=not section.facts,
            expand=False,
        )
        for i in keep:
            column = section.columns[i]
            table.add_column(
                column.name,
                justify="right" if column.align == "right" else "left",
                style=self.STYLES.get(column.style, ""),
                width=widths[i],
                no_wrap=not column.wrap,
                overflow="fold" if column.wrap else "ellipsis",
            )
        return table

    def layout(self, section: Section) -> tuple[list[int], dict[int, int]]:
        """Which columns to show and how wide: every column its natural width (capped),
        flexible ones what is left; when even their minimum does not fit, drop columns."""
        width = self.console.width
        natural = {i: self._natural(section, i) for i in range(len(section.columns))}
        keep = list(range(len(section.columns)))

        def need(cols: list[int]) -> int:
            total = sum(
                min(natural[i], section.columns[i].min_width) if section.columns[i].flex else natural[i]
                for i in cols
            )
            return total + 3 * (len(cols) - 1)

        while need(keep) > width:
            droppable = [i for i in keep if section.columns[i].drop]
            if not droppable:
                break
            keep.remove(max(droppable, key=lambda i: (section.columns[i].drop, i)))
        widths = {i: natural[i] for i in keep if not section.columns[i].flex}
        flex = [i for i in keep if section.columns[i].flex]
        left = width - sum(widths.values()) - 3 * (len(keep) - 1)
        for n, i in enumerate(flex):
            share = left // (len(flex) - n)
            widths[i] = max(1, min(natural[i], max(share, section.columns[i].min_width)))
            left -= widths[i]
        return keep, widths

    def _natural(self, section: Section, index: int) -> int:
        column = section.columns[index]
        widest = 0 if section.facts else cell_len(column.name)
        for row in section.rows:
            value = row[index]
            if isinstance(value, Bar):
                widest = max(widest, column.max_width or 12)
            else:
                widest = max(widest, cell_len(visible(plain(value))))
        if column.max_width is not None and not column.flex:
            widest = min(widest, column.max_width)
        if column.flex and column.max_width is not None:
            widest = min(widest, column.max_width)
        return max(widest, 1)

    def _cells(
        self, section: Section, row: list[Any], keep: list[int], widths: dict[int, int]
    ) -> list[Text | str]:
        """A row's cells: rich Texts with their styles, or, without colour, plain strings."""
        from rich.text import Text

        out: list[Text | str] = []
        if self.console.color_system is None:
            for i in keep:
                value = row[i]
                if isinstance(value, Bar):
                    out.append(bar(value.fraction, widths[i]))
                elif isinstance(value, Snippet):
                    out.append(visible("".join(crop(value, widths[i]))))
                elif isinstance(value, Styled):
                    out.append(visible(value.text))
                else:
                    shown = visible(plain(value))
                    out.append(shown if section.columns[i].wrap else trim(shown, widths[i]))
            return out
        for i in keep:
            value = row[i]
            if isinstance(value, Bar):
                out.append(Text(bar(value.fraction, widths[i]), style=self.STYLES["bar"]))
            elif isinstance(value, Snippet):
                before, mention, after = crop(value, widths[i])
                text = Text(visible(before))
                text.append(visible(mention), style="bold underline")
                text.append(visible(after))
                out.append(text)
            elif isinstance(value, Styled):
                out.append(Text(visible(value.text), style=self.STYLES.get(value.style, "")))
            else:
                shown = visible(plain(value))
                out.append(Text(shown if section.columns[i].wrap else trim(shown, widths[i])))
        return out


class TableRenderer(ReportRenderer):
    """The terminal report of a command."""

    def __init__(
        self, console: Console, command: str, top: int = 10, chart: bool = False, group: bool = False
    ) -> None:
        report = Report(command, top=top, chart=chart, group=group, compact=True)
        super().__init__(report, TerminalBackend(console))


class Progress:
    """Documents done, docs/s and (when the total is known) ETA, on stderr.

    Only used when stderr is a terminal and stdout is not (the output goes to a
    file or a pipe), so it never mixes with tables or lands in a pipeline."""

    def __init__(self, stream: TextIO, total: int | None) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            SpinnerColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )
        from rich.progress import Progress as RichProgress

        columns = [SpinnerColumn(), TextColumn("analysing")]
        if total:
            columns += [BarColumn(), MofNCompleteColumn(), TimeRemainingColumn()]
        else:
            columns += [TextColumn("{task.completed} docs")]
        columns += [TextColumn("{task.fields[rate]} docs/s"), TimeElapsedColumn()]
        self._progress = RichProgress(*columns, console=Console(file=stream), transient=True)
        self._task = self._progress.add_task("analyse", total=total, rate="-")

    def __enter__(self) -> Progress:
        self._progress.start()
        return self

    def advance(self) -> None:
        task = self._progress.tasks[0]
        speed = task.speed
        self._progress.update(self._task, advance=1, rate=f"{speed:.1f}" if speed else "-")

    def __exit__(self, *exc: object) -> None:
        self._progress.stop()


class BlocksRenderer:
    """`clean --blocks`: each article's blocks as a table of kind | text, boilerplate dimmed."""

    def __init__(self, console: Console) -> None:
        self.console = console

    def start(self) -> None:
        pass

    def document(self, doc: Any) -> None:
        from rich.table import Table

        from newsctl.blocks import CONTENT_KINDS

        if doc.error is not None or doc.blocks is None:
            return
        table = Table(title=visible(doc.id), show_lines=False, expand=False)
        table.add_column("kind", no_wrap=True)
        table.add_column("text")
        for block in doc.blocks:
            style = "" if block.kind in CONTENT_KINDS else "dim"
            table.add_row(cell(block.kind, style), cell(block.text or "", style))
        self.console.print(table)

    def finish(self) -> None:
        pass
