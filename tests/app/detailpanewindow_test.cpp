// The detail pane and the conversation in the real main window, offscreen, against a real
// ticket-server: a header that wraps rather than cuts (German, small window), tab counters
// that follow the lists, the newest message in view, Esc back to the list, visible focus.
#include "guiclient.h"
#include "testsupport.h"

#include "client/draftstore.h"
#include "client/eventstream.h"
#include "client/outbox.h"
#include "conversationtabs.h"
#include "models/postlistmodel.h"
#include "widgets/statusflowwidget.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QImage>
#include <QLabel>
#include <QListView>
#include <QPainter>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using guitest::Client;
using guitest::waitFor;
using testsupport::ApiClient;
using testsupport::TestServer;

namespace {

// The German translation (and locale) for the lifetime of the object.
class German
{
public:
    German()
    {
        EXPECT_TRUE(m_translator.load(u":/i18n/ticket-backoffice_de"_s));
        QCoreApplication::installTranslator(&m_translator);
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    }
    ~German()
    {
        QCoreApplication::removeTranslator(&m_translator);
        QLocale::setDefault(m_previous);
    }
    Q_DISABLE_COPY_MOVE(German)

private:
    QTranslator m_translator;
    QLocale m_previous;
};

class DetailPaneWindowTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(server.isRunning());
        ASSERT_FALSE(check.loginStaff(u"anna"_s).isEmpty());
    }

    qint64 newTicket(const QString &title)
    {
        const QJsonObject t = testsupport::createTicket(
            check, title, {{u"deviceId"_s, testsupport::demoDeviceId(0)}});
        EXPECT_FALSE(t.isEmpty());
        return t.value(u"id"_s).toInteger();
    }
    void post(qint64 id, const QString &kind, const QString &body)
    {
        ASSERT_EQ(check.post(u"/tickets/%1/%2"_s.arg(id).arg(kind), {{u"body"_s, body}}).status,
                  201);
    }
    // Brings `id` up in the window and waits until it and its conversation are loaded.
    void show(Client &c, qint64 id)
    {
        c.window->showTicket(id);
        auto *messages = c.find<QListView>("messageListView")->model();
        auto *notes = c.find<QListView>("noteListView")->model();
        ASSERT_TRUE(waitFor([&] {
            return c.window->document()->id() == id && c.window->document()->isLoaded() &&
                   !static_cast<models::PostListModel *>(messages)->isLoading() &&
                   !static_cast<models::PostListModel *>(notes)->isLoading();
        }));
    }
    // A closed demo ticket with a rating, form fields and a conversation: the fullest header.
    qint64 fullDemoTicket()
    {
        for (const QJsonValue &v : check.get(u"/tickets?status=closed&limit=200"_s).items()) {
            const QJsonObject t = v.toObject();
            if (t.value(u"ratingStars"_s).isDouble() &&
                !check.get(u"/tickets/%1/messages"_s.arg(t.value(u"id"_s).toInteger()))
                     .items()
                     .isEmpty())
                return t.value(u"id"_s).toInteger();
        }
        return 0;
    }

    TestServer server;
    ApiClient check{server.baseUrl()};
    QTemporaryDir dir;
};

// What in the header is cut: a label or button narrower than its text needs, a status
// label that does not fit its step, or a widget reaching past the pane's visible edge;
// and a conversation tab title that is cut or scrolled away.
QStringList cutInHeader(Client &c)
{
    QStringList cut;
    auto *header = c.find<QWidget>("headerWidget");
    auto *scrollArea = c.find<QScrollArea>("scrollArea");
    QWidget *viewport = scrollArea->viewport();
    if (scrollArea->horizontalScrollBar()->maximum() > 0)
        cut.append(u"the pane scrolls sideways"_s);
    for (QWidget *w : header->findChildren<QWidget *>()) {
        if (!w->isVisible() || w->objectName().isEmpty() || w->objectName().startsWith(u"qt_"))
            continue;
        bool fits = true;
        QString text;
        if (auto *label = qobject_cast<QLabel *>(w)) {
            text = label->text();
            if (text.isEmpty())
                continue;
            fits = label->wordWrap() ? label->height() >= label->heightForWidth(label->width())
                                     : label->width() >= label->sizeHint().width();
        } else if (auto *button = qobject_cast<QAbstractButton *>(w)) {
            text = button->text();
            fits = button->width() >= button->sizeHint().width();
        } else if (auto *combo = qobject_cast<QComboBox *>(w)) {
            text = combo->currentText();
            fits = combo->width() >= combo->minimumSizeHint().width();
        } else if (auto *flow = qobject_cast<StatusFlowWidget *>(w)) {
            text = u"status steps"_s;
            fits = flow->labelsFit() && flow->height() >= flow->heightForWidth(flow->width());
        } else {
            continue;
        }
        const QRect inViewport(w->mapTo(viewport, QPoint(0, 0)), w->size());
        if (inViewport.left() < 0 || inViewport.right() >= viewport->width())
            fits = false;
        if (!fits)
            cut.append(u"%1 “%2” (%3 px)"_s.arg(w->objectName(), text).arg(w->width()));
    }
    // The conversation's tab titles, whole and without scroll arrows.
    QTabBar *tabBar = c.find<QTabWidget>("conversationTabWidget")->tabBar();
    for (int i = 0; i < tabBar->count(); ++i) {
        const QString text = QString(tabBar->tabText(i)).remove(u'&');
        const QRect rect = tabBar->tabRect(i);
        if (rect.right() >= tabBar->width() ||
            rect.width() < tabBar->fontMetrics().horizontalAdvance(text))
            cut.append(u"tab “%1” (%2 px)"_s.arg(text).arg(rect.width()));
    }
    return cut;
}

