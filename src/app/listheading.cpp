#include "listheading.h"

#include "ui_mainwindow.h"
#include "widgets/elidedlabel.h"

#include "models/queuefilter.h"
#include "models/tickettablemodel.h"

#include <QComboBox>
#include <QDateTime>
#include <QListView>
#include <QLocale>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using models::TicketTableModel;

ListHeading::ListHeading(Ui::MainWindow *ui, models::TicketTableModel *model,
                         models::QueueFilter *filter, QObject *parent)
    : QObject(parent)
    , m_ui(ui)
    , m_model(model)
    , m_filter(filter)
{}

QString ListHeading::createdText(const core::TicketQuery &query, const QDateTime &now)
{
    if (!query.hasCreatedRange())
        return {};
    if (query.createdRangeCrosses(now))
        return tr("created: no day (the range is reversed)");
    const std::optional<int> from = query.createdFromDaysAgo;
    // The last day of a relative end: the one before the exclusive end.
    const std::optional<int> last =
        query.createdToDaysAgo ? std::optional<int>(*query.createdToDaysAgo + 1) : std::nullopt;
    const bool fromOpen = !query.createdFrom && !from;
    const bool toOpen = !query.createdTo && !last;
    if (from && toOpen)
        return *from == 0 ? tr("created today")
                          : tr("created in the last %n day(s)", nullptr, *from + 1);
    if (last && fromOpen)
        return tr("created %n or more day(s) ago", nullptr, *last);
    if (from && last) {
        if (*from == *last)
            return *last == 1 ? tr("created yesterday")
                              : tr("created %n day(s) ago", nullptr, *last);
        return tr("created %1 to %2 days ago", "from the older day to the newer")
            .arg(*from)
            .arg(*last);
    }
    // Calendar days (or one of each): as dates, the last the day before the exclusive end.
    const core::TicketQuery resolved = query.resolved(now);
    auto day = [&now](qint64 msecs) {
        return QLocale().toString(QDateTime::fromMSecsSinceEpoch(msecs, now.timeZone()).date(),
                                  QLocale::ShortFormat);
    };
    if (resolved.createdFrom && resolved.createdTo)
        return tr("created %1 – %2").arg(day(*resolved.createdFrom), day(*resolved.createdTo - 1));
    if (resolved.createdFrom)
        return tr("created from %1").arg(day(*resolved.createdFrom));
    return tr("created until %1").arg(day(*resolved.createdTo - 1));
}

QStringList ListHeading::filterNames() const
{
    QStringList names;
    for (models::FacetListModel *facets : {m_filter->statuses(), m_filter->priorities()}) {
        for (int row = 0; row < facets->rowCount(); ++row) {
            const QModelIndex index = facets->index(row);
            if (index.data(Qt::CheckStateRole).toInt() == Qt::Checked)
                names.append(index.data().toString());
        }
    }
    // Index 0 of each box is "all" (no filter).
    for (const QComboBox *box :
         {m_ui->assigneeFilterComboBox, m_ui->flowFilterComboBox, m_ui->visibilityFilterComboBox,
          m_ui->deviceFilterComboBox, m_ui->customerFilterComboBox}) {
        if (box->currentIndex() > 0)
            names.append(box->itemText(box->currentIndex()));
    }
    // The search box's created: range and -words; its words and phrases are the quoted
    // search text.
    const core::TicketQuery query = m_filter->query();
    if (const QString created = createdText(query, QDateTime::currentDateTime());
        !created.isEmpty())
        names.append(created);
    if (!query.excluded.isEmpty())
        names.append(tr("without “%1”", "excluded search words").arg(query.excluded.join(u", "_s)));
    return names;
}

void ListHeading::update(const QString &openedElsewhere)
{
    const QModelIndex queueIndex = m_ui->queueListView->currentIndex();
    QStringList scope;
    if (queueIndex.isValid())
        scope.append(queueIndex.data().toString());
    const QStringList filters = filterNames();
    scope.append(filters);
    const QString text = m_filter->query().text;
    QStringList parts = scope;
    if (!text.isEmpty())
        parts.append(tr("“%1”", "a search text in quotes").arg(text));
    // A saved view chosen (and its filters unchanged): its name stands for them.
    for (const QListView *views : {m_ui->myViewsListView, m_ui->sharedViewsListView}) {
        const QModelIndexList chosen =
            views->selectionModel() ? views->selectionModel()->selectedRows() : QModelIndexList();
        if (!chosen.isEmpty())
            parts = QStringList{chosen.first().data().toString()};
    }
    const int rows = m_model->rowCount();
    const QString count = m_model->canFetchMore({})
                              ? tr("%1+ tickets").arg(QLocale().toString(rows))
                              : tr("%n ticket(s)", nullptr, rows);
    parts.append(count);
    const QString title = parts.join(u" · "_s);
    // Cut short, the heading keeps its count in view.
    m_ui->queueTitleLabel->setKeptEnd(u" · "_s + count);
    m_ui->queueTitleLabel->setText(title);
    m_ui->queueTitleLabel->setToolTip(title);
    m_ui->clearFiltersButton->setVisible(!filters.isEmpty() || !text.isEmpty());

    // An empty list says why, and where a search would find more.
    const bool everything = m_filter->queue() == models::Queue::All && filters.isEmpty();
    const bool empty = rows == 0 && !m_model->isLoading();
    m_ui->emptyListFrame->setVisible(empty);
    if (!empty)
        return;
    const QString where = scope.join(u" · "_s);
    m_ui->emptyListLabel->setText(text.isEmpty() ? tr("%1: no tickets.").arg(where)
                                  : everything
                                      ? tr("No ticket matches “%1”.").arg(text)
                                      : tr("%1: no ticket matches “%2”.").arg(where, text));
    m_ui->searchAllButton->setVisible(!text.isEmpty() && !everything);
    if (!openedElsewhere.isEmpty()) {
        m_ui->emptyListLabel->setText(tr("%1: no ticket matches “%2”. %3 is open beside the list.")
                                          .arg(where, text, openedElsewhere));
    }
}
