#pragma once

#include <QColor>
#include <QPalette>

class QPainter;
class QRectF;
class QToolButton;

// Colours shared by the hand-painted widgets, derived from the palette so that they read
// in light and dark themes alike.
namespace widgets {

bool isDarkPalette(const QPalette &palette);
// `a` blended towards `b` by `amount` (0: a, 1: b).
QColor mixColors(const QColor &a, const QColor &b, qreal amount);
// The red used for errors on the palette's base/window colour.
QColor errorTextColor(const QPalette &palette);

enum class BannerTone { Error, Warning, Info };
struct BannerColors {
    QColor background;
    QColor border;
    QColor text;
};
BannerColors bannerColors(BannerTone tone, const QPalette &palette);
// The rounded, bordered background of a message bar.
void paintBanner(QPainter &painter, const QRectF &rect, const BannerColors &colors);
// The small flat "close" button of a message bar (icon from the theme, else a ✕).
void setupCloseButton(QToolButton *button);

} // namespace widgets
