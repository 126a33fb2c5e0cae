"""Big, keyboard-friendly inputs for ratings and numbers (no sliders, no tiny arrows).

UI.md: targets at least 48 px, nothing that needs a fine mouse; every control named for
screen readers; arrow keys and typing work as well as the mouse.
"""

from __future__ import annotations

from calendar import monthrange
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from PySide6.QtCore import QDate, QEvent, QLocale, QPointF, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyleOptionComboBox,
    QVBoxLayout,
    QWidget,
)

from stenosis_coach import i18n
from stenosis_coach.core.numbers import NumberProblem, NumberRule, read_number
from stenosis_coach.core.words import day_pattern, day_text
from stenosis_coach.i18n import _
from stenosis_coach.ui.theme import set_kind, set_role
from stenosis_coach.ui.widgets import SPACING, label

# Keys held with one of these are commands (Ctrl+1 opens a page), never a value: on a screen
# where the command does not apply, they must do nothing rather than change a rating.
COMMAND_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


def is_plain_key(event) -> bool:
    """True when no Ctrl, Alt or Meta is held (Shift and the keypad are fine: some
    keyboards need Shift for digits)."""
    return not (event.modifiers() & COMMAND_MODIFIERS)


# Two digits typed within this many milliseconds are one number ("1" then "0" is 10 on a
# scale, "2" then "6" the 26th in a date box); after a longer pause a digit starts anew.
# Measured on the key events' own timestamps (QKeyEvent.timestamp()), never a timer.
TYPING_PAUSE_MS = 1500


def soon_after(first: int, then: int) -> bool:
    """Was a key at ``then`` (ms) typed soon enough after one at ``first`` to go with it?"""
    return 0 <= then - first <= TYPING_PAUSE_MS


RING = 3  # px: the focus ring around a rating row (UI.md), drawn by the theme


def one_tab_stop(group: QButtonGroup) -> QButtonGroup:
    """Tab stops once on an exclusive group of choices, on the chosen one (Qt stops on the
    first, whichever is chosen); the arrow keys move the choice within the group, and the
    Tab stop goes with it. With none chosen yet, Tab reaches the group as Qt does."""

    def follow(*_args) -> None:
        chosen = group.checkedButton()
        for btn in group.buttons():
            tab = chosen is None or btn is chosen
            btn.setFocusPolicy(Qt.FocusPolicy.StrongFocus if tab else Qt.FocusPolicy.ClickFocus)

    group.buttonToggled.connect(follow)
    follow()
    return group


