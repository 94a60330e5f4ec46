#include "palettewidget.h"

#include "ui_palettewidget.h"

#include "palettedelegate.h"

#include <QApplication>
#include <QKeyEvent>
#include <QScrollBar>

using namespace Qt::StringLiterals;

namespace {
constexpr int VisibleRows = 12;
constexpr int MaxWidth = 680;
} // namespace

PaletteWidget::PaletteWidget(models::PaletteModel *model, QWidget *host)
    : QFrame(host)
    , m_ui(std::make_unique<Ui::PaletteWidget>())
    , m_model(model)
{
    m_ui->setupUi(this);
    // Set off from the window below it: a frame of its own and the window's background.
    setObjectName(u"paletteWidget"_s);
    setStyleSheet(u"QFrame#paletteWidget { background: palette(window);"
                  " border: 1px solid palette(dark); border-radius: 6px; }"_s);
    setAutoFillBackground(true);
    m_ui->paletteListView->setModel(m_model);
    m_ui->paletteListView->setItemDelegate(new PaletteDelegate(m_ui->paletteListView));
    m_ui->paletteLineEdit->installEventFilter(this);
    host->installEventFilter(this);
    connect(m_ui->paletteLineEdit, &QLineEdit::textChanged, this, &PaletteWidget::onFilterChanged);
    connect(m_ui->paletteListView, &QAbstractItemView::clicked, this,
            [this](const QModelIndex &index) { activate(index.row()); });
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) {
        // A click elsewhere in the window (or another window) closes it, as any popup.
        if (isVisible() && now && !isAncestorOf(now))
            dismiss();
    });
    hide();
}

PaletteWidget::~PaletteWidget() = default;

void PaletteWidget::popUp()
{
    if (!isVisible())
        m_previousFocus = QApplication::focusWidget();
    m_ui->paletteLineEdit->clear();
    onFilterChanged(); // also when it was empty already: the entries may be new
    place();
    show();
    raise();
    m_ui->paletteLineEdit->setFocus(Qt::PopupFocusReason);
}

void PaletteWidget::dismiss()
{
    if (!isVisible())
        return;
    hide();
    if (m_previousFocus && m_previousFocus->isVisible())
        m_previousFocus->setFocus(Qt::PopupFocusReason);
    m_previousFocus = nullptr;
}

void PaletteWidget::place()
{
    const QWidget *host = parentWidget();
    const int panelWidth = std::min(MaxWidth, host->width() - 40);
    const int rowHeight = m_ui->paletteListView->sizeHintForRow(0) > 0
                              ? m_ui->paletteListView->sizeHintForRow(0)
                              : fontMetrics().height() + 8;
    ensurePolished();
    // The layout's margins and the frame's border (of the style sheet).
    const QRect inner = contentsRect();
    const QMargins m = layout()->contentsMargins() +
                       QMargins(inner.left(), inner.top(), QWidget::width() - inner.right() - 1,
                                QWidget::height() - inner.bottom() - 1);
    // As high as the rows it lists (up to VisibleRows): no empty space below a few hits.
    const int rows = std::clamp(m_model->rowCount(), 1, VisibleRows);
    const int below = m_model->rowCount() > 0
                          ? rowHeight * rows + 2 * m_ui->paletteListView->frameWidth()
                          : m_ui->paletteEmptyLabel->sizeHint().height() + 8;
    const int panelHeight =
        std::min(host->height() - 80, m.top() + m.bottom() + layout()->spacing() +
                                          m_ui->paletteLineEdit->sizeHint().height() + below);
    setGeometry((host->width() - panelWidth) / 2, std::min(60, host->height() / 10), panelWidth,
                panelHeight);
}

void PaletteWidget::onFilterChanged()
{
    m_model->setFilter(m_ui->paletteLineEdit->text());
    const bool any = m_model->rowCount() > 0;
    m_ui->paletteListView->setVisible(any);
    m_ui->paletteEmptyLabel->setVisible(!any);
    if (any)
        m_ui->paletteListView->setCurrentIndex(m_model->index(0));
    if (isVisible())
        place();
}

void PaletteWidget::moveCurrent(int rows)
{
    const int count = m_model->rowCount();
    if (count == 0)
        return;
    const int current = m_ui->paletteListView->currentIndex().row();
    const int row = std::clamp(current + rows, 0, count - 1);
    m_ui->paletteListView->setCurrentIndex(m_model->index(row));
}

void PaletteWidget::activate(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    const models::PaletteModel::Entry entry = m_model->entry(row);
    dismiss();
    Q_EMIT entryActivated(entry);
}

bool PaletteWidget::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parentWidget()) {
        if (event->type() == QEvent::Resize && isVisible())
            place();
        return false;
    }
    if (watched != m_ui->paletteLineEdit || event->type() != QEvent::KeyPress)
        return false;
    const int page = std::max(1, m_ui->paletteListView->viewport()->height() /
                                         std::max(1, m_ui->paletteListView->sizeHintForRow(0)) -
                                     1);
    switch (static_cast<QKeyEvent *>(event)->key()) {
    case Qt::Key_Escape:
        dismiss();
        return true;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        activate(m_ui->paletteListView->currentIndex().row());
        return true;
    case Qt::Key_Up:
        moveCurrent(-1);
        return true;
    case Qt::Key_Down:
        moveCurrent(1);
        return true;
    case Qt::Key_PageUp:
        moveCurrent(-page);
        return true;
    case Qt::Key_PageDown:
        moveCurrent(page);
        return true;
    default:
        return false;
    }
}
