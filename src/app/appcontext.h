#pragma once

#include <QString>

class QSettings;
class Dialogs;
namespace client {
class ApiClient;
class DraftStore;
class EventStream;
class Outbox;
} // namespace client

// What the composition root hands to the main window: the signed-in session's services.
// The window does not own them.
struct AppContext {
    client::ApiClient *api = nullptr;
    client::EventStream *events = nullptr;
    client::Outbox *outbox = nullptr;
    client::DraftStore *drafts = nullptr;
    QSettings *settings = nullptr;
    QString serverLabel; // for the status bar: "local demo server" or the server's address
    QString userName;
    Dialogs *dialogs = nullptr; // message boxes and file pickers (null: real ones)
};
