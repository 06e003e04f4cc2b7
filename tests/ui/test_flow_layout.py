"""The record page's facts wrap onto more lines when the width runs out."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from crm.ui.widgets.flow import FlowLayout


def test_labels_wrap_onto_the_next_line_and_hidden_ones_take_no_room(qtbot):
    box = QWidget()
    qtbot.addWidget(box)
    flow = FlowLayout(box)
    labels = [QLabel(f"Massachusetts party agrees: {n}", box) for n in range(4)]
    for label in labels:
        flow.addWidget(label)
    line = labels[0].sizeHint().height()
    wide = sum(label.sizeHint().width() for label in labels) + 40
    assert flow.heightForWidth(wide) == line
    box.resize(labels[0].sizeHint().width() + 20, 400)
    box.show()
    assert flow.heightForWidth(box.width()) == 4 * line + 3 * flow.spacing()
    assert [label.y() for label in labels] == [n * (line + flow.spacing()) for n in range(4)]
    labels[1].hide()
    assert flow.heightForWidth(box.width()) == 3 * line + 2 * flow.spacing()
