#include "statistics/statisticsfilters.h"

#include "models/directory.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QSet>
#include <algorithm>

using namespace Qt::StringLiterals;
using models::Dimension;

namespace statistics {

namespace {

using Items = QList<QPair<qint64, QString>>;

Items sorted(Items items)
{
    std::sort(items.begin(), items.end(), [](const auto &a, const auto &b) {
        return a.second.localeAwareCompare(b.second) < 0;
    });
    return items;
}

void fillCombo(QComboBox *combo, const QString &all, const Items &items)
{
    const qint64 current = combo->currentData().toLongLong();
    const QSignalBlocker block(combo);
    combo->clear();
    combo->addItem(all, qint64(0));
    for (const auto &[id, name] : items) {
        combo->addItem(name, id);
        combo->setItemData(combo->count() - 1, name, Qt::ToolTipRole);
    }
    // The popup as wide as its longest name.
    int widest = 0;
    for (int i = 0; i < combo->count(); ++i)
        widest = std::max(widest, combo->fontMetrics().horizontalAdvance(combo->itemText(i)));
    combo->view()->setMinimumWidth(widest + 40);
    combo->setCurrentIndex(std::max(0, combo->findData(current)));
}

} // namespace

StatisticsFilters::StatisticsFilters(QComboBox *fleet, QComboBox *flow, QComboBox *staff,
                                     QComboBox *templates, QComboBox *customer)
    : m_filters{{{Dimension::Fleet, fleet},
                 {Dimension::Flow, flow},
                 {Dimension::Staff, staff},
                 {Dimension::Template, templates},
                 {Dimension::Customer, customer}}}
{
    // Long names ("Rheinufer Büropark GmbH & Co. KG, Köln") must not widen the window past
    // a small screen: the boxes share the row, the popup shows whole names.
    for (const auto &[dimension, combo] : m_filters) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(8);
        combo->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    }
}

QList<QComboBox *> StatisticsFilters::comboBoxes() const
{
    QList<QComboBox *> out;
    for (const auto &[dimension, combo] : m_filters)
        out.append(combo);
    return out;
}

void StatisticsFilters::fill(models::Directory &directory)
{
    Items fleets, flows, staff, templates, customers;
    for (const core::Fleet &f : directory.fleets())
        fleets.append({f.id, f.name});
    for (const core::Flow &f : directory.flows())
        flows.append({f.id, f.name});
    for (const core::StaffMember &m : directory.staffModel()->staff())
        staff.append({m.id, m.name});
    // Templates are known through the devices that use them (ratings come from devices).
    QSet<qint64> seen;
    for (const core::Device &d : directory.devices()) {
        if (d.templateId > 0 && !seen.contains(d.templateId)) {
            seen.insert(d.templateId);
            templates.append({d.templateId, d.templateName});
        }
    }
    for (const core::Customer &c : directory.customers())
        customers.append({c.id, c.name});
    fillCombo(m_filters[0].second, tr("All fleets"), sorted(fleets));
    fillCombo(m_filters[1].second, tr("All categories"), sorted(flows));
    fillCombo(m_filters[2].second, tr("All staff"), sorted(staff));
    fillCombo(m_filters[3].second, tr("All templates"), sorted(templates));
    fillCombo(m_filters[4].second, tr("All customers"), sorted(customers));
}

void StatisticsFilters::applyTo(models::RatingStatsQuery &query) const
{
    for (const auto &[dimension, combo] : m_filters)
        query.setFilter(dimension, combo->currentData().toLongLong());
}

QString StatisticsFilters::description() const
{
    QStringList parts;
    for (const auto &[dimension, combo] : m_filters) {
        if (combo->currentData().toLongLong() > 0)
            parts.append(tr("%1: %2").arg(models::dimensionLabel(dimension), combo->currentText()));
    }
    return parts.join(u"; "_s);
}

} // namespace statistics
