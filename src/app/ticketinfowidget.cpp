#include "ticketinfowidget.h"

#include "ui_ticketinfowidget.h"

#include "core/validation.h"
#include "models/directory.h"
#include "models/labels.h"
#include "models/ticketdocument.h"

#include <QJsonArray>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace {

QString orDash(const QString &text)
{
    return text.trimmed().isEmpty() ? QString(QChar(0x2014)) : text;
}

QString formatValue(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Bool:
        return v.toBool() ? TicketInfoWidget::tr("Yes") : TicketInfoWidget::tr("No");
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
}

} // namespace

TicketInfoWidget::TicketInfoWidget(models::TicketDocument *document, models::Directory *directory,
                                   QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::TicketInfoWidget>())
    , m_document(document)
    , m_directory(directory)
{
    m_ui->setupUi(this);
    connect(m_ui->deviceTicketsButton, &QToolButton::clicked, this, [this] {
        if (const qint64 id = m_document->ticket().summary.deviceId)
            Q_EMIT deviceTicketsRequested(id);
    });
    connect(m_ui->customerTicketsButton, &QToolButton::clicked, this, [this] {
        if (const auto &customer = m_document->ticket().customer)
            Q_EMIT customerTicketsRequested(customer->id);
    });
}

TicketInfoWidget::~TicketInfoWidget() = default;

void TicketInfoWidget::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    // Device and customer side by side where there is room, one above the other in a narrow
    // pane, so that nothing needs scrolling sideways.
    constexpr int SideBySideWidth = 576;
    m_ui->deviceCustomerLayout->setDirection(width() >= SideBySideWidth ? QBoxLayout::LeftToRight
                                                                        : QBoxLayout::TopToBottom);
}

QString TicketInfoWidget::caption(const QString &label)
{
    // A label that ends in a question or another closing mark reads wrong with a colon.
    static const QString closing = u"?!.:;\u2026\uff1f\uff01\uff1a\u3002"_s;
    const QString trimmed = label.trimmed();
    if (!trimmed.isEmpty() && closing.contains(trimmed.back()))
        return trimmed;
    return tr("%1:", "form field caption").arg(trimmed);
}

void TicketInfoWidget::fill()
{
    fillDeviceAndCustomer();
    fillFields();
    fillRating();
}

void TicketInfoWidget::fillDeviceAndCustomer()
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

void TicketInfoWidget::fillFields()
{
    const core::Ticket &t = m_document->ticket();
    const core::Flow *flow = nullptr;
    for (const core::Flow &f : m_directory->flows()) {
        if (f.id == t.summary.flowId)
            flow = &f;
    }
    QList<QPair<QString, QString>> rows;
    QStringList known;
    if (flow) {
        for (const core::FlowField &field : flow->fields) {
            known.append(field.key);
            if (t.fields.contains(field.key))
                rows.append({field.label.isEmpty() ? field.key : field.label,
                             formatValue(t.fields.value(field.key))});
        }
    }
    // Values the flow no longer describes (or before the flows arrived) are shown by key.
    for (auto it = t.fields.begin(); it != t.fields.end(); ++it) {
        if (!known.contains(it.key()))
            rows.append({it.key(), formatValue(it.value())});
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
    for (const auto &[label, value] : std::as_const(rows)) {
        auto *captionLabel = new QLabel(caption(label));
        captionLabel->setTextFormat(Qt::PlainText);
        captionLabel->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        auto *valueLabel = new QLabel(value);
        valueLabel->setTextFormat(Qt::PlainText);
        valueLabel->setWordWrap(true);
        valueLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
        form->addRow(captionLabel, valueLabel);
    }
}

void TicketInfoWidget::fillRating()
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
