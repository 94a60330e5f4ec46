#pragma once

#include "core/searchsyntax.h"

namespace models {

class Directory;

// The search syntax's names from the loaded directory: staff by login, name or first name
// (written as the login), flows by key or name (written as the key with dashes), fleets,
// devices and customers by name.
class DirectorySearch final : public core::SearchDirectory
{
public:
    explicit DirectorySearch(const Directory *directory);

    QList<qint64> idsOf(Kind kind, const QString &name) const override;
    QString nameOf(Kind kind, qint64 id) const override;
    QStringList completions(Kind kind, const QString &prefix, int max) const override;

private:
    // Every (id, names it answers to, name written) of a kind.
    struct Entry {
        qint64 id;
        QStringList names;
        QString written;
    };
    QList<Entry> entries(Kind kind) const;

    const Directory *m_directory;
};

} // namespace models
