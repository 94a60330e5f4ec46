#pragma once

// The same hand-written directory rows in a fresh SQLite store (SqliteStore on a temporary
// file) and a fresh PostgreSQL database with the PostgreSQL auth and directory stores, so
// that a test can ask both the same and compare the answers field by field.

#include "pgfixture.h"
#include "store/postgres/authstore.h"
#include "store/postgres/directorystore.h"
#include "store/sqlite/connection.h"
#include "store/sqlite/sqlitestore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QTemporaryDir>

namespace pgtest {

// 2026-01-10 12:00 UTC, in milliseconds.
constexpr qint64 Now = 1768046400000;

// A statement with bound values (blobs bind the same on both, where their literals differ).
struct Row {
    QString sql;
    QVariantList values = {};
};

inline QByteArray binary(std::initializer_list<int> bytes)
{
    QByteArray out;
    for (int b : bytes)
        out.append(char(b));
    return out;
}

inline const QList<Row> &directoryRows()
{
    using namespace Qt::StringLiterals;
    static const QList<Row> rows{
        {u"INSERT INTO staff (id, login, name, email, role, password_salt, password_hash, "
         "password_iterations, active, absent_from, absent_to) VALUES "
         "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
         {1, u"Anna.Meier"_s, u"Anna Meier"_s, u"anna@example.com"_s, u"agent"_s, QByteArray(""),
          QByteArray("$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA"), 0, 1, QVariant(),
          QVariant()}},
        {u"INSERT INTO staff (id, login, name, email, role, password_salt, password_hash, "
         "password_iterations, active, absent_from, absent_to) VALUES "
         "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
         {2, u"ben"_s, u"Ben Müller"_s, u""_s, u"admin"_s, binary({0, 1, 0xfe, 0xff}),
          binary({0x10, 0, 0x80, 0x7f, 0xff}), 120000, 1, Now - 3600000, Now + 86400000}},
        {u"INSERT INTO staff (id, login, name, email, role, password_salt, password_hash, "
         "password_iterations, active, absent_from, absent_to) VALUES "
         "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
         {4, u"carl"_s, u"Carl Gone"_s, u"carl@example.com"_s, u"agent"_s, QByteArray(""),
          QByteArray("$argon2id$old"), 0, 0, QVariant(), QVariant()}},
        {uR"(INSERT INTO flows (id, key, name, fields) VALUES (1, 'fault', 'Störung', '[{"key":
         "symptom","label":"Symptom","type":"text","required":true,"maxLength":80},{"key":
         "part","label":"Teil","type":"select","options":["Tür","Motor"]}]'), (2, 'order',
         'Bestellung', '[]'), (3, 'question', 'Frage', '[]'))"_s},
        {u"INSERT INTO templates (id, name, description) VALUES (1, 'Kühlschrank', 'Groß'), "
         "(2, 'Ofen', '')"_s},
        {u"INSERT INTO template_flows (template_id, flow_id, position) VALUES (1, 2, 0), "
         "(1, 1, 1), (2, 3, 0), (2, 1, 0)"_s},
        {u"INSERT INTO fleets (id, name, strategy) VALUES (1, 'Nord', 'round_robin'), "
         "(2, 'Süd', 'least_open'), (3, 'Leer', 'manual')"_s},
        {u"INSERT INTO fleet_members (fleet_id, staff_id, position) VALUES (1, 2, 0), "
         "(1, 1, 1), (1, 4, 2), (2, 1, 0)"_s},
        {u"INSERT INTO fleet_flow_rules (fleet_id, flow_id, member_ids) VALUES "
         "(1, 2, '[2,1]'), (1, 1, '[1]'), (2, 3, '[]')"_s},
        {u"INSERT INTO customers (id, name, number, contact_name, email, phone, address) "
         "VALUES (1, 'Bäckerei Müller', 'K-100', 'Frau Müller', 'info@mueller.de', "
         "'+49 221 1234', 'Hauptstraße 1, Köln'), (2, 'Kiosk', '', '', '', '', '')"_s},
        {u"INSERT INTO devices (id, name, serial, location, code, template_id, fleet_id, "
         "customer_id) VALUES (1, 'Kühlschrank 3', 'SN-1', 'Köln Süd', 'CODE-1', 1, 1, 1), "
         "(2, 'Ofen A', '', '', 'CODE-2', 2, 2, NULL), (5, 'Ofen B', 'SN-5', 'Bonn', "
         "'code-5', 2, 1, 2), (6, 'Kühlschrank 4', '', 'Halle', 'CODE-6', 1, 2, 1), "
         "(9, 'Theke', 'SN-9', '', 'CODE-9', 1, 3, NULL)"_s},
    };
    return rows;
}

