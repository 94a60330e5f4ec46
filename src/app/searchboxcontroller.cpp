#include "searchboxcontroller.h"

#include "models/queuefilter.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QCoreApplication>
#include <QDateTime>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QStringListModel>
#include <QTextCharFormat>

using namespace Qt::StringLiterals;

namespace {

// The filters of two queries alike (sort, paging aside).
bool sameFilters(core::TicketQuery a, core::TicketQuery b)
{
    a.sort.clear();
    b.sort.clear();
    a.limit = b.limit = core::TicketQuery::DefaultLimit;
    a.cursor.clear();
    b.cursor.clear();
    return a == b;
}

} // namespace

SearchBoxController::SearchBoxController(QLineEdit *box, QLabel *problemLabel,
                                         models::QueueFilter *filter,
                                         const core::SearchDirectory *directory, QObject *parent)
    : QObject(parent)
    , m_box(box)
    , m_label(problemLabel)
    , m_filter(filter)
    , m_directory(directory)
    , m_completer(new QCompleter(box))
    , m_candidates(new QStringListModel(this))
{
    m_label->hide();
    m_box->setToolTip(tr("Words and terms such as priority:high status:new,open assignee:me "
                         "fleet:… device:\"…\" flow:… created:>7d -word \"exact phrase\""));
    m_timer.setSingleShot(true);
    m_timer.setInterval(SearchDelayMs);
    connect(m_box, &QLineEdit::textChanged, &m_timer, qOverload<>(&QTimer::start));
    connect(&m_timer, &QTimer::timeout, this, &SearchBoxController::evaluate);
    connect(m_filter, &models::QueueFilter::queryChanged, this, &SearchBoxController::followFilter);

    m_completer->setObjectName(u"searchCompleter"_s);
    m_completer->setModel(m_candidates);
    m_completer->setWidget(m_box);
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->popup()->setObjectName(u"searchCompletionPopup"_s);
    connect(m_box, &QLineEdit::textEdited, this, &SearchBoxController::complete);
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this,
            &SearchBoxController::insertCompletion);
    followFilter();
}

SearchBoxController::~SearchBoxController() = default;

bool SearchBoxController::searchNow()
{
    m_timer.stop();
    evaluate();
    return m_parse.ok();
}

void SearchBoxController::clear()
{
    {
        const QSignalBlocker block(m_box);
        m_box->clear();
    }
    m_timer.stop();
    m_parse = {};
    setFormats({});
    showProblems();
}

void SearchBoxController::evaluate()
{
    const QDateTime now = QDateTime::currentDateTime();
    m_parse = core::parseSearch(m_box->text(), *m_directory, {}, now.date());
    setFormats(m_parse.problems);
    showProblems();
    if (!m_parse.ok())
        return; // nothing is sent
    m_writing = true;
    // Relative days stay relative in the filter (and so in a view saved from it); the
    // models resolve them in local time when they ask the server.
    m_filter->setOverrides(core::heldQuery(m_parse, now));
    m_writing = false;
}

void SearchBoxController::followFilter()
{
    if (m_writing)
        return;
    const QDateTime now = QDateTime::currentDateTime();
    const core::TicketQuery overrides = m_filter->overrides();
    const core::SearchParseResult current =
        core::parseSearch(m_box->text(), *m_directory, {}, now.date());
    if (current.ok() && sameFilters(core::heldQuery(current, now), overrides))
        return;
    // The created range, phrases and -words from the filter itself (a view applied brings
    // its own), relative days in their own words.
    const QString text =
        core::searchText(overrides, core::searchExtrasOf(overrides, now), *m_directory);
    {
        const QSignalBlocker block(m_box);
        m_box->setText(text);
    }
    m_timer.stop();
    m_parse = core::parseSearch(text, *m_directory, {}, now.date());
    setFormats(m_parse.problems);
    showProblems(true); // the filter was applied as it is
}

