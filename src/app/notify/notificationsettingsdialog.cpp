#include "notificationsettingsdialog.h"

#include "ui_notificationsettingsdialog.h"

NotificationSettingsDialog::NotificationSettingsDialog(QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::NotificationSettingsDialog>())
{
    m_ui->setupUi(this);
    connect(m_ui->notificationsButtonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->notificationsButtonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

NotificationSettingsDialog::~NotificationSettingsDialog() = default;

QCheckBox *NotificationSettingsDialog::box(models::NotificationKind kind) const
{
    switch (kind) {
    case models::NotificationKind::NewInFleet:
        return m_ui->newInFleetCheckBox;
    case models::NotificationKind::AssignedToMe:
        return m_ui->assignedToMeCheckBox;
    case models::NotificationKind::CodeUserMessage:
        return m_ui->codeUserMessageCheckBox;
    case models::NotificationKind::Mention:
        return m_ui->mentionCheckBox;
    case models::NotificationKind::ClockBreaching:
        return m_ui->clockBreachingCheckBox;
    }
    return nullptr;
}

void NotificationSettingsDialog::setKindEnabled(models::NotificationKind kind, bool enabled)
{
    if (QCheckBox *b = box(kind))
        b->setChecked(enabled);
}

bool NotificationSettingsDialog::isKindEnabled(models::NotificationKind kind) const
{
    const QCheckBox *b = box(kind);
    return !b || b->isChecked();
}
