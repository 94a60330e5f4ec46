#pragma once

#include "librarylist.h"

#include <functional>

namespace models {

// The macros the signed-in staff member may apply (GET /macros, live on macro.* events),
// for an "Apply macro" menu: name, and what applying it does in one line.
class MacroList final : public LibraryList
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MacroList)

public:
    enum Role {
        DescriptionRole = FirstKindRole, // "Status: Waiting · Assignee: me · Note · Message"
        ChangesRole,                     // {priority?, status?, assigneeId? ("me"), visibility?}
        NoteRole,                        // the note's body with placeholders, or empty
        MessageRole,                     // the message's body with placeholders, or empty
    };

    explicit MacroList(client::ApiClient *api, QObject *parent = nullptr);

    // `staffName` names an assignee id (null: "#id").
    void setStaffNames(std::function<QString(qint64)> staffName);
    // The description of a macro's JSON, as DescriptionRole gives it.
    QString describe(const QJsonObject &macro) const;

protected:
    QVariant itemData(const QJsonObject &item, int role) const override;

private:
    std::function<QString(qint64)> m_staffName;
};

} // namespace models
