#include "servicelevelsdialog.h"

#include "widgets/messagebanner.h"

#include "core/enums.h"
#include "core/types.h"
#include "models/directory.h"
#include "models/labels.h"
#include "models/servicelevelforms.h"
#include "models/servicelevels.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTimeZone>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
namespace forms = models::servicelevelforms;

namespace {

const std::array<core::Priority, 3> Priorities = {core::Priority::High, core::Priority::Normal,
                                                  core::Priority::Low};
const std::array<const char *, 2> TargetKeys = {"firstReplyMinutes", "resolutionMinutes"};
const std::array<const char *, 7> DayKeys = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

} // namespace

ServiceLevelsDialog::ServiceLevelsDialog(models::ServiceLevels *levels,
                                         models::Directory *directory, QWidget *parent)
    : QDialog(parent)
    , m_levels(levels)
    , m_directory(directory)
{
    setWindowTitle(tr("Service levels"));
    auto *layout = new QVBoxLayout(this);
    m_banner = new MessageBanner(this);
    m_banner->setObjectName(u"messageBanner"_s);
    m_banner->hide();
    layout->addWidget(m_banner);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"tabs"_s);
    m_tabs->addTab(createTargetsTab(), tr("&Targets"));
    m_tabs->addTab(createHoursTab(), tr("&Business hours"));
    layout->addWidget(m_tabs, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(m_levels, &models::ServiceLevels::targetsChanged, this,
            &ServiceLevelsDialog::fillTargets);
    connect(m_levels, &models::ServiceLevels::hoursChanged, this, [this](qint64 fleetId) {
        if (fleetId == currentFleetId())
            fillHours();
    });
    connect(m_levels, &models::ServiceLevels::loadFailed, this, [this](const QString &error) {
        m_banner->setMessage(tr("Could not load the service levels: %1").arg(error));
        m_banner->show();
    });
    connect(m_levels, &models::ServiceLevels::targetsSaved, this,
            [this](bool ok, const QString &error, const QString &field) {
                showSaveResult(ok,
                               tr("The targets are saved. The due times of open tickets follow "
                                  "them."),
                               tr("The targets were not saved: %1"), error, field);
                Q_EMIT targetsSaved(ok);
            });
    connect(m_levels, &models::ServiceLevels::hoursSaved, this,
            [this](qint64, bool ok, const QString &error, const QString &field) {
                showSaveResult(ok,
                               tr("The business hours are saved. The due times of the fleet's "
                                  "open tickets follow them."),
                               tr("The business hours were not saved: %1"), error, field);
                Q_EMIT hoursSaved(ok);
            });
    connect(m_levels, &models::ServiceLevels::busyChanged, this, [this](bool busy) {
        m_saveTargets->setEnabled(!busy);
        m_saveHours->setEnabled(!busy && currentFleetId() != 0);
    });
    connect(m_directory, &models::Directory::loaded, this, &ServiceLevelsDialog::fillFleets);
    fillFleets();
    fillTargets();
    // Where the page is opened for: the first target.
    m_targets[0][0].number->setFocus();
    resize(sizeHint().expandedTo(QSize(560, 0)));
}

ServiceLevelsDialog::~ServiceLevelsDialog() = default;

ServiceLevelsDialog::TargetFields ServiceLevelsDialog::createTargetFields(const QString &name)
{
    TargetFields f;
    f.number = new QLineEdit;
    f.number->setObjectName(name + u"Edit"_s);
    f.number->setPlaceholderText(tr("none"));
    f.number->setMaximumWidth(fontMetrics().averageCharWidth() * 10);
    f.unit = new QComboBox;
    f.unit->setObjectName(name + u"Unit"_s);
    f.unit->addItem(tr("minutes"), int(forms::Unit::Minutes));
    f.unit->addItem(tr("hours"), int(forms::Unit::Hours));
    f.unit->addItem(tr("days"), int(forms::Unit::Days));
    return f;
}

