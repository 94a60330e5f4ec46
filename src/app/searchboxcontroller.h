#pragma once

#include "core/searchsyntax.h"

#include <QObject>
#include <QTimer>

class QCompleter;
class QLabel;
class QLineEdit;
class QStringListModel;
namespace models {
class QueueFilter;
}

// The search box's terms (core/searchsyntax.h): `priority:high status:new,open assignee:me
// device:"..." words` become the QueueFilter's ticked statuses, priorities and extra filters
// (what the sidebar shows), and any change of those rewrites the terms. Field names and
// values complete in a popup; a term it does not understand is underlined in red and
// explained below the box, and then nothing is sent. created: ranges, -words and exact
// phrases are GET /tickets' createdFrom/createdTo, exclude and phrase; relative days stay
// relative in the filter (core::heldQuery: a view saved from created:>7d stays the last 7
// days), the models resolve them in local time when they ask the server.
class SearchBoxController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SearchBoxController)

public:
    static constexpr int SearchDelayMs = 300;

    SearchBoxController(QLineEdit *box, QLabel *problemLabel, models::QueueFilter *filter,
                        const core::SearchDirectory *directory, QObject *parent = nullptr);
    ~SearchBoxController() override;

    // Parses the box now and, without problems, applies it; false with problems.
    bool searchNow();
    // Empties the box (and what it held beyond the filter) without searching.
    void clear();
    const core::SearchParseResult &lastParse() const { return m_parse; }
    QCompleter *completer() const { return m_completer; }

private:
    void evaluate();
    void followFilter();
    void showProblems(bool searched = false);
    void complete();
    void insertCompletion(const QString &candidate);
    void setFormats(const QList<core::SearchProblem> &problems);
    QString problemText(const core::SearchProblem &problem) const;

    QLineEdit *m_box;
    QLabel *m_label;
    models::QueueFilter *m_filter;
    const core::SearchDirectory *m_directory;
    QTimer m_timer;
    QCompleter *m_completer;
    QStringListModel *m_candidates;
    core::SearchCompletion m_completion;
    core::SearchParseResult m_parse;
    bool m_writing = false;
};
