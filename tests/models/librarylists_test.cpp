// TextModuleList (with its picker filter) and MacroList against a real ticket-server with
// the demo library: loading, live changes from the event stream, reloads as differences,
// the picker's fuzzy filter and order, usage counted in settings.
#include "models/macrolist.h"
#include "models/textmodulelist.h"
#include "ticketmodeltestsupport.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace {

class LibraryListsTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(server.isRunning()) << server.output().toStdString();
        ASSERT_FALSE(admin.loginStaff(testsupport::demoLogin(u"admin"_s)).isEmpty());
        ASSERT_FALSE(agent.loginStaff(testsupport::demoLogin(u"agent"_s)).isEmpty());
        ASSERT_TRUE(client.signIn(server.baseUrl(), testsupport::demoLogin(u"agent"_s)));
        ASSERT_TRUE(dir.isValid());
    }
    static bool load(models::LibraryList &list)
    {
        QSignalSpy loaded(&list, &models::LibraryList::loaded);
        list.reload();
        return loaded.wait(15000);
    }
    static QStringList names(const QAbstractItemModel &model)
    {
        QStringList out;
        for (int row = 0; row < model.rowCount(); ++row)
            out.append(model.index(row, 0).data().toString());
        return out;
    }

    modeltest::TesterFailures failures;
    testsupport::TestServer server;
    testsupport::ApiClient admin{server.baseUrl()};
    testsupport::ApiClient agent{server.baseUrl()};
    modeltest::SignedInClient client;
    QTemporaryDir dir;
};

TEST_F(LibraryListsTest, TextModulesLoadLiveAndReloadAsDifferences)
{
    QSettings settings(dir.filePath(u"s.ini"_s), QSettings::IniFormat);
    models::TextModuleList list(&client.api, &settings);
    auto tester = modeltest::TesterFailures::attach(&list);
    ASSERT_TRUE(load(list));
    EXPECT_EQ(list.rowCount(), 12);
    const QStringList loaded = names(list);
    EXPECT_EQ(loaded.first(), u"Begrüßung"_s); // by name, case and locale aware
    const int row = int(loaded.indexOf(u"Greeting"_s));
    ASSERT_GE(row, 0);
    const QModelIndex greeting = list.index(row);
    EXPECT_EQ(greeting.data(models::TextModuleList::ShortcutRole).toString(), u"hello"_s);
    EXPECT_EQ(greeting.data(models::TextModuleList::LanguageRole).toString(), u"en"_s);
    EXPECT_TRUE(greeting.data(models::TextModuleList::BodyRole).toString().contains(u"{cursor}"_s));

    // A shared module from an admin elsewhere comes in through the stream; so do its
    // change and its removal.
    testsupport::EventClient events;
    ASSERT_TRUE(events.open(server.baseUrl(), agent.token()));
    qint64 lastSeq = 0;
    const auto next = [&](const QString &type) {
        const QJsonObject f = events.waitFor([&](const QJsonObject &e) {
            return e.value(u"type"_s).toString() == type && e[u"seq"_s].toInteger() > lastSeq;
        });
        EXPECT_FALSE(f.isEmpty()) << type.toStdString();
        lastSeq = f[u"seq"_s].toInteger();
        return core::Event::fromJson(f);
    };
    const testsupport::HttpResult made =
        admin.post(u"/text-modules"_s, {{u"name"_s, u"Aaa zuerst"_s},
                                        {u"shared"_s, true},
                                        {u"shortcut"_s, u"aaa"_s},
                                        {u"body"_s, u"Hallo {me.firstName}"_s}});
    ASSERT_EQ(made.status, 201) << made.body.toStdString();
    const qint64 id = made.object()[u"id"_s].toInteger();
    modeltest::SignalLog log(&list);
    EXPECT_TRUE(list.applyEvent(next(u"textModule.updated"_s)));
    EXPECT_EQ(log.text(), u"rowsInserted(0,0)"_s);
    EXPECT_EQ(list.rowOf(id), 0);
    log.clear();
    ASSERT_EQ(admin.patch(u"/text-modules/%1"_s.arg(id), {{u"body"_s, u"Neu"_s}}).status, 200);
    EXPECT_TRUE(list.applyEvent(next(u"textModule.updated"_s)));
    EXPECT_EQ(log.text(), u"dataChanged(0,0:0-0)"_s);
    EXPECT_EQ(list.index(0).data(models::TextModuleList::BodyRole).toString(), u"Neu"_s);
    log.clear();
    ASSERT_EQ(admin.del(u"/text-modules/%1"_s.arg(id)).status, 204);
    EXPECT_TRUE(list.applyEvent(next(u"textModule.deleted"_s)));
    EXPECT_EQ(log.text(), u"rowsRemoved(0,0)"_s);
    EXPECT_EQ(names(list), loaded);

    // The agent's own personal module: not announced, a reload inserts just that row.
    ASSERT_EQ(
        agent.post(u"/text-modules"_s, {{u"name"_s, u"Zzz meins"_s}, {u"body"_s, u"x"_s}}).status,
        201);
    log.clear();
    ASSERT_TRUE(load(list));
    EXPECT_EQ(log.text(), u"rowsInserted(12,12)"_s);
    EXPECT_FALSE(list.applyEvent(core::Event{0, u"macro.deleted"_s, 0, 0, {}}));
}

