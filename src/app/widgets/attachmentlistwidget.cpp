#include "widgets/attachmentlistwidget.h"

#include "dialogs.h"
#include "models/labels.h"
#include "ui_attachmentlistwidget.h"
#include "widgets/widgetstyle.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMimeData>
#include <QMimeDatabase>
#include <QStyle>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

enum Column { NameColumn, SizeColumn, UploaderColumn, AddedColumn, VisibilityColumn };
constexpr int IdRole = Qt::UserRole + 1;

QStringList localFiles(const QMimeData *mime)
{
    QStringList paths;
    if (!mime || !mime->hasUrls())
        return paths;
    const QList<QUrl> urls = mime->urls();
    for (const QUrl &url : urls) {
        if (!url.isLocalFile())
            continue;
        const QString path = url.toLocalFile();
        if (QFileInfo(path).isFile())
            paths.append(path);
    }
    return paths;
}

} // namespace

QSize AttachmentListWidget::minimumSizeHint() const
{
    QSize size = QWidget::minimumSizeHint();
    int buttons = 0;
    for (const QWidget *b :
         {m_ui->addAttachmentButton, m_ui->openAttachmentButton, m_ui->saveAttachmentButton})
        buttons = qMax(buttons, b->sizeHint().width());
    size.setWidth(qMax(buttons, m_ui->attachmentTreeWidget->minimumSizeHint().width()));
    return size;
}

void AttachmentListWidget::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    arrangeButtons();
}

void AttachmentListWidget::arrangeButtons()
{
    // In a row where they fit (German labels are long), else one under the other: never cut.
    QBoxLayout *row = m_ui->buttonLayout;
    int needed = 0;
    for (const QWidget *b :
         {m_ui->addAttachmentButton, m_ui->openAttachmentButton, m_ui->saveAttachmentButton})
        needed += b->sizeHint().width() + row->spacing();
    const bool narrow = width() < needed;
    if ((row->direction() == QBoxLayout::TopToBottom) == narrow)
        return;
    row->setDirection(narrow ? QBoxLayout::TopToBottom : QBoxLayout::LeftToRight);
    for (QWidget *b :
         {m_ui->addAttachmentButton, m_ui->openAttachmentButton, m_ui->saveAttachmentButton})
        row->setAlignment(b, narrow ? Qt::AlignLeft : Qt::Alignment());
}

AttachmentListWidget::AttachmentListWidget(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::AttachmentListWidget>())
{
    m_ui->setupUi(this);
    setAcceptDrops(true);
    m_ui->transferProgressBar->hide();
    m_ui->transferLabel->hide();
    m_ui->attachmentTreeWidget->hide();
    applyHintColor();

    auto *header = m_ui->attachmentTreeWidget->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    for (int column : {SizeColumn, UploaderColumn, AddedColumn, VisibilityColumn})
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);

    connect(m_ui->addAttachmentButton, &QPushButton::clicked, this,
            &AttachmentListWidget::addFiles);
    connect(m_ui->openAttachmentButton, &QPushButton::clicked, this,
            [this] { requestDownload(true); });
    connect(m_ui->saveAttachmentButton, &QPushButton::clicked, this,
            [this] { requestDownload(false); });
    connect(m_ui->attachmentTreeWidget, &QTreeWidget::itemActivated, this,
            [this] { requestDownload(true); });
    connect(m_ui->attachmentTreeWidget, &QTreeWidget::itemSelectionChanged, this,
            &AttachmentListWidget::updateButtons);
    updateButtons();
}

AttachmentListWidget::~AttachmentListWidget() = default;

void AttachmentListWidget::setAttachments(const QList<core::Attachment> &attachments)
{
    const QString selected = selectedAttachmentId();
    QTreeWidget *tree = m_ui->attachmentTreeWidget;
    tree->clear();
    const QLocale locale;
    const auto amber = widgets::bannerColors(widgets::BannerTone::Warning, palette());
    for (const core::Attachment &attachment : attachments) {
        auto *item = new QTreeWidgetItem(tree);
        item->setData(NameColumn, IdRole, attachment.id);
        item->setIcon(NameColumn, iconFor(attachment));
        item->setText(NameColumn, attachment.name);
        item->setToolTip(NameColumn, models::plainToolTip(attachment.name));
        item->setText(SizeColumn, locale.formattedDataSize(attachment.size));
        item->setTextAlignment(SizeColumn, Qt::AlignRight | Qt::AlignVCenter);
        item->setText(UploaderColumn, attachment.uploadedBy.name);
        item->setText(AddedColumn, models::shortDateTime(attachment.createdAt));
        item->setToolTip(AddedColumn, models::longDateTime(attachment.createdAt));
        if (attachment.internal) {
            item->setText(VisibilityColumn, tr("Internal"));
            item->setToolTip(VisibilityColumn, tr("Only staff can see this file"));
            item->setBackground(VisibilityColumn, amber.background);
            item->setForeground(VisibilityColumn, amber.text);
            QFont bold = item->font(VisibilityColumn);
            bold.setBold(true);
            item->setFont(VisibilityColumn, bold);
            item->setTextAlignment(VisibilityColumn, Qt::AlignCenter);
        }
        if (attachment.id == selected)
            item->setSelected(true);
    }
    const bool empty = attachments.isEmpty();
    tree->setVisible(!empty);
    m_ui->emptyLabel->setVisible(empty);
    updateButtons();
}

