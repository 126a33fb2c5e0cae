"""What a plan file will add or replace, and who made it, before anything is imported."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal

from stenosis_coach.i18n import _, ngettext
from stenosis_coach.services.plans import ImportPreview
from stenosis_coach.ui.widgets import ActionRow, Card, PageBase, button, label


class ImportPreviewScreen(PageBase):
    """Signals: confirmed(), cancelled()."""

    confirmed = Signal()
    cancelled = Signal()

    def __init__(self, preview: ImportPreview) -> None:
        count = len(preview.plans)
        super().__init__(
            ngettext("Import a plan", "Import {count} plans", count).format(count=count),
            pinned_actions=True,
        )
        for plan in preview.plans:
            card = Card(plan.title)
            card.body.addWidget(
                label(_("From {author}").format(author=plan.author), "section-title")
            )
            if plan.patient:
                card.body.addWidget(
                    label(_("For {patient}").format(patient=plan.patient), "secondary")
                )
            if plan.notes:
                card.body.addWidget(label(_("“{notes}”").format(notes=plan.notes)))
            for heading, items in (
                (_("New routines"), plan.new_routines),
                (_("New exercises"), plan.new_exercises),
            ):
                if items:
                    card.body.addWidget(label(heading, "section-title"))
                    card.body.addWidget(label("\n".join(f"•  {i}" for i in items)))
            if plan.walking:
                card.body.addWidget(label(_("Walking plan"), "section-title"))
                card.body.addWidget(label(plan.walking))
                card.body.addWidget(
                    label(
                        _(
                            "It becomes the starting point of your walks; "
                            "the app then adjusts it as you go."
                        ),
                        "secondary",
                    )
                )
            self.column.addWidget(card)
            if plan.replaced_routines:
                warning = Card(_("This replaces routines you have"), role="warning")
                warning.body.addWidget(
                    label("\n".join(f"•  {name}" for name in plan.replaced_routines))
                )
                self.column.addWidget(warning)
        notice = label(_("Nothing is changed until you press Import."), "secondary")
        self.import_button = button(_("Import"), _("Import the plan"), "primary")
        self.cancel = button(_("Cancel"), _("Do not import"), shortcut_hint="Esc")
        self.import_button.clicked.connect(self.confirmed)
        self.cancel.clicked.connect(self.cancelled)
        self.pin(notice, ActionRow(self.import_button, self.cancel))  # in view at any size
        self.column.addStretch(1)
        self.setFocusProxy(self.import_button)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
        else:
            super().keyPressEvent(event)
