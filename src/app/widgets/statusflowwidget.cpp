#include "widgets/statusflowwidget.h"

#include "core/statusflow.h"
#include "models/labels.h"
#include "widgets/widgetstyle.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QStyle>
#include <QStyleOptionFocusRect>
#include <QToolTip>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {

constexpr int StepCount = core::StatusCount;
constexpr qreal Margin = 1.0; // room for the outline's antialiasing
constexpr qreal Gap = 3.0;    // between a chevron's tip and the next one's notch
constexpr int RowGap = 4;     // between two rows of steps

qreal arrowDepth(qreal height)
{
    return qMin(height * 0.3, 12.0);
}

core::Status statusOf(int step)
{
    return core::Status(step);
}

// White text on dark accents, black on light ones (the accents are mid-tones).
QColor textOn(const QColor &fill)
{
    return qGray(fill.rgb()) < 170 ? QColor(Qt::white) : QColor(Qt::black);
}

} // namespace

StatusFlowWidget::StatusFlowWidget(QWidget *parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    QSizePolicy policy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
    setAccessibleName(tr("Ticket status"));
    updateAccessibleDescription();
}

StatusFlowWidget::~StatusFlowWidget() = default;

void StatusFlowWidget::setStatus(core::Status status)
{
    if (m_status == status)
        return;
    m_status = status;
    // Keyboard focus starts again from the new current step.
    m_focusStep = -1;
    updateGeometry(); // the labels changed (check marks, bold): so may the rows
    updateHoverCursor();
    updateAccessibleDescription();
    update();
}

void StatusFlowWidget::setEditable(bool editable)
{
    if (m_editable == editable)
        return;
    m_editable = editable;
    // A read-only status is not a tab stop: there is nothing to do with it.
    setFocusPolicy(editable ? Qt::StrongFocus : Qt::NoFocus);
    updateHoverCursor();
    updateAccessibleDescription();
    update();
}

int StatusFlowWidget::rowHeight() const
{
    return qMax(34, fontMetrics().height() + 14);
}

QString StatusFlowWidget::labelFor(int step) const
{
    const QString label = models::statusLabel(statusOf(step));
    // Done steps carry a check mark, so that they do not rely on colour alone.
    return step < int(m_status) ? tr("\u2713 %1").arg(label) : label;
}

QFont StatusFlowWidget::fontFor(int step) const
{
    QFont f = font();
    f.setBold(step == int(m_status));
    return f;
}

int StatusFlowWidget::stepWidth() const
{
    int widest = 0;
    for (int step = 0; step < StepCount; ++step)
        widest = qMax(widest, QFontMetrics(fontFor(step)).horizontalAdvance(labelFor(step)));
    // The label's room in a step (see labelRect) and its 4 px of air.
    const qreal a = arrowDepth(rowHeight() - 2 * Margin);
    return widest + int(std::ceil(a + Gap)) + 6;
}

int StatusFlowWidget::columnsFor(int width) const
{
    return qBound(1, int((width - 2 * Margin) / stepWidth()), StepCount);
}

QSize StatusFlowWidget::sizeHint() const
{
    return {StepCount * qMax(110, stepWidth()), rowHeight()};
}

QSize StatusFlowWidget::minimumSizeHint() const
{
    // One step per row at the least: each label stays whole.
    return {stepWidth() + int(2 * Margin), rowHeight()};
}

bool StatusFlowWidget::hasHeightForWidth() const
{
    return true;
}

int StatusFlowWidget::heightForWidth(int width) const
{
    const int columns = columnsFor(width);
    const int rows = (StepCount + columns - 1) / columns;
    return rows * rowHeight() + (rows - 1) * RowGap;
}

bool StatusFlowWidget::labelsFit() const
{
    for (int step = 0; step < StepCount; ++step) {
        if (QFontMetricsF(fontFor(step)).horizontalAdvance(labelFor(step)) >
            labelRect(step).width() - 4)
            return false;
    }
    return true;
}

QRectF StatusFlowWidget::stepRect(int step) const
{
    const int columns = columnsFor(width());
    const qreal band = (width() - 2 * Margin) / columns;
    const int row = step / columns;
    const int column = step % columns;
    return {Margin + column * band, Margin + row * (rowHeight() + RowGap), band,
            rowHeight() - 2 * Margin};
}