// With TICKET_SCREENSHOT_DIR set, keeps the window there as NAME.png for docs/screenshots.
void keepScreenshot(QWidget *window, const QString &name)
{
    const QString folder = qEnvironmentVariable("TICKET_SCREENSHOT_DIR");
    if (!folder.isEmpty()) {
        EXPECT_TRUE(window->grab().save(folder + u'/' + name + u".png"_s));
    }
}

// In German and English, at 1024×640 and 1600×1000, every label and button of the detail
// pane's header is whole: it wraps (badges under the title, buttons under their fields,
// status steps on two rows) instead of clipping ("Mir zuweise…", "Geschloss", "Öffentlic").
TEST_F(DetailPaneWindowTest, HeaderWrapsInsteadOfClipping)
{
    const qint64 id = fullDemoTicket();
    ASSERT_NE(id, 0);
    for (const QString &language : {u"de"_s, u"en"_s}) {
        std::unique_ptr<German> german = language == u"de" ? std::make_unique<German>() : nullptr;
        Client c(server.baseUrl(), dir.path());
        ASSERT_TRUE(c.waitForRows());
        show(c, id);
        if (german) {
            ASSERT_EQ(c.find<QAbstractButton>("assignToMeButton")->text(), u"Mir &zuweisen"_s);
        }
        for (const QSize size : {QSize(1024, 640), QSize(1600, 1000)}) {
            c.window->resize(size);
            // The width is what the header has to live with. (The height: as low as the
            // sidebar lets the window go; it does not change what the header shows.)
            const int height = qMax(size.height(), c.window->minimumSizeHint().height());
            ASSERT_TRUE(waitFor([&] { return c.window->size() == QSize(size.width(), height); }))
                << c.window->width() << "x" << c.window->height();
            // Laid out (nested layouts, each asking its parent again), then checked.
            for (int pass = 0; pass < 6; ++pass)
                QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
            const QStringList cut = cutInHeader(c);
            EXPECT_TRUE(cut.isEmpty()) << language.toStdString() << " " << size.width() << ": "
                                       << cut.join(u", "_s).toStdString();
            keepScreenshot(
                c.window.get(),
                u"detailpane-%1x%2-%3"_s.arg(size.width()).arg(size.height()).arg(language));
        }
    }
}

