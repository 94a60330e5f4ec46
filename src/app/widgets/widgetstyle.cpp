#include "widgets/widgetstyle.h"

#include <QCoreApplication>
#include <QIcon>
#include <QPainter>
#include <QRectF>
#include <QToolButton>

namespace widgets {

bool isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor mixColors(const QColor &a, const QColor &b, qreal amount)
{
    const qreal t = qBound(0.0, amount, 1.0);
    const QColor ra = a.toRgb();
    const QColor rb = b.toRgb();
    return QColor::fromRgbF(float(ra.redF() + (rb.redF() - ra.redF()) * t),
                            float(ra.greenF() + (rb.greenF() - ra.greenF()) * t),
                            float(ra.blueF() + (rb.blueF() - ra.blueF()) * t));
}

QColor errorTextColor(const QPalette &palette)
{
    return isDarkPalette(palette) ? QColor(0xff, 0x8a, 0x80) : QColor(0xb3, 0x26, 0x1e);
}

BannerColors bannerColors(BannerTone tone, const QPalette &palette)
{
    // Fixed tints rather than palette roles: a warning has to look like a warning in any
    // theme, but the dark variants keep the text light so it stays readable.
    const bool dark = isDarkPalette(palette);
    switch (tone) {
    case BannerTone::Error:
        return dark ? BannerColors{QColor(0x4a, 0x1c, 0x20), QColor(0xb4, 0x47, 0x4f),
                                   QColor(0xf7, 0xd0, 0xd3)}
                    : BannerColors{QColor(0xfd, 0xe7, 0xe9), QColor(0xe0, 0x70, 0x7a),
                                   QColor(0x6e, 0x10, 0x16)};
    case BannerTone::Warning:
        return dark ? BannerColors{QColor(0x3f, 0x34, 0x13), QColor(0xa8, 0x86, 0x1e),
                                   QColor(0xf5, 0xe3, 0xa3)}
                    : BannerColors{QColor(0xff, 0xf4, 0xce), QColor(0xe6, 0xb4, 0x22),
                                   QColor(0x5c, 0x44, 0x00)};
    case BannerTone::Info:
        return dark ? BannerColors{QColor(0x1b, 0x32, 0x47), QColor(0x3f, 0x78, 0xa8),
                                   QColor(0xcf, 0xe4, 0xf7)}
                    : BannerColors{QColor(0xe5, 0xf1, 0xfb), QColor(0x7f, 0xb2, 0xe0),
                                   QColor(0x0f, 0x3a, 0x5e)};
    }
    return {};
}

void paintBanner(QPainter &painter, const QRectF &rect, const BannerColors &colors)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(colors.border, 1));
    painter.setBrush(colors.background);
    painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
    painter.restore();
}

void setupCloseButton(QToolButton *button)
{
    button->setAutoRaise(true);
    button->setToolTip(QCoreApplication::translate("widgets", "Dismiss"));
    button->setAccessibleName(QCoreApplication::translate("widgets", "Dismiss"));
    // The styles' own title-bar icons look like window decorations inside a bar.
    const QIcon icon = QIcon::fromTheme(QStringLiteral("window-close"));
    if (icon.isNull())
        button->setText(QStringLiteral("\u2715"));
    else
        button->setIcon(icon);
}

} // namespace widgets
