// Sibling connections of one SqliteStore (one per worker thread): a write after a read left
// open on a stale snapshot, outside changes told apart from the siblings' commits.
#include "store/sqlite/connection.h"
#include "store/sqlite/sqlitestore.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using server::sqlite::SqliteStore;

namespace {

bool insertRow(SqliteStore &store)
{
    return store.write([&] { return store.connection().exec(u"INSERT INTO probe VALUES (1)"_s); });
}

class SqliteSiblingsTest : public ::testing::Test
{
protected:
    QTemporaryDir dir;
    QString path = dir.filePath(u"tickets.sqlite"_s);
    QString error;
    std::unique_ptr<SqliteStore> first = SqliteStore::open(path, &error);
    std::unique_ptr<SqliteStore> sibling;

    void SetUp() override
    {
        ASSERT_TRUE(first) << error.toStdString();
        ASSERT_TRUE(first->write(
            [&] { return first->connection().exec(u"CREATE TABLE probe (x INTEGER)"_s); }));
        std::unique_ptr<server::Store> s = first->sibling(&error);
        ASSERT_TRUE(s) << error.toStdString();
        sibling.reset(static_cast<SqliteStore *>(s.release()));
    }
};

// A statement stepped and not finished holds its snapshot; after the sibling's commit,
// SQLite would refuse BEGIN IMMEDIATE on it at once (SQLITE_BUSY, no busy wait).
TEST_F(SqliteSiblingsTest, AWriteAfterAReadLeftOpenOnAStaleSnapshotSucceeds)
{
    ASSERT_TRUE(insertRow(*first));
    ASSERT_TRUE(insertRow(*first));
    QSqlQuery &open = first->connection().prepared(u"SELECT x FROM probe"_s);
    ASSERT_TRUE(open.exec());
    ASSERT_TRUE(open.next()); // stepped once: a read transaction on this snapshot
    ASSERT_TRUE(insertRow(*sibling));
    EXPECT_TRUE(insertRow(*first)) << "the write failed on the stale snapshot";
    QSqlQuery count(first->connection().database());
    ASSERT_TRUE(count.exec(u"SELECT COUNT(*) FROM probe"_s) && count.next());
    EXPECT_EQ(count.value(0).toInt(), 4);
}

// The siblings' commits are this process's own: not outside changes. Another process's
// (here: a store of its own on the same file, as `ticket-server admin` would open) are.
TEST_F(SqliteSiblingsTest, OutsideChangesAreAnotherProcesssCommitsOnly)
{
    const qint64 before = first->auth().outsideChanges();
    ASSERT_TRUE(insertRow(*sibling));
    ASSERT_TRUE(insertRow(*first));
    EXPECT_EQ(first->auth().outsideChanges(), before);
    EXPECT_EQ(sibling->auth().outsideChanges(), sibling->auth().outsideChanges());
    const qint64 siblingBefore = sibling->auth().outsideChanges();

    std::unique_ptr<SqliteStore> other = SqliteStore::open(path, &error);
    ASSERT_TRUE(other) << error.toStdString();
    ASSERT_TRUE(insertRow(*other));
    EXPECT_NE(first->auth().outsideChanges(), before) << "missed another process's commit";
    EXPECT_NE(sibling->auth().outsideChanges(), siblingBefore);
    // Noticed once: the next calls stay.
    const qint64 now = first->auth().outsideChanges();
    ASSERT_TRUE(insertRow(*sibling));
    EXPECT_EQ(first->auth().outsideChanges(), now);
}

// An in-memory database has nothing to share.
TEST(SqliteSiblingsMemoryTest, AnInMemoryStoreHasNoSibling)
{
    QString error;
    auto store = SqliteStore::open(u":memory:"_s, &error);
    ASSERT_TRUE(store) << error.toStdString();
    EXPECT_EQ(store->sibling(&error), nullptr);
    EXPECT_FALSE(error.isEmpty());
}

} // namespace
