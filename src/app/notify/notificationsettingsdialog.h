#pragma once

#include "models/notificationpolicy.h"

#include <QDialog>
#include <memory>

namespace Ui {
class NotificationSettingsDialog;
}
class QCheckBox;

// View › Notifications…: a check box per kind of notification. The caller reads the boxes when it
// is accepted.
class NotificationSettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NotificationSettingsDialog)

public:
    explicit NotificationSettingsDialog(QWidget *parent = nullptr);
    ~NotificationSettingsDialog() override;

    void setKindEnabled(models::NotificationKind kind, bool enabled);
    bool isKindEnabled(models::NotificationKind kind) const;

private:
    QCheckBox *box(models::NotificationKind kind) const;

    std::unique_ptr<Ui::NotificationSettingsDialog> m_ui;
};
