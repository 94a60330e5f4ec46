// The text-module picker in the messenger and note composers of the real main window,
// offscreen, against a real ticket-server with the demo library, by keyboard: "/" plus
// part of a name and Enter inserts the module with the open ticket's values and the caret
// at {cursor}; Esc leaves the typed text as it was; Ctrl+Space in the note composer; a
// click inserts too. With TICKET_SCREENSHOT_DIR: the picker open, at two window sizes.
#include "guiclient.h"
#include "testsupport.h"

#include "client/eventstream.h"
#include "conversationtabs.h"
#include "core/textplaceholders.h"
#include "core/types.h"
#include "models/textmodulelist.h"
#include "widgets/textmodulepicker.h"

#include <QLabel>
#include <QListView>
#include <QPlainTextEdit>
#include <QTemporaryDir>
#include <QTest>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using guitest::Client;
using guitest::waitFor;

namespace {

class TextModulePickerTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(server.isRunning());
        ASSERT_FALSE(check.loginStaff(u"anna"_s).isEmpty());
        ASSERT_FALSE(codeUser.loginDevice(testsupport::demoDeviceCode(0), u"Feld A"_s).isEmpty());
        const QJsonObject t = testsupport::createTicket(codeUser, u"Papierstau im Fach 2"_s);
        ASSERT_FALSE(t.isEmpty());
        id = t.value(u"id"_s).toInteger();
    }
    // Opens the ticket and the composer's tab; waits for the library and the focus.
    QPlainTextEdit *compose(Client &c, ConversationTabs::Tab tab, const char *editName)
    {
        c.window->showTicket(id);
        EXPECT_TRUE(waitFor([&] {
            return c.window->document()->id() == id && c.window->document()->isLoaded() &&
                   c.window->textModules()->rowCount() == 12;
        }));
        c.window->conversation()->showTab(tab);
        auto *edit = c.find<QPlainTextEdit>(editName);
        EXPECT_TRUE(waitFor([&] { return edit->hasFocus(); })) << editName;
        return edit;
    }
    // A module's body, filled as the picker must fill it for this ticket.
    core::FilledText expected(const QString &name)
    {
        QString body;
        for (const QJsonValue &m : check.get(u"/text-modules"_s).items()) {
            if (m[u"name"_s].toString() == name)
                body = m[u"body"_s].toString();
        }
        EXPECT_FALSE(body.isEmpty()) << name.toStdString();
        const core::Ticket ticket =
            core::Ticket::fromJson(check.get(u"/tickets/%1"_s.arg(id)).object());
        return core::fillPlaceholders(body, core::PlaceholderValues::of(ticket, u"anna"_s));
    }

    testsupport::TestServer server;
    testsupport::ApiClient check{server.baseUrl()};
    testsupport::ApiClient codeUser{server.baseUrl()};
    QTemporaryDir dir;
    qint64 id = 0;
};

TEST_F(TextModulePickerTest, SlashAndANameThenEnterInsertsTheFilledModuleAtTheCaret)
{
    Client c(server.baseUrl(), dir.path());
    QPlainTextEdit *edit = compose(c, ConversationTabs::Tab::Messenger, "messageTextEdit");
    auto *picker = c.find<TextModulePicker>("messageTextModulePicker");
    auto *list = picker->findChild<QListView *>(u"moduleListView"_s);
    auto *preview = picker->findChild<QLabel *>(u"previewLabel"_s);
    ASSERT_TRUE(list && preview);

    QTest::keyClicks(edit, u"a/b "_s); // inside a word: no picker
    EXPECT_FALSE(picker->isVisible());
    edit->clear();
    QTest::keyClicks(edit, u"Vorab: /"_s);
    ASSERT_TRUE(waitFor([&] { return picker->isVisible(); }));
    EXPECT_EQ(list->model()->rowCount(), 12);
    QTest::keyClicks(edit, u"greet"_s);
    EXPECT_EQ(picker->query(), u"greet"_s);
    ASSERT_TRUE(waitFor([&] { return list->model()->rowCount() == 1; }));
    EXPECT_EQ(list->currentIndex().data().toString(), u"Greeting"_s);
    const core::FilledText filled = expected(u"Greeting"_s);
    EXPECT_TRUE(filled.text.contains(u"Feld A"_s)) << filled.text.toStdString();
    EXPECT_EQ(preview->text(), filled.text);
    QTest::keyClick(edit, Qt::Key_Return);
    EXPECT_FALSE(picker->isVisible());
    EXPECT_EQ(edit->toPlainText(), u"Vorab: "_s + filled.text);
    ASSERT_GE(filled.cursor, 0);
    EXPECT_EQ(edit->textCursor().position(), 7 + filled.cursor);
    // Typing goes on at {cursor}; usage is counted for "most used first".
    QTest::keyClicks(edit, u"X"_s);
    EXPECT_EQ(edit->toPlainText().mid(7 + int(filled.cursor), 1), u"X"_s);
    const int row = c.window->textModules()->rowOf(
        list->model()->index(0, 0).data(models::LibraryList::IdRole).toLongLong());
    EXPECT_EQ(c.window->textModules()->index(row).data(models::TextModuleList::UseCountRole), 1);
}

