#include "clockinfobox.h"

#include "models/duecell.h"
#include "models/labels.h"

#include <QFormLayout>
#include <QLabel>

using namespace Qt::StringLiterals;

ClockInfoBox::ClockInfoBox(QWidget *parent)
    : QGroupBox(tr("Response times"), parent)
    , m_form(new QFormLayout(this))
{
    setObjectName(u"clockGroupBox"_s);
    m_firstReply = addRow(u"firstReplyDueLabel"_s);
    m_resolution = addRow(u"resolutionDueLabel"_s);
    m_paused = addRow(u"pausedSinceLabel"_s);
    setVisible(false);
}

QLabel *ClockInfoBox::addRow(const QString &objectName)
{
    auto *caption = new QLabel;
    caption->setTextFormat(Qt::PlainText);
    auto *value = new QLabel;
    value->setObjectName(objectName);
    value->setTextFormat(Qt::PlainText);
    value->setWordWrap(true);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    caption->setBuddy(value);
    m_form->addRow(caption, value);
    return value;
}

void ClockInfoBox::setRow(QLabel *value, const QString &caption, const std::optional<qint64> &at,
                          bool breached)
{
    m_form->setRowVisible(value, !caption.isEmpty());
    if (caption.isEmpty())
        return;
    if (auto *label = qobject_cast<QLabel *>(m_form->labelForField(value)))
        label->setText(caption);
    QString text = at ? models::longDateTime(*at) : tr("no target");
    if (breached)
        text = tr("%1 (breached)").arg(text);
    value->setText(text);
    value->setProperty("breached", breached);
    QPalette palette = this->palette();
    if (breached)
        palette.setColor(QPalette::WindowText, models::DueCell::breachedColor());
    value->setPalette(palette);
}

void ClockInfoBox::showClocks(const core::TicketSummary &ticket)
{
    setVisible(ticket.clocks.has_value());
    if (!ticket.clocks)
        return;
    const core::TicketClockFields &c = *ticket.clocks;
    const bool firstLate = c.breached.contains(u"firstReply");
    if (c.firstReplyAt)
        setRow(m_firstReply, tr("First reply:"), c.firstReplyAt, firstLate);
    else
        setRow(m_firstReply, tr("First reply due:"), c.firstReplyDue, firstLate);
    setRow(m_resolution, tr("Resolution due:"), c.resolutionDue,
           c.breached.contains(u"resolution"));
    setRow(m_paused, c.pausedSince ? tr("Paused since:") : QString(), c.pausedSince, false);
}
