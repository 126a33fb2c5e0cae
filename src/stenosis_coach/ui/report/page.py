"""The Report page: choose the range, see page 1, save the PDF or print it (issue 7)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, Qt, QTimer
from PySide6.QtWidgets import QLineEdit, QProgressDialog, QTextBrowser, QTextEdit, QWidget

from stenosis_coach.errors import InvalidInput, UserError
from stenosis_coach.i18n import _, pgettext
from stenosis_coach.services.changes import RECORDED
from stenosis_coach.ui.context import AppContext
from stenosis_coach.ui.dialogs import pdf_filter
from stenosis_coach.ui.inputs import DateField
from stenosis_coach.ui.widgets import (
    SPACING,
    ActionRow,
    Card,
    PageBase,
    button,
    button_row,
    label,
)
from stenosis_coach.ui.writes import Follow

if TYPE_CHECKING:
    from stenosis_coach.core.report.model import Report

REPORTS = "report"  # the kind of file dialog (Dialogs.start_folder): its folder is its own


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


def _together(*widgets: QWidget) -> QWidget:
    """``widgets`` side by side, kept on one line (a word and its box)."""
    holder = QWidget()
    row = button_row(*widgets)
    row.setContentsMargins(0, 0, 0, 0)
    holder.setLayout(row)
    return holder


class PagePreview(QTextBrowser):
    """Page 1 as on paper, its words wrapped a few pixels inside the box: a table's
    border may stand a pixel past the width it is given (Qt rounds its columns), which
    must not make the preview scroll sideways."""

    SLACK = SPACING // 2

    def __init__(self) -> None:
        super().__init__()
        self.setLineWrapMode(QTextEdit.LineWrapMode.FixedPixelWidth)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:  # the box, or its scroll bar, changed
            wide = max(1, self.viewport().width() - self.SLACK)
            if wide != self.lineWrapColumnOrWidth():
                self.setLineWrapColumnOrWidth(wide)
        return super().viewportEvent(event)


class ReportPage(PageBase):
    """Signals: none; the page saves and prints by itself through the context's dialogs."""

    def __init__(self, context: AppContext) -> None:
        super().__init__(_("Report for your appointment"))
        self._context = context
        self._report: Report | None = None
        self.column.addWidget(
            label(
                _(
                    "A PDF to take to your doctor or physiotherapist. Page 1 tells the story; "
                    "the pages after it hold the details and questions for your visit."
                ),
                "secondary",
            )
        )
        what = Card(_("What to include"))
        self.first = DateField(_("Report from date"))  # each one Tab stop: Tab goes from -> to
        self.last = DateField(_("Report to date"))
        for widget in (self.first, self.last):
            widget.dateChanged.connect(self._changed)
        self.whole = button(_("Whole programme"), _("Report on the whole programme"))
        self.twelve = button(_("Last 12 weeks"), _("Report on the last 12 weeks"))
        self.four = button(_("Last 4 weeks"), _("Report on the last 4 weeks"))
        self.whole.clicked.connect(lambda: self.set_range(None))
        self.twelve.clicked.connect(lambda: self.set_range(84))
        self.four.clicked.connect(lambda: self.set_range(28))
        # "From [date] to [date]": the boxes sit between the words, in this order; where
        # the page is narrow (extra-large text, longer words) "to [date]" goes on to a
        # second line, each word kept before its own box.
        what.body.addLayout(
            ActionRow(
                _together(label(pgettext("report range", "From"), wrap=False), self.first),
                _together(label(pgettext("report range", "to"), wrap=False), self.last),
            )
        )
        what.body.addLayout(ActionRow(self.whole, self.twelve, self.four))  # wraps when narrow
        self.patient = QLineEdit()
        self.patient.setAccessibleName(_("Your name on the report (optional)"))
        self.patient.setPlaceholderText(_("Your name on the report (optional)"))
        self.patient.textChanged.connect(self._changed)
        what.body.addWidget(self.patient)
        self.error = label("", "error")
        what.body.addWidget(self.error)
        self.column.addWidget(what)
        self.save = button(_("Save PDF…"), _("Save the report as a PDF"), "primary")
        self.print_button = button(_("Print…"), _("Print the report"))
        self.save.clicked.connect(self.save_pdf)
        self.print_button.clicked.connect(self.print_report)
        self.column.addLayout(ActionRow(self.save, self.print_button))
        preview = Card(_("Page 1"))
        self.preview = PagePreview()
        self.preview.setAccessibleName(_("Preview of page 1 of the report"))
        self.preview.setMinimumHeight(560)
        self.preview.setStyleSheet("background: #FFFFFF; color: #000000;")
        preview.body.addWidget(self.preview)
        self.column.addWidget(preview)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)  # typing a name does not rebuild on every letter
        self._timer.timeout.connect(self.refresh)
        self.follow = Follow(self, context, RECORDED, self.refresh)
        self._ranged = False
        self.set_range(None)

    # -- the range ------------------------------------------------------------------------
    def today(self) -> date:
        coach = self._context.coach
        return coach.today_date() if coach is not None else date.today()

    def set_range(self, days: int | None) -> None:
        today = self.today()
        first = today - timedelta(days=days - 1) if days else self._programme_start(today)
        for widget, day in ((self.first, first), (self.last, today)):
            widget.blockSignals(True)
            widget.setDate(_qdate(day))
            widget.blockSignals(False)
        self.refresh()

    def _programme_start(self, today: date) -> date:
        coach = self._context.coach
        return today if coach is None else coach.programme_start()

    def _changed(self, *_args) -> None:
        self._timer.start()

    # -- building -------------------------------------------------------------------------
    def refresh(self) -> None:
        coach = self._context.coach
        if coach is None:
            return
        from stenosis_coach.ui.report.render import page_one, plot_png

        try:
            self._report = coach.report_model(
                _day(self.first.date()), _day(self.last.date()), self.patient.text()
            )
        except InvalidInput as exc:
            self._report = None
            self.error.setText(exc.message)
            self.save.setEnabled(False)
            self.print_button.setEnabled(False)
            return
        self.error.setText("")
        self.save.setEnabled(True)
        self.print_button.setEnabled(True)
        html = page_one(self._report, plot_png(self._report.page1.plot))
        self.preview.setHtml(f"<html><body style='color:#000000'>{html}</body></html>")

    def save_pdf(self) -> Path | None:
        from stenosis_coach.ui.report.render import write_report_pdf

        if self._report is None:
            return None
        ctx = self._context
        folder = ctx.dialogs.start_folder(REPORTS)  # where the last report went, or home
        suggested = folder / f"stenosis-report-{self.today().isoformat()}.pdf"
        target = ctx.dialogs.save_path(
            _("Save the report"),
            suggested,
            pdf_filter(),
            ".pdf",  # not translated: a file name's ending
        )
        if target is None:
            return None
        ctx.dialogs.remember_folder(REPORTS, target)
        progress = QProgressDialog(_("Making the report…"), "", 0, 100, self)
        progress.setCancelButton(None)
        progress.setMinimumDuration(1000)  # only shown when it takes over a second
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        try:
            write_report_pdf(self._report, target, progress=progress.setValue)
        except UserError as exc:  # a full disk, a read-only place: one sentence
            ctx.dialogs.warn(_("The report was not saved"), exc.message)
            return None
        finally:
            progress.close()
        ctx.dialogs.inform(_("Report saved"), _("The report is in {file}.").format(file=target))
        return target

    def print_report(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from stenosis_coach.ui.pdf import page_size_for_locale
        from stenosis_coach.ui.report.render import plot_png, report_document

        if self._report is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(page_size_for_locale())
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        report_document(self._report, plot_png(self._report.page1.plot)).print_(printer)
