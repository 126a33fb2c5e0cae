"""Small building blocks shared by pages: titled cards, labels with a role, big buttons."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from stenosis_coach.core.words import spoken_text
from stenosis_coach.i18n import _, is_pseudo_wrapped, translated_elsewhere
from stenosis_coach.resources import resource_path
from stenosis_coach.ui.theme import set_kind, set_role

SPACING = 8  # the 8 px grid of shared/UI.md


def label(text: str, role: str | None = None, *, wrap: bool = True) -> QLabel:
    widget = QLabel(text)
    widget.setWordWrap(wrap)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    if role:
        set_role(widget, role)
    return widget


class TimerLabel(QLabel):
    """A big timer or countdown (``coach-timer``, ``key-number``): as tall as its digits
    rather than the font's whole line, which is a third taller and empty above and below
    digits, so a short window keeps that height for the words beside it; and always as
    wide as ``widest``, so the layout does not jump when the time gains a digit."""

    def __init__(self, text: str, role: str, widest: str = "00:00") -> None:
        super().__init__(text)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._widest = widest
        set_role(self, role)

    def _trimmed(self, size: QSize) -> QSize:
        metrics = self.fontMetrics()
        # Digits stand on the baseline and reach the cap height; their middle is the
        # middle of the font's line, so a centred line shows them whole in this height.
        tall = metrics.capHeight() + metrics.descent() + 2 * self.margin()
        wide = max(size.width(), metrics.horizontalAdvance(self._widest) + 2 * self.margin())
        return QSize(wide, min(size.height(), tall))

    def sizeHint(self) -> QSize:
        return self._trimmed(super().sizeHint())

    def minimumSizeHint(self) -> QSize:
        return self._trimmed(super().minimumSizeHint())


def key_text(keys: str) -> str:
    """A key or a key combination given as Qt names it in English (``"Space"``,
    ``"Ctrl+Z"``, ``"Del"``, ``"←"``) said as the user's language does, from Qt's own
    translations: ``"Leertaste"``, ``"Strg+Z"``, ``"Entf"`` in German; English unchanged.
    The one place a key's name is put into words. Words that are not such a name (a key
    already translated by our catalogue, ``pgettext("key", ...)``) are kept as they are."""
    if is_pseudo_wrapped(keys):
        return keys
    portable = QKeySequence.SequenceFormat.PortableText
    sequence = QKeySequence.fromString(keys, portable)
    if sequence.isEmpty() or sequence.toString(portable).casefold() != keys.casefold():
        return keys
    return translated_elsewhere(sequence.toString(QKeySequence.SequenceFormat.NativeText))


def with_shortcut(text: str, shortcut_hint: str) -> str:
    """``text`` (translated) with its key beside it, as a button shows it (UI.md: shortcuts
    shown): ``"Pause   (Space)"``; the key is said by :func:`key_text`. The layout is one
    message, so a language may use other brackets or put the key first."""
    # Translators: layout only: a button's words, then the key that does the same, as the
    # button shows them ("Pause   (Space)"). Change the brackets, spacing or order as your
    # language writes it; keep both {text} and {key}.
    return _("{text}   ({key})").format(text=text, key=key_text(shortcut_hint))


def button(
    text: str,
    accessible_name: str | None = None,
    kind: str | None = None,
    shortcut_hint: str | None = None,
) -> QPushButton:
    """A large button. ``shortcut_hint`` is shown beside the text (UI.md: shortcuts shown)."""
    shown = with_shortcut(text, shortcut_hint) if shortcut_hint else text
    widget = QPushButton(shown)
    widget.setAccessibleName(spoken_text(accessible_name or text))  # durations in words
    widget.setCursor(Qt.CursorShape.PointingHandCursor)
    if kind:
        set_kind(widget, kind)
    return widget


class PageBase(QWidget):
    """A page or full-window screen: a column on the 8 px grid, headed by a page title.

    With ``pinned_actions`` (the screens of a flow: a check, a coach, a form) the page
    has two parts: :attr:`column`, which scrolls when extra-large text makes it taller
    than the window, and :attr:`actions` below it, which never scrolls, so the buttons
    that end or steer the screen are always in view. Add rows with :meth:`pin`."""

    def __init__(
        self, title: str = "", margin: tuple[int, int] = (4, 4), *, pinned_actions: bool = False
    ) -> None:
        super().__init__()
        self.setObjectName("page")
        side, top = margin[0] * SPACING, margin[1] * SPACING
        self.actions: QVBoxLayout | None = None
        self.content_area: ContentArea | None = None
        if pinned_actions:
            body = QWidget()
            self.column = QVBoxLayout(body)
            self.column.setContentsMargins(side, top, side, 0)  # the bar has its own
            self.content_area = ContentArea(body)
            bar = QWidget()
            bar.setObjectName("pinnedActions")
            self.actions = QVBoxLayout(bar)
            # The pinned buttons sit close to the window's bottom edge: a short window
            # keeps its height for the content above them.
            self.actions.setContentsMargins(side, 2 * SPACING, side, min(top, 3 * SPACING))
            self.actions.setSpacing(2 * SPACING)
            outer = QVBoxLayout(self)
            outer.setContentsMargins(0, 0, 0, 0)
            outer.setSpacing(0)
            outer.addWidget(self.content_area, 1)
            outer.addWidget(bar)
            self._outer = outer
        else:
            self.column = QVBoxLayout(self)
            self.column.setContentsMargins(side, top, side, top)
        self.column.setSpacing(3 * SPACING)
        self.title = label(title, "page-title")
        self.column.addWidget(self.title)

    @property
    def scrolls_itself(self) -> bool:
        return self.actions is not None

    def give_spare_room_to_actions(self) -> None:
        """Height the content does not need goes to the pinned part (a coach's huge main
        button fills it) instead of empty space above the buttons."""
        self._outer.setStretch(0, 0)
        self._outer.setStretch(1, 1)

    def bring_into_view(self, *widgets: QWidget) -> None:
        """Scroll the content so that ``widgets`` show (a field and its message, which a
        pinned Save may have left out of sight), once the layout has settled."""
        if self.content_area is None:
            return
        area = self.content_area

        def scroll() -> None:
            for widget in widgets:  # the last one wins where they do not all fit
                area.show_whole(widget)

        QTimer.singleShot(0, area, scroll)

    def pin(self, *rows: QLayout | QWidget) -> None:
        """Put ``rows`` (a row of buttons, a button) in the bar that stays at the bottom."""
        assert self.actions is not None, "made without pinned_actions"
        for row in rows:
            if isinstance(row, QWidget):
                self.actions.addWidget(row)
            else:
                self.actions.addLayout(row)


def button_row(*buttons: QWidget, spacing: int = 2 * SPACING) -> QHBoxLayout:
    """Buttons side by side, left-aligned (reading order), 16 px apart."""
    row = QHBoxLayout()
    row.setSpacing(spacing)
    for widget in buttons:
        row.addWidget(widget)
    row.addStretch(1)
    return row


class ActionRow(QLayout):
    """Buttons side by side in reading order, left-aligned and 16 px apart, that go on to
    a second line when the window is too narrow for all of them at their full size (extra-
    large text at 1024 px): a button is never squeezed until its words are cut. Buttons
    added with ``apart=True`` stand apart at the right of the last line."""

    def __init__(self, *buttons: QWidget, spacing: int = 2 * SPACING) -> None:
        super().__init__()
        self._items: list[QLayoutItem] = []
        self._apart: QLayoutItem | None = None  # the first item that stands apart
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)
        for widget in buttons:
            self.addWidget(widget)

    def add_apart(self, widget: QWidget) -> None:
        self.addWidget(widget)
        if self._apart is None:
            self._apart = self._items[-1]

    # -- QLayout ----------------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        if not 0 <= index < len(self._items):
            return None
        item = self._items.pop(index)
        if item is self._apart:
            self._apart = self._items[index] if index < len(self._items) else None
        return item

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), move=False)

    def sizeHint(self) -> QSize:
        shown = self._shown()
        margins = self.contentsMargins()
        width = sum(i.sizeHint().width() for i in shown) + self.spacing() * max(0, len(shown) - 1)
        height = max((i.sizeHint().height() for i in shown), default=0)
        return QSize(width, height).grownBy(margins)

    def minimumSize(self) -> QSize:
        shown = self._shown()
        width = max((i.sizeHint().width() for i in shown), default=0)
        height = max((i.sizeHint().height() for i in shown), default=0)
        return QSize(width, height).grownBy(self.contentsMargins())

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]  # hidden buttons: none

    def _lines(self, width: int) -> list[list[QLayoutItem]]:
        lines: list[list[QLayoutItem]] = []
        used = 0
        for item in self._shown():
            wide = item.sizeHint().width()
            if lines and used + self.spacing() + wide <= width:
                lines[-1].append(item)
                used += self.spacing() + wide
            else:
                lines.append([item])
                used = wide
        return lines

    def _place(self, rect: QRect, *, move: bool) -> int:
        """Lay the buttons out in ``rect`` (when ``move``); the height they take."""
        margins = self.contentsMargins()
        area = rect.marginsRemoved(margins)
        gap, y = self.spacing(), area.y()
        lines = self._lines(area.width())
        for line in lines:
            tall = max(item.sizeHint().height() for item in line)
            x = area.x()
            for n, item in enumerate(line):
                hint = item.sizeHint()
                if item is self._apart:  # the rest of the line goes to the right edge
                    rest = sum(i.sizeHint().width() for i in line[n:]) + gap * (len(line) - n - 1)
                    x = max(x, area.right() + 1 - rest)
                wide = min(hint.width(), area.width())
                if move:
                    item.setGeometry(QRect(x, y + (tall - hint.height()) // 2, wide, hint.height()))
                x += wide + gap
            y += tall + gap
        used = y - area.y() - (gap if lines else 0)
        return used + margins.top() + margins.bottom()


class Card(QFrame):
    """A rounded panel with an optional section title; add content to :attr:`body`."""

    def __init__(
        self, title: str | None = None, role: str = "card", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        set_role(self, role)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(3 * SPACING, 3 * SPACING, 3 * SPACING, 3 * SPACING)
        self.body.setSpacing(2 * SPACING)
        if title:
            self.title_label = label(title, "section-title")
            self.body.addWidget(self.title_label)
            self.setAccessibleName(title)  # screen readers name the group by its title


def scrolling_area(content: QWidget) -> QScrollArea:
    """``content`` in a frameless scroll area, as wide as the area, scrolling up and down."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(content)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return area


