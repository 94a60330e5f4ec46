#pragma once

#include <QStyledItemDelegate>

class QListView;

// Paints the rows of a models::PostListModel. Messenger: chat bubbles, staff on the right
// in a blue tint, the customer's code user on the left. Notes: full-width amber cards
// marked "Staff only", so that an internal note is never mistaken for a reply. Bodies
// are plain text, wrapped to the view's width; never interpreted as markup. The current
// row of a focused list has a dashed ring around its card.
class PostDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PostDelegate)

public:
    enum class Mode { Messenger, Notes };

    explicit PostDelegate(Mode mode, QObject *parent = nullptr);
    ~PostDelegate() override;

    Mode mode() const { return m_mode; }

    // Sets up a list view for rows of varying height that follow its width.
    static void configureView(QListView *view);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The id of the attachment whose line is at `pos` (view viewport coordinates, the item
    // at option.rect), or an empty string: lets the view open an attachment on click.
    QString attachmentIdAt(const QStyleOptionViewItem &option, const QModelIndex &index,
                           const QPoint &pos) const;

public Q_SLOTS:
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

private:
    struct Layout;
    Layout layoutFor(const QStyleOptionViewItem &option, const QModelIndex &index,
                     const QRect &rect) const;

    Mode m_mode;
};
