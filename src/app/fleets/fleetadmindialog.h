#pragma once

#include <QDialog>
#include <QPointer>
#include <memory>
#include <optional>

class QListWidgetItem;
class QTreeWidgetItem;
namespace Ui {
class FleetAdminDialog;
}
namespace client {
class ApiClient;
struct ApiError;
} // namespace client
namespace core {
struct Fleet;
}
namespace models {
class Directory;
class FleetEditor;
} // namespace models

// Fleet management: each fleet's strategy, members in turn order and flow rules, and the
// staff's absences. Every change goes to the server at once (there is no Save): what the
// dialog shows is always the server's state, from the answer or from another client's
// change arriving as an event through the Directory. A refused change shows why and the
// controls go back to what the server has. Agents see it all read-only.
class FleetAdminDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FleetAdminDialog)

public:
    FleetAdminDialog(client::ApiClient *api, models::Directory *directory, bool canEdit,
                     QWidget *parent = nullptr);
    ~FleetAdminDialog() override;

    void showFleet(qint64 fleetId);
    qint64 currentFleetId() const;
    bool isBusy() const { return m_busy; }

Q_SIGNALS:
    // The server took a change (or refused it: `ok` false). For tests and the status bar.
    void fleetSaved(qint64 fleetId, bool ok);
    void absenceSaved(qint64 staffId, bool ok);

protected:
    void changeEvent(QEvent *event) override;

private:
    // Fleets tab (fleetadmindialog.cpp)
    void fillFleetList();
    void fillFleet();
    void fillMembers(const core::Fleet &fleet);
    void fillRules(const core::Fleet &fleet);
    void onMemberChanged(QListWidgetItem *item);
    void onRuleChanged(QTreeWidgetItem *item, int column);
    void moveMember(int delta);
    void updateMoveButtons();
    void sendFleet(const core::Fleet &wanted);

    // Absences tab (fleetadminabsences.cpp)
    void setUpAbsences();
    void fillAbsences();
    void fillAbsenceEditor();
    qint64 currentStaffId() const;
    void markAbsent();
    void sendAbsence(qint64 staffId, std::optional<qint64> from, std::optional<qint64> to);

    void setBusy(bool busy);
    void showError(const QString &text);
    QString memberText(qint64 staffId) const;

    std::unique_ptr<Ui::FleetAdminDialog> m_ui;
    models::FleetEditor *m_editor; // child
    models::Directory *m_directory;
    bool m_canEdit;
    bool m_busy = false;
    bool m_filling = false; // the controls are being set from the server's state
    QPointer<QWidget> m_focusBeforeBusy;
};
