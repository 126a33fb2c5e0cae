"""An exercise illustration, drawn from its SVG on a white panel (also in high contrast,
where a dark line figure would vanish on black)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy

from stenosis_coach.i18n import _
from stenosis_coach.resources import resource_path
from stenosis_coach.ui.theme import set_role

ASPECT = 240 / 320  # every illustration is drawn on a 320 x 240 canvas


def render_illustration(file_name: str | None, width: int) -> QPixmap | None:
    if not file_name:
        return None
    path = resource_path("exercises", "illustrations", file_name)
    if not path.exists():
        return None
    from PySide6.QtSvg import QSvgRenderer  # loaded when the first picture is shown

    renderer = QSvgRenderer(str(path))
    if not renderer.isValid():
        return None
    height = round(width * ASPECT)
    image = QImage(QSize(width, height), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#FFFFFF"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, width, height))
    painter.end()
    return QPixmap.fromImage(image)


class Illustration(QLabel):
    """Shows one exercise's picture; its accessible name is the picture's description."""

    def __init__(self, width: int = 320) -> None:
        super().__init__()
        self._width = width
        self.setFixedSize(width, round(width * ASPECT))
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        set_role(self, "illustration")

    def show_exercise(self, file_name: str | None, description: str) -> None:
        pixmap = render_illustration(file_name, self._width - 4)
        if pixmap is None:
            self.clear()
            self.setText(_("No picture"))
        else:
            self.setPixmap(pixmap)
        self.setAccessibleName(_("Picture: {exercise}").format(exercise=description))
