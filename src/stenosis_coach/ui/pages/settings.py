"""Settings: text size, high contrast, sound and volume, and the user's data (backup/restore).

Every change applies at once and is remembered; there is no Save button to forget.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QRadioButton,
    QSlider,
)

from stenosis_coach import APP_TITLE, __version__
from stenosis_coach.core.settings import VOLUME_STEP, Settings, TextSize
from stenosis_coach.i18n import N_, _
from stenosis_coach.ui.context import AppContext
from stenosis_coach.ui.help.guide import SECTION_PROPERTY
from stenosis_coach.ui.inputs import one_tab_stop
from stenosis_coach.ui.reminders_settings import ReminderCard
from stenosis_coach.ui.widgets import SPACING, Card, PageBase, button, button_row, label

if TYPE_CHECKING:
    from stenosis_coach.services.autostart import Autostart
    from stenosis_coach.ui.cues import CuePlayer

TEST_CUE = "start"  # what "Test sound" plays: the cue every walk and routine starts with
SAMPLE_TEXT = N_("This is how text will look. Walk 4 min, then rest until your legs settle.")


def privacy_text() -> str:
    return _(
        "{app} never connects to the internet. Everything you record stays on this "
        "computer, in the folder below. A backup is one file you can keep on a USB stick."
    ).format(app=APP_TITLE)


class SettingsPage(PageBase):
    """Preferences and data.

    Signals:
        backup_requested(): the user pressed "Back up…".
        restore_requested(): the user pressed "Restore…".
    """

    backup_requested = Signal()
    restore_requested = Signal()
    export_requested = Signal()

    def __init__(
        self,
        context: AppContext,
        cues: Callable[[], CuePlayer] | None = None,
        autostart: Autostart | None = None,
    ) -> None:
        """``cues``: the app's cue player, asked for when "Test sound" is pressed.
        ``autostart``: where this computer starts apps at login (default: found here)."""
        super().__init__(_("Settings"))
        self._context = context
        self._cues = cues
        if autostart is None:
            from stenosis_coach.services.autostart import autostart_for

            autostart = autostart_for()
        self._autostart = autostart
        layout = self.column
        # Each card with the guide's part about it, for F1 (ui/help/window.py).
        for card, part in (
            (self._text_card(), "settings"),
            (self._sound_card(), "settings"),
            (ReminderCard(context), "reminders"),  # ui/reminders_settings.py (issue 16)
            (self._start_card(), "reminders"),
            (self._data_card(), "data"),
        ):
            card.setProperty(SECTION_PROPERTY, part)
            layout.addWidget(card)
        layout.addStretch(1)
        self.show_settings(context.settings)
        context.settings_changed.connect(self.show_settings)

    # -- building -------------------------------------------------------------------
    def _text_card(self) -> Card:
        card = Card(_("Text and colours"))
        self.size_group = QButtonGroup(self)
        row = QHBoxLayout()
        row.setSpacing(2 * SPACING)
        self.size_buttons: dict[TextSize, QRadioButton] = {}
        for size in TextSize:
            radio = QRadioButton(size.label)
            radio.setAccessibleName(_("Text size: {size}").format(size=size.label))
            self.size_group.addButton(radio)
            self.size_buttons[size] = radio
            radio.toggled.connect(lambda on, s=size: on and self._set(text_size=s))
            row.addWidget(radio)
        row.addStretch(1)
        one_tab_stop(self.size_group)  # Tab lands on the size in use, not on "Normal"
        card.body.addWidget(label(_("Text size")))
        card.body.addLayout(row)
        card.body.addWidget(label(_(SAMPLE_TEXT), "secondary"))
        self.contrast = QCheckBox(_("High-contrast colours (white text on black)"))
        self.contrast.setAccessibleName(_("High-contrast colours"))
        self.contrast.toggled.connect(lambda on: self._set(high_contrast=on))
        card.body.addWidget(self.contrast)
        return card

    def _sound_card(self) -> Card:
        card = Card(_("Sound"))
        self.sound = QCheckBox(_("Play sounds and spoken cues"))
        self.sound.setAccessibleName(_("Play sounds and spoken cues"))
        self.sound.toggled.connect(lambda on: self._set(sound_on=on))
        card.body.addWidget(self.sound)
        row = QHBoxLayout()
        self.volume_label = label("", wrap=False)
        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setRange(0, 100)
        self.volume.setSingleStep(VOLUME_STEP)
        self.volume.setPageStep(VOLUME_STEP)
        self.volume.setTickInterval(VOLUME_STEP)
        self.volume.setAccessibleName(_("Volume"))
        self.volume.setMinimumWidth(280)
        self.volume.valueChanged.connect(self._volume_moved)
        row.addWidget(self.volume_label)
        row.addWidget(self.volume, 1)
        card.body.addLayout(row)
        self.test_sound = button(_("Test sound"), _("Test sound: play a cue at this volume"))
        self.test_sound.clicked.connect(self._test_sound)
        card.body.addLayout(button_row(self.test_sound))
        self.sound_result = label("", "secondary")
        self.sound_result.hide()
        card.body.addWidget(self.sound_result)
        return card

    def _start_card(self) -> Card:
        card = Card(_("Starting the app"))
        self.start_at_login = QCheckBox(_("Start when I log in"))
        self.start_at_login.setAccessibleName(_("Start when I log in"))
        self.start_at_login.toggled.connect(self._start_at_login_toggled)
        self.start_at_login_note = label(
            _(
                "The app then opens quietly in the background each time you start the "
                "computer, so that reminders can reach you."
            ),
            "secondary",
        )
        self.start_at_login.setAccessibleDescription(self.start_at_login_note.text())
        card.body.addWidget(self.start_at_login)
        card.body.addWidget(self.start_at_login_note)
        if self._autostart is None:  # a desktop the app knows no way for
            card.hide()
        return card

    def _data_card(self) -> Card:
        card = Card(_("Your data"))
        card.body.addWidget(label(privacy_text()))
        self.location = label("", "secondary")
        self.location.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        card.body.addWidget(self.location)
        self.backup_button = button(_("Back up…"), _("Back up your data to a file"))
        self.restore_button = button(_("Restore…"), _("Restore your data from a backup file"))
        self.export_button = button(
            _("Export data…"), _("Export all your data as spreadsheet files")
        )
        self.backup_button.clicked.connect(self.backup_requested)
        self.restore_button.clicked.connect(self.restore_requested)
        self.export_button.clicked.connect(self.export_requested)
        card.body.addLayout(button_row(self.backup_button, self.restore_button, self.export_button))
        card.body.addWidget(
            label(
                _("{app} version {version}").format(app=APP_TITLE, version=__version__),
                "secondary",
            )
        )
        return card

    # -- showing and changing -------------------------------------------------------
    def show_settings(self, settings: Settings) -> None:
        for widget in (*self.size_buttons.values(), self.contrast, self.sound, self.volume):
            widget.blockSignals(True)
        self.size_buttons[settings.text_size].setChecked(True)
        self.contrast.setChecked(settings.high_contrast)
        self.sound.setChecked(settings.sound_on)
        self.volume.setValue(settings.volume)
        self.volume.setEnabled(settings.sound_on)
        for widget in (*self.size_buttons.values(), self.contrast, self.sound, self.volume):
            widget.blockSignals(False)
        self.volume_label.setText(_("Volume: {percent}%").format(percent=settings.volume))
        self.location.setText(
            _("Data folder: {folder}").format(folder=self._context.paths.data_dir)
        )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._show_start_at_login()

    def _show_start_at_login(self) -> None:
        """The box says what is on disk now (the desktop's own settings may change it)."""
        on = self._autostart is not None and self._autostart.is_enabled()
        self.start_at_login.blockSignals(True)
        self.start_at_login.setChecked(on)
        self.start_at_login.blockSignals(False)

    def _start_at_login_toggled(self, on: bool) -> None:
        from stenosis_coach.errors import UserError
        from stenosis_coach.services.autostart import data_dir_to_pass, launch_command

        if self._autostart is None:
            return
        try:
            if on:
                data_dir = data_dir_to_pass(self._context.paths.data_dir)
                self._autostart.enable(launch_command(data_dir=data_dir))
            else:
                self._autostart.disable()
        except UserError as problem:
            self._context.dialogs.warn(_("“Start when I log in” was not changed"), problem.message)
        self._show_start_at_login()

    def _test_sound(self) -> None:
        """Play the start cue at the chosen volume, or say calmly why nothing is heard."""
        from stenosis_coach.ui.cues import cue_text

        settings = self._context.settings
        player = self._cues() if self._cues is not None else None
        if not settings.sound_on:
            said = _("Sound is off. Tick “Play sounds and spoken cues” to hear the cues.")
        elif settings.volume == 0:
            said = _("The volume is at 0%. Move it to the right to hear the cues.")
        elif player is None:
            said = _("No sound device found; cues are shown on screen only.")
        else:
            # As chosen on this page now, whatever the player was last told.
            player.set_volume(settings.volume / 100)
            player.set_muted(False)
            player.play(TEST_CUE)
            said = (
                player.last_error
                if not player.available and player.last_error
                else _(
                    "You should hear “{cue}” now. If you hear nothing, turn up the computer's "
                    "volume."
                ).format(cue=cue_text(TEST_CUE))
            )
        self.sound_result.setText(said)
        self.sound_result.show()

    def _volume_moved(self, value: int) -> None:
        stepped = round(value / VOLUME_STEP) * VOLUME_STEP
        self._set(volume=stepped)

    def _set(self, **changes: object) -> None:
        self._context.update_settings(**changes)
