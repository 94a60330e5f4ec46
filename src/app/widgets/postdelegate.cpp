#include "widgets/postdelegate.h"

#include "models/labels.h"
#include "models/postlistmodel.h"
#include "widgets/widgetstyle.h"

#include <QAbstractItemView>
#include <QHelpEvent>
#include <QListView>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QTextLayout>
#include <QToolTip>
#include <memory>

using namespace Qt::StringLiterals;
using Roles = models::PostListModel::Role;

namespace {

constexpr int HMargin = 10; // between the view's edge and a card
constexpr int VMargin = 4;  // above and below a card (8 px between two)
constexpr int Pad = 8;      // inside a card
constexpr int LineGap = 4;  // between the header, the body and the attachment lines
constexpr int MinBubble = 260;
const QColor StaffAccent(0x3b, 0x82, 0xc4);

QFont smallerFont(const QFont &font)
{
    QFont f = font;
    if (f.pointSizeF() > 0)
        f.setPointSizeF(f.pointSizeF() * 0.9);
    else if (f.pixelSize() > 0)
        f.setPixelSize(qMax(8, int(f.pixelSize() * 0.9)));
    return f;
}

QFont boldFont(const QFont &font)
{
    QFont f = font;
    f.setBold(true);
    return f;
}

QString timeText(const QVariant &createdAt)
{
    if (createdAt.typeId() == QMetaType::QDateTime) {
        const QDateTime dt = createdAt.toDateTime();
        return dt.isValid() ? models::shortDateTime(dt.toMSecsSinceEpoch()) : QString();
    }
    bool ok = false;
    const qint64 msecs = createdAt.toLongLong(&ok);
    return ok ? models::shortDateTime(msecs) : QString();
}

qint64 createdMsecs(const QVariant &createdAt)
{
    if (createdAt.typeId() == QMetaType::QDateTime)
        return createdAt.toDateTime().toMSecsSinceEpoch();
    return createdAt.toLongLong();
}

// The width rows are laid out for: the view's viewport when we know it (sizeHint is asked
// before the item has a rect), else the rect we were given.
int availableWidth(const QStyleOptionViewItem &option)
{
    if (const auto *view = qobject_cast<const QAbstractItemView *>(option.widget)) {
        int width = view->viewport()->width();
        if (const auto *list = qobject_cast<const QListView *>(view))
            width -= 2 * list->spacing();
        if (width > 0)
            return width;
    }
    return option.rect.width() > 0 ? option.rect.width() : 400;
}

// A paperclip drawn rather than the 📎 emoji, which many fonts lack.
void drawPaperclip(QPainter *painter, const QRectF &box, const QColor &color)
{
    const qreal sx = box.width() / 10.0;
    const qreal sy = box.height() / 16.0;
    auto at = [&](qreal x, qreal y) {
        return QPointF(box.left() + x * sx, box.top() + y * sy);
    };
    auto arc = [&](qreal x, qreal y, qreal w, qreal h) {
        return QRectF(at(x, y), QSizeF(w * sx, h * sy));
    };
    QPainterPath path(at(7.5, 5));
    path.lineTo(at(7.5, 12.5));
    path.arcTo(arc(2.5, 10, 5, 5), 0, -180);
    path.lineTo(at(2.5, 3));
    path.arcTo(arc(2.5, 1, 4, 4), 180, -180);
    path.lineTo(at(6.5, 11));
    path.arcTo(arc(4.5, 10, 2, 2), 0, -180);
    path.lineTo(at(4.5, 5));
    painter->save();
    painter->setPen(QPen(color, qMax(1.0, box.height() / 14), Qt::SolidLine, Qt::RoundCap));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(path);
    painter->restore();
}

} // namespace

struct PostDelegate::Layout {
    struct Line {
        QRect rect;
        QString text;
        QString id;
    };

    QRect card;
    QRect badge;
    QString badgeText;
    QRect header;
    QString author;
    QString time;
    QRect timeRect;
    QPointF bodyPos;
    std::unique_ptr<QTextLayout> body;
    QList<Line> attachments;
    QRect status;
    QString statusText;
    bool pending = false;
    bool failed = false;
    bool staff = false;
    int naturalWidth = 0; // of the row: card plus margins
    int height = 0;
    QFont bodyFont, authorFont, metaFont, badgeFont;
};