// "Internal notes (2)" with one note, "Messenger (4)" with three messages: the counters
// say what the lists hold, after an event, a send, a discarded unsent item, a switch.
TEST_F(DetailPaneWindowTest, TabCountersCountWhatTheListsHold)
{
    const qint64 id = newTicket(u"Counters"_s);
    const qint64 other = newTicket(u"Counters, other"_s);
    for (const QString &body : {u"eins"_s, u"zwei"_s, u"drei"_s})
        post(id, u"messages"_s, body);
    post(id, u"notes"_s, u"Notiz"_s);
    post(other, u"messages"_s, u"nur eine"_s);

    Client c(server.baseUrl(), dir.path());
    ASSERT_TRUE(c.waitForRows());
    ASSERT_TRUE(waitFor([&] { return c.events.state() == client::EventStream::State::Connected; }));
    show(c, id);
    auto *tabs = c.find<QTabWidget>("conversationTabWidget");
    auto *messages = c.find<QListView>("messageListView")->model();
    auto *notes = c.find<QListView>("noteListView")->model();
    auto titlesMatch = [&] {
        const int m = messages->rowCount();
        const int n = notes->rowCount();
        return tabs->tabText(0) == (m ? u"&Messenger (%1)"_s.arg(m) : u"&Messenger"_s) &&
               tabs->tabText(1) == (n ? u"Internal &notes (%1)"_s.arg(n) : u"Internal &notes"_s);
    };
    auto titles = [&] {
        return QString(tabs->tabText(0) + u" / "_s + tabs->tabText(1)).toStdString();
    };
    EXPECT_EQ(messages->rowCount(), 3);
    EXPECT_EQ(notes->rowCount(), 1);
    EXPECT_TRUE(titlesMatch()) << titles();

    // Another client's note arrives as an event.
    post(id, u"notes"_s, u"Noch eine Notiz"_s);
    ASSERT_TRUE(waitFor([&] { return notes->rowCount() == 2; }));
    EXPECT_TRUE(titlesMatch()) << titles();

    // Our own message: pending, then confirmed (the event and the answer, in either order).
    auto *edit = c.find<QPlainTextEdit>("messageTextEdit");
    QTest::keyClicks(edit, u"vier"_s);
    QTest::keyClick(edit, Qt::Key_Return, Qt::ControlModifier);
    EXPECT_TRUE(waitFor(titlesMatch)) << titles();
    ASSERT_TRUE(waitFor([&] {
        return c.outbox.allItems().isEmpty() && messages->rowCount() == 4 &&
               !messages->index(3, 0).data(models::PostListModel::PendingRole).toBool();
    }));
    EXPECT_TRUE(waitFor(titlesMatch)) << titles();

    // Another ticket and back.
    show(c, other);
    EXPECT_TRUE(titlesMatch()) << titles();
    EXPECT_EQ(tabs->tabText(0), u"&Messenger (1)"_s);
    EXPECT_EQ(tabs->tabText(1), u"Internal &notes"_s);
    show(c, id);
    EXPECT_TRUE(titlesMatch()) << titles();

    // An unsent message counts while it is listed, and no longer once it is discarded.
    server.killHard();
    QTest::keyClicks(edit, u"fuenf"_s);
    QTest::keyClick(edit, Qt::Key_Return, Qt::ControlModifier);
    ASSERT_EQ(c.outbox.allItems().size(), 1);
    ASSERT_EQ(messages->rowCount(), 5);
    EXPECT_EQ(tabs->tabText(0), u"&Messenger (5)"_s);
    c.outbox.discard(c.outbox.allItems().first().key);
    ASSERT_EQ(messages->rowCount(), 4);
    EXPECT_EQ(tabs->tabText(0), u"&Messenger (4)"_s);
}

// Opening a ticket shows its newest message whole, also when the messages are tall and the
// rows grow after they came in (a scroll bar takes width, texts wrap further).
TEST_F(DetailPaneWindowTest, OpeningATicketShowsTheNewestMessageWhole)
{
    // Paragraphs that fill a bubble's width: a few pixels less width (the scroll bar that
    // comes with the rows) wraps them onto more lines.
    const QString paragraph =
        u"Die Brühgruppe lässt sich nach dem Entkalken nicht mehr entriegeln, das Display "
        "zeigt abwechselnd Fehler 8 und 14, und der Tresterbehälter meldet sich voll, obwohl "
        "er leer ist. Wir haben das Gerät zweimal neu gestartet."_s;
    const qint64 id = newTicket(u"Many messages"_s);
    for (int i = 1; i <= 24; ++i)
        post(id, u"messages"_s, u"%1 %2"_s.arg(i).arg(paragraph));
    post(id, u"messages"_s, u"Die neueste: "_s + paragraph);

    Client c(server.baseUrl(), dir.path());
    ASSERT_TRUE(c.waitForRows());
    c.window->resize(1024, 640);
    // Opened while another tab is in front, then the messenger comes to the front.
    c.window->conversation()->showTab(ConversationTabs::Tab::History);
    show(c, id);
    c.window->conversation()->showTab(ConversationTabs::Tab::Messenger);
    auto *list = c.find<QListView>("messageListView");
    ASSERT_EQ(list->model()->rowCount(), 25);
    const QModelIndex last = list->model()->index(24, 0);
    auto wholeInView = [&] {
        const QRect row = list->visualRect(last);
        return row.height() > 0 && list->viewport()->rect().contains(row);
    };
    EXPECT_TRUE(waitFor(wholeInView, 5000))
        << "row " << list->visualRect(last).top() << ".." << list->visualRect(last).bottom()
        << ", viewport height " << list->viewport()->height();
    EXPECT_GT(list->verticalScrollBar()->maximum(), 0);

    // The list gets less room (the splitter moved, a "who is viewing" line came in): the
    // newest message stays whole.
    auto *splitter = c.find<QSplitter>("detailSplitter");
    const QList<int> sizes = splitter->sizes();
    ASSERT_EQ(sizes.size(), 2);
    splitter->setSizes({sizes[0] + 30, sizes[1] - 30});
    ASSERT_TRUE(waitFor([&] { return splitter->sizes().value(1) < sizes[1]; }));
    EXPECT_TRUE(waitFor(wholeInView, 5000))
        << "row " << list->visualRect(last).top() << ".." << list->visualRect(last).bottom()
        << ", viewport height " << list->viewport()->height();

    // Another ticket with many messages, opened after this one: the same.
    const qint64 second = newTicket(u"Many messages, too"_s);
    for (int i = 1; i <= 20; ++i)
        post(second, u"messages"_s, paragraph.left(40 * (i % 5 + 1)));
    show(c, second);
    const QModelIndex newest = list->model()->index(19, 0);
    EXPECT_TRUE(
        waitFor([&] { return list->viewport()->rect().contains(list->visualRect(newest)); }, 5000))
        << "row " << list->visualRect(newest).top() << ".." << list->visualRect(newest).bottom()
        << ", viewport height " << list->viewport()->height();
}

