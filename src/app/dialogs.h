#pragma once

#include <QMessageBox>
#include <QObject>
#include <QStringList>

class QWidget;

// The one seam for modal questions and file pickers. The composition root creates one and
// installs it on its windows; widgets ask through Dialogs::of(this). Tests install a
// scripted one that answers at once and records what was asked, so no test ever blocks
// on a dialog (as KeePassXC's MessageBox::setNextAnswer, without a global).
class Dialogs : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Dialogs)

public:
    explicit Dialogs(QObject *parent = nullptr);
    ~Dialogs() override;

    // A message box (plain text); returns the button chosen.
    virtual QMessageBox::StandardButton
    message(QWidget *parent, QMessageBox::Icon icon, const QString &title, const QString &text,
            QMessageBox::StandardButtons buttons = QMessageBox::Ok,
            QMessageBox::StandardButton defaultButton = QMessageBox::NoButton);
    // A file name to save to; empty: cancelled.
    virtual QString saveFileName(QWidget *parent, const QString &caption, const QString &path,
                                 const QString &filter = {});
    // Files to open; empty: cancelled.
    virtual QStringList openFileNames(QWidget *parent, const QString &caption,
                                      const QString &directory, const QString &filter = {});

    // Yes/No question, No the default; true for Yes.
    bool confirm(QWidget *parent, const QString &title, const QString &text);

    // Makes `dialogs` the one that `window` and every widget in it use (not owned).
    static void install(QWidget *window, Dialogs *dialogs);
    // The dialogs installed on `widget` or the nearest of its parents; without one, real
    // dialogs owned by `widget`'s window.
    static Dialogs &of(QWidget *widget);
};