class ContentArea(QScrollArea):
    """The scrolling part of a page with pinned actions; it asks for its content's height
    (a plain scroll area asks for a fixed guess), so spare room can go elsewhere."""

    def __init__(self, content: QWidget) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidget(content)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        QApplication.instance().focusChanged.connect(self._follow_focus)

    def _follow_focus(self, old: QWidget | None, new: QWidget | None) -> None:
        """Whatever takes the focus in the content from elsewhere on its page is scrolled
        into view: Tab inside a scroll area does that, but Shift+Tab from a pinned button
        or a field the form focuses would stay out of sight. The focus a screen takes as
        it opens does not scroll: it opens at its top, title first."""
        page = self.parentWidget()
        if new is None or old is None or page is None or not page.isAncestorOf(old):
            return
        if self.widget().isAncestorOf(new):
            self.show_whole(new)

    def show_whole(self, widget: QWidget) -> None:
        """Scroll so all of ``widget`` shows (``ensureWidgetVisible`` shows only a text
        field's cursor)."""
        corner = widget.mapTo(self.widget(), QPoint(0, 0))
        half_w, half_h = widget.width() // 2, widget.height() // 2
        self.ensureVisible(
            corner.x() + half_w, corner.y() + half_h, half_w + SPACING, half_h + SPACING
        )

    def sizeHint(self) -> QSize:
        content = self.widget()
        hint = content.sizeHint()
        if content.hasHeightForWidth() and self.width() > 0:  # wrapped words: at this width
            hint.setHeight(content.heightForWidth(self.width()))
        return hint

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # wrapped words take another height at another width


