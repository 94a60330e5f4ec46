#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QWidget>
#include <memory>

namespace Ui {
class TicketInfoWidget;
}
namespace models {
class Directory;
class TicketDocument;
} // namespace models

// The read-only middle of the ticket detail: device and customer card (with "all tickets
// of this device / customer"), description, the flow's form fields and the rating.
class TicketInfoWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TicketInfoWidget)

public:
    TicketInfoWidget(models::TicketDocument *document, models::Directory *directory,
                     QWidget *parent = nullptr);
    ~TicketInfoWidget() override;

    // Shows what the document holds; unchanged sections are left alone.
    void fill();
    // "Problem?" stays "Problem?"; "Serial" becomes "Serial:".
    static QString caption(const QString &label);

Q_SIGNALS:
    void deviceTicketsRequested(qint64 deviceId);
    void customerTicketsRequested(qint64 customerId);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void fillDeviceAndCustomer();
    void fillFields();
    void fillRating();

    std::unique_ptr<Ui::TicketInfoWidget> m_ui;
    models::TicketDocument *m_document;
    models::Directory *m_directory;
    // What the form-fields section shows, to rebuild it only when it changed.
    QList<QPair<QString, QString>> m_fieldRows;
    QString m_fieldsTitle;
};
