#include "fleetadmindialog.h"

#include "ui_fleetadmindialog.h"

#include "core/timeutil.h"
#include "core/types.h"
#include "models/directory.h"
#include "models/fleeteditor.h"
#include "models/fleetedits.h"
#include "models/labels.h"
#include "widgets/screenfit.h"

#include <QLocale>
#include <QPushButton>
#include <QShortcut>
#include <QSignalBlocker>

using namespace Qt::StringLiterals;

namespace {

constexpr int IdRole = Qt::UserRole + 1;

} // namespace

FleetAdminDialog::FleetAdminDialog(client::ApiClient *api, models::Directory *directory,
                                   bool canEdit, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::FleetAdminDialog>())
    , m_editor(new models::FleetEditor(api, directory, this))
    , m_directory(directory)
    , m_canEdit(canEdit)
{
    m_ui->setupUi(this);
    m_ui->messageBanner->hide();
    m_ui->readOnlyLabel->setVisible(!canEdit);
    for (const core::FleetStrategy strategy : models::fleetStrategies())
        m_ui->strategyCombo->addItem(models::strategyLabel(strategy), int(strategy));
    m_ui->ruleTree->header()->setStretchLastSection(true);
    m_ui->fleetList->setSpacing(2);
    resizeWithinScreen(this, QSize(960, 640));

    connect(m_editor, &models::FleetEditor::fleetSaved, this,
            [this](qint64 fleetId, bool ok, const QString &error) {
                setBusy(false);
                if (ok) {
                    m_ui->messageBanner->clear();
                } else {
                    showError(tr("The fleet was not changed: %1").arg(error));
                    fillFleet(); // back to what the server has
                }
                Q_EMIT fleetSaved(fleetId, ok);
            });
    connect(m_editor, &models::FleetEditor::absenceSaved, this,
            [this](qint64 staffId, bool ok, const QString &error) {
                setBusy(false);
                if (ok) {
                    m_ui->messageBanner->clear();
                } else {
                    showError(tr("The absence was not saved: %1").arg(error));
                    fillAbsences();
                }
                Q_EMIT absenceSaved(staffId, ok);
            });
    connect(m_ui->fleetList, &QListWidget::currentRowChanged, this, [this] { fillFleet(); });
    connect(m_ui->strategyCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (m_filling)
            return;
        if (std::optional<core::Fleet> fleet = m_directory->fleet(currentFleetId())) {
            fleet->strategy = core::FleetStrategy(m_ui->strategyCombo->currentData().toInt());
            sendFleet(*fleet);
        }
    });
    connect(m_ui->memberList, &QListWidget::itemChanged, this, &FleetAdminDialog::onMemberChanged);
    connect(m_ui->memberList, &QListWidget::currentRowChanged, this,
            &FleetAdminDialog::updateMoveButtons);
    connect(m_ui->moveUpButton, &QPushButton::clicked, this, [this] { moveMember(-1); });
    connect(m_ui->moveDownButton, &QPushButton::clicked, this, [this] { moveMember(1); });
    connect(m_ui->ruleTree, &QTreeWidget::itemChanged, this, &FleetAdminDialog::onRuleChanged);

    // Another administrator's change (or ours, answered) arrives through the directory.
    connect(m_directory, &models::Directory::fleetChanged, this, [this](qint64 fleetId) {
        fillFleetList();
        if (fleetId == currentFleetId() && !m_busy)
            fillFleet();
    });
    connect(m_directory, &models::Directory::staffMemberChanged, this, [this] {
        if (m_busy)
            return;
        fillAbsences();
        fillFleet(); // member names carry their absence
    });
    connect(m_directory, &models::Directory::loaded, this, [this] {
        fillFleetList();
        fillFleet();
        fillAbsences();
    });

    setUpAbsences();
    fillFleetList();
    if (m_ui->fleetList->count() > 0)
        m_ui->fleetList->setCurrentRow(0);
    fillAbsences();
    m_ui->fleetList->setFocus();
    // Esc closes it as any dialog; Ctrl+W too, as the other windows of their own.
    auto *closeShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_W), this);
    connect(closeShortcut, &QShortcut::activated, this, &QDialog::reject);
}

FleetAdminDialog::~FleetAdminDialog() = default;

void FleetAdminDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        const QSignalBlocker blocker(m_ui->strategyCombo);
        for (int i = 0; i < m_ui->strategyCombo->count(); ++i)
            m_ui->strategyCombo->setItemText(i, models::strategyLabel(core::FleetStrategy(
                                                    m_ui->strategyCombo->itemData(i).toInt())));
        fillFleetList();
        fillFleet();
        fillAbsences();
    }
    QDialog::changeEvent(event);
}