PostDelegate::PostDelegate(Mode mode, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_mode(mode)
{}

PostDelegate::~PostDelegate() = default;

void PostDelegate::configureView(QListView *view)
{
    view->setUniformItemSizes(false);
    view->setWordWrap(true);
    view->setResizeMode(QListView::Adjust);
    view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view->setSelectionMode(QAbstractItemView::NoSelection);
}

PostDelegate::Layout PostDelegate::layoutFor(const QStyleOptionViewItem &option,
                                             const QModelIndex &index, const QRect &rect) const
{
    Layout l;
    l.bodyFont = option.font;
    l.authorFont = boldFont(option.font);
    l.metaFont = smallerFont(option.font);
    l.badgeFont = boldFont(l.metaFont);
    const QFontMetrics bodyFm(l.bodyFont), authorFm(l.authorFont), metaFm(l.metaFont),
        badgeFm(l.badgeFont);

    const bool notes = m_mode == Mode::Notes;
    l.staff = index.data(Roles::AuthorTypeRole).toString() == u"staff"_s;
    l.author = index.data(Roles::AuthorNameRole).toString();
    l.time = timeText(index.data(Roles::CreatedAtRole));
    const QString failure = index.data(Roles::FailedRole).toString();
    l.failed = !failure.isEmpty();
    l.pending = !l.failed && index.data(Roles::PendingRole).toBool();

    const int width = rect.width();
    int maxCard = qMax(0, width - 2 * HMargin);
    if (!notes && maxCard > MinBubble)
        maxCard = qMax(MinBubble, int(maxCard * 0.78)); // bubbles leave room to tell sides apart
    const int innerMax = qMax(40, maxCard - 2 * Pad);

    // Natural widths decide how wide a bubble is; notes always take the full width.
    int natural = 0;
    int headerHeight = qMax(authorFm.height(), metaFm.height());
    int badgeWidth = 0;
    if (notes) {
        l.badgeText = tr("Staff only");
        badgeWidth = badgeFm.horizontalAdvance(l.badgeText) + 12;
        headerHeight = qMax(headerHeight, badgeFm.height() + 4);
    }
    const int authorWidth = authorFm.horizontalAdvance(l.author);
    const int timeWidth = l.time.isEmpty() ? 0 : metaFm.horizontalAdvance(l.time);
    natural = (badgeWidth ? badgeWidth + 8 : 0) + authorWidth + (timeWidth && authorWidth ? 8 : 0) +
              timeWidth;

    QString text = index.data(Roles::BodyRole).toString();
    text.replace(u"\r\n"_s, u"\n"_s);
    text.replace(u'\n', QChar::LineSeparator); // QTextLayout breaks lines only at U+2028
    auto layoutBody = [&](int lineWidth) {
        auto layout = std::make_unique<QTextLayout>(text, l.bodyFont);
        QTextOption textOption;
        textOption.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
        layout->setTextOption(textOption);
        layout->setCacheEnabled(true);
        qreal y = 0;
        layout->beginLayout();
        for (QTextLine line = layout->createLine(); line.isValid(); line = layout->createLine()) {
            line.setLineWidth(lineWidth);
            line.setPosition(QPointF(0, y));
            y += line.height();
        }
        layout->endLayout();
        return layout;
    };
    auto naturalBodyWidth = [](const QTextLayout &layout) {
        qreal w = 0;
        for (int i = 0; i < layout.lineCount(); ++i)
            w = qMax(w, layout.lineAt(i).naturalTextWidth());
        return int(std::ceil(w));
    };
    if (!text.isEmpty()) {
        l.body = layoutBody(innerMax);
        natural = qMax(natural, naturalBodyWidth(*l.body));
    }

    const QLocale locale;
    const QVariantList attachments = index.data(Roles::AttachmentsRole).toList();
    const int clipWidth = bodyFm.height() * 3 / 4;
    for (const QVariant &value : attachments) {
        const QVariantMap map = value.toMap();
        Layout::Line line;
        line.id = map.value(u"id"_s).toString();
        line.text = tr("%1 (%2)").arg(map.value(u"name"_s).toString(),
                                      locale.formattedDataSize(map.value(u"size"_s).toLongLong()));
        natural = qMax(natural, clipWidth + 4 + bodyFm.horizontalAdvance(line.text));
        l.attachments.append(line);
    }

    QFont statusFont = l.metaFont;
    statusFont.setItalic(l.pending);
    const QFontMetrics statusFm(statusFont);
    int statusHeight = 0;
    if (l.failed || l.pending) {
        l.statusText = l.failed ? tr("Not sent: %1").arg(failure) : tr("Sending…");
        const QRect bounds = statusFm.boundingRect(
            QRect(0, 0, innerMax, 100000), Qt::TextWordWrap | Qt::TextWrapAnywhere, l.statusText);
        natural = qMax(natural, bounds.width());
        statusHeight = bounds.height();
    }

    const int contentWidth = notes ? qMax(0, maxCard - 2 * Pad) : qMin(innerMax, natural);
    if (l.body && contentWidth < innerMax)
        l.body = layoutBody(contentWidth); // same lines; right-to-left text aligns to the bubble
    const int cardWidth = contentWidth + 2 * Pad;

    int x = rect.left() + HMargin;
    if (!notes && l.staff)
        x = rect.left() + width - HMargin - cardWidth;
    const int top = rect.top() + VMargin;
    int y = top + Pad;
    const int left = x + Pad;

    int headerLeft = left;
    if (notes) {
        l.badge = QRect(left, y + (headerHeight - badgeFm.height() - 4) / 2, badgeWidth,
                        badgeFm.height() + 4);
        headerLeft += badgeWidth + 8;
    }
    l.header = QRect(headerLeft, y, qMax(0, left + contentWidth - headerLeft), headerHeight);
    if (timeWidth) {
        const int timeLeft = qMax(headerLeft, l.header.right() + 1 - timeWidth);
        // Bubbles put the time after the name; notes right-align it in the wide card.
        const int after = headerLeft + (authorWidth ? authorWidth + 8 : 0);
        l.timeRect = QRect(notes ? timeLeft : qMin(after, timeLeft), y,
                           qMin(timeWidth, l.header.width()), headerHeight);
    }
    y += headerHeight;

    if (l.body) {
        y += LineGap;
        l.bodyPos = QPointF(left, y);
        y += int(std::ceil(l.body->boundingRect().height()));
    }
    if (!l.attachments.isEmpty()) {
        y += LineGap;
        for (Layout::Line &line : l.attachments) {
            line.rect = QRect(left, y, contentWidth, bodyFm.height());
            y += bodyFm.height() + 2;
        }
    }
    if (statusHeight) {
        y += LineGap;
        l.status = QRect(left, y, contentWidth, statusHeight);
        y += statusHeight;
    }
    y += Pad;

    l.card = QRect(x, top, cardWidth, y - top);
    l.height = y + VMargin - rect.top();
    l.naturalWidth = notes ? width : cardWidth + 2 * HMargin;
    return l;
}

QSize PostDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (!index.isValid())
        return {};
    const QRect rect(0, 0, availableWidth(option), 0);
    const Layout l = layoutFor(option, index, rect);
    return {l.naturalWidth, l.height};
}

void PostDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                         const QModelIndex &index) const
{
    if (!index.isValid())
        return;
    const Layout l = layoutFor(option, index, option.rect);
    const QPalette &pal = option.palette;
    const bool dark = widgets::isDarkPalette(pal);
    const QColor base = pal.color(QPalette::Base);
    const QColor text = pal.color(QPalette::Text);
    const QColor meta = widgets::mixColors(text, base, 0.42);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setClipRect(option.rect);
    if (l.pending)
        painter->setOpacity(0.6);

    QColor fill;
    QColor border;
    if (m_mode == Mode::Notes) {
        const auto amber = widgets::bannerColors(widgets::BannerTone::Warning, pal);
        fill = amber.background;
        border = amber.border;
    } else if (l.staff) {
        fill = widgets::mixColors(base, StaffAccent, dark ? 0.32 : 0.15);
        border = widgets::mixColors(base, StaffAccent, dark ? 0.55 : 0.35);
    } else {
        fill = widgets::mixColors(base, text, dark ? 0.10 : 0.05);
        border = widgets::mixColors(base, text, 0.18);
    }
    const bool selected = option.state & QStyle::State_Selected;
    painter->setPen(QPen(selected ? pal.color(QPalette::Highlight) : border, selected ? 2 : 1));
    painter->setBrush(fill);
    painter->drawRoundedRect(QRectF(l.card).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8);

    if (option.state & QStyle::State_HasFocus) {
        // The keyboard's place in the list: a ring around the card, apart from its border,
        // so that it reads in every mode and is not taken for a selection or an error.
        QPen ring(pal.color(QPalette::Highlight), 2);
        ring.setStyle(Qt::DashLine);
        painter->setPen(ring);
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(QRectF(l.card).adjusted(-2.5, -2.5, 2.5, 2.5), 10, 10);
    }

    if (!l.badge.isEmpty()) {
        const QColor badgeFill = border;
        painter->setPen(Qt::NoPen);
        painter->setBrush(badgeFill);
        painter->drawRoundedRect(l.badge, l.badge.height() / 2.0, l.badge.height() / 2.0);
        painter->setFont(l.badgeFont);
        painter->setPen(qGray(badgeFill.rgb()) < 150 ? QColor(Qt::white)
                                                     : QColor(0x2b, 0x20, 0x00));
        painter->drawText(l.badge, Qt::AlignCenter | Qt::TextSingleLine, l.badgeText);
    }

    const int authorSpace =
        (l.timeRect.isNull() ? l.header.right() : l.timeRect.left() - 8) - l.header.left() + 1;
    painter->setFont(l.authorFont);
    painter->setPen(text);
    painter->drawText(
        QRect(l.header.left(), l.header.top(), qMax(0, authorSpace), l.header.height()),
        Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
        QFontMetrics(l.authorFont).elidedText(l.author, Qt::ElideRight, authorSpace));
    if (!l.timeRect.isNull()) {
        painter->setFont(l.metaFont);
        painter->setPen(meta);
        painter->drawText(l.timeRect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                          l.time);
    }

    if (l.body) {
        painter->setFont(l.bodyFont);
        painter->setPen(text);
        l.body->draw(painter, l.bodyPos);
    }

    const QColor link = dark ? widgets::mixColors(pal.color(QPalette::Link), Qt::white, 0.35)
                             : pal.color(QPalette::Link);
    const QFontMetrics bodyFm(l.bodyFont);
    for (const Layout::Line &line : l.attachments) {
        const int clipWidth = line.rect.height() * 3 / 4;
        drawPaperclip(
            painter,
            QRectF(line.rect.left(), line.rect.top() + 1, clipWidth, line.rect.height() - 2), link);
        const QRect textRect = line.rect.adjusted(clipWidth + 4, 0, 0, 0);
        painter->setFont(l.bodyFont);
        painter->setPen(link);
        painter->drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                          bodyFm.elidedText(line.text, Qt::ElideMiddle, textRect.width()));
    }

    if (!l.statusText.isEmpty()) {
        QFont statusFont = l.metaFont;
        statusFont.setItalic(l.pending);
        painter->setFont(statusFont);
        painter->setPen(l.failed ? widgets::errorTextColor(pal) : meta);
        painter->drawText(l.status, Qt::TextWordWrap | Qt::TextWrapAnywhere | Qt::AlignLeft,
                          l.statusText);
    }
    painter->restore();
}

QString PostDelegate::attachmentIdAt(const QStyleOptionViewItem &option, const QModelIndex &index,
                                     const QPoint &pos) const
{
    if (!index.isValid())
        return {};
    const Layout l = layoutFor(option, index, option.rect);
    for (const Layout::Line &line : l.attachments) {
        if (line.rect.contains(pos))
            return line.id;
    }
    return {};
}

bool PostDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
                             const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (!event || !index.isValid() || event->type() != QEvent::ToolTip)
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    const Layout l = layoutFor(option, index, option.rect);
    QString tip;
    if (l.timeRect.contains(event->pos()))
        tip = models::longDateTime(createdMsecs(index.data(Roles::CreatedAtRole)));
    for (const Layout::Line &line : l.attachments) {
        if (line.rect.contains(event->pos()))
            tip = models::plainToolTip(line.text);
    }
    if (tip.isEmpty()) {
        QToolTip::hideText();
        return true; // no tooltip of the body: it is on screen already
    }
    QToolTip::showText(event->globalPos(), tip, view);
    return true;
}