TEST_F(LibraryListsTest, ThePickerFiltersFuzzyMostUsedAndLanguageFirst)
{
    QSettings settings(dir.filePath(u"s.ini"_s), QSettings::IniFormat);
    models::TextModuleList list(&client.api, &settings);
    models::TextModuleFilter filter;
    filter.setSourceModel(&list);
    auto tester = modeltest::TesterFailures::attach(&filter);
    ASSERT_TRUE(load(list));
    EXPECT_EQ(filter.rowCount(), 12);

    filter.setQuery(u"ersatz"_s); // name and shortcut prefix
    EXPECT_EQ(names(filter), QStringList{u"Ersatzteil bestellt"_s});
    filter.setQuery(u"tchnkr"_s); // the letters in order
    EXPECT_EQ(names(filter), (QStringList{u"Techniker unterwegs"_s}));
    filter.setQuery(u"Begru"_s); // case and accents ignored
    EXPECT_EQ(names(filter), QStringList{u"Begrüßung"_s});
    filter.setQuery(u"Typenschild"_s); // a word of the body only
    EXPECT_EQ(names(filter), QStringList{u"Foto erbeten"_s});
    filter.setQuery(u"photo"_s);
    EXPECT_EQ(names(filter), QStringList{u"Photo please"_s});

    // The ticket's language first, then (with usage) the most used first.
    filter.setQuery(u"p"_s);
    filter.setLanguage(u"de"_s);
    const QStringList german = names(filter);
    ASSERT_GE(german.size(), 2);
    EXPECT_EQ(german.first(), u"Problem behoben"_s);
    filter.setLanguage(u"en"_s);
    EXPECT_EQ(names(filter).first(), u"Photo please"_s);
    const qint64 solved = list.idAt(int(names(list).indexOf(u"Problem solved"_s)));
    list.recordUse(solved);
    list.recordUse(solved);
    EXPECT_EQ(names(filter).first(), u"Problem solved"_s);
    EXPECT_EQ(list.useCount(solved), 2);
    // Counted in the settings: a new list knows it.
    models::TextModuleList again(&client.api, &settings);
    EXPECT_EQ(again.useCount(solved), 2);

    EXPECT_EQ(models::TextModuleFilter::matchScore(u"xyz"_s, u"Begrüßung"_s, u"hallo"_s, u""_s),
              -1);
    EXPECT_EQ(models::TextModuleFilter::matchScore(u""_s, u"a"_s, u""_s, u""_s), 0);
}

TEST_F(LibraryListsTest, MacrosLoadWithWhatTheyDo)
{
    models::MacroList macros(&client.api);
    auto tester = modeltest::TesterFailures::attach(&macros);
    ASSERT_TRUE(load(macros));
    EXPECT_EQ(macros.rowCount(), 4);
    const int row = int(names(macros).indexOf(u"Ersatzteil bestellt"_s));
    ASSERT_GE(row, 0);
    const QModelIndex spare = macros.index(row);
    const QString description = spare.data(models::MacroList::DescriptionRole).toString();
    EXPECT_TRUE(description.contains(
        models::MacroList::tr("Assignee: %1").arg(models::MacroList::tr("me"))))
        << description.toStdString();
    EXPECT_TRUE(description.contains(models::MacroList::tr("Message to the code user")));
    EXPECT_EQ(spare.data(models::MacroList::ChangesRole).toJsonObject()[u"assigneeId"_s], u"me"_s);
    EXPECT_GT(spare.data(models::LibraryList::IdRole).toLongLong(), 0);

    // A shared macro deleted elsewhere leaves through the stream.
    testsupport::EventClient events;
    ASSERT_TRUE(events.open(server.baseUrl(), agent.token()));
    const qint64 id = spare.data(models::LibraryList::IdRole).toLongLong();
    ASSERT_EQ(admin.del(u"/macros/%1"_s.arg(id)).status, 204);
    const QJsonObject f = events.waitFor(
        [](const QJsonObject &e) { return e.value(u"type"_s).toString() == u"macro.deleted"_s; });
    ASSERT_FALSE(f.isEmpty());
    EXPECT_TRUE(macros.applyEvent(core::Event::fromJson(f)));
    EXPECT_EQ(macros.rowCount(), 3);
    EXPECT_EQ(macros.rowOf(id), -1);
}

} // namespace