void FleetAdminDialog::showFleet(qint64 fleetId)
{
    for (int row = 0; row < m_ui->fleetList->count(); ++row) {
        if (m_ui->fleetList->item(row)->data(IdRole).toLongLong() == fleetId)
            m_ui->fleetList->setCurrentRow(row);
    }
}

qint64 FleetAdminDialog::currentFleetId() const
{
    const QListWidgetItem *item = m_ui->fleetList->currentItem();
    return item ? item->data(IdRole).toLongLong() : 0;
}

void FleetAdminDialog::fillFleetList()
{
    const qint64 current = currentFleetId();
    const QSignalBlocker blocker(m_ui->fleetList);
    const QList<core::Fleet> &fleets = m_directory->fleets();
    // Same fleets, new texts: update in place so that selection and focus stay.
    if (m_ui->fleetList->count() != fleets.size())
        m_ui->fleetList->clear();
    for (int row = 0; row < fleets.size(); ++row) {
        const core::Fleet &f = fleets.at(row);
        QListWidgetItem *item = m_ui->fleetList->item(row);
        if (!item)
            item = new QListWidgetItem(m_ui->fleetList);
        item->setText(tr("%1\n%2 \u00b7 %n member(s)", nullptr, int(f.memberIds.size()))
                          .arg(f.name, models::strategyLabel(f.strategy)));
        item->setData(IdRole, f.id);
        if (f.id == current)
            m_ui->fleetList->setCurrentItem(item);
    }
}

void FleetAdminDialog::fillFleet()
{
    const std::optional<core::Fleet> fleet = m_directory->fleet(currentFleetId());
    m_filling = true;
    m_ui->strategyCombo->setCurrentIndex(fleet ? m_ui->strategyCombo->findData(int(fleet->strategy))
                                               : -1);
    m_ui->strategyDescriptionLabel->setText(fleet ? models::strategyDescription(fleet->strategy)
                                                  : QString());
    fillMembers(fleet.value_or(core::Fleet{}));
    fillRules(fleet.value_or(core::Fleet{}));
    m_filling = false;
    const bool editable = m_canEdit && fleet && !m_busy;
    m_ui->strategyCombo->setEnabled(editable);
    m_ui->memberList->setEnabled(fleet.has_value());
    m_ui->ruleTree->setEnabled(fleet.has_value());
    updateMoveButtons();
}

QString FleetAdminDialog::memberText(qint64 staffId) const
{
    const std::optional<core::StaffMember> s = m_directory->staffMember(staffId);
    if (!s)
        return tr("Staff member %1").arg(staffId);
    if (!s->active)
        return tr("%1 (inactive)").arg(s->name);
    if (s->isAbsentAt(core::nowMsecs())) {
        const QDateTime back =
            QDateTime::fromMSecsSinceEpoch(s->absentTo.value_or(0), Qt::UTC).toLocalTime();
        return s->absentTo ? tr("%1 (absent until %2)")
                                 .arg(s->name, QLocale().toString(back, QLocale::ShortFormat))
                           : tr("%1 (absent)").arg(s->name);
    }
    return s->name;
}

void FleetAdminDialog::fillMembers(const core::Fleet &fleet)
{
    const qint64 current = m_ui->memberList->currentItem()
                               ? m_ui->memberList->currentItem()->data(IdRole).toLongLong()
                               : 0;
    m_ui->memberList->clear();
    // Members first, in turn order; then whoever could join (active staff, by name).
    QList<qint64> ids = fleet.memberIds;
    for (const core::StaffMember &s : m_directory->staffModel()->staff()) {
        if (s.active && !ids.contains(s.id))
            ids.append(s.id);
    }
    const Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable |
                                (m_canEdit ? Qt::ItemIsUserCheckable : Qt::NoItemFlags);
    for (const qint64 id : std::as_const(ids)) {
        auto *item = new QListWidgetItem(memberText(id), m_ui->memberList);
        item->setData(IdRole, id);
        const std::optional<core::StaffMember> s = m_directory->staffMember(id);
        if (s && (!s->active || s->isAbsentAt(core::nowMsecs())))
            item->setToolTip(tr("Skipped: gets no new tickets until back."));
        item->setFlags(flags);
        item->setCheckState(fleet.memberIds.contains(id) ? Qt::Checked : Qt::Unchecked);
        if (id == current)
            m_ui->memberList->setCurrentItem(item);
    }
}