// At 1600×1000 and 1024×640 the picker stays inside the window, at the caret; the
// screenshots show it in the language of TICKET_SCREENSHOT_LANGUAGE.
TEST_F(TextModulePickerTest, ThePickerFitsTheWindowAtBothSizes)
{
    Client c(server.baseUrl(), dir.path());
    QPlainTextEdit *edit = compose(c, ConversationTabs::Tab::Messenger, "messageTextEdit");
    auto *picker = c.find<TextModulePicker>("messageTextModulePicker");
    const bool german = QLocale().language() == QLocale::German;
    QTest::keyClicks(edit, german ? u"Vorab: /e"_s : u"First: /e"_s);
    ASSERT_TRUE(picker->isVisible());
    for (const QSize size : {QSize(1600, 1000), QSize(1024, 640)}) {
        c.window->resize(size);
        ASSERT_TRUE(waitFor([&] { return c.window->size() == size; }));
        QTest::keyClick(edit, Qt::Key_Backspace); // the picker follows the new layout
        QTest::keyClicks(edit, u"e"_s);
        ASSERT_TRUE(picker->isVisible());
        EXPECT_TRUE(c.window->rect().contains(picker->geometry())) << size.width();
        const QRect caret(edit->viewport()->mapTo(c.window.get(), edit->cursorRect().topLeft()),
                          edit->cursorRect().size());
        EXPECT_FALSE(picker->geometry().intersects(caret)) << "the caret stays visible";
        guitest::saveScreenshot(c.window.get(),
                                u"text-module-picker-%1x%2"_s.arg(size.width()).arg(size.height()));
    }
}

TEST_F(TextModulePickerTest, EscLeavesTheTypedTextAndUpDownAndClicksWork)
{
    Client c(server.baseUrl(), dir.path());
    QPlainTextEdit *edit = compose(c, ConversationTabs::Tab::Messenger, "messageTextEdit");
    auto *picker = c.find<TextModulePicker>("messageTextModulePicker");
    auto *list = picker->findChild<QListView *>(u"moduleListView"_s);

    QTest::keyClicks(edit, u"Text /tech"_s);
    ASSERT_TRUE(picker->isVisible());
    ASSERT_EQ(list->model()->rowCount(), 2); // Techniker unterwegs, Technician on the way
    const QString first = list->currentIndex().data().toString();
    QTest::keyClick(edit, Qt::Key_Down);
    EXPECT_EQ(list->currentIndex().row(), 1);
    QTest::keyClick(edit, Qt::Key_Up);
    EXPECT_EQ(list->currentIndex().data().toString(), first);
    QTest::keyClick(edit, Qt::Key_Escape);
    EXPECT_FALSE(picker->isVisible());
    EXPECT_EQ(edit->toPlainText(), u"Text /tech"_s);
    EXPECT_EQ(edit->textCursor().position(), 10);
    EXPECT_EQ(c.window->conversation()->ticketId(), id);
    EXPECT_TRUE(edit->hasFocus()) << "Esc closed the picker only";

    // Backspace over the "/" closes it too; a click on a row inserts.
    edit->clear();
    QTest::keyClicks(edit, u"/"_s);
    ASSERT_TRUE(picker->isVisible());
    QTest::keyClick(edit, Qt::Key_Backspace);
    EXPECT_FALSE(picker->isVisible());
    QTest::keyClicks(edit, u"/phot"_s);
    ASSERT_TRUE(picker->isVisible());
    ASSERT_GE(list->model()->rowCount(), 1);
    const QModelIndex photo = list->model()->index(0, 0);
    EXPECT_EQ(photo.data().toString(), u"Photo please"_s);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(photo).center());
    EXPECT_FALSE(picker->isVisible());
    EXPECT_EQ(edit->toPlainText(), expected(u"Photo please"_s).text);
}