// Esc in the reply box or the note box goes back to the ticket table; the draft stays.
TEST_F(DetailPaneWindowTest, EscInAComposerReturnsToTheTableAndKeepsTheDraft)
{
    Client c(server.baseUrl(), dir.path());
    ASSERT_TRUE(c.waitForRows());
    const qint64 id = c.table()->idAt(0);
    c.open(id);
    c.window->activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(c.window.get()));
    auto *table = c.find<QTableView>("ticketTableView");
    const struct {
        ConversationTabs::Tab tab;
        const char *edit;
        client::DraftStore::Kind kind;
    } composers[] = {
        {ConversationTabs::Tab::Messenger, "messageTextEdit", client::DraftStore::Kind::Message},
        {ConversationTabs::Tab::Notes, "noteTextEdit", client::DraftStore::Kind::Note}};
    for (const auto &composer : composers) {
        c.window->conversation()->showTab(composer.tab);
        auto *edit = c.find<QPlainTextEdit>(composer.edit);
        ASSERT_TRUE(waitFor([&] { return edit->hasFocus(); })) << composer.edit;
        QTest::keyClicks(edit, u"Halber Entwurf"_s);
        QTest::keyClick(edit, Qt::Key_Escape);
        EXPECT_TRUE(waitFor([&] { return table->hasFocus(); })) << composer.edit;
        EXPECT_EQ(edit->toPlainText(), u"Halber Entwurf"_s);
        EXPECT_EQ(c.drafts.draft(id, composer.kind), u"Halber Entwurf"_s);
    }
}

// Staff may write in the messenger of an internal ticket, but the code user sees it only
// once the ticket is public again: the empty composer says so, and follows the ticket live.
TEST_F(DetailPaneWindowTest, TheMessengerSaysWhenTheCodeUserCannotSeeIt)
{
    const qint64 id = testsupport::createTicket(check, u"Nur intern"_s,
                                                {{u"deviceId"_s, testsupport::demoDeviceId(0)},
                                                 {u"visibility"_s, u"internal"_s}})
                          .value(u"id"_s)
                          .toInteger();
    ASSERT_GT(id, 0);
    Client c(server.baseUrl(), dir.path());
    ASSERT_TRUE(waitFor([&] { return c.events.state() == client::EventStream::State::Connected; }));
    show(c, id);
    auto *edit = c.find<QPlainTextEdit>("messageTextEdit");
    EXPECT_TRUE(edit->property("internalTicket").toBool());
    const QString internalHint = edit->placeholderText();
    EXPECT_TRUE(internalHint.contains(u"public"_s)) << internalHint.toStdString();

    ASSERT_EQ(check.editTicket(id, {{u"visibility"_s, u"public"_s}}).status, 200);
    EXPECT_TRUE(waitFor([&] { return !edit->property("internalTicket").toBool(); }));
    EXPECT_NE(edit->placeholderText(), internalHint);
    EXPECT_TRUE(edit->placeholderText().startsWith(u"Reply to the code user"_s))
        << edit->placeholderText().toStdString();
}

