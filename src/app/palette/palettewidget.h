#pragma once

#include "models/palettemodel.h"

#include <QFrame>
#include <QPointer>
#include <memory>

namespace Ui {
class PaletteWidget;
}

// The command palette's popup: a frameless panel over the top of its host window with a
// line edit and the model's list. What is typed filters the model; Up/Down/PageUp/PageDown
// move in the list while the cursor stays in the line edit; Enter or a click runs the
// entry (entryActivated), Esc or the focus leaving closes it. Owned by the host window.
class PaletteWidget final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PaletteWidget)

public:
    PaletteWidget(models::PaletteModel *model, QWidget *host);
    ~PaletteWidget() override;

    // Shows it empty over the host, the focus in the line edit (remembering where it was).
    void popUp();
    // Hides it and gives the focus back to where it was before.
    void dismiss();

Q_SIGNALS:
    void entryActivated(const models::PaletteModel::Entry &entry);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void place();
    void moveCurrent(int rows);
    void activate(int row);
    void onFilterChanged();

    std::unique_ptr<Ui::PaletteWidget> m_ui;
    models::PaletteModel *m_model;
    QPointer<QWidget> m_previousFocus;
};
