#pragma once

#include "store/store.h"

namespace server::sqlite {

class Connection;

class SqliteIdempotencyStore final : public IdempotencyStore
{
public:
    explicit SqliteIdempotencyStore(Connection &connection)
        : m_c(connection)
    {}
    std::optional<StoredResponse> find(const QString &scope, const QString &key) override;
    void save(const QString &scope, const QString &key, const StoredResponse &response,
              qint64 now) override;

private:
    Connection &m_c;
};

} // namespace server::sqlite
