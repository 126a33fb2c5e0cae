"""Colours and type for the whole app, built from the user's settings (shared/UI.md).

Every size comes from the chosen text size; widgets name their role with the ``role``
property (``page-title``, ``section-title``, ``secondary``, ``key-number``, ``card``,
``warning``) and buttons their kind with ``kind`` (``primary``, ``danger``, ``nav``),
and this one stylesheet styles them.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from stenosis_coach.core.settings import Settings
from stenosis_coach.resources import resource_path


@dataclass(frozen=True)
class Palette:
    """Contrast ratios (against ``background``) are from shared/UI.md."""

    background: str
    card: str
    text: str
    secondary: str
    primary: str
    on_primary: str
    good: str
    danger: str
    on_danger: str
    warning_bg: str
    warning_text: str
    border: str
    focus: str
    focus_on_fill: str  # the ring on a filled button, where ``focus`` may be its fill
    nav_selected: str
    nav_selected_text: str
    walking_bg: str  # the walking coach's banner while walking (a change of colour)
    icon_variant: str  # "" for dark icons, "-light" for white ones
    check_mark: str  # check-mark icon drawn on the primary colour


LIGHT = Palette(
    background="#FAF8F5",
    card="#FFFFFF",
    text="#1C1B1A",
    secondary="#4A4743",
    primary="#1F5FA8",
    on_primary="#FFFFFF",
    good="#2E6B30",
    danger="#B3261E",
    on_danger="#FFFFFF",
    warning_bg="#FFF3CD",
    warning_text="#5C4300",
    border="#8A857E",
    focus="#1F5FA8",
    focus_on_fill="#1C1B1A",  # the focus blue is the primary blue: the text colour there
    nav_selected="#DCE8F6",
    nav_selected_text="#1C1B1A",
    walking_bg="#E6F2E6",
    icon_variant="",
    check_mark="check-mark-white",
)

HIGH_CONTRAST = Palette(
    background="#000000",
    card="#000000",
    text="#FFFFFF",
    secondary="#FFFFFF",
    primary="#FFD500",
    on_primary="#000000",
    good="#7CFC7C",
    danger="#FF6B6B",
    on_danger="#000000",
    warning_bg="#000000",
    warning_text="#FFD500",
    border="#FFFFFF",
    focus="#00E5FF",
    focus_on_fill="#00E5FF",  # UI.md: the cyan ring everywhere, on yellow buttons too
    nav_selected="#FFD500",
    nav_selected_text="#000000",
    walking_bg="#000000",
    icon_variant="-light",
    check_mark="check-mark-black",
)


def palette_for(settings: Settings) -> Palette:
    return HIGH_CONTRAST if settings.high_contrast else LIGHT


def stylesheet(settings: Settings) -> str:
    p = palette_for(settings)
    t = settings.type_scale
    # Button heights: 48 px at least, 56 px for a page's main action (UI.md targets),
    # growing with the text so labels never crowd their buttons.
    button_h = max(48, round(t.body * 3.2))
    primary_h = max(56, round(t.body * 3.8))
    # Rail buttons: 48 px at least, a little tighter than other buttons so the whole rail
    # fits a 1024x700 screen at extra-large text (it scrolls below that).
    nav_h = max(48, round(t.body * 2.8))
    indicator = max(28, round(t.body * 1.9))
    answer_h = max(96, round(t.body * 7))  # Yes/No in the safety check: very large
    huge_h = max(120, round(t.body * 7))  # the coach's main action fills a large part
    timer_pt = round(t.key_number * 1.4)  # the walking timer, readable from a treadmill
    check = resource_path("icons", f"{p.check_mark}.svg").as_posix()
    # A date box's calendar button: 32 px wide at least (UI.md), with an arrow that grows
    # with the text (Qt's own was a 16 px sliver at extra-large text, its corner cut off).
    # No wider: the report's "From [date] to [date]" must fit 1024 px at extra-large text.
    drop_w, arrow = max(32, round(t.body * 1.6)), max(16, round(t.body * 1.2))
    down = resource_path("icons", f"date-down{p.icon_variant}.svg").as_posix()
    # A 0-10 scale's buttons: 48 px at least, a little under other buttons at large text so
    # a scale with its words under it still leaves its follow-up question in view.
    rating_h = max(48, round(t.body * 2.9))
    return f"""
