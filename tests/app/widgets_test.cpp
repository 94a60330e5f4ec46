// The reusable widgets of the desktop client, driven offscreen through their object names.
// The status steps (StatusFlowWidget): statusflowwidget_test.cpp.
#include "scripteddialogs.h"
#include "widgets/attachmentlistwidget.h"
#include "widgets/conflictbanner.h"
#include "widgets/logindialog.h"
#include "widgets/messagebanner.h"
#include "widgets/postdelegate.h"

#include "models/postlistmodel.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDropEvent>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using Roles = models::PostListModel::Role;

TEST(LoginDialogTest, SignInNeedsAllFieldsAndReportsThem)
{
    LoginDialog dialog;
    dialog.show();
    auto *server = dialog.findChild<QComboBox *>(u"serverComboBox"_s);
    auto *login = dialog.findChild<QLineEdit *>(u"loginLineEdit"_s);
    auto *password = dialog.findChild<QLineEdit *>(u"passwordLineEdit"_s);
    auto *remember = dialog.findChild<QCheckBox *>(u"rememberCheckBox"_s);
    auto *buttons = dialog.findChild<QDialogButtonBox *>();
    ASSERT_TRUE(server && login && password && remember && buttons);
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    ASSERT_TRUE(ok);
    EXPECT_EQ(password->echoMode(), QLineEdit::Password);

    QStringList args;
    int requests = 0;
    QObject::connect(&dialog, &LoginDialog::loginRequested, &dialog,
                     [&](const QString &s, const QString &l, const QString &p, bool r) {
                         ++requests;
                         args = {s, l, p, r ? u"remember"_s : u"forget"_s};
                     });

    EXPECT_FALSE(ok->isEnabled());
    dialog.setServers({u"http://127.0.0.1:8080/api/v1"_s, u"https://other.example"_s});
    EXPECT_EQ(server->count(), 2);
    EXPECT_FALSE(ok->isEnabled());
    QTest::keyClicks(login, u"anna"_s);
    EXPECT_FALSE(ok->isEnabled());
    QTest::keyClicks(password, u"demo"_s);
    EXPECT_TRUE(ok->isEnabled());
    server->setEditText(u"  "_s);
    EXPECT_FALSE(ok->isEnabled());
    server->setEditText(u"http://127.0.0.1:8080/api/v1"_s);
    EXPECT_TRUE(ok->isEnabled());

    remember->setChecked(true);
    QTest::mouseClick(ok, Qt::LeftButton);
    EXPECT_EQ(requests, 1);
    EXPECT_EQ(args, (QStringList{u"http://127.0.0.1:8080/api/v1"_s, u"anna"_s, u"demo"_s,
                                 u"remember"_s}));
    // The caller closes the dialog once signed in.
    EXPECT_TRUE(dialog.isVisible());
    EXPECT_EQ(dialog.server(), u"http://127.0.0.1:8080/api/v1"_s);
    EXPECT_EQ(dialog.login(), u"anna"_s);
    EXPECT_EQ(dialog.password(), u"demo"_s);
    EXPECT_TRUE(dialog.remember());
}

TEST(LoginDialogTest, BusyErrorAndNoKeychain)
{
    LoginDialog dialog;
    dialog.show();
    dialog.setServers({u"http://127.0.0.1:1/api/v1"_s});
    dialog.setLogin(u"anna"_s);
    dialog.findChild<QLineEdit *>(u"passwordLineEdit"_s)->setText(u"demo"_s);
    auto *remember = dialog.findChild<QCheckBox *>(u"rememberCheckBox"_s);
    auto *error = dialog.findChild<QLabel *>(u"errorLabel"_s);
    QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    ASSERT_TRUE(remember && error && ok);

    remember->setChecked(true);
    dialog.setKeychainAvailable(false);
    EXPECT_FALSE(remember->isEnabled());
    EXPECT_FALSE(dialog.remember());
    bool noteShown = false;
    const QList<QLabel *> labels = dialog.findChildren<QLabel *>();
    for (const QLabel *label : labels)
        noteShown |= label->isVisible() && label->text().startsWith(u"No keychain is available"_s);
    EXPECT_TRUE(noteShown);

    dialog.setBusy(true);
    EXPECT_FALSE(ok->isEnabled());
    EXPECT_FALSE(dialog.findChild<QLineEdit *>(u"loginLineEdit"_s)->isEnabled());
    EXPECT_FALSE(dialog.findChild<QComboBox *>(u"serverComboBox"_s)->isEnabled());
    dialog.setBusy(false);
    EXPECT_TRUE(ok->isEnabled());

    dialog.setError(u"<b>Wrong</b> login or password."_s);
    EXPECT_TRUE(error->isVisible());
    EXPECT_EQ(error->textFormat(), Qt::PlainText);
    EXPECT_EQ(error->text(), u"<b>Wrong</b> login or password."_s);
    dialog.setError({});
    EXPECT_FALSE(error->isVisible());
}