// A tab's mnemonic, pressed anywhere in the window (here in the assignee field), brings
// that tab and puts the cursor where one types: what follows is the note, not the name.
TEST_F(DetailPaneWindowTest, ATabsMnemonicGoesToItsComposer)
{
    Client c(server.baseUrl(), dir.path());
    ASSERT_TRUE(c.waitForRows());
    c.open(c.table()->idAt(0));
    c.window->activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(c.window.get()));
    auto *tabs = c.find<QTabWidget>("conversationTabWidget");
    auto *assignee = c.find<QComboBox>("assigneeComboBox");
    const struct {
        int tab;
        const char *focus;
    } targets[] = {{1, "noteTextEdit"}, {0, "messageTextEdit"}, {2, "historyListView"}};
    for (const auto &target : targets) {
        assignee->setFocus(Qt::OtherFocusReason);
        ASSERT_TRUE(waitFor([&] { return assignee->hasFocus(); }));
        const QKeySequence mnemonic = QKeySequence::mnemonic(tabs->tabText(target.tab));
        ASSERT_FALSE(mnemonic.isEmpty()) << tabs->tabText(target.tab).toStdString();
        QTest::keySequence(QApplication::focusWidget(), mnemonic);
        EXPECT_TRUE(waitFor([&] { return tabs->currentIndex() == target.tab; }))
            << tabs->tabText(target.tab).toStdString();
        auto *focus = c.find<QWidget>(target.focus);
        EXPECT_TRUE(waitFor([&] { return focus->hasFocus(); }))
            << target.focus << " has no focus after "
            << mnemonic.toString(QKeySequence::NativeText).toStdString() << "; "
            << (QApplication::focusWidget() ? QApplication::focusWidget()->objectName() : u"-"_s)
                   .toStdString()
            << " has";
    }
}

// The current post of a focused message list is marked (a ring around its card), and every
// focusable widget of the pane and the conversation looks different with the focus.
TEST_F(DetailPaneWindowTest, FocusIsVisibleEverywhereInThePane)
{
    const qint64 id = fullDemoTicket();
    ASSERT_NE(id, 0);
    Client c(server.baseUrl(), dir.path());
    ASSERT_TRUE(c.waitForRows());
    show(c, id);
    c.window->activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(c.window.get()));
    c.window->setAttribute(Qt::WA_KeyboardFocusChange); // as after Tab: styles show focus then

    // The delegate: the same row painted with and without the focus state.
    auto *list = c.find<QListView>("messageListView");
    ASSERT_GT(list->model()->rowCount(), 0);
    const QModelIndex index = list->model()->index(0, 0);
    auto paintRow = [&](bool focus) {
        QStyleOptionViewItem option;
        option.initFrom(list);
        option.widget = list;
        option.rect = QRect(QPoint(0, 0), list->itemDelegate()->sizeHint(option, index));
        option.state = QStyle::State_Enabled | QStyle::State_Active;
        if (focus)
            option.state |= QStyle::State_HasFocus;
        QImage image(option.rect.size(), QImage::Format_ARGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        list->itemDelegate()->paint(&painter, option, index);
        return image;
    };
    EXPECT_TRUE(paintRow(true) != paintRow(false));

    // Every focusable widget: its picture with the focus differs from the one without.
    auto *table = c.find<QTableView>("ticketTableView");
    QStringList unmarked;
    auto checkVisibleWidgets = [&](QWidget *root) {
        for (QWidget *w : root->findChildren<QWidget *>()) {
            if (!w->isVisible() || !w->isEnabled() || !(w->focusPolicy() & Qt::TabFocus) ||
                w->focusProxy() || w->objectName().startsWith(u"qt_"))
                continue;
            table->setFocus(Qt::TabFocusReason);
            if (!waitFor([&] { return table->hasFocus(); }, 2000))
                continue;
            const QImage without = w->grab().toImage();
            w->setFocus(Qt::TabFocusReason);
            if (!waitFor([&] { return w->hasFocus(); }, 2000)) {
                unmarked.append(w->objectName() + u" (takes no focus)"_s);
                continue;
            }
            if (w->grab().toImage() == without)
                unmarked.append(w->objectName() + u" ("_s +
                                QString::fromLatin1(w->metaObject()->className()) +
                                u", focus policy "_s + QString::number(w->focusPolicy()) + u')');
        }
    };
    checkVisibleWidgets(c.find<QWidget>("detailPane"));
    for (const auto tab : {ConversationTabs::Tab::Messenger, ConversationTabs::Tab::Notes,
                           ConversationTabs::Tab::History}) {
        c.window->conversation()->showTab(tab);
        checkVisibleWidgets(c.find<QWidget>("conversationTabs"));
    }
    EXPECT_TRUE(unmarked.isEmpty()) << unmarked.join(u", "_s).toStdString();
}

} // namespace
