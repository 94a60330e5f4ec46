// The detail pane's read-only sections: how the ticket was assigned, device and customer,
// description, the flow's form fields and the rating. (Split from detailpane.cpp for size.)
#include "detailpane.h"

#include "ui_detailpane.h"

#include "core/timeutil.h"
#include "core/validation.h"
#include "models/assignmentinfo.h"
#include "models/directory.h"
#include "models/labels.h"
#include "models/ticketdocument.h"
#include "widgets/widgetstyle.h"

#include <QJsonArray>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace {

QString orDash(const QString &text)
{
    return text.trimmed().isEmpty() ? QString(QChar(0x2014)) : text;
}

// The rules found nobody: the line says so in the warning colour, so it is not missed.
void setFlagged(QLabel *label, bool flagged)
{
    label->setPalette(QPalette()); // back to the inherited colours
    if (!flagged)
        return;
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText,
                     widgets::bannerColors(widgets::BannerTone::Warning, palette).text);
    label->setPalette(palette);
}

} // namespace

void DetailPane::fillAssignmentInfo()
{
    const QJsonObject a = m_document->ticket().assignment;
    QLabel *label = m_ui->assignmentInfoLabel;
    if (a.isEmpty()) {
        label->setText(m_document->ticket().summary.assigneeId ? QString()
                                                               : tr("Not assigned yet"));
        label->setVisible(!label->text().isEmpty());
        setFlagged(label, false);
        return;
    }
    const models::AssignmentInfo info =
        models::describeAssignment(a, [this](qint64 id) { return m_directory->staffName(id); });
    const QString when = info.at ? models::shortDateTime(info.at) : QString();
    label->setText(when.isEmpty()
                       ? info.text
                       : tr("%1 \u00b7 %2", "assignment info, time").arg(info.text, when));
    label->setToolTip(info.at ? models::longDateTime(info.at) : QString());
    setFlagged(label, info.flagged);
    label->setVisible(true);
}

void DetailPane::fillDeviceAndCustomer()
{
    const core::Ticket &t = m_document->ticket();
    m_ui->deviceLabel->setText(
        orDash(t.device.name.isEmpty() ? t.summary.deviceName : t.device.name));
    m_ui->serialLabel->setText(orDash(t.device.serial));
    m_ui->locationLabel->setText(orDash(t.device.location));
    m_ui->templateLabel->setText(orDash(t.device.templateName));
    m_ui->fleetLabel->setText(orDash(t.device.fleetName));
    const core::Customer c = t.customer.value_or(core::Customer{});
    m_ui->customerLabel->setText(t.customer ? orDash(c.name) : tr("No customer"));
    m_ui->deviceTicketsButton->setVisible(t.summary.deviceId != 0);
    m_ui->customerTicketsButton->setVisible(t.customer.has_value());
    m_ui->customerNumberLabel->setText(orDash(c.number));
    m_ui->contactLabel->setText(orDash(c.contactName));
    m_ui->phoneLabel->setText(orDash(c.phone));
    m_ui->emailLabel->setText(orDash(c.email));
    m_ui->addressLabel->setText(orDash(c.address));
    m_ui->descriptionLabel->setText(t.description.isEmpty() ? tr("No description.")
                                                            : t.description);
}