* {{ font-size: {t.body}pt; color: {p.text}; outline: none; }}
QMainWindow, QWidget#page, QScrollArea, QScrollArea > QWidget > QWidget,
QStackedWidget, QDialog, QMessageBox {{ background: {p.background}; }}
QLabel {{ background: transparent; }}
QDialog, QMessageBox {{ border: 3px solid {p.border}; }}  /* apart from the page beside */
QLabel[role="page-title"] {{ font-size: {t.page_title}pt; font-weight: 600; }}
QLabel[role="section-title"] {{ font-size: {t.section_title}pt; font-weight: 600; }}
QLabel[role="key-number"] {{
    font-size: {t.key_number}pt; font-weight: 700; color: {p.primary};
}}
QLabel[role="key-number-rest"] {{
    font-size: {t.key_number}pt; font-weight: 700; color: {p.good};
}}
QLabel[role="secondary"] {{ color: {p.secondary}; }}
QLabel[role="illustration"] {{
    background: #FFFFFF; border: 2px solid {p.border}; border-radius: 8px;
}}
QLabel[role="coach-timer"] {{ font-size: {timer_pt}pt; font-weight: 700; }}
QFrame[role="phase-walking"] {{
    background: {p.walking_bg}; border-left: 10px solid {p.good}; border-radius: 12px;
}}
QFrame[role="phase-resting"] {{
    background: {p.warning_bg}; border-left: 10px solid {p.warning_text}; border-radius: 12px;
}}
QFrame[role="phase-paused"], QFrame[role="phase-finished"] {{
    background: {p.card}; border-left: 10px solid {p.border}; border-radius: 12px;
}}
QFrame[role="card"] {{
    background: {p.card}; border: 1px solid {p.border}; border-radius: 12px;
}}
QFrame[role="warning"] {{
    background: {p.warning_bg}; border: 2px solid {p.warning_text}; border-radius: 12px;
}}
QFrame[role="warning"] QLabel {{ color: {p.warning_text}; }}
QFrame[role="alert-emergency"] {{
    background: {p.card}; border: 4px solid {p.danger}; border-radius: 12px;
}}
QFrame#navRail {{ background: {p.card}; border-right: 1px solid {p.border}; }}

