#include "pickerpopup.h"

#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

QString folded(const QString &text)
{
    QString out;
    for (const QChar c : text.normalized(QString::NormalizationForm_D)) {
        if (c.category() != QChar::Mark_NonSpacing)
            out.append(c.toCaseFolded());
    }
    return out;
}

} // namespace

PickerPopup::PickerPopup(QWidget *parent)
    : QFrame(parent, Qt::Popup)
    , m_edit(new QLineEdit(this))
    , m_list(new QListWidget(this))
{
    setFrameShape(QFrame::StyledPanel);
    m_edit->setObjectName(u"pickerLineEdit"_s);
    m_list->setObjectName(u"pickerListWidget"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_edit);
    layout->addWidget(m_list);
    m_edit->installEventFilter(this);
    connect(m_edit, &QLineEdit::textChanged, this, &PickerPopup::filter);
    connect(m_list, &QListWidget::itemActivated, this, &PickerPopup::pickCurrent);
    resize(260, 280);
}

PickerPopup::~PickerPopup() = default;

void PickerPopup::clear()
{
    m_list->clear();
}

void PickerPopup::addEntry(const QString &text, const QVariant &value)
{
    auto *item = new QListWidgetItem(text, m_list);
    item->setData(Qt::UserRole, value);
}

void PickerPopup::setPlaceholderText(const QString &text)
{
    m_edit->setPlaceholderText(text);
}

void PickerPopup::popup(QWidget *anchor, const QPoint &offset)
{
    m_edit->clear();
    filter({});
    move(anchor->mapToGlobal(offset));
    show();
    activateWindow();
    m_edit->setFocus(Qt::PopupFocusReason);
}

void PickerPopup::filter(const QString &text)
{
    const QString wanted = folded(text.trimmed());
    QListWidgetItem *first = nullptr;
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem *item = m_list->item(i);
        const bool shown = wanted.isEmpty() || folded(item->text()).contains(wanted);
        item->setHidden(!shown);
        if (shown && !first)
            first = item;
    }
    m_list->setCurrentItem(first);
}

void PickerPopup::pickCurrent()
{
    QListWidgetItem *item = m_list->currentItem();
    if (!item || item->isHidden())
        return;
    const QVariant value = item->data(Qt::UserRole);
    hide();
    Q_EMIT picked(value);
}

bool PickerPopup::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        switch (key->key()) {
        case Qt::Key_Return:
        case Qt::Key_Enter:
            pickCurrent();
            return true;
        case Qt::Key_Down:
        case Qt::Key_Up: {
            const int step = key->key() == Qt::Key_Down ? 1 : -1;
            int row = m_list->currentRow();
            for (int i = row + step; i >= 0 && i < m_list->count(); i += step) {
                if (!m_list->item(i)->isHidden()) {
                    m_list->setCurrentRow(i);
                    break;
                }
            }
            return true;
        }
        case Qt::Key_Escape:
            hide();
            return true;
        default:
            break;
        }
    }
    return QFrame::eventFilter(watched, event);
}