void DetailPane::fillFields()
{
    const core::Ticket &t = m_document->ticket();
    const core::Flow *flow = nullptr;
    for (const core::Flow &f : m_directory->flows()) {
        if (f.id == t.summary.flowId)
            flow = &f;
    }
    const auto format = [](const QJsonValue &v) -> QString {
        switch (v.type()) {
        case QJsonValue::Bool:
            return v.toBool() ? tr("Yes") : tr("No");
        case QJsonValue::Double: {
            if (const std::optional<qint64> i = core::integerValue(v))
                return QLocale().toString(*i);
            return QLocale().toString(v.toDouble(), 'g', QLocale::FloatingPointShortest);
        }
        case QJsonValue::String:
            return orDash(v.toString());
        case QJsonValue::Array: {
            QStringList parts;
            for (const QJsonValue &item : v.toArray())
                parts.append(item.toVariant().toString());
            return orDash(parts.join(u", "));
        }
        default:
            return orDash(QString());
        }
    };
    QList<QPair<QString, QString>> rows;
    QStringList known;
    if (flow) {
        for (const core::FlowField &field : flow->fields) {
            known.append(field.key);
            if (t.fields.contains(field.key))
                rows.append({field.label.isEmpty() ? field.key : field.label,
                             format(t.fields.value(field.key))});
        }
    }
    // Values the flow no longer describes (or before the flows arrived) are shown by key.
    for (auto it = t.fields.begin(); it != t.fields.end(); ++it) {
        if (!known.contains(it.key()))
            rows.append({it.key(), format(it.value())});
    }
    const QString flowName = flow ? flow->name : t.summary.flowName;
    const QString title = flowName.isEmpty() ? tr("Form") : tr("Form: %1").arg(flowName);
    m_ui->fieldsGroupBox->setVisible(!rows.isEmpty());
    if (rows == m_fieldRows && title == m_fieldsTitle)
        return;
    m_fieldRows = rows;
    m_fieldsTitle = title;
    m_ui->fieldsGroupBox->setTitle(title);
    QFormLayout *form = m_ui->fieldsFormLayout;
    while (form->rowCount() > 0)
        form->removeRow(0);
    for (const auto &[caption, value] : std::as_const(rows)) {
        auto *captionLabel = new QLabel(tr("%1:", "form field caption").arg(caption));
        captionLabel->setTextFormat(Qt::PlainText);
        captionLabel->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        auto *valueLabel = new QLabel(value);
        valueLabel->setTextFormat(Qt::PlainText);
        valueLabel->setWordWrap(true);
        valueLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
        form->addRow(captionLabel, valueLabel);
    }
}

void DetailPane::fillRating()
{
    const std::optional<core::Rating> &rating = m_document->ticket().rating;
    m_ui->ratingGroupBox->setVisible(rating.has_value());
    if (!rating)
        return;
    QString text = tr("%1  %2 of 5").arg(models::starsText(rating->stars)).arg(rating->stars);
    if (rating->createdAt > 0)
        text = tr("%1 · %2", "rating, time").arg(text, models::shortDateTime(rating->createdAt));
    m_ui->ratingLabel->setText(text);
    m_ui->ratingCommentLabel->setText(rating->comment);
    m_ui->ratingCommentLabel->setVisible(!rating->comment.isEmpty());
}

void DetailPane::fillUnsent()
{
    const QJsonObject unsent = m_document->unsentChange();
    // Italics on what shows the user's value rather than the server's, until it is confirmed.
    auto mark = [](QWidget *widget, bool unsentValue) {
        QFont font = widget->font();
        if (font.italic() == unsentValue)
            return;
        font.setItalic(unsentValue);
        widget->setFont(font);
    };
    mark(m_ui->priorityComboBox, unsent.contains(u"priority"));
    mark(m_ui->assigneeComboBox, unsent.contains(u"assigneeId"));
    mark(m_ui->statusFlowWidget, unsent.contains(u"status"));
    mark(m_ui->titleLabel, unsent.contains(u"title"));
    mark(m_ui->visibilityBadgeLabel, unsent.contains(u"visibility"));
    QLabel *label = m_ui->unsentLabel;
    label->setVisible(!unsent.isEmpty());
    if (unsent.isEmpty())
        return;
    label->setText(tr("Waiting to be sent: %1. The server cannot be reached now; your change is "
                      "kept and sent when it is back.")
                       .arg(describeChange(unsent)));
    QPalette palette = label->palette();
    const widgets::BannerColors colors =
        widgets::bannerColors(widgets::BannerTone::Warning, palette);
    palette.setColor(QPalette::Window, colors.background);
    palette.setColor(QPalette::WindowText, colors.text);
    label->setPalette(palette);
    label->setAutoFillBackground(true);
}
