#pragma once

#include <QDateTime>
#include <QObject>
#include <QStringList>

namespace Ui {
class MainWindow;
}
namespace core {
class TicketQuery;
}
namespace models {
class QueueFilter;
class TicketTableModel;
} // namespace models

// The list's heading above the table: the queue or saved view, the filters chosen (a created
// range in its own words: "created in the last 7 days"), the search text and the count, and
// the empty list's explanation below it.
class ListHeading final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ListHeading)

public:
    ListHeading(Ui::MainWindow *ui, models::TicketTableModel *model, models::QueueFilter *filter,
                QObject *parent = nullptr);

    // `openedElsewhere`: the searched ticket number open beside the list (filters hide it).
    void update(const QString &openedElsewhere);
    // A query's created range as the heading says it on `now`'s day; empty for none.
    static QString createdText(const core::TicketQuery &query, const QDateTime &now);

private:
    // The names of the ticked statuses and priorities and of the other filters chosen.
    QStringList filterNames() const;

    Ui::MainWindow *m_ui;
    models::TicketTableModel *m_model;
    models::QueueFilter *m_filter;
};
