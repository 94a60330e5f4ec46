#pragma once

#include "store/store.h"

namespace server::sqlite {

class Connection;

// Text modules, macros and views in their tables (schema migration 10). Changes of shared
// items are announced to staff (`textModule.updated`, `macro.deleted`, ...); personal
// items are their owner's alone, so nothing about them goes out.
class SqliteLibraryStore final : public LibraryStore
{
public:
    explicit SqliteLibraryStore(Connection &connection)
        : m_c(connection)
    {}
    QList<LibraryItem> items(LibraryKind kind, const Caller &caller) override;
    std::optional<LibraryItem> item(LibraryKind kind, qint64 id, const Caller &caller) override;
    std::variant<LibraryItem, core::ApiProblem> save(LibraryKind kind, const LibraryItem &item,
                                                     qint64 now) override;
    bool remove(LibraryKind kind, qint64 id, qint64 now) override;

private:
    std::optional<LibraryItem> stored(LibraryKind kind, qint64 id);

    Connection &m_c;
};

} // namespace server::sqlite