QString AttachmentListWidget::selectedAttachmentId() const
{
    const QList<QTreeWidgetItem *> items = m_ui->attachmentTreeWidget->selectedItems();
    return items.isEmpty() ? QString() : items.first()->data(NameColumn, IdRole).toString();
}

void AttachmentListWidget::setUploadEnabled(bool enabled)
{
    m_uploadEnabled = enabled;
    updateButtons();
}

void AttachmentListWidget::setTransferProgress(const QString &label, qint64 done, qint64 total)
{
    const QLocale locale;
    QString text = label;
    if (total > 0)
        text = tr("%1 (%2 of %3)")
                   .arg(label, locale.formattedDataSize(done), locale.formattedDataSize(total));
    m_ui->transferLabel->setText(text);
    m_ui->transferLabel->show();
    QProgressBar *bar = m_ui->transferProgressBar;
    if (total > 0) {
        // Per mille: the range is an int, files may be larger than 2 GiB.
        bar->setRange(0, 1000);
        bar->setValue(int(qBound(qint64(0), done * 1000 / total, qint64(1000))));
    } else {
        bar->setRange(0, 0); // busy indicator
    }
    bar->setAccessibleDescription(text);
    bar->show();
}

void AttachmentListWidget::finishTransfer()
{
    m_ui->transferProgressBar->hide();
    m_ui->transferLabel->hide();
    m_ui->transferProgressBar->reset();
}

void AttachmentListWidget::dragEnterEvent(QDragEnterEvent *event)
{
    if (m_uploadEnabled && !localFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
    else
        event->ignore();
}

void AttachmentListWidget::dragMoveEvent(QDragMoveEvent *event)
{
    if (m_uploadEnabled && event->mimeData() && event->mimeData()->hasUrls())
        event->acceptProposedAction();
    else
        event->ignore();
}

void AttachmentListWidget::dropEvent(QDropEvent *event)
{
    const QStringList paths = localFiles(event->mimeData());
    if (!m_uploadEnabled || paths.isEmpty()) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    Q_EMIT filesDropped(paths);
}

void AttachmentListWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyHintColor();
    QWidget::changeEvent(event);
}

void AttachmentListWidget::applyHintColor()
{
    // Derived rather than QPalette::PlaceholderText, which hand-made dark palettes often
    // leave at its light-theme default.
    QPalette hint = m_ui->emptyLabel->palette();
    hint.setColor(QPalette::WindowText,
                  widgets::mixColors(palette().color(QPalette::WindowText),
                                     palette().color(QPalette::Window), 0.45));
    m_ui->emptyLabel->setPalette(hint);
}

void AttachmentListWidget::addFiles()
{
    const QStringList paths =
        Dialogs::of(this).openFileNames(this, tr("Add files"), m_lastDirectory);
    if (paths.isEmpty())
        return;
    m_lastDirectory = QFileInfo(paths.first()).absolutePath();
    Q_EMIT uploadRequested(paths);
}

void AttachmentListWidget::requestDownload(bool open)
{
    const QString id = selectedAttachmentId();
    if (!id.isEmpty())
        Q_EMIT downloadRequested(id, open);
}

void AttachmentListWidget::updateButtons()
{
    const bool hasSelection = !selectedAttachmentId().isEmpty();
    m_ui->openAttachmentButton->setEnabled(hasSelection);
    m_ui->saveAttachmentButton->setEnabled(hasSelection);
    m_ui->addAttachmentButton->setEnabled(m_uploadEnabled);
    m_ui->emptyLabel->setText(m_uploadEnabled ? tr("No files yet. Drop files here to add them.")
                                              : tr("No files."));
}

QIcon AttachmentListWidget::iconFor(const core::Attachment &attachment) const
{
    const QMimeDatabase db;
    QMimeType mime = db.mimeTypeForName(attachment.contentType);
    if (!mime.isValid() || mime.isDefault())
        mime = db.mimeTypeForFile(attachment.name, QMimeDatabase::MatchExtension);
    // Desktops without an icon theme (and the offscreen platform) get the style's file icon.
    const QIcon standard = style()->standardIcon(QStyle::SP_FileIcon, nullptr, this);
    return QIcon::fromTheme(mime.iconName(), QIcon::fromTheme(mime.genericIconName(), standard));
}
