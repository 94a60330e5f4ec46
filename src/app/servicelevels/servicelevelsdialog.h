#pragma once

#include <QDialog>
#include <array>

class MessageBanner;
class QComboBox;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
namespace client {
class ApiClient;
}
namespace models {
class Directory;
class ServiceLevels;
} // namespace models

// Administrators' page for the response clocks: the targets per priority (first reply and
// resolution, in hours or days; empty for none) and each fleet's business hours (time
// zone, opening hours per weekday, holidays). Save sends one part to the server (through
// models::ServiceLevels); a refusal shows the server's reason and changes nothing. Another
// administrator's change arrives as an event and is shown at once.
class ServiceLevelsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServiceLevelsDialog)

public:
    ServiceLevelsDialog(models::ServiceLevels *levels, models::Directory *directory,
                        QWidget *parent = nullptr);
    ~ServiceLevelsDialog() override;

    // Loads the server's state afresh.
    void refresh();
    qint64 currentFleetId() const;

Q_SIGNALS:
    // For tests: the server answered a save.
    void targetsSaved(bool ok);
    void hoursSaved(bool ok);

private:
    struct TargetFields {
        QLineEdit *number;
        QComboBox *unit;
    };
    QWidget *createTargetsTab();
    QWidget *createHoursTab();
    TargetFields createTargetFields(const QString &name);
    void fillTargets();
    void fillHours();
    void fillFleets();
    void saveTargets();
    void saveHours();
    void showSaveResult(bool ok, const QString &okText, const QString &failText,
                        const QString &error, const QString &field);

    models::ServiceLevels *m_levels;
    models::Directory *m_directory;
    MessageBanner *m_banner;
    QTabWidget *m_tabs;
    // high, normal, low × first reply, resolution
    std::array<std::array<TargetFields, 2>, 3> m_targets{};
    QPushButton *m_saveTargets;
    QComboBox *m_fleet;
    QComboBox *m_timeZone;
    std::array<QLineEdit *, 7> m_days{};
    QPlainTextEdit *m_holidays;
    QPushButton *m_saveHours;
};
