// Keyboard mnemonics (Alt+letter) are unique in every window, in English and German: among
// the widgets reachable at the same time (menu bar titles, labels with buddies, buttons,
// group boxes, tab titles; each tab page in turn) and among the entries of each menu.
#include "guiclient.h"
#include "testsupport.h"

#include "fleets/fleetadmindialog.h"
#include "statistics/statisticsview.h"
#include "widgets/logindialog.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDialog>
#include <QGroupBox>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <map>

using namespace Qt::StringLiterals;
using guitest::Client;
using guitest::waitFor;

namespace {

// The mnemonic letter of a text ("S&tatus": t), lower case; empty for none.
QString mnemonicOf(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != u'&')
            continue;
        if (text.at(i + 1) == u'&') {
            ++i; // "&&" is a literal ampersand
            continue;
        }
        return text.at(i + 1).toLower();
    }
    return {};
}

// Who uses which letter: "t" -> {"menu bar: &Ticket", "statusHeaderLabel: S&tatus"}.
using Uses = std::map<QString, QStringList>;

void add(Uses &uses, const QString &who, const QString &text)
{
    const QString letter = mnemonicOf(text);
    if (!letter.isEmpty())
        uses[letter].append(who + u": "_s + text);
}

// The mnemonics a user can reach now in `window` (its own widgets, not other windows').
Uses reachable(QWidget *window)
{
    Uses uses;
    for (QWidget *w : window->findChildren<QWidget *>()) {
        if (w->window() != window || !w->isVisible() || !w->isEnabled())
            continue;
        const QString name = w->objectName();
        if (auto *label = qobject_cast<QLabel *>(w); label && label->buddy())
            add(uses, name, label->text());
        else if (auto *button = qobject_cast<QAbstractButton *>(w))
            add(uses, name.isEmpty() ? button->text() : name, button->text());
        else if (auto *group = qobject_cast<QGroupBox *>(w))
            add(uses, name, group->title());
        else if (auto *tabs = qobject_cast<QTabBar *>(w)) {
            for (int i = 0; i < tabs->count(); ++i) {
                if (tabs->isTabEnabled(i) && tabs->isTabVisible(i))
                    add(uses, u"tab"_s, tabs->tabText(i));
            }
        } else if (auto *bar = qobject_cast<QMenuBar *>(w)) {
            for (QAction *a : bar->actions()) {
                if (a->isVisible())
                    add(uses, u"menu bar"_s, a->text());
            }
        }
    }
    return uses;
}

void expectUnique(const Uses &uses, const QString &where)
{
    for (const auto &[letter, who] : uses) {
        EXPECT_EQ(who.size(), 1) << where.toStdString() << ": Alt+" << letter.toStdString()
                                 << " is " << who.join(u" | "_s).toStdString();
    }
}

// Every tab page of every tab widget in turn (the pages' widgets are reachable one page at
// a time), and each menu's entries.
void expectUniqueMnemonics(QWidget *window, const QString &where)
{
    expectUnique(reachable(window), where);
    for (QTabWidget *tabs : window->findChildren<QTabWidget *>()) {
        if (tabs->window() != window || !tabs->isVisible())
            continue;
        const int current = tabs->currentIndex();
        for (int i = 0; i < tabs->count(); ++i) {
            tabs->setCurrentIndex(i);
            expectUnique(reachable(window), where + u", tab "_s + tabs->tabText(i).remove(u'&'));
        }
        tabs->setCurrentIndex(current);
    }
    for (QMenu *menu : window->findChildren<QMenu *>()) {
        Q_EMIT menu->aboutToShow(); // menus filled on demand (columns)
        Uses entries;
        for (QAction *a : menu->actions()) {
            if (!a->isSeparator() && a->isVisible())
                add(entries, u"menu entry"_s, a->text());
        }
        expectUnique(entries, where + u", menu "_s + menu->title());
    }
}

class MnemonicsTest : public ::testing::TestWithParam<QString>
{
protected:
    void SetUp() override { ASSERT_TRUE(server.isRunning()); }

    guitest::Language language{GetParam()};
    testsupport::TestServer server;
    QTemporaryDir dir;
};

TEST_P(MnemonicsTest, AreUniqueInTheMainWindow)
{
    Client c(server.baseUrl(), dir.path());
    ASSERT_TRUE(c.waitForRows());
    c.open(c.table()->idAt(0)); // the detail pane's editors are there only with a ticket
    // The walk sees the menu bar, the sidebar, the detail pane and the conversation.
    size_t seen = 0;
    for (const auto &[letter, who] : reachable(c.window.get()))
        seen += who.size();
    EXPECT_GE(seen, 20u);
    expectUniqueMnemonics(c.window.get(), u"main window ("_s + GetParam() + u')');
}

TEST_P(MnemonicsTest, AreUniqueInTheStatisticsAndFleetsWindows)
{
    Client c(server.baseUrl(), dir.path());
    ASSERT_TRUE(c.waitForRows());
    c.window->showStatistics();
    ASSERT_NE(c.window->statisticsView(), nullptr);
    expectUniqueMnemonics(c.window->statisticsView(), u"statistics ("_s + GetParam() + u')');
    // Fleets open once the directory is in.
    ASSERT_TRUE(waitFor([&] { return c.find<QComboBox>("assigneeFilterComboBox")->count() > 3; }));
    c.window->showFleets();
    ASSERT_NE(c.window->fleetsDialog(), nullptr);
    expectUniqueMnemonics(c.window->fleetsDialog(), u"fleets ("_s + GetParam() + u')');
    c.find<QAction>("serviceLevelsAction")->trigger();
    auto *levels = c.window->findChild<QDialog *>(u"serviceLevelsDialog"_s);
    ASSERT_NE(levels, nullptr);
    expectUniqueMnemonics(levels, u"service levels ("_s + GetParam() + u')');
}

TEST_P(MnemonicsTest, AreUniqueInTheLoginDialog)
{
    LoginDialog dialog;
    dialog.setServers({server.baseUrl()});
    dialog.setKeychainAvailable(true);
    dialog.show();
    expectUniqueMnemonics(&dialog, u"login ("_s + GetParam() + u')');
}

INSTANTIATE_TEST_SUITE_P(Languages, MnemonicsTest, ::testing::Values(u"en"_s, u"de"_s),
                         [](const auto &info) { return info.param.toStdString(); });

} // namespace
