"""Outside text on screen: always literal, never markup, and never a raw control character."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from quiz.safety.terminal import visible

if TYPE_CHECKING:  # the menu paints before the models are imported
    from quiz.model.common import Source


def plain(text: str, style: str = "") -> Text:
    """Outside text as a Text object, so `[bold]` or `[@click=...]` shows as typed and an
    escape sequence shows as `\\x1b[...` instead of reaching the terminal."""
    return Text(visible(text), style=style)


def joined(*parts: tuple[str, str] | str) -> Text:
    """Several pieces, each either plain text or (text, style), as one literal Text."""
    result = Text()
    for part in parts:
        if isinstance(part, tuple):
            result.append(visible(part[0]), style=part[1])
        elif isinstance(part, Text):
            result.append(part)
        else:
            result.append(visible(part))
    return result


def citation(source: Source) -> Text:
    """Outlet, title, date and author, as one line."""
    return joined((source.outlet, "bold"), ", “", (source.title, "italic"), "”, ",
                  source.date, f", by {source.author}" if source.author else "")


class PlainNotifications:
    """An App mixin: every notification is plain text, whoever calls `notify` and with
    whatever text (a file name, a history row, a server's message). Markup in such text
    used to kill the app; a control character would reach the terminal."""

    def notify(self, message: str, *, title: str = "", severity="information",
               timeout: float | None = None, markup: bool = False) -> None:
        super().notify(visible(str(message)), title=visible(str(title)),  # type: ignore[misc]
                       severity=severity, timeout=timeout, markup=False)


def hanging(prefix: Text | str, body, *, prefix_style: str = ""):
    """`prefix` then `body` (text or any renderable), with the body's wrapped lines
    indented under its first line."""
    from rich.table import Table

    grid = Table.grid(padding=0)
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row(prefix if isinstance(prefix, Text) else Text(prefix, style=prefix_style),
                 plain(body) if isinstance(body, str) else body)
    return grid