int StatusFlowWidget::stepAt(const QPoint &pos) const
{
    for (int step = 0; step < StepCount; ++step) {
        if (stepRect(step).contains(pos))
            return step;
    }
    return -1;
}

bool StatusFlowWidget::isReachable(int step) const
{
    if (!m_editable || step < 0 || step >= StepCount || step == int(m_status))
        return false;
    return core::isLegalTransition(m_status, statusOf(step));
}

int StatusFlowWidget::keyboardStep() const
{
    return m_focusStep >= 0 ? m_focusStep : int(m_status);
}

QPainterPath StatusFlowWidget::chevron(int step) const
{
    const QRectF band = stepRect(step);
    const qreal a = arrowDepth(band.height());
    const qreal top = band.top();
    const qreal bottom = band.bottom();
    const qreal mid = band.center().y();
    const qreal left = band.left();
    const int columns = columnsFor(width());
    // The last step of a row points no further than its own band.
    const bool last = step == StepCount - 1 || step % columns == columns - 1;
    const qreal right = last ? band.right() - a : band.right() - Gap;

    QPainterPath path;
    path.moveTo(left, top);
    path.lineTo(right, top);
    path.lineTo(right + a, mid);
    path.lineTo(right, bottom);
    path.lineTo(left, bottom);
    if (step > 0)
        path.lineTo(left + a, mid); // the notch the previous step's tip points into
    path.closeSubpath();
    return path;
}

QRectF StatusFlowWidget::labelRect(int step) const
{
    const QRectF band = stepRect(step);
    const qreal a = arrowDepth(band.height());
    // Text sits on the middle line, where the notch reaches in by `a` and the tip reaches
    // out by `a`: it may use part of both.
    const qreal left = band.left() + (step > 0 ? a * 0.75 : 4);
    const qreal right = band.right() - a * 0.25 - Gap;
    return {left, band.top() + 2, qMax(0.0, right - left), band.height() - 4};
}

void StatusFlowWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);

    const QPalette pal = palette();
    const QColor base = pal.color(QPalette::Base);
    const QColor text = pal.color(QPalette::Text);
    const QColor current =
        isEnabled() ? models::statusColor(m_status) : widgets::mixColors(base, text, 0.45);
    const int currentStep = int(m_status);
    const bool showFocus = hasFocus() && m_editable;

    for (int step = 0; step < StepCount; ++step) {
        const QPainterPath path = chevron(step);
        const bool reachable = isReachable(step);
        QColor fill = base;
        QColor outline = widgets::mixColors(base, text, 0.35);
        QColor labelColor = text;
        const QFont font = fontFor(step);
        const QString label = labelFor(step);

        if (step == currentStep) {
            fill = current;
            outline = current.darker(115);
            labelColor = textOn(current);
        } else if (step < currentStep) {
            // Done: a tint of the current colour (and a check mark, see labelFor).
            fill = widgets::mixColors(base, current, 0.22);
            outline = widgets::mixColors(base, current, 0.55);
        }
        if (m_editable && step != currentStep) {
            if (!reachable) {
                labelColor = widgets::mixColors(base, text, 0.4);
                outline = widgets::mixColors(base, text, 0.18);
            } else if (step == m_hover) {
                const QColor accent = models::statusColor(statusOf(step));
                fill = widgets::mixColors(base, accent, 0.2);
                outline = accent;
            }
        }

        painter.setPen(QPen(outline, 1));
        painter.setBrush(fill);
        painter.drawPath(path);

        const QRectF textRect = labelRect(step);
        // Steps wrap before a label is cut (see columnsFor); should a label still not fit
        // (a squeezed widget), it shrinks a little before it is elided. Fonts come in points
        // or pixels, depending on the platform.
        QFont fitted = font;
        const bool points = font.pointSizeF() > 0;
        const qreal full = points ? font.pointSizeF() : qreal(font.pixelSize());
        for (qreal size = full; size >= full * 0.7 && QFontMetricsF(fitted).horizontalAdvance(
                                                          label) > textRect.width() - 4;
             size -= points ? 0.5 : 1.0) {
            if (points)
                fitted.setPointSizeF(size);
            else
                fitted.setPixelSize(int(size));
        }
        painter.setFont(fitted);
        painter.setPen(labelColor);
        const QString shown =
            QFontMetrics(fitted).elidedText(label, Qt::ElideRight, int(textRect.width()) - 4);
        painter.drawText(textRect, Qt::AlignCenter | Qt::TextSingleLine, shown);

        if (showFocus && step == keyboardStep()) {
            QStyleOptionFocusRect option;
            option.initFrom(this);
            option.rect = textRect.adjusted(0, 2, 0, -2).toAlignedRect();
            option.backgroundColor = fill;
            style()->drawPrimitive(QStyle::PE_FrameFocusRect, &option, &painter, this);
        }
    }
}

