#include "dialogs.h"

#include <QFileDialog>
#include <QPointer>
#include <QWidget>

namespace {

// The dynamic property of a window that names its Dialogs.
constexpr char DialogsProperty[] = "ticketBackofficeDialogs";

} // namespace

Dialogs::Dialogs(QObject *parent)
    : QObject(parent)
{}

Dialogs::~Dialogs() = default;

QMessageBox::StandardButton Dialogs::message(QWidget *parent, QMessageBox::Icon icon,
                                             const QString &title, const QString &text,
                                             QMessageBox::StandardButtons buttons,
                                             QMessageBox::StandardButton defaultButton)
{
    QMessageBox box(icon, title, text, buttons, parent);
    box.setTextFormat(Qt::PlainText);
    if (defaultButton != QMessageBox::NoButton)
        box.setDefaultButton(defaultButton);
    return QMessageBox::StandardButton(box.exec());
}

QString Dialogs::saveFileName(QWidget *parent, const QString &caption, const QString &path,
                              const QString &filter)
{
    return QFileDialog::getSaveFileName(parent, caption, path, filter);
}

QStringList Dialogs::openFileNames(QWidget *parent, const QString &caption,
                                   const QString &directory, const QString &filter)
{
    return QFileDialog::getOpenFileNames(parent, caption, directory, filter);
}

bool Dialogs::confirm(QWidget *parent, const QString &title, const QString &text)
{
    return message(parent, QMessageBox::Question, title, text, QMessageBox::Yes | QMessageBox::No,
                   QMessageBox::No) == QMessageBox::Yes;
}

void Dialogs::install(QWidget *window, Dialogs *dialogs)
{
    window->setProperty(DialogsProperty, QVariant::fromValue(QPointer<QObject>(dialogs)));
}

Dialogs &Dialogs::of(QWidget *widget)
{
    for (QWidget *w = widget; w; w = w->parentWidget()) {
        const QVariant v = w->property(DialogsProperty);
        if (v.isValid()) {
            if (auto *dialogs = qobject_cast<Dialogs *>(v.value<QPointer<QObject>>().data()))
                return *dialogs;
        }
    }
    // Nothing installed (a widget used on its own): real dialogs, owned by its window.
    QWidget *window = widget->window();
    auto *dialogs = new Dialogs(window);
    install(window, dialogs);
    return *dialogs;
}
