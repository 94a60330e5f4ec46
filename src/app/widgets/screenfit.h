#pragma once

#include <QSize>

class QWidget;

// A window's first size: `wanted`, but never larger than the available area of the screen
// it opens on (a 1024×640 screen has no room for a 1280×900 window, whose title bar and
// buttons would then lie off the screen), and centred there.
void resizeWithinScreen(QWidget *window, QSize wanted);