def scrolling_page(content: QWidget) -> QWidget:
    """Wrap a page so that extra-large text never pushes controls off the window. A page
    with pinned actions scrolls its own content above them and is returned as it is."""
    if isinstance(content, PageBase) and content.scrolls_itself:
        return content
    return scrolling_area(content)


def page_in(holder: QWidget) -> QWidget:
    """The page that :func:`scrolling_page` returned ``holder`` for."""
    return holder.widget() if isinstance(holder, QScrollArea) else holder


def icon(name: str, variant: str = "") -> QIcon:
    """An icon from ``resources/icons``; a blank icon if the file is missing."""
    path = resource_path("icons", f"{name}{variant}.svg")
    return QIcon(str(path)) if path.exists() else QIcon()


# -- the keyboard focus (issue 14: a refresh or a flow never leaves it on no control) -----
def _takes_tab(widget: QWidget, within: QWidget) -> bool:
    return (
        within.isAncestorOf(widget)
        and widget.isVisibleTo(within)
        and widget.isEnabled()
        and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        and widget.focusProxy() is None
    )


def tab_controls(page: QWidget) -> Iterator[QWidget]:
    """The controls Tab reaches on ``page`` (shown, enabled, taking Tab), in the page's
    own Tab order."""
    widget = page.nextInFocusChain()
    while widget is not None and widget is not page:
        if _takes_tab(widget, page):
            yield widget
        widget = widget.nextInFocusChain()