QPushButton, QToolButton {{
    min-height: {button_h}px; padding: 4px 20px; border-radius: 10px;
    background: {p.card}; color: {p.text}; border: 2px solid {p.border};
}}
QPushButton:hover, QToolButton:hover {{ border-color: {p.text}; }}
QPushButton:pressed {{ background: {p.nav_selected}; }}
QPushButton[kind="primary"] {{
    min-height: {primary_h}px; background: {p.primary}; color: {p.on_primary};
    border: 2px solid {p.primary}; font-weight: 600;
}}
QPushButton[kind="primary"]:disabled {{
    background: {p.card}; color: {p.secondary}; border: 2px dashed {p.border};
}}
QPushButton[kind="danger"] {{
    background: {p.danger}; color: {p.on_danger}; border: 2px solid {p.danger};
    font-weight: 600;
}}
QPushButton[kind="huge"] {{
    min-height: {huge_h}px; font-size: {t.page_title}pt; font-weight: 700;
    background: {p.primary}; color: {p.on_primary}; border: 3px solid {p.primary};
    border-radius: 16px;
}}
QPushButton[kind="huge"]:disabled {{
    background: {p.card}; color: {p.secondary}; border: 3px dashed {p.border};
}}
QPushButton[kind="huge"]:focus {{ border: 4px solid {p.focus_on_fill}; }}
QPushButton[kind="answer"] {{
    min-height: {answer_h}px; font-size: {t.section_title}pt; font-weight: 600;
    border-width: 3px;
}}
QPushButton[kind="safety"] {{
    background: {p.warning_bg}; color: {p.warning_text}; border: 2px solid {p.warning_text};
    font-weight: 600; text-align: left; padding: 6px 12px;
}}
QPushButton[kind="rating"] {{
    min-height: {rating_h}px; padding: 4px 0; font-weight: 600; min-width: 48px;
}}
QPushButton[kind="choice"] {{ padding: 4px 24px; }}
QPushButton[kind="rating"]:checked, QPushButton[kind="choice"]:checked {{
    background: {p.primary}; color: {p.on_primary}; border-color: {p.primary};
}}
QLineEdit, QPlainTextEdit, QDateEdit {{
    min-height: {button_h - 8}px; padding: 4px 10px; background: {p.card}; color: {p.text};
    border: 2px solid {p.border}; border-radius: 8px;
}}
QLineEdit:focus, QPlainTextEdit:focus, QDateEdit:focus {{ border: 3px solid {p.focus}; }}
QDateEdit {{ padding: 4px 0 4px 8px; }}  /* the calendar button is the room on the right */
QDateEdit::drop-down {{
    subcontrol-origin: border; subcontrol-position: center right; width: {drop_w}px;
    border-left: 2px solid {p.border}; border-top-right-radius: 8px;
    border-bottom-right-radius: 8px;
}}
QDateEdit::down-arrow {{ image: url("{down}"); width: {arrow}px; height: {arrow}px; }}
QLineEdit[invalid="true"] {{ border: 3px solid {p.danger}; }}
QLabel[role="error"] {{ color: {p.danger}; font-weight: 600; }}
QProgressBar {{ background: {p.card}; border: 1px solid {p.border}; border-radius: 6px; }}
QProgressBar::chunk {{ background: {p.primary}; border-radius: 6px; }}
QPushButton:disabled {{ color: {p.secondary}; border-style: dashed; }}
QToolButton[kind="nav"] {{
    text-align: left; border: 2px solid transparent; background: transparent;
    padding: 4px 12px; min-width: 150px; min-height: {nav_h}px;
}}
QToolButton[kind="nav"][current="true"] {{
    background: {p.nav_selected}; color: {p.nav_selected_text}; font-weight: 600;
}}
QPushButton:focus, QToolButton:focus, QRadioButton:focus, QCheckBox:focus,
QSlider:focus {{
    border: 3px solid {p.focus};
}}
QPushButton[kind="primary"]:focus, QPushButton[kind="danger"]:focus,
QPushButton[kind="rating"]:checked:focus, QPushButton[kind="choice"]:checked:focus {{
    border: 3px solid {p.focus_on_fill};
}}
QPushButton[kind="safety"]:focus {{ border: 3px solid {p.focus}; }}
QToolButton[kind="nav"]:focus {{ border: 3px solid {p.focus}; }}
QWidget[role="rating-scale"] {{ border: 3px solid transparent; border-radius: 12px; }}
QWidget[role="rating-scale"]:focus {{ border: 3px solid {p.focus}; }}