inline bool insertAll(QSqlDatabase &db, const QList<Row> &rows)
{
    for (const Row &row : rows) {
        QSqlQuery q(db);
        if (!q.prepare(row.sql)) {
            ADD_FAILURE() << db.driverName().toStdString() << ": " << row.sql.toStdString() << ": "
                          << q.lastError().text().toStdString();
            return false;
        }
        for (const QVariant &v : row.values)
            q.addBindValue(v);
        if (!q.exec()) {
            ADD_FAILURE() << db.driverName().toStdString() << ": " << row.sql.toStdString() << ": "
                          << q.lastError().text().toStdString();
            return false;
        }
    }
    return true;
}

// Lists as JSON text, for comparing.
template <typename List, typename ToJson> QString json(const List &list, ToJson toJson)
{
    QJsonArray out;
    for (const auto &item : list)
        out.append(toJson(item));
    return QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Compact));
}

template <typename T, typename ToJson> QString json(const std::optional<T> &value, ToJson toJson)
{
    return value ? QString::fromUtf8(QJsonDocument(toJson(*value)).toJson(QJsonDocument::Compact))
                 : QStringLiteral("none");
}

class PgStoreTest : public PgTest
{
protected:
    void SetUp() override
    {
        using namespace Qt::StringLiterals;
        PgTest::SetUp();
        if (HasFatalFailure())
            return;
        ASSERT_TRUE(m_dir.isValid());
        QString error;
        m_sqlite = server::sqlite::SqliteStore::open(m_dir.filePath(u"tickets.sqlite"_s), &error);
        ASSERT_TRUE(m_sqlite) << error.toStdString();
        m_pg = connect(m_db, u"pgstore"_s);
        ASSERT_TRUE(m_pg && m_pg->migrate(&error)) << error.toStdString();
        ASSERT_TRUE(insertAll(m_sqlite->connection().database(), directoryRows()));
        ASSERT_TRUE(insertAll(m_pg->database(), directoryRows()));
        m_pgAuth = std::make_unique<server::postgres::PgAuthStore>(*m_pg);
        m_pgDirectory = std::make_unique<server::postgres::PgDirectoryStore>(*m_pg);
    }

    // Runs `work` in a write transaction on each (PostgreSQL's Store::write is not here
    // yet: a plain BEGIN ... COMMIT).
    template <typename F> void writeBoth(F work)
    {
        ASSERT_TRUE(m_sqlite->write([&] {
            work(m_sqlite->auth());
            return true;
        }));
        ASSERT_TRUE(m_pg->exec(QStringLiteral("BEGIN")));
        work(*m_pgAuth);
        ASSERT_TRUE(m_pg->exec(QStringLiteral("COMMIT")));
    }

    QTemporaryDir m_dir;
    std::unique_ptr<server::sqlite::SqliteStore> m_sqlite;
    std::unique_ptr<server::postgres::Connection> m_pg;
    std::unique_ptr<server::postgres::PgAuthStore> m_pgAuth;
    std::unique_ptr<server::postgres::PgDirectoryStore> m_pgDirectory;
};

} // namespace pgtest
