#pragma once

#include <QFrame>

class QAction;
class QHBoxLayout;
class QLabel;
class QPushButton;
class QToolButton;

// The bar above the ticket table while two or more rows are selected: how many, buttons
// for what can be done to all of them (the actions the caller hands over, with their
// menus), "select all N tickets matching this view" when the view holds more than the
// loaded rows, a button that clears the selection, and why the last change to the
// selection was refused (an error line under the buttons, until the caller clears it).
class SelectionBar final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SelectionBar)

public:
    explicit SelectionBar(QWidget *parent = nullptr);
    ~SelectionBar() override;

    // A button for `action` (its menu, if any, drops down); objectName names the button.
    QToolButton *addAction(QAction *action, const QString &objectName);
    // `selected` rows of the view; `matching` the server's total for the view (-1: not
    // known); `allMatching`: the selection is everything the view matches.
    void setCounts(int selected, int matching, bool allMatching);
    QString text() const;
    // Why the selection's last change was refused (plain text; empty: no error line).
    void setError(const QString &text);
    QString error() const;

Q_SIGNALS:
    void selectAllMatchingRequested();
    void clearRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void colorError();

    QLabel *m_label;
    QLabel *m_error;
    QPushButton *m_allMatching;
    QPushButton *m_clear;
    QHBoxLayout *m_actions;
    int m_selected = 0;
    int m_matching = -1;
    bool m_allMatchingChosen = false;
};