QWidget *ServiceLevelsDialog::createTargetsTab()
{
    auto *tab = new QWidget;
    tab->setObjectName(u"targetsTab"_s);
    auto *layout = new QVBoxLayout(tab);
    auto *intro =
        new QLabel(tr("Time until the first staff reply and until the ticket is resolved, per "
                      "priority. Clocks count the business hours of the ticket's fleet and stop "
                      "while a ticket waits. A day is 9 business hours. Leave a field empty for "
                      "no target."));
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *grid = new QGridLayout;
    grid->addWidget(new QLabel(tr("First reply")), 0, 1, 1, 2);
    grid->addWidget(new QLabel(tr("Resolution")), 0, 3, 1, 2);
    const std::array<QString, 2> clockNames = {u"FirstReply"_s, u"Resolution"_s};
    for (int p = 0; p < 3; ++p) {
        auto *caption = new QLabel(tr("%1:").arg(models::priorityLabel(Priorities[p])));
        grid->addWidget(caption, p + 1, 0);
        for (int c = 0; c < 2; ++c) {
            TargetFields f = createTargetFields(core::toString(Priorities[p]) + clockNames[c]);
            grid->addWidget(f.number, p + 1, 1 + 2 * c);
            grid->addWidget(f.unit, p + 1, 2 + 2 * c);
            connect(f.number, &QLineEdit::returnPressed, this, &ServiceLevelsDialog::saveTargets);
            m_targets[p][c] = f;
        }
        caption->setBuddy(m_targets[p][0].number);
    }
    grid->setColumnStretch(5, 1);
    layout->addLayout(grid);
    layout->addStretch(1);
    m_saveTargets = new QPushButton(tr("&Save targets"));
    m_saveTargets->setObjectName(u"saveTargetsButton"_s);
    m_saveTargets->setAutoDefault(false);
    connect(m_saveTargets, &QPushButton::clicked, this, &ServiceLevelsDialog::saveTargets);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(m_saveTargets);
    layout->addLayout(row);
    return tab;
}

QWidget *ServiceLevelsDialog::createHoursTab()
{
    auto *tab = new QWidget;
    tab->setObjectName(u"hoursTab"_s);
    auto *layout = new QVBoxLayout(tab);
    auto *form = new QFormLayout;
    m_fleet = new QComboBox;
    m_fleet->setObjectName(u"fleetCombo"_s);
    form->addRow(tr("&Fleet:"), m_fleet);
    m_timeZone = new QComboBox;
    m_timeZone->setObjectName(u"timeZoneCombo"_s);
    m_timeZone->setEditable(true);
    m_timeZone->setInsertPolicy(QComboBox::NoInsert);
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        m_timeZone->addItem(QString::fromUtf8(id));
    form->addRow(tr("Time &zone:"), m_timeZone);
    const std::array<QString, 7> dayNames = {tr("Monday:"),   tr("Tuesday:"), tr("Wednesday:"),
                                             tr("Thursday:"), tr("Friday:"),  tr("Saturday:"),
                                             tr("Sunday:")};
    for (int d = 0; d < 7; ++d) {
        m_days[d] = new QLineEdit;
        m_days[d]->setObjectName(QString::fromLatin1(DayKeys[d]) + u"Edit"_s);
        m_days[d]->setPlaceholderText(tr("closed"));
        m_days[d]->setToolTip(tr("Opening hours, e.g. 08:00–12:00, 13:00–17:00; empty: closed"));
        form->addRow(dayNames[d], m_days[d]);
    }
    m_holidays = new QPlainTextEdit;
    m_holidays->setObjectName(u"holidaysEdit"_s);
    m_holidays->setTabChangesFocus(true);
    m_holidays->setPlaceholderText(tr("One date a line, e.g. 2026-12-24"));
    m_holidays->setMaximumHeight(fontMetrics().lineSpacing() * 4 + 12);
    form->addRow(tr("&Holidays:"), m_holidays);
    layout->addLayout(form);
    m_saveHours = new QPushButton(tr("&Save business hours"));
    m_saveHours->setObjectName(u"saveHoursButton"_s);
    m_saveHours->setAutoDefault(false);
    connect(m_saveHours, &QPushButton::clicked, this, &ServiceLevelsDialog::saveHours);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(m_saveHours);
    layout->addLayout(row);
    connect(m_fleet, &QComboBox::currentIndexChanged, this, [this] {
        fillHours();
        if (const qint64 id = currentFleetId())
            m_levels->loadHours(id);
    });
    return tab;
}

