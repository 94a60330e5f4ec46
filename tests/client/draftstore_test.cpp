// client::DraftStore: unsent texts per ticket, surviving a restart.
#include "client/draftstore.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using client::DraftStore;

namespace {

TEST(DraftStoreTest, SetAndGetPerTicketAndKind)
{
    QTemporaryDir dir;
    DraftStore drafts(dir.filePath(u"drafts.json"_s));
    EXPECT_TRUE(drafts.draft(7, DraftStore::Kind::Message).isEmpty());
    EXPECT_TRUE(drafts.setDraft(7, DraftStore::Kind::Message, u"Hallo Kunde"_s));
    EXPECT_TRUE(drafts.setDraft(7, DraftStore::Kind::Note, u"Intern: prüfen"_s));
    EXPECT_TRUE(drafts.setDraft(8, DraftStore::Kind::Message, u"Anderes Ticket"_s));
    EXPECT_EQ(drafts.draft(7, DraftStore::Kind::Message), u"Hallo Kunde"_s);
    EXPECT_EQ(drafts.draft(7, DraftStore::Kind::Note), u"Intern: prüfen"_s);
    EXPECT_EQ(drafts.draft(8, DraftStore::Kind::Message), u"Anderes Ticket"_s);
    EXPECT_TRUE(drafts.draft(8, DraftStore::Kind::Note).isEmpty());
}

TEST(DraftStoreTest, SurvivesARestart)
{
    QTemporaryDir dir;
    const QString file = dir.filePath(u"sub/drafts.json"_s); // folder made on demand
    {
        DraftStore drafts(file);
        ASSERT_TRUE(drafts.setDraft(3, DraftStore::Kind::Message, u"Zeile 1\nZeile 2 <b>"_s));
        ASSERT_TRUE(drafts.setDraft(3, DraftStore::Kind::Note, u"Notiz"_s));
    }
    DraftStore again(file);
    EXPECT_EQ(again.draft(3, DraftStore::Kind::Message), u"Zeile 1\nZeile 2 <b>"_s);
    EXPECT_EQ(again.draft(3, DraftStore::Kind::Note), u"Notiz"_s);
}

TEST(DraftStoreTest, EmptyTextRemovesTheDraft)
{
    QTemporaryDir dir;
    const QString file = dir.filePath(u"drafts.json"_s);
    {
        DraftStore drafts(file);
        ASSERT_TRUE(drafts.setDraft(5, DraftStore::Kind::Message, u"weg damit"_s));
        ASSERT_TRUE(drafts.setDraft(5, DraftStore::Kind::Message, QString()));
        EXPECT_TRUE(drafts.draft(5, DraftStore::Kind::Message).isEmpty());
    }
    EXPECT_TRUE(DraftStore(file).draft(5, DraftStore::Kind::Message).isEmpty());
    QFile f(file);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_FALSE(f.readAll().contains("weg damit"));
}

TEST(DraftStoreTest, UnwritableFileIsReported)
{
    QTemporaryDir dir;
    QFile blocker(dir.filePath(u"file"_s));
    ASSERT_TRUE(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    // A path below a regular file can never be written.
    DraftStore drafts(dir.filePath(u"file/drafts.json"_s));
    EXPECT_FALSE(drafts.setDraft(1, DraftStore::Kind::Message, u"x"_s));
    EXPECT_EQ(drafts.draft(1, DraftStore::Kind::Message), u"x"_s); // kept for this session
}

TEST(DraftStoreTest, CorruptFileStartsEmpty)
{
    QTemporaryDir dir;
    const QString file = dir.filePath(u"drafts.json"_s);
    QFile f(file);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("{not json");
    f.close();
    DraftStore drafts(file);
    EXPECT_TRUE(drafts.draft(1, DraftStore::Kind::Message).isEmpty());
    EXPECT_TRUE(drafts.setDraft(1, DraftStore::Kind::Message, u"neu"_s));
    EXPECT_EQ(DraftStore(file).draft(1, DraftStore::Kind::Message), u"neu"_s);
}

// Every composer of the session shares the store: a change is announced once, with the
// text, when (and only when) the text changes.
TEST(DraftStoreTest, ChangesAreAnnounced)
{
    QTemporaryDir dir;
    DraftStore drafts(dir.filePath(u"drafts.json"_s));
    QSignalSpy spy(&drafts, &DraftStore::draftChanged);
    EXPECT_TRUE(drafts.setDraft(7, DraftStore::Kind::Note, u"Entwurf"_s));
    ASSERT_EQ(spy.count(), 1);
    EXPECT_EQ(spy.at(0).at(0).toLongLong(), 7);
    EXPECT_EQ(spy.at(0).at(1).value<DraftStore::Kind>(), DraftStore::Kind::Note);
    EXPECT_EQ(spy.at(0).at(2).toString(), u"Entwurf"_s);
    EXPECT_TRUE(drafts.setDraft(7, DraftStore::Kind::Note, u"Entwurf"_s)); // the same text
    EXPECT_TRUE(drafts.setDraft(8, DraftStore::Kind::Note, QString()));    // nothing to remove
    EXPECT_EQ(spy.count(), 1);
    EXPECT_TRUE(drafts.setDraft(7, DraftStore::Kind::Note, QString()));
    ASSERT_EQ(spy.count(), 2);
    EXPECT_TRUE(spy.at(1).at(2).toString().isEmpty());
}

} // namespace