void StatusFlowWidget::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    const int step = stepAt(event->position().toPoint());
    if (!isReachable(step)) {
        event->ignore();
        return;
    }
    m_focusStep = step;
    update();
    Q_EMIT statusRequested(statusOf(step));
}

void StatusFlowWidget::mouseMoveEvent(QMouseEvent *event)
{
    const int step = stepAt(event->position().toPoint());
    if (step != m_hover) {
        m_hover = step;
        updateHoverCursor();
        update();
    }
    QWidget::mouseMoveEvent(event);
}

void StatusFlowWidget::leaveEvent(QEvent *event)
{
    m_hover = -1;
    updateHoverCursor();
    update();
    QWidget::leaveEvent(event);
}

void StatusFlowWidget::keyPressEvent(QKeyEvent *event)
{
    if (!m_editable) {
        QWidget::keyPressEvent(event);
        return;
    }
    const int step = keyboardStep();
    switch (event->key()) {
    case Qt::Key_Left:
    case Qt::Key_Right: {
        const int next = step + (event->key() == Qt::Key_Left ? -1 : 1);
        if (next < 0 || next >= StepCount)
            break; // stay on the edge step; the key still belongs to us
        m_focusStep = next;
        // Moving with the keys is keyboard navigation: styles draw focus rects only then.
        window()->setAttribute(Qt::WA_KeyboardFocusChange);
        updateAccessibleDescription();
        update();
        break;
    }
    case Qt::Key_Home:
    case Qt::Key_End:
        m_focusStep = event->key() == Qt::Key_Home ? 0 : StepCount - 1;
        window()->setAttribute(Qt::WA_KeyboardFocusChange);
        updateAccessibleDescription();
        update();
        break;
    case Qt::Key_Space:
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (isReachable(step))
            Q_EMIT statusRequested(statusOf(step));
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

bool StatusFlowWidget::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int step = stepAt(help->pos());
        const QString tip = toolTipFor(step);
        if (tip.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), tip, this, stepRect(step).toAlignedRect());
        return true;
    }
    if (event->type() == QEvent::FocusIn || event->type() == QEvent::FocusOut)
        update(); // the focus rectangle
    return QWidget::event(event);
}

QString StatusFlowWidget::toolTipFor(int step) const
{
    if (step < 0)
        return {};
    const QString current = models::statusLabel(m_status);
    if (step == int(m_status))
        return tr("Current status: %1").arg(current);
    if (!m_editable)
        return {};
    if (isReachable(step))
        return tr("Set status to %1").arg(models::statusLabel(statusOf(step)));
    return tr("Not possible from %1").arg(current);
}

void StatusFlowWidget::updateHoverCursor()
{
    if (isReachable(m_hover))
        setCursor(Qt::PointingHandCursor);
    else
        unsetCursor();
}

void StatusFlowWidget::updateAccessibleDescription()
{
    QString description = tr("Current status: %1.").arg(models::statusLabel(m_status));
    if (m_editable) {
        const int step = keyboardStep();
        if (step != int(m_status))
            description += u' ' + (isReachable(step) ? tr("Selected: %1, press Space to set it.")
                                                     : tr("Selected: %1, not possible."))
                                      .arg(models::statusLabel(statusOf(step)));
        else
            description += u' ' + tr("Use Left and Right to choose a status, Space to set it.");
    }
    setAccessibleDescription(description);
}