void ServiceLevelsDialog::refresh()
{
    m_banner->hide();
    m_levels->loadTargets();
    if (const qint64 id = currentFleetId())
        m_levels->loadHours(id);
}

qint64 ServiceLevelsDialog::currentFleetId() const
{
    return m_fleet->currentData().toLongLong();
}

void ServiceLevelsDialog::fillFleets()
{
    const qint64 current = currentFleetId();
    const QSignalBlocker block(m_fleet);
    m_fleet->clear();
    for (const core::Fleet &fleet : m_directory->fleets())
        m_fleet->addItem(fleet.name, fleet.id);
    const int index = m_fleet->findData(current);
    m_fleet->setCurrentIndex(index >= 0 ? index : 0);
    fillHours();
}

void ServiceLevelsDialog::fillTargets()
{
    const QJsonObject &targets = m_levels->targets();
    for (int p = 0; p < 3; ++p) {
        const QJsonObject t = targets.value(core::toString(Priorities[p])).toObject();
        for (int c = 0; c < 2; ++c) {
            const forms::TargetText text =
                forms::targetText(t.value(QLatin1StringView(TargetKeys[c])));
            m_targets[p][c].number->setText(text.number);
            m_targets[p][c].unit->setCurrentIndex(m_targets[p][c].unit->findData(int(text.unit)));
        }
    }
}

void ServiceLevelsDialog::fillHours()
{
    const QJsonObject hours = m_levels->hours(currentFleetId());
    const bool known = !hours.isEmpty();
    m_saveHours->setEnabled(known && !m_levels->busy());
    m_timeZone->setCurrentText(hours.value(u"timeZone").toString());
    const QJsonObject days = hours.value(u"days").toObject();
    for (int d = 0; d < 7; ++d)
        m_days[d]->setText(
            forms::intervalsText(days.value(QLatin1StringView(DayKeys[d])).toArray()));
    m_holidays->setPlainText(forms::holidaysText(hours.value(u"holidays").toArray()));
}

void ServiceLevelsDialog::saveTargets()
{
    QJsonObject targets;
    for (int p = 0; p < 3; ++p) {
        QJsonObject t;
        for (int c = 0; c < 2; ++c) {
            const TargetFields &f = m_targets[p][c];
            const std::optional<QJsonValue> minutes =
                forms::targetMinutes(f.number->text(), forms::Unit(f.unit->currentData().toInt()));
            if (!minutes) {
                m_banner->setMessage(tr("“%1” is not a number. Enter hours or days, or leave "
                                        "the field empty for no target.")
                                         .arg(f.number->text()));
                m_banner->show();
                f.number->setFocus();
                f.number->selectAll();
                return;
            }
            t.insert(QLatin1StringView(TargetKeys[c]), *minutes);
        }
        targets.insert(core::toString(Priorities[p]), t);
    }
    m_banner->hide();
    m_levels->saveTargets(targets);
}

void ServiceLevelsDialog::saveHours()
{
    const qint64 fleetId = currentFleetId();
    if (fleetId == 0)
        return;
    QJsonObject days;
    for (int d = 0; d < 7; ++d)
        days.insert(QLatin1StringView(DayKeys[d]), forms::intervalsFrom(m_days[d]->text()));
    const QJsonObject hours{{u"timeZone"_s, m_timeZone->currentText().trimmed()},
                            {u"days"_s, days},
                            {u"holidays"_s, forms::holidaysFrom(m_holidays->toPlainText())}};
    m_banner->hide();
    m_levels->saveHours(fleetId, hours);
}

void ServiceLevelsDialog::showSaveResult(bool ok, const QString &okText, const QString &failText,
                                         const QString &error, const QString &field)
{
    // A refused change leaves the server as it was; the fields keep what was typed, so
    // that it can be put right.
    if (ok) {
        m_banner->setMessage(okText, MessageBanner::Kind::Info);
    } else {
        const QString place = forms::fieldLabel(field);
        m_banner->setMessage(
            failText.arg(place.isEmpty() ? error : tr("%1: %2", "place: error").arg(place, error)));
    }
    m_banner->show();
}