TEST(ConflictBannerTest, ButtonsEmitAndHide)
{
    QWidget window;
    auto *banner = new ConflictBanner(&window);
    window.show();
    EXPECT_EQ(banner->objectName(), u"conflictBanner"_s);
    banner->setMessage(u"Someone else changed this ticket. Your change: priority <b>High</b>."_s);
    EXPECT_EQ(banner->findChild<QLabel *>(u"messageLabel"_s)->textFormat(), Qt::PlainText);

    int reload = 0, reapply = 0, dismissed = 0;
    QObject::connect(banner, &ConflictBanner::reloadRequested, banner, [&] { ++reload; });
    QObject::connect(banner, &ConflictBanner::reapplyRequested, banner, [&] { ++reapply; });
    QObject::connect(banner, &ConflictBanner::dismissed, banner, [&] { ++dismissed; });

    auto *reloadButton = banner->findChild<QPushButton *>(u"reloadButton"_s);
    auto *reapplyButton = banner->findChild<QPushButton *>(u"reapplyButton"_s);
    auto *closeButton = banner->findChild<QToolButton *>(u"closeButton"_s);
    ASSERT_TRUE(reloadButton && reapplyButton && closeButton);

    QTest::mouseClick(reloadButton, Qt::LeftButton);
    EXPECT_FALSE(banner->isVisible());
    banner->show();
    QTest::mouseClick(reapplyButton, Qt::LeftButton);
    banner->show();
    QTest::mouseClick(closeButton, Qt::LeftButton);
    EXPECT_EQ(reload, 1);
    EXPECT_EQ(reapply, 1);
    EXPECT_EQ(dismissed, 1);
    EXPECT_FALSE(banner->isVisible());
}

TEST(MessageBannerTest, InfoHidesItselfErrorsStay)
{
    QWidget window;
    auto *banner = new MessageBanner(&window);
    window.show();
    EXPECT_FALSE(banner->isVisible());
    EXPECT_EQ(banner->autoHideInterval(), 6000);
    banner->setAutoHideInterval(50);

    banner->setMessage(u"Ticket saved."_s, MessageBanner::Kind::Info);
    EXPECT_TRUE(banner->isVisible());
    EXPECT_TRUE(QTest::qWaitFor([&] { return !banner->isVisible(); }, 2000));

    banner->setMessage(u"Could not reach the server."_s, MessageBanner::Kind::Error);
    // Nothing is set to hide it: no timer runs.
    for (const QTimer *timer : banner->findChildren<QTimer *>())
        EXPECT_FALSE(timer->isActive());
    EXPECT_TRUE(banner->isVisible());
    EXPECT_EQ(banner->message(), u"Could not reach the server."_s);

    int dismissed = 0;
    QObject::connect(banner, &MessageBanner::dismissed, banner, [&] { ++dismissed; });
    auto *close = banner->findChild<QToolButton *>();
    ASSERT_TRUE(close);
    QTest::mouseClick(close, Qt::LeftButton);
    EXPECT_EQ(dismissed, 1);
    EXPECT_FALSE(banner->isVisible());
}

TEST(MessageBannerTest, OffersAnActionUntilTheNextMessage)
{
    QWidget window;
    auto *banner = new MessageBanner(&window);
    window.show();
    QAction restart(u"Restart local server"_s);
    int triggered = 0;
    QObject::connect(&restart, &QAction::triggered, &restart, [&] { ++triggered; });
    banner->setMessage(u"The local server stopped."_s, MessageBanner::Kind::Error);
    banner->setAction(&restart);
    auto *button = banner->findChild<QToolButton *>(u"messageBannerActionButton"_s);
    ASSERT_TRUE(button);
    EXPECT_TRUE(button->isVisible());
    EXPECT_EQ(button->text(), u"Restart local server"_s);
    QTest::mouseClick(button, Qt::LeftButton);
    EXPECT_EQ(triggered, 1);
    banner->setMessage(u"The local server runs again."_s, MessageBanner::Kind::Info);
    EXPECT_FALSE(button->isVisible());
}

namespace {

QStandardItem *post(const QString &author, const QString &type, const QString &body)
{
    auto *item = new QStandardItem(body);
    item->setData(author, Roles::AuthorNameRole);
    item->setData(type, Roles::AuthorTypeRole);
    item->setData(body, Roles::BodyRole);
    return item;
}

QStyleOptionViewItem optionFor(int width)
{
    QStyleOptionViewItem option;
    option.rect = QRect(0, 0, width, 0);
    option.font = QApplication::font();
    option.palette = QApplication::palette();
    return option;
}

} // namespace