class RatingScale(QWidget):
    """A 0-10 scale as eleven large buttons; one can be chosen (or none yet).

    The row is one Tab stop (the buttons take no focus of their own): digits choose, the
    arrows move the choice, and the theme rings the whole row while it has the focus. The
    buttons are 8 px apart (UI.md), at every text size.

    Typing "1" chooses 1 at once; a "0" typed within :data:`TYPING_PAUSE_MS` after it makes
    it 10 (measured on the key events' own timestamps). Any other digit, an arrow, or a
    pause starts anew, so "1", a pause, "0" is 0. Under the 0 and the 10, the words say
    what they mean (``low_word``, ``high_word``); while the row has the focus, a hint
    between them says how to type 10 (shown only then: on a form with four scales it would
    say it four times).

    Signals:
        rated(int): the chosen value.
    """

    rated = Signal(int)

    def __init__(
        self,
        name: str,
        low_word: str | None = None,
        high_word: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``low_word`` and ``high_word`` say what 0 and 10 mean ("no pain", "worst")."""
        super().__init__(parent)
        # Translators: what 0 means on a 0-10 pain scale, said after "Pain: 0".
        low_word = _("no pain") if low_word is None else low_word
        # Translators: what 10 means on a 0-10 pain scale, said after "Pain: 10".
        high_word = _("worst") if high_word is None else high_word
        self.setAccessibleName(name)
        set_role(self, "rating-scale")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)  # draws the ring
        column = QVBoxLayout(self)
        inset = RING + 2  # the ring, and a little room between it and the buttons
        column.setContentsMargins(inset, inset, inset, inset)
        column.setSpacing(0)  # the words sit just under the ends they name
        row = QHBoxLayout()
        row.setSpacing(SPACING)
        column.addLayout(row)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self.buttons: list[QPushButton] = []
        for value in range(11):
            btn = QPushButton(str(value))
            btn.setCheckable(True)
            if value in (0, 10):
                btn.setAccessibleName(
                    # Translators: a screen reader's name for an end of a 0-10 scale:
                    # "Pain: 0 (no pain)"; {scale} is the scale's name, {value} 0 or 10.
                    _("{scale}: {value} ({meaning})").format(
                        scale=name, value=value, meaning=low_word if value == 0 else high_word
                    )
                )
            else:
                # Translators: layout only, a screen reader's name for a button of a 0-10
                # scale: "Pain: 7" ({scale} is the scale's name, {value} a number).
                btn.setAccessibleName(_("{scale}: {value}").format(scale=name, value=value))
            btn.setMinimumWidth(48)
            set_kind(btn, "rating")
            btn.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the row is the one Tab stop
            self._group.addButton(btn, value)
            row.addWidget(btn, 1)
            self.buttons.append(btn)
        # What the ends mean, under them, in the secondary text; they wrap at large text.
        ends = QHBoxLayout()
        ends.setSpacing(SPACING)
        self.low = label(low_word, "secondary")
        self.high = label(high_word, "secondary")
        self.high.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.low.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # Translators: under a 0-10 scale while it has the keyboard focus.
        self.hint = label(_("To choose 10, type 1 then 0."), "secondary")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        keep_room = self.hint.sizePolicy()
        keep_room.setRetainSizeWhenHidden(True)  # nothing moves when it shows
        self.hint.setSizePolicy(keep_room)
        self.hint.hide()
        ends.addWidget(self.low)
        ends.addWidget(self.hint, 1)  # the room between the ends' words
        ends.addWidget(self.high)
        column.addLayout(ends)
        self._one_typed_at: int | None = None  # when a "1" that may become 10 was typed
        self._group.idClicked.connect(self._clicked)
        self._group.idToggled.connect(self._describe)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # digits and arrows work at once
        self._describe()

    def value(self) -> int | None:
        chosen = self._group.checkedId()
        return None if chosen < 0 else chosen

    def set_value(self, value: int | None) -> None:
        self._one_typed_at = None
        if value is None:
            self._group.setExclusive(False)
            for btn in self.buttons:
                btn.setChecked(False)
            self._group.setExclusive(True)
        else:
            self.buttons[value].setChecked(True)

    def keyPressEvent(self, event) -> None:
        """Digits choose directly ("1" then "0" soon after: 10); arrows move the choice
        (never with Ctrl, Alt or Meta)."""
        key = event.key()
        if not is_plain_key(event):
            super().keyPressEvent(event)
        elif Qt.Key.Key_0 <= key <= Qt.Key.Key_9:
            digit, typed_at = key - Qt.Key.Key_0, event.timestamp()
            one_before = self._one_typed_at
            self._one_typed_at = typed_at if digit == 1 else None
            if digit == 0 and one_before is not None and soon_after(one_before, typed_at):
                self._choose(10)
            else:
                self._choose(digit)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self._one_typed_at = None
            current = self.value()
            step = 1 if key == Qt.Key.Key_Right else -1
            self._choose(min(10, max(0, (current if current is not None else -step) + step)))
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        self.hint.show()

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self._one_typed_at = None
        self.hint.hide()

    def _choose(self, value: int) -> None:
        self.buttons[value].setChecked(True)
        self.setFocus()
        self.rated.emit(value)

    def _clicked(self, value: int) -> None:
        self._one_typed_at = None
        self.setFocus()  # the arrows can then move the choice just made
        self.rated.emit(value)

    def _describe(self, *_args) -> None:
        """Screen readers say the choice with the row's name (the buttons take no focus)."""
        value = self.value()
        self.setAccessibleDescription(
            _(
                "Nothing chosen yet. Type a number from 0 to 10 (to choose 10, type 1 then 0), "
                "or use the arrow keys."
            )
            if value is None
            else _("{value} chosen. The arrow keys change it; to choose 10, type 1 then 0.").format(
                value=value
            )
        )


class NumberField(QWidget):
    """A text box for a number, with large − and + buttons beside it.

    The text is kept as typed ("4.5"), so exact values survive; the buttons add or take
    away ``step``. Empty is allowed when ``optional``.
    """

    changed = Signal(str)

    def __init__(
        self,
        name: str,
        step: float = 1.0,
        minimum: float = 0.0,
        maximum: float = 999.0,
        unit: str = "",
        decimals: int = 1,
    ) -> None:
        super().__init__()
        self._step, self._min, self._max, self._decimals = step, minimum, maximum, decimals
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(SPACING)
        self.minus = QPushButton("−")
        self.plus = QPushButton("+")
        self.edit = QLineEdit()
        self.edit.setAccessibleName(name)
        self.edit.setMaximumWidth(160)
        self.edit.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Translators: a screen reader's names for the - and + buttons beside a number box;
        # {field} is the box's name ("Distance (m): less").
        self.minus.setAccessibleName(_("{field}: less").format(field=name))
        self.plus.setAccessibleName(_("{field}: more").format(field=name))
        for btn in (self.minus, self.plus):
            btn.setFixedWidth(64)
            btn.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the text box has the arrow keys
        self.minus.clicked.connect(lambda: self._bump(-1))
        self.plus.clicked.connect(lambda: self._bump(+1))
        self.edit.textChanged.connect(self.changed)
        row.addWidget(self.minus)
        row.addWidget(self.edit)
        row.addWidget(self.plus)
        if unit:
            row.addWidget(label(unit, wrap=False))
        row.addStretch(1)
        self.setFocusProxy(self.edit)
        self.edit.installEventFilter(self)

    def text(self) -> str:
        return self.edit.text().strip()

    def set_text(self, text: str) -> None:
        self.edit.setText(text)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress and is_plain_key(event):
            if event.key() == Qt.Key.Key_Up:
                self._bump(+1)
                return True
            if event.key() == Qt.Key.Key_Down:
                self._bump(-1)
                return True
        return False

    def _bump(self, direction: int) -> None:
        """Add or take away a step. Text that is not a number yet is left for the form to
        explain, never replaced by a guess (``1,500`` could be 1500 or 1.5)."""
        text = self.text()
        try:
            current = read_number(text, _BUMP_RULE)
        except NumberProblem:
            return
        step, low, high = (Fraction(str(x)) for x in (self._step, self._min, self._max))
        if current is None:
            value = min(high, low + (step if direction > 0 else 0))
        else:
            value = min(high, max(low, current + direction * step))
        shown = Decimal(value.numerator) / Decimal(value.denominator)
        shown = shown.quantize(Decimal(1).scaleb(-self._decimals), ROUND_HALF_UP)
        new = format(shown, "f")
        if "." in new:
            new = new.rstrip("0").rstrip(".")
        if "," in text and "." not in text:
            new = new.replace(".", ",")  # keep the decimal comma the person typed
        self.edit.setText(new)


_BUMP_RULE = NumberRule("Value", required=False)


DATE_FORMAT = "ddd d MMM yyyy"  # UI.md: dates like "Mon 4 May" (with the year in a form)
_DAY_NUMBER = 1  # the "d" of DATE_FORMAT: Qt calls the day's name a DaySection too

# CLDR's letters for the fields of a day (by how many are written) as Qt's date box
# writes them; a pattern with any other field (an era, a week) keeps DATE_FORMAT.
_QT_FIELDS = {
    "E": {1: "ddd", 2: "ddd", 3: "ddd", 4: "dddd"},  # the day's name
    "c": {1: "ddd", 3: "ddd", 4: "dddd"},
    "d": {1: "d", 2: "dd"},  # the day's number
    "M": {1: "M", 2: "MM", 3: "MMM", 4: "MMMM"},
    "L": {1: "M", 2: "MM", 3: "MMM", 4: "MMMM"},
    "y": {1: "yyyy", 2: "yy", 3: "yyyy", 4: "yyyy"},
}


def _cldr_parts(pattern: str) -> list[tuple[bool, str]]:
    """A CLDR date pattern as (is a field, text) parts: ``"E, d 'de' MMM"`` ->
    field E, ", ", field d, " de ", field MMM (quoted words are text; ``''`` is a quote)."""
    parts: list[tuple[bool, str]] = []
    text, at = "", 0
    while at < len(pattern):
        char = pattern[at]
        if char == "'":
            end = at + 1
            if pattern.startswith("'", end):  # '' is a quote
                text, at = text + "'", end + 1
                continue
            while end < len(pattern):
                if pattern[end] == "'" and pattern.startswith("'", end + 1):
                    text, end = text + "'", end + 2
                elif pattern[end] == "'":
                    break
                else:
                    text, end = text + pattern[end], end + 1
            at = end + 1
        elif char.isascii() and char.isalpha():
            end = at
            while end < len(pattern) and pattern[end] == char:
                end += 1
            if text:
                parts.append((False, text))
                text = ""
            parts.append((True, pattern[at:end]))
            at = end
        else:
            text, at = text + char, at + 1
    if text:
        parts.append((False, text))
    return parts


def qt_date_format(pattern: str) -> tuple[str, int] | None:
    """Qt's display format for a CLDR date pattern, and the index of the day's number among
    its sections (Qt counts the day's name as a day section too): ``"E, d. MMM y"`` ->
    ``("ddd', 'd'. 'MMM' 'yyyy", 1)``. ``None`` when the pattern holds a field a date box
    cannot show, or no day's number."""
    out: list[str] = []
    day_number, sections = None, 0
    for is_field, text in _cldr_parts(pattern):
        if not is_field:
            # Quoted, so no letter is read as a field; inside, '' is a quote (as in CLDR).
            out.append("'" + text.replace("'", "''") + "'")
            continue
        qt = _QT_FIELDS.get(text[0], {}).get(len(text))
        if qt is None:
            return None
        if text[0] == "d" and day_number is None:
            day_number = sections
        out.append(qt)
        sections += 1
    return ("".join(out), day_number) if day_number is not None else None


# Keys that change a date box's date: with Ctrl, Alt or Meta they are commands, never a change.
_STEP_KEYS = (
    Qt.Key.Key_Up,
    Qt.Key.Key_Down,
    Qt.Key.Key_PageUp,
    Qt.Key.Key_PageDown,
    Qt.Key.Key_Plus,
    Qt.Key.Key_Minus,
    Qt.Key.Key_Home,
    Qt.Key.Key_End,
    Qt.Key.Key_Left,
    Qt.Key.Key_Right,
)
WEEK = 7  # days PageUp and PageDown move a date box by ("a week ago" in one key)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class DateField(QDateEdit):
    """A date box that is one Tab stop, used for every date in the app.

    Qt's date box takes Tab to walk through its parts (day name, day, month, year), so a
    keyboard user pressed Tab four times to leave it. Here Tab and Shift+Tab leave the
    field (arriving, the cursor is on the day); the Left and Right arrows (or typing) move
    between its parts. The keys, each within the minimum and the maximum:

    - Up and Down (and + and -) move the whole date by a day, on past the end of a month or
      a year (Qt's stopped at the 1st); with the cursor on the month or the year, Up and
      Down move by a month or a year.
    - PageUp and PageDown move by a week (a week is what people count back for a walk or
      a treatment; a month is the month part and Up).
    - Digits typed on the day (two within :data:`TYPING_PAUSE_MS` are one number) choose
      that day in the month shown. A day that would pass the maximum (on 3 December,
      "26" for a treatment) is that day in the latest month it is not after the maximum,
      26 November: the box only takes days up to then, so that is what the person means
      (Qt silently kept "2"). The box shows the month, and the description says why.
    - Alt+Down or F4 opens the calendar (opening changes nothing). In it the arrows move
      the day, Enter chooses, and Esc closes it with the date as it was.

    A move stopped by the maximum or the minimum is said in the accessible description
    ("The date can't be after Mon 2 Mar 2026."). Ctrl, Alt or Meta with a key never
    changes the date, and the mouse wheel over a box that does not have the focus scrolls
    the page instead of changing the date under the pointer.
    """

    def __init__(
        self,
        name: str,
        value: date | None = None,
        maximum: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self._day_number = _DAY_NUMBER
        self._follow_the_locale()
        self.setAccessibleName(name)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Tab and click; not the wheel
        if maximum is not None:
            self.setMaximumDate(_qdate(maximum))
        if value is not None:
            self.setDate(_qdate(value))
        self._typed: tuple[int, int] | None = None  # a day's first digit, and when typed
        self._opened_on: QDate | None = None  # the date when the calendar opened
        self._watch_the_calendar()
        self._say_limit(None)

    def _follow_the_locale(self) -> None:
        """Show a day as :func:`core.words.day_text` says it with its year, in the user's
        locale (its names, its order, the calendar's first day of the week); the source
        English keeps DATE_FORMAT and the computer's QLocale, as it always had."""
        if i18n.language() == i18n.SOURCE_LOCALE:
            self.setDisplayFormat(DATE_FORMAT)
            return
        found = qt_date_format(day_pattern())
        self.setLocale(QLocale(i18n.language()))
        if found is None:
            self.setDisplayFormat(DATE_FORMAT)
            return
        shown, self._day_number = found
        self.setDisplayFormat(shown)

    def day(self) -> date:
        return _pydate(self.date())

    def set_day(self, day: date) -> None:
        self.setDate(_qdate(day))

    def focusNextPrevChild(self, forward: bool) -> bool:
        """Tab leaves the field (Qt's date box would move to its next part instead)."""
        return QWidget.focusNextPrevChild(self, forward)

    def focusInEvent(self, event) -> None:
        """Arriving by Tab or Shift+Tab, the cursor is on the day (Qt puts it on the day's
        name, or on the year), so Up and Down move the date a day at a time."""
        super().focusInEvent(event)
        if event.reason() in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason):
            self._on_the_day()

    def focusOutEvent(self, event) -> None:
        self._typed = None
        super().focusOutEvent(event)

    def keyPressEvent(self, event) -> None:
        key, held = event.key(), event.modifiers()
        alt_only = held & COMMAND_MODIFIERS == Qt.KeyboardModifier.AltModifier
        if (key == Qt.Key.Key_F4 and is_plain_key(event)) or (key == Qt.Key.Key_Down and alt_only):
            self.open_calendar()
            event.accept()
            return
        digit = Qt.Key.Key_0 <= key <= Qt.Key.Key_9
        if not is_plain_key(event):
            if key in _STEP_KEYS or digit:
                event.ignore()  # a command key, never a change of date
                return
            super().keyPressEvent(event)
            return
        if digit and self.currentSection() == QDateEdit.Section.DaySection:
            self._type_day(key - Qt.Key.Key_0, event.timestamp())
            event.accept()
            return
        self._typed = None
        days = {
            Qt.Key.Key_PageUp: WEEK,
            Qt.Key.Key_PageDown: -WEEK,
            Qt.Key.Key_Plus: 1,
            Qt.Key.Key_Minus: -1,
        }.get(key)
        if days is not None:
            self._go_to(self.date().addDays(days))
            event.accept()
            return
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.stepBy(1 if key == Qt.Key.Key_Up else -1)
            event.accept()
            return
        super().keyPressEvent(event)

    def stepBy(self, steps: int) -> None:
        """Up, Down and the wheel: a day on the day's number or name (on past a month's
        end), a month on the month, a year on the year; within the minimum and maximum."""
        section, now = self.currentSection(), self.date()
        if section == QDateEdit.Section.MonthSection:
            wanted = now.addMonths(steps)
        elif section == QDateEdit.Section.YearSection:
            wanted = now.addYears(steps)
        else:
            wanted = now.addDays(steps)
        self._go_to(wanted)

    def open_calendar(self) -> None:
        """Open the calendar as a click on the box's calendar button does (Qt has no other
        way to open it); the date is not changed."""
        option = QStyleOptionComboBox()
        option.initFrom(self)
        option.editable = True
        option.subControls = QStyle.SubControl.SC_All
        arrow = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxArrow, self
        )
        at = QPointF(arrow.center())
        click = QMouseEvent(
            QEvent.Type.MouseButtonPress,
            at,
            QPointF(self.mapToGlobal(at)),
            Qt.MouseButton.LeftButton,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        super().mousePressEvent(click)

    def wheelEvent(self, event) -> None:
        if not self.hasFocus():
            event.ignore()  # passed on to the page, which scrolls
            return
        super().wheelEvent(event)

    def eventFilter(self, watched, event) -> bool:
        """The calendar's keys: Esc closes it with the date it opened on (Qt kept the day
        the arrows had reached); Ctrl, Alt or Meta with a key changes nothing."""
        kind = event.type()
        popup = self._calendar
        if watched is popup and kind == QEvent.Type.Show:
            self._opened_on = self.date()
        elif kind == QEvent.Type.KeyPress and popup.isVisible():
            if event.key() == Qt.Key.Key_Escape and is_plain_key(event):
                opened_on = self._opened_on
                popup.hide()
                if opened_on is not None:
                    self.setDate(opened_on)
                return True
            if not is_plain_key(event) and event.key() in _STEP_KEYS:
                return True
        return False

    def _watch_the_calendar(self) -> None:
        popup = self._calendar = self.calendarWidget().window()  # made now, kept
        popup.installEventFilter(self)
        for part in popup.findChildren(QWidget):
            part.installEventFilter(self)

    def _on_the_day(self) -> None:
        """The cursor on the day's number, selected (so a digit typed replaces it)."""
        self.setCurrentSectionIndex(self._day_number)
        self.setSelectedSection(self.currentSection())

    def _type_day(self, digit: int, typed_at: int) -> None:
        """A digit typed on the day: the 1st to the 31st, two digits soon after each other
        one number ("2", "6": the 26th); a digit that cannot go on ("4", "5") starts anew."""
        first = self._typed
        if first is not None and soon_after(first[1], typed_at) and first[0] * 10 + digit <= 31:
            number, self._typed = first[0] * 10 + digit, None
        else:
            number, self._typed = digit, ((digit, typed_at) if digit <= 3 else None)
        if number == 0:
            return  # "0" may begin "05"
        shown = self.date()
        passes = number <= shown.daysInMonth() and (
            QDate(shown.year(), shown.month(), number) > self.maximumDate()
        )
        self._go_to(self._latest_day_numbered(number), passes_maximum=passes)

    def _latest_day_numbered(self, number: int) -> QDate:
        """The ``number``-th of the month shown; if that would pass the maximum (or the
        month has no such day), of the latest month before it that has one in range."""
        shown, latest = self.date(), self.maximumDate()
        year, month = shown.year(), shown.month()
        for _month in range(13):  # every day number is found within two months
            if number <= monthrange(year, month)[1]:
                found = QDate(year, month, number)
                if found <= latest:
                    return found
            year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        return latest  # not reached

    def _go_to(self, wanted: QDate, passes_maximum: bool = False) -> None:
        """Show ``wanted``, or the limit it would pass, and say the limit when it stopped
        the move (or, ``passes_maximum``, moved a typed day back a month)."""
        if wanted > self.maximumDate() or passes_maximum:
            self._say_limit("after")
            wanted = min(wanted, self.maximumDate())
        elif wanted < self.minimumDate():
            self._say_limit("before")
            wanted = self.minimumDate()
        else:
            self._say_limit(None)
        section = self.currentSectionIndex()
        self.setDate(wanted)
        self.setCurrentSectionIndex(section)
        self.setSelectedSection(self.currentSection())

    def _say_limit(self, which: str | None) -> None:
        """The description screen readers give: the keys, after why a date stopped."""
        keys = _(
            "Up and Down change the date, Page Up and Page Down by a week. "
            "Alt+Down opens a calendar."
        )
        if which == "after":
            limit = _("The date can't be after {day}.").format(
                day=day_text(_pydate(self.maximumDate()), year=True)
            )
        elif which == "before":
            limit = _("The date can't be before {day}.").format(
                day=day_text(_pydate(self.minimumDate()), year=True)
            )
        else:
            self.setAccessibleDescription(keys)
            return
        self.setAccessibleDescription(limit + " " + keys)
