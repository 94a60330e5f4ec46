#pragma once

#include <QFrame>

class QAction;
class QLabel;
class QTimer;
class QToolButton;

// An inline message bar (under the toolbar of the main window, say) for errors that must
// not interrupt with a dialog: "Could not reach the server", "Ticket saved". Info
// messages hide themselves after a while; errors and warnings stay until closed or
// replaced. Plain text only.
class MessageBanner final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageBanner)

public:
    enum class Kind { Error, Warning, Info };
    Q_ENUM(Kind)

    explicit MessageBanner(QWidget *parent = nullptr);
    ~MessageBanner() override;

    // Shows the bar with `text` (replacing any message shown).
    void setMessage(const QString &text, Kind kind = Kind::Error);
    QString message() const;
    Kind kind() const { return m_kind; }
    // Hides the bar without emitting dismissed().
    void clear();
    // A button for `action` next to the text, until the next setMessage() or clear()
    // (null: none). The action stays the caller's.
    void setAction(QAction *action);

    // How long an Info message stays (6 s by default); tests shorten it.
    void setAutoHideInterval(int msecs);
    int autoHideInterval() const;

Q_SIGNALS:
    // The user closed the bar.
    void dismissed();

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void applyKind();

    Kind m_kind = Kind::Error;
    QLabel *m_icon;
    QLabel *m_text;
    QToolButton *m_close;
    QToolButton *m_action; // after the close button: that stays the first child button
    QTimer *m_autoHide;
};