TEST(PostDelegateTest, HeightFollowsBodyLength)
{
    QStandardItemModel model;
    model.appendRow(post(u"Anna"_s, u"staff"_s, u"Short."_s));
    model.appendRow(post(u"Anna"_s, u"staff"_s,
                         u"The printer in room 4 jams on every second page. "_s.repeated(12)));
    model.appendRow(post(u"Anna"_s, u"staff"_s, u"one\ntwo\nthree"_s));
    for (auto mode : {PostDelegate::Mode::Messenger, PostDelegate::Mode::Notes}) {
        const PostDelegate delegate(mode);
        const QStyleOptionViewItem option = optionFor(400);
        const QSize shortSize = delegate.sizeHint(option, model.index(0, 0));
        const QSize longSize = delegate.sizeHint(option, model.index(1, 0));
        const QSize linesSize = delegate.sizeHint(option, model.index(2, 0));
        EXPECT_GT(shortSize.height(), 0);
        EXPECT_GT(longSize.height(), shortSize.height() + 5 * QFontMetrics(option.font).height());
        EXPECT_GE(linesSize.height(), shortSize.height() + 2 * QFontMetrics(option.font).height());
        EXPECT_LE(longSize.width(), 400);
        // Narrower view, more lines.
        EXPECT_GT(delegate.sizeHint(optionFor(250), model.index(1, 0)).height(), longSize.height());
    }
}

TEST(PostDelegateTest, MarkupIsMeasuredAndPaintedAsText)
{
    QStandardItemModel model;
    model.appendRow(post({}, u"code_user"_s, u"x"_s));
    model.appendRow(post({}, u"code_user"_s, u"<b>x</b>"_s));
    const PostDelegate delegate(PostDelegate::Mode::Messenger);
    const QStyleOptionViewItem option = optionFor(600);
    const int plain = delegate.sizeHint(option, model.index(0, 0)).width();
    const int markup = delegate.sizeHint(option, model.index(1, 0)).width();
    // A bubble fits its text: rich text would make "<b>x</b>" as wide as a bold "x".
    const int tags = QFontMetrics(option.font).horizontalAdvance(u"<b></b>"_s);
    EXPECT_GE(markup - plain, tags - 2) << plain << " " << markup;
}

