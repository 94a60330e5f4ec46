#pragma once

#include <QColor>
#include <QVariant>

namespace models {

// How the ticket table marks a row unread for me: every cell bold (on top of the italics
// of an internal ticket or an unsent value), a filled dot before the title, and "unread"
// in the title's accessible text. `value` is what the cell gives without the mark.
QVariant unreadCellData(int column, int role, QVariant value);
// The dot's colour: the blue of links, unlike the priority and status colours.
QColor unreadDotColor();

} // namespace models
