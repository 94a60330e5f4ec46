#pragma once

#include <QObject>

class ConversationTabs;
class PaletteController;
class QAction;
class QMenu;
class TableActions;
class TicketWindow;
class TicketWindows;
class ViewsController;
namespace models {
class MacroList;
class TextModuleList;
class TicketDocument;
class ViewList;
} // namespace models

// The staff library in the window's menus and the command palette: "Apply macro" (Ticket
// menu and the table's context menu) on the selection or the current ticket, the palette's
// "Go to view" and "Insert text module" entries, and the text-module picker
// in every ticket window's composers. Follows the lists as they change.
class LibraryController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LibraryController)

public:
    struct Parts {
        models::TextModuleList *modules;
        models::MacroList *macros;
        models::ViewList *views;
        ViewsController *viewsController;
        TableActions *tableActions;
        ConversationTabs *conversation;
        PaletteController *palette;
        TicketWindows *ticketWindows;
        QMenu *ticketMenu;
        QString meName;   // the signed-in staff member, for {me.name}
        QString language; // "de" or "en": modules in it come first when a ticket does not say
    };
    explicit LibraryController(const Parts &parts, QObject *parent = nullptr);
    ~LibraryController() override;

    QMenu *macroMenu() const { return m_macroMenu; }
    // Gives `conversation`'s composers the text-module picker, filled from `document`.
    void giveModules(ConversationTabs *conversation, models::TicketDocument *document);

Q_SIGNALS:
    void infoMessage(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fillMacroMenu();
    void feedViews();
    void feedModules();

    void retranslate();

    Parts m_parts;
    QMenu *m_macroMenu;
};