def first_control(page: QWidget) -> QWidget | None:
    """The first control Tab would reach on ``page``; ``None`` when it has none."""
    return next(tab_controls(page), None)


def settle(page: QWidget) -> None:
    """Show now what a refresh has just added to ``page`` while it is shown. Qt shows a
    widget added to a shown parent only when the event loop next turns: until then it is
    hidden, so a page key, or the focus put back after a refresh, would pass it by (and
    leave the focus on no control). What Qt has queued is done now, nothing else."""
    if not page.isVisible():
        return
    for widget in page.findChildren(QWidget):
        if widget.isHidden() and not widget.testAttribute(
            Qt.WidgetAttribute.WA_WState_ExplicitShowHide
        ):
            QCoreApplication.sendPostedEvents(widget, QEvent.Type.MetaCall)


def _said(widget: QWidget) -> str:
    """What a control is called: its accessible name, else a button's words."""
    name = widget.accessibleName()
    if not name and isinstance(widget, QAbstractButton):
        name = widget.text()
    return name


@dataclass(frozen=True)
class FocusMark:
    """Where the keyboard focus was (:func:`focus_mark`), to put it back with
    :func:`focus_again`: the control, and how to know a control made again in its place
    (its class and its name)."""

    widget: QWidget
    kind: type
    name: str

    def still_there(self) -> bool:
        """The control itself is still shown and usable (not deleted, hidden, disabled)."""
        widget = self.widget
        return shiboken6.isValid(widget) and widget.isVisible() and widget.isEnabled()


def focus_mark(within: QWidget) -> FocusMark | None:
    """Where the focus is, when it is on ``within`` or inside it; else ``None``."""
    widget = QApplication.focusWidget()
    if widget is None or not (widget is within or within.isAncestorOf(widget)):
        return None
    return FocusMark(widget, type(widget), _said(widget))


def _scroll_area_of(page: QWidget) -> QScrollArea | None:
    """The scroll area :func:`scrolling_page` put ``page`` in, if any."""
    viewport = page.parentWidget()
    area = viewport.parentWidget() if viewport is not None else None
    return area if isinstance(area, QScrollArea) and area.widget() is page else None


def _focus(page: QWidget, target: QWidget, reason: Qt.FocusReason, *, from_top: bool) -> None:
    target.setFocus(reason)
    area = _scroll_area_of(page)
    if area is None:
        return
    if from_top:
        area.verticalScrollBar().setValue(0)
    if target is not page:  # as far down as the focus is
        area.ensureWidgetVisible(target, 0, 2 * SPACING)


