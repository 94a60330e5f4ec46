#pragma once
// The test double of the dialog seam: answers every question and file picker at once, with
// what the test scripted next (else No/Cancel), and records what was asked.
#include "dialogs.h"

#include <QList>
#include <QQueue>
#include <QVariant>

namespace guitest {

class ScriptedDialogs final : public Dialogs
{
public:
    struct Asked {
        enum class Kind { Message, SaveFile, OpenFiles } kind;
        QMessageBox::Icon icon = QMessageBox::NoIcon;
        QString title;
        QString text;
    };

    // The answer to the next message box, the next save dialog, the next open dialog.
    void answerNext(QMessageBox::StandardButton button) { m_answers.enqueue(button); }
    void nextSaveFileName(const QString &name) { m_saveNames.enqueue(name); }
    void nextOpenFileNames(const QStringList &names) { m_openNames.enqueue(names); }

    QList<Asked> asked;
    // The titles of the message boxes asked so far.
    QStringList titles() const
    {
        QStringList out;
        for (const Asked &a : asked)
            out.append(a.title);
        return out;
    }

    QMessageBox::StandardButton message(QWidget *, QMessageBox::Icon icon, const QString &title,
                                        const QString &text, QMessageBox::StandardButtons buttons,
                                        QMessageBox::StandardButton defaultButton) override
    {
        asked.append({Asked::Kind::Message, icon, title, text});
        if (!m_answers.isEmpty())
            return m_answers.dequeue();
        if (buttons.testFlag(QMessageBox::No))
            return QMessageBox::No;
        return defaultButton != QMessageBox::NoButton ? defaultButton : QMessageBox::Ok;
    }
    QString saveFileName(QWidget *, const QString &caption, const QString &path,
                         const QString &) override
    {
        asked.append({Asked::Kind::SaveFile, QMessageBox::NoIcon, caption, path});
        return m_saveNames.isEmpty() ? QString() : m_saveNames.dequeue();
    }
    QStringList openFileNames(QWidget *, const QString &caption, const QString &directory,
                              const QString &) override
    {
        asked.append({Asked::Kind::OpenFiles, QMessageBox::NoIcon, caption, directory});
        return m_openNames.isEmpty() ? QStringList() : m_openNames.dequeue();
    }

private:
    QQueue<QMessageBox::StandardButton> m_answers;
    QQueue<QString> m_saveNames;
    QQueue<QStringList> m_openNames;
};

} // namespace guitest