TEST(PostDelegateTest, PaintsEveryKindOfRow)
{
    QStandardItemModel model;
    model.appendRow(post(u"Anna Staff"_s, u"staff"_s, u"Hello <i>there</i> & welcome."_s));
    auto *customer = post(u"Code user 4711"_s, u"code_user"_s, u"It broke again."_s);
    customer->setData(QDateTime::currentDateTime(), Roles::CreatedAtRole);
    customer->setData(QVariantList{QVariantMap{
                          {u"id"_s, u"a1"_s}, {u"name"_s, u"log.txt"_s}, {u"size"_s, 12345}}},
                      Roles::AttachmentsRole);
    model.appendRow(customer);
    auto *pending = post(u"Anna Staff"_s, u"staff"_s, u"On its way"_s);
    pending->setData(true, Roles::PendingRole);
    model.appendRow(pending);
    auto *failed = post(u"Anna Staff"_s, u"staff"_s, u"Refused"_s);
    failed->setData(u"The ticket is closed."_s, Roles::FailedRole);
    model.appendRow(failed);
    model.appendRow(post(u"Anna Staff"_s, u"staff"_s, {}));

    for (auto mode : {PostDelegate::Mode::Messenger, PostDelegate::Mode::Notes}) {
        const PostDelegate delegate(mode);
        QImage image(500, 1000, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QPainter painter(&image);
        int y = 0;
        for (int row = 0; row < model.rowCount(); ++row) {
            QStyleOptionViewItem option = optionFor(500);
            const QSize size = delegate.sizeHint(option, model.index(row, 0));
            option.rect = QRect(0, y, 500, size.height());
            delegate.paint(&painter, option, model.index(row, 0));
            y += size.height();
        }
        painter.end();
        EXPECT_LT(y, 1000);
        int inked = 0; // a card was drawn across the first row
        for (int x = 0; x < image.width(); ++x)
            inked += image.pixelColor(x, 20) != QColor(Qt::white);
        EXPECT_GT(inked, 100);
    }

    // The attachment line of the customer's message is found by position.
    const PostDelegate delegate(PostDelegate::Mode::Messenger);
    QStyleOptionViewItem option = optionFor(500);
    option.rect = QRect(0, 100, 500, delegate.sizeHint(option, model.index(1, 0)).height());
    QString found;
    for (int y = option.rect.top(); y <= option.rect.bottom() && found.isEmpty(); ++y)
        found = delegate.attachmentIdAt(option, model.index(1, 0), QPoint(40, y));
    EXPECT_EQ(found, u"a1"_s);
    EXPECT_TRUE(delegate.attachmentIdAt(option, model.index(1, 0), QPoint(40, 110)).isEmpty());
}

namespace {

core::Attachment attachment(const QString &id, const QString &name, bool internal)
{
    core::Attachment a;
    a.id = id;
    a.name = name;
    a.size = 2048;
    a.contentType = u"text/plain"_s;
    a.internal = internal;
    a.uploadedBy.name = u"Anna"_s;
    return a;
}

} // namespace

TEST(AttachmentListWidgetTest, DropAndAddFiles)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(u"report.txt"_s);
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("report");
    file.close();

    AttachmentListWidget widget;
    guitest::ScriptedDialogs dialogs;
    Dialogs::install(&widget, &dialogs);
    widget.show();
    QList<QStringList> dropped, uploads;
    QObject::connect(&widget, &AttachmentListWidget::filesDropped, &widget,
                     [&](const QStringList &paths) { dropped.append(paths); });
    QObject::connect(&widget, &AttachmentListWidget::uploadRequested, &widget,
                     [&](const QStringList &paths) { uploads.append(paths); });

    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path), QUrl(u"https://example.com/x.txt"_s)});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&widget, &enter);
    EXPECT_TRUE(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&widget, &drop);
    EXPECT_EQ(dropped, (QList<QStringList>{{path}}));

    QMimeData remoteOnly;
    remoteOnly.setUrls({QUrl(u"https://example.com/x.txt"_s)});
    QDragEnterEvent remoteEnter(QPoint(10, 10), Qt::CopyAction, &remoteOnly, Qt::LeftButton,
                                Qt::NoModifier);
    QApplication::sendEvent(&widget, &remoteEnter);
    EXPECT_FALSE(remoteEnter.isAccepted());

    dialogs.nextOpenFileNames({path});
    auto *add = widget.findChild<QPushButton *>(u"addAttachmentButton"_s);
    ASSERT_TRUE(add);
    QTest::mouseClick(add, Qt::LeftButton);
    EXPECT_EQ(uploads, (QList<QStringList>{{path}}));
    // A cancelled dialog uploads nothing.
    dialogs.nextOpenFileNames({});
    QTest::mouseClick(add, Qt::LeftButton);
    EXPECT_EQ(uploads.size(), 1);
}

TEST(AttachmentListWidgetTest, ListsDownloadsAndShowsProgress)
{
    AttachmentListWidget widget;
    widget.show();
    widget.setAttachments(
        {attachment(u"a1"_s, u"log.txt"_s, false), attachment(u"a2"_s, u"notes.txt"_s, true)});
    auto *tree = widget.findChild<QTreeWidget *>();
    auto *open = widget.findChild<QPushButton *>(u"openAttachmentButton"_s);
    auto *save = widget.findChild<QPushButton *>(u"saveAttachmentButton"_s);
    auto *progress = widget.findChild<QProgressBar *>(u"transferProgressBar"_s);
    ASSERT_TRUE(tree && open && save && progress);
    ASSERT_EQ(tree->topLevelItemCount(), 2);
    EXPECT_EQ(tree->topLevelItem(0)->text(0), u"log.txt"_s);
    EXPECT_TRUE(tree->topLevelItem(0)->text(4).isEmpty());
    EXPECT_EQ(tree->topLevelItem(1)->text(4), u"Internal"_s);
    EXPECT_FALSE(open->isEnabled());

    QList<QPair<QString, bool>> downloads;
    QObject::connect(&widget, &AttachmentListWidget::downloadRequested, &widget,
                     [&](const QString &id, bool openIt) {
                         downloads.append({id, openIt});
                     });
    tree->topLevelItem(1)->setSelected(true);
    EXPECT_TRUE(open->isEnabled());
    QTest::mouseClick(open, Qt::LeftButton);
    QTest::mouseClick(save, Qt::LeftButton);
    EXPECT_EQ(downloads, (QList<QPair<QString, bool>>{{u"a2"_s, true}, {u"a2"_s, false}}));

    EXPECT_FALSE(progress->isVisible());
    widget.setTransferProgress(u"Uploading report.txt"_s, 50, 200);
    EXPECT_TRUE(progress->isVisible());
    EXPECT_EQ(progress->value(), 250);
    widget.finishTransfer();
    EXPECT_FALSE(progress->isVisible());
}