TEST_F(TextModulePickerTest, CtrlSpaceInTheNoteComposer)
{
    Client c(server.baseUrl(), dir.path());
    QPlainTextEdit *edit = compose(c, ConversationTabs::Tab::Notes, "noteTextEdit");
    auto *picker = c.find<TextModulePicker>("noteTextModulePicker");
    QTest::keyClicks(edit, u"Notiz: "_s);
    QTest::keyClick(edit, Qt::Key_Space, Qt::ControlModifier);
    ASSERT_TRUE(picker->isVisible());
    EXPECT_EQ(edit->toPlainText(), u"Notiz: "_s);
    QTest::keyClicks(edit, u"frage"_s);
    QTest::keyClick(edit, Qt::Key_Return);
    EXPECT_FALSE(picker->isVisible());
    const core::FilledText filled = expected(u"Rückfrage"_s);
    EXPECT_EQ(edit->toPlainText(), u"Notiz: "_s + filled.text);
    EXPECT_EQ(edit->textCursor().position(), 7 + filled.cursor);
    EXPECT_FALSE(c.find<TextModulePicker>("messageTextModulePicker")->isVisible());
}

// Tickets carry no language: the picker puts first the modules in the language the open
// ticket's text is written in, whatever the interface's, and the interface's when the text
// gives no sign.
TEST_F(TextModulePickerTest, ModulesInTheTicketsLanguageComeFirst)
{
    Client c(server.baseUrl(), dir.path());
    const qint64 german = id;
    auto ticket = [&](const QString &title, const QString &description) {
        return testsupport::createTicket(codeUser, title,
                                         {{u"description"_s, description}})[u"id"_s]
            .toInteger();
    };
    const qint64 english = ticket(u"Printer"_s, u"The printer does not print any more."_s);
    const qint64 neither = ticket(u"XY-200"_s, u"E42"_s);
    ASSERT_GT(english, 0);
    ASSERT_GT(neither, 0);
    const QString ui = QLocale().language() == QLocale::German ? u"de"_s : u"en"_s;
    for (const auto &[open, language] :
         {std::pair{german, u"de"_s}, std::pair{english, u"en"_s}, std::pair{neither, ui}}) {
        id = open;
        QPlainTextEdit *edit = compose(c, ConversationTabs::Tab::Messenger, "messageTextEdit");
        auto *picker = c.find<TextModulePicker>("messageTextModulePicker");
        auto *list = picker->findChild<QListView *>(u"moduleListView"_s);
        edit->clear();
        QTest::keyClicks(edit, u"/"_s);
        ASSERT_TRUE(waitFor([&] { return picker->isVisible(); }));
        ASSERT_EQ(list->model()->rowCount(), 12);
        for (int row = 0; row < 12; ++row) {
            EXPECT_EQ(
                list->model()->index(row, 0).data(models::TextModuleList::LanguageRole).toString(),
                row < 6 ? language : (language == u"de" ? u"en"_s : u"de"_s))
                << "ticket " << open << ", row " << row;
        }
        QTest::keyClick(edit, Qt::Key_Escape);
        EXPECT_FALSE(picker->isVisible());
    }
}

// A shared module an administrator adds elsewhere reaches the open picker through the
// event stream, and its removal too.
TEST_F(TextModulePickerTest, SharedModulesFromElsewhereArriveLive)
{
    Client c(server.baseUrl(), dir.path());
    QPlainTextEdit *edit = compose(c, ConversationTabs::Tab::Messenger, "messageTextEdit");
    auto *picker = c.find<TextModulePicker>("messageTextModulePicker");
    auto *list = picker->findChild<QListView *>(u"moduleListView"_s);
    ASSERT_TRUE(waitFor([&] { return c.events.state() == client::EventStream::State::Connected; }));
    testsupport::ApiClient admin{server.baseUrl()};
    ASSERT_FALSE(admin.loginStaff(testsupport::demoLogin(u"admin"_s)).isEmpty());
    const testsupport::HttpResult made =
        admin.post(u"/text-modules"_s, {{u"name"_s, u"Wartungsvertrag"_s},
                                        {u"shared"_s, true},
                                        {u"shortcut"_s, u"vertrag"_s},
                                        {u"body"_s, u"Ihr Vertrag zu {device.serial}"_s}});
    ASSERT_EQ(made.status, 201) << made.body.toStdString();
    ASSERT_TRUE(waitFor([&] { return c.window->textModules()->rowCount() == 13; }));
    QTest::keyClicks(edit, u"/vertrag"_s);
    ASSERT_TRUE(picker->isVisible());
    ASSERT_EQ(list->model()->rowCount(), 1);
    QTest::keyClick(edit, Qt::Key_Return);
    EXPECT_EQ(edit->toPlainText(), u"Ihr Vertrag zu ID9-2020-5917"_s);
    ASSERT_EQ(admin.del(u"/text-modules/%1"_s.arg(made.object()[u"id"_s].toInteger())).status, 204);
    EXPECT_TRUE(waitFor([&] { return c.window->textModules()->rowCount() == 12; }));
}

} // namespace