QString SearchBoxController::problemText(const core::SearchProblem &problem) const
{
    using Reason = core::SearchProblem::Reason;
    const QString term = m_box->text().mid(problem.start, problem.length);
    switch (problem.reason) {
    case Reason::UnknownField:
        return tr("\"%1\" is no field. Fields: %2. Put a word with a colon in quotes to search "
                  "for it.")
            .arg(term, core::searchFieldNames().join(u", "_s));
    case Reason::EmptyValue:
        return tr("\"%1\" lacks a value.").arg(term);
    case Reason::UnknownValue:
        return tr("\"%1\": there is no such value or name.").arg(term);
    case Reason::AmbiguousName:
        return tr("\"%1\" names more than one; choose one from the suggestions.").arg(term);
    case Reason::BadDate:
        return tr("\"%1\" is no date. Examples: created:>7d, created:2026-11-01..2026-11-30.")
            .arg(term);
    case Reason::UnterminatedQuote:
        return tr("The quote in \"%1\" is not closed.").arg(term);
    case Reason::NegatedField:
        return tr("\"%1\": field terms cannot be excluded with \"-\".").arg(term);
    case Reason::RepeatedField:
        return tr("\"%1\": this field may be given only once.").arg(term);
    case Reason::ReversedRange:
        return tr("\"%1\": the range is reversed today, its first day comes after its last.")
            .arg(term);
    case Reason::Refused:
        return tr("\"%1\" is too long, has too many values or characters that cannot be "
                  "searched.")
            .arg(term);
    }
    return {};
}

void SearchBoxController::showProblems(bool searched)
{
    QStringList lines;
    for (const core::SearchProblem &p : std::as_const(m_parse.problems))
        lines.append(problemText(p));
    if (!lines.isEmpty()) {
        // A view or the sidebar applied its filter, which the box cannot say in its terms
        // (e.g. a range reversed today): the list was asked for all the same.
        m_label->setText(searched ? tr("Searched, but: %1").arg(lines.join(u' '))
                                  : tr("Not searched: %1").arg(lines.join(u' ')));
        m_label->setStyleSheet(u"color: #b00020;"_s);
        m_label->setProperty("problem", true);
        m_label->show();
        m_box->setToolTip(m_label->text());
        return;
    }
    m_label->setProperty("problem", false);
    m_label->hide();
}

void SearchBoxController::setFormats(const QList<core::SearchProblem> &problems)
{
    // QLineEdit has no text formats of its own; an input method event carries them
    // (positions relative to the cursor), without changing the text.
    QList<QInputMethodEvent::Attribute> attributes;
    QTextCharFormat wavy;
    wavy.setUnderlineStyle(QTextCharFormat::WaveUnderline);
    wavy.setUnderlineColor(QColor(0xd0, 0x00, 0x20));
    for (const core::SearchProblem &p : problems) {
        attributes.append({QInputMethodEvent::TextFormat, p.start - m_box->cursorPosition(),
                           qMax(1, p.length), wavy});
    }
    QInputMethodEvent event(QString(), attributes);
    QCoreApplication::sendEvent(m_box, &event);
}

void SearchBoxController::complete()
{
    m_completion = core::completeSearch(m_box->text(), m_box->cursorPosition(), *m_directory);
    if (m_completion.candidates.isEmpty()) {
        m_completer->popup()->hide();
        return;
    }
    m_candidates->setStringList(m_completion.candidates);
    m_completer->setCompletionPrefix(QString());
    m_completer->complete();
}

void SearchBoxController::insertCompletion(const QString &candidate)
{
    QString text = m_box->text();
    text.replace(m_completion.replaceStart, m_completion.replaceLength, candidate);
    m_box->setText(text);
    m_box->setCursorPosition(m_completion.replaceStart + int(candidate.size()));
    if (candidate.endsWith(u':'))
        complete(); // on to the field's values
}
