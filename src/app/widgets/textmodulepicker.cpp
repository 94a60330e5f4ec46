#include "textmodulepicker.h"

#include "ui_textmodulepicker.h"

#include "models/textmodulelist.h"

#include <QKeyEvent>
#include <QPainter>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QStyledItemDelegate>
#include <QTextBlock>
#include <QTextDocument>

using namespace Qt::StringLiterals;

namespace {

constexpr int PickerWidth = 440;
constexpr int PickerHeight = 340;

bool startsAWord(const QTextDocument *doc, int position)
{
    if (position <= 0)
        return true;
    const QChar before = doc->characterAt(position - 1);
    return before.isSpace() || before == QChar::ParagraphSeparator ||
           before == QChar::LineSeparator;
}

// A row: the module's name, and its shortcut and language at the right, dimmer.
class ModuleDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        QStyledItemDelegate::paint(painter, option, index);
        const QString shortcut = index.data(models::TextModuleList::ShortcutRole).toString();
        const QString language = index.data(models::TextModuleList::LanguageRole).toString();
        QStringList parts;
        if (!shortcut.isEmpty())
            parts << u'/' + shortcut;
        if (!language.isEmpty())
            parts << language.toUpper();
        if (parts.isEmpty())
            return;
        const bool selected = option.state & QStyle::State_Selected;
        painter->save();
        painter->setPen(
            option.palette.color(selected ? QPalette::HighlightedText : QPalette::PlaceholderText));
        painter->drawText(option.rect.adjusted(0, 0, -6, 0), Qt::AlignRight | Qt::AlignVCenter,
                          parts.join(u" · "_s));
        painter->restore();
    }
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        return QStyledItemDelegate::sizeHint(option, index) + QSize(0, 6);
    }
};

constexpr int VisibleRows = 6;

} // namespace

TextModulePicker::TextModulePicker(QPlainTextEdit *edit, models::TextModuleList *modules,
                                   Values values)
    : QFrame(edit->window())
    , m_ui(std::make_unique<Ui::TextModulePicker>())
    , m_edit(edit)
    , m_modules(modules)
    , m_filter(new models::TextModuleFilter(this))
    , m_values(std::move(values))
{
    m_ui->setupUi(this);
    setAutoFillBackground(true);
    setFocusPolicy(Qt::NoFocus);
    m_filter->setSourceModel(m_modules);
    m_ui->moduleListView->setModel(m_filter);
    m_ui->moduleListView->setItemDelegate(new ModuleDelegate(m_ui->moduleListView));
    m_ui->previewLabel->setAutoFillBackground(true);
    m_ui->previewLabel->setBackgroundRole(QPalette::Base);
    m_ui->previewLabel->setMargin(6);
    m_ui->previewLabel->setMinimumHeight(fontMetrics().height() * 3);
    m_ui->pickerLayout->setStretchFactor(m_ui->previewLabel, 1); // spare room: the preview's
    m_ui->hintLabel->setForegroundRole(QPalette::PlaceholderText);
    m_ui->previewLabel->setToolTip(tr("Preview with this ticket's values"));
    hide();

    m_edit->installEventFilter(this);
    connect(m_edit->document(), &QTextDocument::contentsChange, this,
            &TextModulePicker::onContentsChange);
    connect(m_edit, &QPlainTextEdit::cursorPositionChanged, this, [this] {
        if (isOpen() && !m_inserting)
            follow();
    });
    connect(m_ui->moduleListView, &QAbstractItemView::clicked, this,
            [this](const QModelIndex &index) {
                m_ui->moduleListView->setCurrentIndex(index);
                insertCurrent();
            });
    connect(m_filter, &QAbstractItemModel::modelReset, this, &TextModulePicker::updatePreview);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &TextModulePicker::updatePreview);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &TextModulePicker::updatePreview);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &TextModulePicker::updatePreview);
}

TextModulePicker::~TextModulePicker() = default;

void TextModulePicker::setLanguage(Language language)
{
    m_language = std::move(language);
}

QString TextModulePicker::query() const
{
    const int from = m_anchor + (m_slash ? 1 : 0);
    const int to = m_edit->textCursor().position();
    if (m_anchor < 0 || to < from)
        return {};
    QTextCursor c(m_edit->document());
    c.setPosition(from);
    c.setPosition(to, QTextCursor::KeepAnchor);
    return c.selectedText();
}

void TextModulePicker::open(bool slash)
{
    const int caret = m_edit->textCursor().position();
    m_slash = slash;
    m_anchor = slash ? caret - 1 : caret;
    if (m_modules->rowCount() == 0 && !m_modules->isLoading())
        m_modules->reload();
    m_filter->setQuery({});
    m_filter->setLanguage(m_language ? m_language() : QString());
    if (parentWidget() != m_edit->window()) // the composer moved to another window
        setParent(m_edit->window());
    place();
    show();
    raise();
    follow();
}

void TextModulePicker::close()
{
    m_anchor = -1;
    hide();
}

void TextModulePicker::onContentsChange(int position, int removed, int added)
{
    if (m_inserting)
        return;
    if (!isOpen()) {
        // A "/" typed at the start of a word opens the picker.
        if (added == 1 && removed == 0 && m_edit->hasFocus() &&
            m_edit->document()->characterAt(position) == u'/' &&
            startsAWord(m_edit->document(), position) &&
            m_edit->textCursor().position() == position + 1)
            open(true);
        return;
    }
    if (m_slash && position <= m_anchor && (removed > 0 || added > 0) &&
        (m_edit->document()->characterAt(m_anchor) != u'/' || position < m_anchor))
        close(); // the "/" went away, or text came before it
}

