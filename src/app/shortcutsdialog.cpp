#include "shortcutsdialog.h"

#include "widgets/screenfit.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

ShortcutsDialog::ShortcutsDialog(const QList<QAction *> &actions,
                                 const QList<QPair<QString, QString>> &extra, QWidget *parent)
    : QDialog(parent)
    , m_table(new QTableWidget(this))
{
    setWindowTitle(tr("Keyboard shortcuts"));
    m_table->setObjectName(u"shortcutsTableWidget"_s);
    m_table->setColumnCount(2);
    m_table->setHorizontalHeaderLabels({tr("Action"), tr("Keys")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setStretchLastSection(true);
    QList<QPair<QString, QString>> rows;
    for (const QAction *action : actions) {
        if (action->shortcuts().isEmpty())
            continue;
        QStringList keys;
        for (const QKeySequence &key : action->shortcuts())
            keys.append(key.toString(QKeySequence::NativeText));
        QString text = action->text();
        text.remove(u'&');
        text.remove(u"…"_s);
        rows.append({text, keys.join(tr(", ", "between shortcuts"))});
    }
    rows.append(extra);
    m_table->setRowCount(int(rows.size()));
    for (int r = 0; r < rows.size(); ++r) {
        m_table->setItem(r, 0, new QTableWidgetItem(rows[r].first));
        m_table->setItem(r, 1, new QTableWidgetItem(rows[r].second));
    }
    m_table->resizeColumnToContents(0);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addWidget(buttons);
    resizeWithinScreen(this, QSize(520, 560));
}

ShortcutsDialog::~ShortcutsDialog() = default;

int ShortcutsDialog::rowCount() const
{
    return m_table->rowCount();
}

QStringList ShortcutsDialog::rows() const
{
    QStringList out;
    for (int r = 0; r < m_table->rowCount(); ++r)
        out.append(m_table->item(r, 0)->text() + u'\t' + m_table->item(r, 1)->text());
    return out;
}