def focus_into(page: QWidget, reason: Qt.FocusReason = Qt.FocusReason.OtherFocusReason) -> QWidget:
    """Put the focus on ``page`` just shown: on its first control, or on the page itself
    when it has none, with the page scrolled to its top (as far down as the focus is).
    What a refresh added as the page was shown is shown first (:func:`settle`)."""
    settle(page)
    target = first_control(page) or page
    _focus(page, target, reason, from_top=True)
    return target


def focus_again(
    mark: FocusMark | None,
    page: QWidget,
    reason: Qt.FocusReason = Qt.FocusReason.OtherFocusReason,
) -> QWidget:
    """Put the focus back where ``mark`` was, once ``page`` is shown (after a refresh, or
    at the end of a flow): on the same control while it is still shown; else on the
    control of the same class and name on ``page`` (a refresh made it again); else on
    the page's first control (or the page itself)."""
    settle(page)
    target: QWidget | None = None
    if mark is not None:
        if mark.still_there():
            target = mark.widget
        else:
            target = next(
                (w for w in tab_controls(page) if type(w) is mark.kind and _said(w) == mark.name),
                None,
            )
    if target is None:
        return focus_into(page, reason)
    _focus(page, target, reason, from_top=False)
    return target


# A button being pressed from the keyboard (Enter, Return, Space) at this moment: set by
# ui.keys while the press clicks it, so that what the click opens may take the focus
# (the rail: the page), where a mouse click leaves it under the hand.
_pressed_by_keys: list[QWidget] = []


@contextmanager
def keyboard_press(button: QWidget) -> Iterator[None]:
    """While a key clicks ``button``."""
    _pressed_by_keys.append(button)
    try:
        yield
    finally:
        _pressed_by_keys.remove(button)


def pressed_by_keys(button: QWidget) -> bool:
    """Whether ``button`` is being clicked from the keyboard right now (not the mouse,
    not the program)."""
    return any(pressed is button for pressed in _pressed_by_keys)


class EnterSaves(QObject):
    """Enter (the main key or the keypad's) in one of a form's text ``boxes`` (those typed
    last) presses its ``save`` button, as a dialog's boxes do; show the key on the button
    (``shortcut_hint="Enter"``). While ``save`` is disabled (an answer still missing) it
    calls ``otherwise`` instead (to take the focus where the answer goes). With Ctrl, Alt
    or Meta held, Enter is a command and saves nothing."""

    def __init__(
        self,
        save: QAbstractButton,
        *boxes: QWidget,
        otherwise: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(save)
        self._save = save
        self._otherwise = otherwise
        for box in boxes:
            box.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return False
        key = event  # a QKeyEvent
        if key.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # type: ignore[attr-defined]
            return False
        command = (
            Qt.KeyboardModifier.ControlModifier
            | Qt.KeyboardModifier.AltModifier
            | Qt.KeyboardModifier.MetaModifier
        )
        if key.modifiers() & command or key.isAutoRepeat():  # type: ignore[attr-defined]
            return True  # a command, or the key held down: nothing saved (again)
        if self._save.isEnabled() and self._save.isVisible():
            with keyboard_press(self._save):
                self._save.click()
        elif self._otherwise is not None:
            self._otherwise()
        return True


UNDO_KEYS = "Ctrl+Z"


def add_undo_shortcut(page: QWidget, on_undo: Callable[[], object]) -> QShortcut:
    """Ctrl+Z anywhere in the window while ``page`` is shown, also with the focus on the
    rail (a hidden page's shortcut does not fire; a text box keeps its own Ctrl+Z). Here,
    not in ui/undo.py, so a page built before the first paint (Today) need not load the
    undo stack and the database with it."""
    shortcut = QShortcut(QKeySequence(UNDO_KEYS), page)
    shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
    shortcut.activated.connect(on_undo)
    return shortcut
