#include "saveviewdialog.h"

#include "ui_saveviewdialog.h"

#include "client/apijob.h"
#include "models/viewlist.h"

#include <QPushButton>

SaveViewDialog::SaveViewDialog(models::ViewList *views, const core::TicketQuery &query,
                               bool mayShare, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SaveViewDialog>())
    , m_views(views)
    , m_query(query)
{
    setUp();
    m_ui->viewSharedCheckBox->setVisible(mayShare);
}

SaveViewDialog::SaveViewDialog(models::ViewList *views, qint64 id, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SaveViewDialog>())
    , m_views(views)
    , m_id(id)
{
    setUp();
    setWindowTitle(tr("Rename view"));
    m_ui->viewSharedCheckBox->hide();
    const int row = views->rowOf(id);
    if (row >= 0)
        m_ui->viewNameLineEdit->setText(views->viewAt(row).name);
    m_ui->viewNameLineEdit->selectAll();
}

SaveViewDialog::~SaveViewDialog() = default;

void SaveViewDialog::setUp()
{
    m_ui->setupUi(this);
    m_ui->viewErrorLabel->hide();
    QPushButton *save = m_ui->viewButtonBox->button(QDialogButtonBox::Save);
    save->setEnabled(false);
    connect(m_ui->viewNameLineEdit, &QLineEdit::textChanged, this, [this, save](const QString &t) {
        save->setEnabled(!t.trimmed().isEmpty() && !m_busy);
        m_ui->viewErrorLabel->hide();
    });
    connect(m_ui->viewButtonBox, &QDialogButtonBox::accepted, this, &SaveViewDialog::accept);
    connect(m_ui->viewButtonBox, &QDialogButtonBox::rejected, this, &SaveViewDialog::reject);
}

void SaveViewDialog::accept()
{
    const QString name = m_ui->viewNameLineEdit->text().trimmed();
    if (name.isEmpty() || m_busy)
        return;
    m_busy = true;
    m_ui->viewButtonBox->button(QDialogButtonBox::Save)->setEnabled(false);
    client::ApiJob *job = m_id ? m_views->rename(m_id, name)
                               : m_views->create(name, m_query,
                                                 m_ui->viewSharedCheckBox->isVisible() &&
                                                     m_ui->viewSharedCheckBox->isChecked());
    connect(job, &client::ApiJob::finished, this, [this](const client::ApiResult &r) {
        m_busy = false;
        m_ui->viewButtonBox->button(QDialogButtonBox::Save)->setEnabled(true);
        if (r.ok()) {
            QDialog::accept();
            return;
        }
        m_ui->viewErrorLabel->setText(r.error.status == 422 &&
                                              r.error.field == QLatin1String("name")
                                          ? tr("A view of this name exists already. Choose "
                                               "another name.")
                                          : tr("The view was not saved: %1").arg(r.error.message));
        m_ui->viewErrorLabel->show();
        m_ui->viewNameLineEdit->setFocus();
        m_ui->viewNameLineEdit->selectAll();
    });
}
