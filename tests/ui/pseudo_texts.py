"""What a widget shows a user, for pseudo-locale checks (issue 14, "Words are translatable").

Under the ``pseudo`` fixture every translated message reads ``⟦…⟧``; these helpers collect
the words a screen shows or says and name those that are not wrapped::

    def test_my_screen_is_translatable(pseudo, qtbot):
        screen = MyScreen(...)
        assert unwrapped(screen) == []
        assert wrapped_share(screen) >= 0.97
        assert wrapped_twice(screen) == []

Collected, for the widget and every child visible with it: a label's or a button's text, a
window title, an accessible name and description, a tooltip, a placeholder and a table's
column headers. Texts without a letter (numbers, "0:00", "—") do not count. ``data`` names
what a user (or a plan file) entered: a text made only of those, bullets and punctuation
does not count either.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QWidget,
)

from stenosis_coach.i18n import is_pseudo_wrapped

_TAG = re.compile(r"<[^>]+>")


def _plain(text: str) -> str:
    """A rich-text label's words, without its markup."""
    return html.unescape(_TAG.sub(" ", text)).replace("\xa0", " ")


def _label_text(widget: QLabel) -> str:
    text = widget.text()
    rich = widget.textFormat() == Qt.TextFormat.RichText or (
        widget.textFormat() == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text)
    )
    return _plain(text) if rich else text


def _headers(view: QAbstractItemView) -> list[str]:
    model = view.model()
    if model is None or isinstance(view, QListView):  # a list has no column headers
        return []
    texts = []
    for column in range(model.columnCount()):
        if getattr(view, "isColumnHidden", lambda _c: False)(column):
            continue
        header = model.headerData(column, Qt.Orientation.Horizontal)
        if header is not None:
            texts.append(str(header))
    return texts


def _shown_with(widget: QWidget, root: QWidget) -> bool:
    return widget is root or widget.isVisibleTo(root)


def visible_texts(widget: QWidget) -> list[str]:
    """Every text ``widget`` shows or says (see the module's docstring), in widget order."""
    texts: list[str] = []
    for item in [widget, *widget.findChildren(QWidget)]:
        if not _shown_with(item, widget):
            continue
        if item.isWindow():
            texts.append(item.windowTitle())
        if isinstance(item, QLabel):
            texts.append(_label_text(item))
        elif isinstance(item, QAbstractButton):
            texts.append(item.text())
        elif isinstance(item, QLineEdit):
            texts.append(item.placeholderText())
        if isinstance(item, QAbstractItemView) and not isinstance(item, QHeaderView):
            texts.extend(_headers(item))
        texts.extend((item.accessibleName(), item.accessibleDescription(), item.toolTip()))
    return [text for text in texts if text.strip()]


def _has_letters(text: str) -> bool:
    return any(char.isalpha() for char in text)


def _counted(texts: Iterable[str], data: Iterable[str]) -> list[str]:
    entered = sorted((d for d in data if d), key=len, reverse=True)
    counted = []
    for text in texts:
        rest = text
        for item in entered:
            rest = rest.replace(item, "")
        if _has_letters(rest):
            counted.append(text)
    return counted


def unwrapped(widget: QWidget, data: Iterable[str] = ()) -> list[str]:
    """The texts with letters ``widget`` shows or says that are not a translated message
    (under the pseudo-locale: not wrapped in ``⟦…⟧``)."""
    return [t for t in _counted(visible_texts(widget), data) if not is_pseudo_wrapped(t)]


_TWICE = re.compile("\u27e6\u27e6[^\u27e6\u27e7]*\u27e7\u27e7")


def wrapped_twice(widget: QWidget) -> list[str]:
    """Texts holding a message translated twice (``⟦⟦Save⟧⟧``: ``_()`` applied to words
    already translated)."""
    return [text for text in visible_texts(widget) if _TWICE.search(text)]


def wrapped_share(widget: QWidget, data: Iterable[str] = ()) -> float:
    """The share (0 to 1) of ``widget``'s texts with letters that are wrapped."""
    counted = _counted(visible_texts(widget), data)
    if not counted:
        return 1.0
    return sum(1 for t in counted if is_pseudo_wrapped(t)) / len(counted)
