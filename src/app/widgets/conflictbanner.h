#pragma once

#include <QFrame>
#include <memory>

namespace Ui {
class ConflictBanner;
}

// The amber bar over the ticket detail shown when an edit came back 412: someone else
// changed the ticket first. The caller says what the user's change was; the user reloads
// (dropping it) or applies it again on top of the new version. Any of the three actions
// hides the bar.
class ConflictBanner final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConflictBanner)

public:
    explicit ConflictBanner(QWidget *parent = nullptr);
    ~ConflictBanner() override;

    // Plain text, e.g. "Someone else changed this ticket. Your change: priority High."
    void setMessage(const QString &text);
    QString message() const;

Q_SIGNALS:
    void reloadRequested();
    void reapplyRequested();
    void dismissed();

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void applyColors();

    std::unique_ptr<Ui::ConflictBanner> m_ui;
};
