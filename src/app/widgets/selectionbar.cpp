#include "selectionbar.h"

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
    , m_allMatching(new QPushButton(this))
    , m_clear(new QPushButton(this))
{
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::AlternateBase);
    m_label->setObjectName(u"selectionCountLabel"_s);
    m_allMatching->setObjectName(u"selectAllMatchingButton"_s);
    m_allMatching->setFlat(true);
    m_allMatching->setCursor(Qt::PointingHandCursor);
    QFont link = m_allMatching->font();
    link.setUnderline(true);
    m_allMatching->setFont(link);
    m_allMatching->setForegroundRole(QPalette::Link);
    m_clear->setObjectName(u"clearSelectionButton"_s);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 3, 4, 3);
    layout->addWidget(m_label);
    layout->addWidget(m_allMatching);
    layout->addStretch(1);
    layout->addWidget(m_clear);
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
    auto *layout = static_cast<QHBoxLayout *>(this->layout());
    layout->insertWidget(layout->indexOf(m_clear), button);
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

void SelectionBar::retranslate()
{
    const int shown = m_allMatchingChosen ? m_matching : m_selected;
    m_label->setText(tr("%n ticket(s) selected", nullptr, shown));
    m_allMatching->setText(
        tr("Select all %1 tickets matching this view").arg(QLocale().toString(m_matching)));
    m_allMatching->setVisible(!m_allMatchingChosen && m_matching > m_selected);
    m_clear->setText(tr("Clear selection"));
    m_clear->setToolTip(tr("Clear the selection (Esc)"));
}

void SelectionBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QFrame::changeEvent(event);
}