void FleetAdminDialog::fillRules(const core::Fleet &fleet)
{
    const QSignalBlocker blocker(m_ui->ruleTree);
    QHash<qint64, bool> expanded;
    for (int i = 0; i < m_ui->ruleTree->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *top = m_ui->ruleTree->topLevelItem(i);
        expanded.insert(top->data(0, IdRole).toLongLong(), top->isExpanded());
    }
    m_ui->ruleTree->clear();
    if (fleet.id == 0)
        return;
    const Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable |
                                (m_canEdit ? Qt::ItemIsUserCheckable : Qt::NoItemFlags);
    for (const core::Flow &flow : m_directory->flows()) {
        const QList<qint64> inRule = models::ruleMembers(fleet, flow.id);
        QStringList names;
        for (const qint64 id : inRule)
            names.append(m_directory->staffName(id));
        auto *top = new QTreeWidgetItem(
            m_ui->ruleTree,
            {flow.name, inRule.isEmpty() ? tr("All members") : names.join(u", "_s)});
        top->setData(0, IdRole, flow.id);
        for (const qint64 id : fleet.memberIds) {
            auto *child = new QTreeWidgetItem(top, {memberText(id)});
            child->setData(0, IdRole, id);
            child->setFlags(flags);
            child->setCheckState(0, inRule.contains(id) ? Qt::Checked : Qt::Unchecked);
        }
        // Flows with a rule open by default: that is what an admin came to see.
        top->setExpanded(expanded.value(flow.id, !inRule.isEmpty()));
    }
    m_ui->ruleTree->resizeColumnToContents(0);
}

void FleetAdminDialog::onMemberChanged(QListWidgetItem *item)
{
    if (m_filling || !item)
        return;
    std::optional<core::Fleet> fleet = m_directory->fleet(currentFleetId());
    if (!fleet)
        return;
    sendFleet(models::withMember(*fleet, item->data(IdRole).toLongLong(),
                                 item->checkState() == Qt::Checked));
}

void FleetAdminDialog::onRuleChanged(QTreeWidgetItem *item, int column)
{
    if (m_filling || !item || column != 0 || !item->parent())
        return;
    std::optional<core::Fleet> fleet = m_directory->fleet(currentFleetId());
    if (!fleet)
        return;
    sendFleet(models::withRuleMember(*fleet, item->parent()->data(0, IdRole).toLongLong(),
                                     item->data(0, IdRole).toLongLong(),
                                     item->checkState(0) == Qt::Checked));
}

void FleetAdminDialog::moveMember(int delta)
{
    const QListWidgetItem *item = m_ui->memberList->currentItem();
    std::optional<core::Fleet> fleet = m_directory->fleet(currentFleetId());
    if (!item || !fleet)
        return;
    sendFleet(models::withMemberMoved(*fleet, item->data(IdRole).toLongLong(), delta));
}

void FleetAdminDialog::updateMoveButtons()
{
    const std::optional<core::Fleet> fleet = m_directory->fleet(currentFleetId());
    const QListWidgetItem *item = m_ui->memberList->currentItem();
    const qsizetype at =
        (fleet && item) ? fleet->memberIds.indexOf(item->data(IdRole).toLongLong()) : -1;
    const bool editable = m_canEdit && !m_busy && at >= 0;
    m_ui->moveUpButton->setEnabled(editable && at > 0);
    m_ui->moveDownButton->setEnabled(editable &&
                                     at + 1 < fleet.value_or(core::Fleet{}).memberIds.size());
}

void FleetAdminDialog::sendFleet(const core::Fleet &wanted)
{
    setBusy(true);
    m_editor->saveFleet(wanted);
}

void FleetAdminDialog::setBusy(bool busy)
{
    m_busy = busy;
    // One change at a time: the next one starts from the server's answer to this one.
    // The keyboard focus comes back to where it was (disabling moves it away).
    if (busy)
        m_focusBeforeBusy = focusWidget();
    m_ui->tabs->setEnabled(!busy);
    if (!busy) {
        if (m_focusBeforeBusy)
            m_focusBeforeBusy->setFocus();
        m_ui->strategyCombo->setEnabled(m_canEdit && currentFleetId() != 0);
        updateMoveButtons();
    }
}

void FleetAdminDialog::showError(const QString &text)
{
    m_ui->messageBanner->setMessage(text);
    m_ui->messageBanner->show();
}
