#pragma once

// A fresh PostgreSQL database per test (pgtestdatabase.h) and connections to it.

#include "pgtestdatabase.h"
#include "store/postgres/connection.h"

#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>
#include <gtest/gtest.h>
#include <memory>

namespace pgtest {

// The test database; host, port, user and password are libpq's (pg_virtualenv's).
inline server::postgres::ConnectionSettings settingsFor(const testsupport::PgTestDatabase &db)
{
    server::postgres::ConnectionSettings settings;
    settings.database = db.name();
    return settings;
}

inline std::unique_ptr<server::postgres::Connection> connect(const testsupport::PgTestDatabase &db,
                                                             const QString &name)
{
    QString error;
    auto c = server::postgres::Connection::open(settingsFor(db), name, &error);
    EXPECT_TRUE(c) << error.toStdString();
    return c;
}

// The rows of `sql` as "a|b|c" lines (NULL for null), for comparing results.
inline QStringList rows(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    EXPECT_TRUE(q.exec(sql)) << sql.toStdString();
    QStringList out;
    while (q.next()) {
        QStringList fields;
        for (int i = 0; i < q.record().count(); ++i)
            fields.append(q.isNull(i) ? QStringLiteral("NULL") : q.value(i).toString());
        out.append(fields.join(u'|'));
    }
    return out;
}

inline qint64 number(QSqlDatabase &db, const QString &sql)
{
    const QStringList r = rows(db, sql);
    return r.isEmpty() ? -1 : r.constFirst().toLongLong();
}

class PgTest : public testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(m_db.isValid()) << m_db.error().toStdString(); }

    testsupport::PgTestDatabase m_db;
};

} // namespace pgtest
