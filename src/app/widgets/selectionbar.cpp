#include "selectionbar.h"

#include "widgetstyle.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QToolButton>

using namespace Qt::StringLiterals;

SelectionBar::SelectionBar(QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
    , m_error(new QLabel(this))
    , m_allMatching(new QPushButton(this))
    , m_clear(new QPushButton(this))
{
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::AlternateBase);
    m_label->setObjectName(u"selectionCountLabel"_s);
    m_allMatching->setObjectName(u"selectAllMatchingButton"_s);
    m_allMatching->setFlat(true);
    // A link: starts where the count ends, cut at the right where the bar is narrow.
    m_allMatching->setStyleSheet(
        u"QPushButton { text-align: left; border: none; padding: 2px; }"_s);
    m_allMatching->setCursor(Qt::PointingHandCursor);
    QFont link = m_allMatching->font();
    link.setUnderline(true);
    m_allMatching->setFont(link);
    m_allMatching->setForegroundRole(QPalette::Link);
    m_clear->setObjectName(u"clearSelectionButton"_s);
    // The server's words: never rich text.
    m_error->setObjectName(u"selectionErrorLabel"_s);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();
    colorError();
    // Two rows, so that the bar fits the table's width on a small screen: what is selected
    // (and how to widen or clear that) above, what to do with it below.
    m_allMatching->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 3, 4, 3);
    layout->setSpacing(2);
    auto *top = new QHBoxLayout;
    top->addWidget(m_label);
    top->addWidget(m_allMatching, 1);
    top->addWidget(m_clear);
    m_actions = new QHBoxLayout;
    m_actions->addStretch(1);
    layout->addLayout(top);
    layout->addLayout(m_actions);
    layout->addWidget(m_error);
    connect(m_allMatching, &QPushButton::clicked, this, &SelectionBar::selectAllMatchingRequested);
    connect(m_clear, &QPushButton::clicked, this, &SelectionBar::clearRequested);
    retranslate();
}

SelectionBar::~SelectionBar() = default;

QToolButton *SelectionBar::addAction(QAction *action, const QString &objectName)
{
    auto *button = new QToolButton(this);
    button->setObjectName(objectName);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setPopupMode(QToolButton::InstantPopup);
    m_actions->insertWidget(m_actions->count() - 1, button);
    return button;
}

void SelectionBar::setCounts(int selected, int matching, bool allMatching)
{
    m_selected = selected;
    m_matching = matching;
    m_allMatchingChosen = allMatching;
    retranslate();
}

QString SelectionBar::text() const
{
    return m_label->text();
}

void SelectionBar::setError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

QString SelectionBar::error() const
{
    return m_error->text();
}

void SelectionBar::retranslate()
{
    const int shown = m_allMatchingChosen ? m_matching : m_selected;
    m_label->setText(tr("%n ticket(s) selected", nullptr, shown));
    m_label->setToolTip(m_label->text());
    m_allMatching->setText(
        tr("Select all %1 tickets matching this view").arg(QLocale().toString(m_matching)));
    m_allMatching->setVisible(!m_allMatchingChosen && m_matching > m_selected);
    m_clear->setText(tr("Clear selection"));
    m_clear->setToolTip(tr("Clear the selection (Esc)"));
}

void SelectionBar::colorError()
{
    QPalette palette = m_error->palette();
    palette.setColor(QPalette::WindowText, widgets::errorTextColor(this->palette()));
    m_error->setPalette(palette);
}

void SelectionBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    if (event->type() == QEvent::PaletteChange)
        colorError();
    QFrame::changeEvent(event);
}
