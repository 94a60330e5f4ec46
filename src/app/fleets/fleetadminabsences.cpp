// The Absences tab of FleetAdminDialog: who is away when. (Split from fleetadmindialog.cpp.)
#include "fleetadmindialog.h"

#include "ui_fleetadmindialog.h"

#include "core/timeutil.h"
#include "core/types.h"
#include "models/directory.h"
#include "models/fleeteditor.h"

#include <QHeaderView>
#include <QLocale>
#include <QSignalBlocker>

using namespace Qt::StringLiterals;

namespace {

constexpr int IdRole = Qt::UserRole + 1;

// Minutes are precise enough for absences: no seconds, no weekday.
QString shortFormat()
{
    QString format = QLocale().dateTimeFormat(QLocale::ShortFormat);
    format.remove(u":ss"_s);
    return format;
}

QString whenText(qint64 msecs)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC).toLocalTime(),
                              shortFormat());
}

// Today at midnight and tomorrow at midnight, local time: the usual day off.
std::pair<QDateTime, QDateTime> defaultAbsence()
{
    const QDateTime today(QDate::currentDate(), QTime(0, 0));
    return {today, today.addDays(1)};
}

} // namespace

void FleetAdminDialog::setUpAbsences()
{
    QTableWidget *table = m_ui->absenceTable;
    table->setColumnCount(4);
    table->setHorizontalHeaderLabels({tr("Name"), tr("Absent from"), tr("Back on"), tr("Now")});
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    for (QDateTimeEdit *edit : {m_ui->absentFromEdit, m_ui->absentToEdit})
        edit->setDisplayFormat(shortFormat());
    connect(table, &QTableWidget::currentCellChanged, this, [this] { fillAbsenceEditor(); });
    connect(m_ui->openEndedCheck, &QCheckBox::toggled, m_ui->absentToEdit,
            [this](bool openEnded) { m_ui->absentToEdit->setEnabled(m_canEdit && !openEnded); });
    connect(m_ui->setAbsenceButton, &QPushButton::clicked, this, &FleetAdminDialog::markAbsent);
    connect(m_ui->clearAbsenceButton, &QPushButton::clicked, this, [this] {
        if (const qint64 id = currentStaffId())
            sendAbsence(id, std::nullopt, std::nullopt);
    });
}

qint64 FleetAdminDialog::currentStaffId() const
{
    const QTableWidgetItem *item = m_ui->absenceTable->item(m_ui->absenceTable->currentRow(), 0);
    return item ? item->data(IdRole).toLongLong() : 0;
}

void FleetAdminDialog::fillAbsences()
{
    QTableWidget *table = m_ui->absenceTable;
    const qint64 current = currentStaffId();
    const QSignalBlocker blocker(table);
    const qint64 now = core::nowMsecs();
    QList<core::StaffMember> staff;
    for (const core::StaffMember &s : m_directory->staffModel()->staff()) {
        if (s.active) // who left takes no tickets: nothing to plan
            staff.append(s);
    }
    table->setRowCount(int(staff.size()));
    int currentRow = -1;
    for (int row = 0; row < staff.size(); ++row) {
        const core::StaffMember &s = staff.at(row);
        QString state = tr("Available");
        if (s.isAbsentAt(now))
            state = tr("Absent: gets no new tickets");
        else if (s.absentFrom && *s.absentFrom > now)
            state = tr("Absence planned");
        const QStringList texts{s.name, s.absentFrom ? whenText(*s.absentFrom) : QString(),
                                s.absentTo
                                    ? whenText(*s.absentTo)
                                    : (s.absentFrom ? tr("until further notice") : QString()),
                                state};
        for (int column = 0; column < texts.size(); ++column) {
            auto *item = new QTableWidgetItem(texts.at(column));
            item->setData(IdRole, s.id);
            table->setItem(row, column, item);
        }
        if (s.id == current)
            currentRow = row;
    }
    table->resizeColumnsToContents();
    table->setCurrentCell(currentRow >= 0 ? currentRow : (staff.isEmpty() ? -1 : 0), 0);
    fillAbsenceEditor();
}

void FleetAdminDialog::fillAbsenceEditor()
{
    const std::optional<core::StaffMember> s = m_directory->staffMember(currentStaffId());
    const auto [from, to] = defaultAbsence();
    const auto local = [](qint64 msecs) {
        return QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC).toLocalTime();
    };
    const bool hasAbsence = s && s->absentFrom;
    m_ui->absentFromEdit->setDateTime(hasAbsence ? local(*s->absentFrom) : from);
    m_ui->absentToEdit->setDateTime(hasAbsence && s->absentTo ? local(*s->absentTo) : to);
    m_ui->openEndedCheck->setChecked(hasAbsence && !s->absentTo);
    m_ui->absenceGroup->setTitle(s ? tr("Absence of %1").arg(s->name)
                                   : tr("Absence of the selected member"));
    const bool editable = m_canEdit && s.has_value();
    m_ui->absentFromEdit->setEnabled(editable);
    m_ui->absentToEdit->setEnabled(editable && !m_ui->openEndedCheck->isChecked());
    m_ui->openEndedCheck->setEnabled(editable);
    m_ui->setAbsenceButton->setEnabled(editable);
    m_ui->clearAbsenceButton->setEnabled(editable && hasAbsence);
}

void FleetAdminDialog::markAbsent()
{
    const qint64 id = currentStaffId();
    if (id == 0)
        return;
    const qint64 from = m_ui->absentFromEdit->dateTime().toMSecsSinceEpoch();
    std::optional<qint64> to;
    if (!m_ui->openEndedCheck->isChecked()) {
        to = m_ui->absentToEdit->dateTime().toMSecsSinceEpoch();
        if (*to <= from) {
            showError(tr("“Back on” must be after “Absent from”."));
            m_ui->absentToEdit->setFocus();
            return;
        }
    }
    sendAbsence(id, from, to);
}

void FleetAdminDialog::sendAbsence(qint64 staffId, std::optional<qint64> from,
                                   std::optional<qint64> to)
{
    setBusy(true);
    m_editor->saveAbsence(staffId, from, to);
}