// The query follows the caret; the picker closes when the caret leaves it.
void TextModulePicker::follow()
{
    const int caret = m_edit->textCursor().position();
    const int from = m_anchor + (m_slash ? 1 : 0);
    if (m_anchor < 0 || caret < from || m_edit->textCursor().hasSelection()) {
        close();
        return;
    }
    const QString q = query();
    if (q.contains(QChar::ParagraphSeparator) || q.contains(u'\n') || q.size() > 60) {
        close();
        return;
    }
    m_filter->setQuery(q);
    if (!m_ui->moduleListView->currentIndex().isValid() ||
        m_ui->moduleListView->currentIndex().row() != 0)
        m_ui->moduleListView->setCurrentIndex(m_filter->index(0, 0));
    updatePreview();
    place();
}

void TextModulePicker::move(int by)
{
    const int rows = m_filter->rowCount();
    if (rows == 0)
        return;
    const int row = m_ui->moduleListView->currentIndex().row();
    const int next = row < 0 ? 0 : (row + by + rows) % rows;
    m_ui->moduleListView->setCurrentIndex(m_filter->index(next, 0));
    updatePreview();
}

void TextModulePicker::updatePreview()
{
    if (!isOpen())
        return;
    QModelIndex current = m_ui->moduleListView->currentIndex();
    if (!current.isValid() && m_filter->rowCount() > 0) {
        current = m_filter->index(0, 0);
        m_ui->moduleListView->setCurrentIndex(current);
    }
    const bool empty = m_filter->rowCount() == 0;
    // The list as tall as its rows (up to a few); the preview takes the rest.
    const int rowHeight = std::max(m_ui->moduleListView->sizeHintForRow(0), fontMetrics().height());
    m_ui->moduleListView->setFixedHeight(std::min(int(m_filter->rowCount()), VisibleRows) *
                                             rowHeight +
                                         2 * m_ui->moduleListView->frameWidth() + 2);
    m_ui->emptyLabel->setVisible(empty);
    m_ui->moduleListView->setVisible(!empty);
    m_ui->previewLabel->setVisible(!empty);
    if (empty)
        return;
    const core::FilledText filled = core::fillPlaceholders(
        current.data(models::TextModuleList::BodyRole).toString(), m_values());
    m_ui->previewLabel->setText(filled.text);
    place();
}

void TextModulePicker::insertCurrent()
{
    const QModelIndex current = m_ui->moduleListView->currentIndex();
    if (!current.isValid() || m_anchor < 0)
        return;
    insertAt(current.data(models::LibraryList::IdRole).toLongLong(), m_anchor);
}

bool TextModulePicker::insert(qint64 moduleId)
{
    close();
    return insertAt(moduleId, m_edit->textCursor().position());
}

bool TextModulePicker::insertAt(qint64 id, int anchor)
{
    const int row = m_modules->rowOf(id);
    if (row < 0)
        return false;
    const core::FilledText filled = core::fillPlaceholders(
        m_modules->index(row).data(models::TextModuleList::BodyRole).toString(), m_values());
    QTextCursor c = m_edit->textCursor();
    m_inserting = true;
    c.beginEditBlock();
    c.setPosition(anchor);
    c.setPosition(m_edit->textCursor().position(), QTextCursor::KeepAnchor);
    c.insertText(filled.text);
    c.endEditBlock();
    c.setPosition(anchor + int(filled.cursor >= 0 ? filled.cursor : filled.text.size()));
    m_edit->setTextCursor(c);
    m_inserting = false;
    close();
    m_modules->recordUse(id);
    return true;
}

void TextModulePicker::place()
{
    QWidget *window = parentWidget();
    const QRect caret = m_edit->cursorRect();
    const QPoint below = m_edit->viewport()->mapTo(window, caret.bottomLeft() + QPoint(0, 4));
    const QPoint above = m_edit->viewport()->mapTo(window, caret.topLeft() - QPoint(0, 4));
    const int width = std::min(PickerWidth, window->width() - 8);
    const int height =
        std::min(PickerHeight, std::max(above.y(), window->height() - below.y()) - 8);
    int x = std::clamp(below.x(), 4, std::max(4, window->width() - width - 4));
    int y = below.y();
    if (y + height > window->height() - 4)
        y = std::max(4, above.y() - height); // no room below the caret: above it
    setGeometry(x, y, width, std::max(height, 120));
}

bool TextModulePicker::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_edit)
        return QFrame::eventFilter(watched, event);
    if (event->type() == QEvent::FocusOut && isOpen()) {
        close();
    } else if (event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        const Qt::KeyboardModifiers mods = key->modifiers() & ~Qt::KeypadModifier;
        if (!isOpen()) {
            if (key->key() == Qt::Key_Space && mods == Qt::ControlModifier) {
                open(false);
                return true;
            }
            return false;
        }
        switch (key->key()) {
        case Qt::Key_Escape:
            close(); // the text stays exactly as typed
            return true;
        case Qt::Key_Up:
            move(-1);
            return true;
        case Qt::Key_Down:
            move(1);
            return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
        case Qt::Key_Tab:
            if (mods != Qt::NoModifier || m_filter->rowCount() == 0) {
                close(); // Ctrl+Enter sends; a plain Enter with nothing to insert is a line
                return false;
            }
            insertCurrent();
            return true;
        default:
            break;
        }
    }
    return false;
}
