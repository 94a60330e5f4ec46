#pragma once

#include "core/ticketquery.h"

#include <QDialog>
#include <memory>

namespace Ui {
class SaveViewDialog;
}
namespace models {
class ViewList;
}

// "Save view..." and "Rename view...": asks for a name (and, for administrators saving, whether
// the view is shared), stores it and stays open with the server's refusal (a name taken)
// until it is accepted or cancelled. Opened window-modal without blocking (open()).
class SaveViewDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SaveViewDialog)

public:
    // Saving `query` as a new view.
    SaveViewDialog(models::ViewList *views, const core::TicketQuery &query, bool mayShare,
                   QWidget *parent = nullptr);
    // Renaming the view `id`.
    SaveViewDialog(models::ViewList *views, qint64 id, QWidget *parent = nullptr);
    ~SaveViewDialog() override;

    void accept() override;

private:
    void setUp();

    std::unique_ptr<Ui::SaveViewDialog> m_ui;
    models::ViewList *m_views;
    core::TicketQuery m_query;
    qint64 m_id = 0; // renaming this one when not 0
    bool m_busy = false;
};
