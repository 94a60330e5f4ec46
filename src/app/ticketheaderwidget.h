#pragma once

#include <QJsonObject>
#include <QWidget>
#include <memory>

namespace Ui {
class TicketHeaderWidget;
}
namespace client {
class ApiClient;
}
namespace models {
class Directory;
class TicketDocument;
} // namespace models

// The top of the ticket detail: title, number and visibility badge; the status flow;
// priority editor; assignee picker (type to search, Enter takes the first match, "assign
// to me"); the visibility switch; how the ticket was assigned. Sends the user's edits
// through the TicketDocument, except the visibility, which the pane confirms first.
// Wraps (badges under the title, buttons under their fields) instead of clipping.
class TicketHeaderWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TicketHeaderWidget)

public:
    TicketHeaderWidget(models::TicketDocument *document, models::Directory *directory,
                       client::ApiClient *api, QWidget *parent = nullptr);
    ~TicketHeaderWidget() override;

    // Under the status stepper: why the status changed when nobody edited it (a code user's
    // answer reopened the ticket); empty hides the line.
    void setStatusReason(const QString &text);

    // Shows what the document holds (updating widgets in place: focus survives).
    void fill();
    // Italics on the values that are the user's, not yet confirmed by the server.
    void markUnsent(const QJsonObject &unsent);
    void setBusy(bool busy);
    void rebuildAssigneeItems();
    // As narrow as the wrapped arrangement goes: the pane never has to scroll sideways.
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    // "Make internal…" / "Make public…" was clicked (the pane asks first).
    void visibilityChangeRequested();

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void applyMutedColors();
    void fillTitle();
    void fillAssignmentInfo();
    void fillDue();
    void selectAssignee();
    void updateArrangement();
    struct Widths {
        int captions, fields, buttons, chips, title;
    };
    Widths widths() const;
    void arrangeEditors(bool narrow);
    void onPriorityActivated(int index);
    void onAssigneeActivated(int index);
    void onAssigneeEditingFinished();
    bool takeFirstAssigneeMatch();
    void onAssignToMe();

    std::unique_ptr<Ui::TicketHeaderWidget> m_ui;
    models::TicketDocument *m_document;
    models::Directory *m_directory;
    client::ApiClient *m_api;
    bool m_narrowTitle = false;
    bool m_narrowEditors = false;
};
