#pragma once

#include <QDialog>
#include <QList>
#include <QPair>

class QAction;

// Help › Keyboard shortcuts (also `?`): every shortcut of the window in one list, the
// menu actions' and the single keys of the ticket table, as they are set now.
class ShortcutsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShortcutsDialog)

public:
    // `actions`: whose shortcuts to list (those without one are left out); `extra`: keys
    // that are no action (what, keys), e.g. j/k on the table.
    ShortcutsDialog(const QList<QAction *> &actions, const QList<QPair<QString, QString>> &extra,
                    QWidget *parent = nullptr);
    ~ShortcutsDialog() override;
    int rowCount() const;
    // "What\tKeys" per row, for tests.
    QStringList rows() const;

private:
    class QTableWidget *m_table;
};
