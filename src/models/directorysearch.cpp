#include "directorysearch.h"

#include "directory.h"

using namespace Qt::StringLiterals;

namespace models {

DirectorySearch::DirectorySearch(const Directory *directory)
    : m_directory(directory)
{}

QList<DirectorySearch::Entry> DirectorySearch::entries(Kind kind) const
{
    QList<Entry> out;
    auto *d = const_cast<Directory *>(m_directory); // staffModel() is not const
    switch (kind) {
    case Kind::Staff:
        for (const core::StaffMember &s : d->staffModel()->staff()) {
            const QString first = s.name.section(u' ', 0, 0);
            out.append({s.id, {s.login, s.name, first}, s.login});
        }
        break;
    case Kind::Flow:
        for (const core::Flow &f : m_directory->flows()) {
            QString dashed = f.key;
            dashed.replace(u'_', u'-');
            out.append({f.id, {dashed, f.key, f.name}, dashed});
        }
        break;
    case Kind::Fleet:
        for (const core::Fleet &f : m_directory->fleets())
            out.append({f.id, {f.name}, f.name});
        break;
    case Kind::Device:
        for (const core::Device &dev : m_directory->devices())
            out.append({dev.id, {dev.name}, dev.name});
        break;
    case Kind::Customer:
        for (const core::Customer &c : m_directory->customers())
            out.append({c.id, {c.name}, c.name});
        break;
    }
    return out;
}

QList<qint64> DirectorySearch::idsOf(Kind kind, const QString &name) const
{
    QList<qint64> ids;
    for (const Entry &e : entries(kind)) {
        for (const QString &n : e.names) {
            if (n.compare(name, Qt::CaseInsensitive) == 0 && !ids.contains(e.id)) {
                ids.append(e.id);
                break;
            }
        }
    }
    // A login or key names one even when a display name is shared.
    if (ids.size() > 1) {
        for (const Entry &e : entries(kind)) {
            if (e.written.compare(name, Qt::CaseInsensitive) == 0)
                return {e.id};
        }
    }
    return ids;
}

QString DirectorySearch::nameOf(Kind kind, qint64 id) const
{
    for (const Entry &e : entries(kind)) {
        if (e.id == id)
            return e.written;
    }
    return {};
}

QStringList DirectorySearch::completions(Kind kind, const QString &prefix, int max) const
{
    // Names that start with the prefix first, then those that contain it.
    QStringList starts;
    QStringList contains;
    for (const Entry &e : entries(kind)) {
        const bool start = std::any_of(e.names.cbegin(), e.names.cend(), [&](const QString &n) {
            return n.startsWith(prefix, Qt::CaseInsensitive);
        });
        const bool inside =
            start || std::any_of(e.names.cbegin(), e.names.cend(), [&](const QString &n) {
                return n.contains(prefix, Qt::CaseInsensitive);
            });
        QStringList &list = start ? starts : contains;
        if (inside && !starts.contains(e.written) && !contains.contains(e.written))
            list.append(e.written);
    }
    starts.append(contains);
    return starts.mid(0, max);
}

} // namespace models
