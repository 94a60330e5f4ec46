#pragma once

#include <QFrame>
#include <QVariant>

class QLineEdit;
class QListWidget;

// A small popup list with type-ahead: typing filters the entries (by any part of their
// text, case- and accent-insensitive), arrows move, Enter picks, Esc closes.
class PickerPopup final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PickerPopup)

public:
    explicit PickerPopup(QWidget *parent = nullptr);
    ~PickerPopup() override;

    void clear();
    void addEntry(const QString &text, const QVariant &value);
    void setPlaceholderText(const QString &text);
    // Shows the popup below `anchor`'s top left corner + `offset` with the filter empty.
    void popup(QWidget *anchor, const QPoint &offset = {});

Q_SIGNALS:
    void picked(const QVariant &value);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void filter(const QString &text);
    void pickCurrent();

    QLineEdit *m_edit;
    QListWidget *m_list;
};