QRadioButton, QCheckBox {{
    min-height: {button_h}px; spacing: 14px; padding: 0 12px;
    border: 2px solid transparent; border-radius: 10px;
}}
QRadioButton::indicator, QCheckBox::indicator {{
    width: {indicator}px; height: {indicator}px; border: 3px solid {p.text};
    background: {p.card};
}}
QCheckBox::indicator {{ border-radius: 6px; }}
QCheckBox::indicator:checked {{
    background: {p.primary}; border-color: {p.primary}; image: url("{check}");
}}
QRadioButton::indicator {{ border-radius: {indicator // 2 + 2}px; }}
QRadioButton::indicator:checked {{
    background: qradialgradient(cx:0.5, cy:0.5, radius:0.5, fx:0.5, fy:0.5,
        stop:0 {p.primary}, stop:0.55 {p.primary}, stop:0.62 {p.card}, stop:1 {p.card});
    border-color: {p.primary};
}}
QRadioButton:disabled, QCheckBox:disabled, QSlider:disabled {{ color: {p.secondary}; }}
QSlider {{ min-height: {button_h}px; border: 3px solid transparent; border-radius: 10px; }}
QSlider::groove:horizontal {{ height: 10px; background: {p.border}; border-radius: 5px; }}
QSlider::sub-page:horizontal {{ background: {p.primary}; border-radius: 5px; }}
QSlider::handle:horizontal {{
    background: {p.primary}; border: 3px solid {p.card}; width: 34px; height: 34px;
    margin: -14px 0; border-radius: 18px;
}}
QScrollBar:vertical {{ width: 20px; background: {p.background}; }}
QScrollBar::handle:vertical {{ background: {p.border}; min-height: 40px; border-radius: 8px; }}
QMenuBar {{ background: {p.card}; border-bottom: 1px solid {p.border}; }}
QMenuBar::item {{ padding: 8px 16px; background: transparent; color: {p.text}; }}
QMenuBar::item:selected {{ background: {p.nav_selected}; color: {p.nav_selected_text}; }}
QMenu {{ background: {p.card}; border: 2px solid {p.border}; padding: 4px; }}
QMenu::item {{ padding: 10px 28px; color: {p.text}; }}
QMenu::item:selected {{ background: {p.nav_selected}; color: {p.nav_selected_text}; }}
QMenu::separator {{ height: 2px; background: {p.border}; margin: 6px 10px; }}
QToolTip {{ background: {p.card}; color: {p.text}; border: 1px solid {p.border}; }}
QAbstractItemView {{
    background: {p.card}; color: {p.text}; border: 2px solid {p.border};
    selection-background-color: {p.primary}; selection-color: {p.on_primary};
}}
QAbstractItemView:focus {{ border: 3px solid {p.focus}; }}
QHeaderView {{ border: none; }}
QHeaderView::section {{
    background: {p.card}; color: {p.text}; padding: 4px 8px;
    border: none; border-bottom: 2px solid {p.border}; border-right: 1px solid {p.border};
}}
QComboBox {{
    min-height: {button_h - 8}px; padding: 4px 10px; background: {p.card}; color: {p.text};
    border: 2px solid {p.border}; border-radius: 8px;
}}
QComboBox:focus {{ border: 3px solid {p.focus}; }}
QComboBox QAbstractItemView {{ border: 2px solid {p.border}; }}
QAbstractSpinBox, QTextEdit {{
    background: {p.card}; color: {p.text}; border: 2px solid {p.border}; border-radius: 8px;
}}
QAbstractSpinBox:focus, QTextEdit:focus {{ border: 3px solid {p.focus}; }}
PlotView {{ border: 3px solid transparent; }}
PlotView:focus {{ border: 3px solid {p.focus}; }}
QScrollBar:horizontal {{ height: 20px; background: {p.background}; }}
QScrollBar::handle:horizontal {{ background: {p.border}; min-width: 40px; border-radius: 8px; }}
QListWidget {{
    background: {p.card}; color: {p.text}; border: 2px solid {p.border}; border-radius: 8px;
}}
QListWidget:focus {{ border: 3px solid {p.focus}; }}
QListWidget::item {{ padding: 0 8px; }}
QListWidget::item:selected {{ background: {p.primary}; color: {p.on_primary}; }}
"""


def qt_palette(settings: Settings) -> QPalette:
    """The theme as Qt's palette, for what the stylesheet does not reach: Qt's own dialogs
    (the widget file dialog's lists, headers and boxes), item views and tooltips."""
    p = palette_for(settings)
    pal = QPalette()
    roles = QPalette.ColorRole
    colours = {
        roles.Window: p.background,
        roles.WindowText: p.text,
        roles.Base: p.card,
        roles.AlternateBase: p.background,
        roles.Text: p.text,
        roles.PlaceholderText: p.secondary,
        roles.Button: p.card,
        roles.ButtonText: p.text,
        roles.BrightText: p.on_danger,
        roles.Highlight: p.primary,
        roles.HighlightedText: p.on_primary,
        roles.ToolTipBase: p.card,
        roles.ToolTipText: p.text,
        roles.Link: p.primary,
        roles.LinkVisited: p.primary,
        roles.Light: p.card,
        roles.Midlight: p.border,
        roles.Mid: p.border,
        roles.Dark: p.border,
        roles.Shadow: p.border,
    }
    for role, colour in colours.items():
        pal.setColor(role, QColor(colour))
    # Disabled text is the secondary colour, still readable (no grey on grey).
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor(p.secondary))
    return pal


def apply_theme(app: QApplication, settings: Settings) -> None:
    font = QFont(app.font())
    font.setPointSize(settings.type_scale.body)
    app.setFont(font)
    app.setPalette(qt_palette(settings))
    app.setStyleSheet(stylesheet(settings))


def set_role(widget: QWidget, role: str) -> QWidget:
    widget.setProperty("role", role)
    return widget


def set_kind(widget: QWidget, kind: str) -> QWidget:
    widget.setProperty("kind", kind)
    return widget
