// The detail pane's sections on their own widgets, against a real server: the header's
// assignee field takes the first match on Enter, form captions get no doubled marks.
#include "detailpanefixture.h"
#include "ticketinfowidget.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QCompleter>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QTranslator>
#include <gtest/gtest.h>

namespace {

using namespace detailpanetest;

class DetailSectionsTest : public DetailPaneFixture
{};

// Sections are widgets of their own; the pane finds its widgets by the same names.
TEST_F(DetailSectionsTest, SectionsAreWidgetsOfTheirOwn)
{
    auto *header = child<QWidget>("headerWidget");
    auto *info = child<QWidget>("infoWidget");
    ASSERT_NE(header, nullptr);
    ASSERT_NE(info, nullptr);
    EXPECT_STREQ(header->metaObject()->className(), "TicketHeaderWidget");
    EXPECT_STREQ(info->metaObject()->className(), "TicketInfoWidget");
    for (const char *name : {"titleLabel", "statusFlowWidget", "priorityComboBox",
                             "assigneeComboBox", "assignToMeButton", "visibilityButton"})
        EXPECT_NE(header->findChild<QWidget *>(QLatin1String(name)), nullptr) << name;
    for (const char *name :
         {"deviceLabel", "customerLabel", "descriptionLabel", "fieldsGroupBox", "ratingGroupBox"})
        EXPECT_NE(info->findChild<QWidget *>(QLatin1String(name)), nullptr) << name;
}

// "Seit wann besteht das Problem?" is no "…Problem?:"; other captions keep their colon.
TEST_F(DetailSectionsTest, FormCaptionsEndingInAQuestionMarkGetNoColon)
{
    QJsonObject flow;
    QString question;
    for (const QJsonValue &f : s->http.get(u"/flows"_s).items()) {
        for (const QJsonValue &field : f.toObject().value(u"fields"_s).toArray()) {
            const QString label = field.toObject().value(u"label"_s).toString();
            if (label.endsWith(u'?') && field.toObject().value(u"required"_s).toBool()) {
                flow = f.toObject();
                question = label;
            }
        }
    }
    ASSERT_FALSE(question.isEmpty());
    const QJsonObject t = testsupport::createTicket(
        s->http, u"Question"_s,
        {{u"deviceId"_s, testsupport::demoDeviceId(0)}, {u"flowId"_s, flow.value(u"id"_s)}});
    ASSERT_FALSE(t.isEmpty());
    open(t.value(u"id"_s).toInteger());
    QStringList captions;
    for (QLabel *label : child<QWidget>("fieldsGroupBox")->findChildren<QLabel *>())
        captions.append(label->text());
    EXPECT_TRUE(captions.contains(question)) << captions.join(u" | "_s).toStdString();
    for (const QString &caption : std::as_const(captions)) {
        EXPECT_FALSE(caption.endsWith(u"?:"_s)) << caption.toStdString();
        EXPECT_FALSE(caption.endsWith(u"::"_s)) << caption.toStdString();
    }

    // Both languages: the rule is the code's, the colon the translation's.
    for (const QString &language : {u"en"_s, u"de"_s}) {
        QTranslator translator;
        ASSERT_TRUE(translator.load(u":/i18n/ticket-backoffice_"_s + language));
        QCoreApplication::installTranslator(&translator);
        EXPECT_EQ(TicketInfoWidget::caption(u"Problem?"_s), u"Problem?"_s);
        EXPECT_EQ(TicketInfoWidget::caption(u"Seit wann?"_s), u"Seit wann?"_s);
        EXPECT_EQ(TicketInfoWidget::caption(u"Hinweis:"_s), u"Hinweis:"_s);
        EXPECT_EQ(TicketInfoWidget::caption(u"Achtung!"_s), u"Achtung!"_s);
        EXPECT_EQ(TicketInfoWidget::caption(u"Teilenummer"_s), u"Teilenummer:"_s);
        QCoreApplication::removeTranslator(&translator);
    }
}

// "jon" and Enter assigns Jonas: Enter takes the completer's first match.
TEST_F(DetailSectionsTest, EnterInTheAssigneeFieldTakesTheFirstMatch)
{
    const qint64 id = newTicket(u"Enter"_s);
    open(id);
    const QJsonObject jonas = staffMember(u"jonas"_s);
    ASSERT_FALSE(jonas.isEmpty());
    auto *combo = child<QComboBox>("assigneeComboBox");
    QLineEdit *edit = combo->lineEdit();
    edit->setFocus();
    edit->selectAll();
    QTest::keyClicks(edit, u"jon"_s);
    QAbstractItemView *popup = combo->completer()->popup();
    ASSERT_TRUE(waitFor([&] { return popup->isVisible(); }));
    EXPECT_FALSE(popup->currentIndex().isValid());
    QTest::keyClick(popup, Qt::Key_Return); // where the keys go while the popup is open
    ASSERT_TRUE(waitFor([&] {
        return !s->document.isBusy() &&
               onServer(id).value(u"assigneeId"_s).toInteger() == jonas.value(u"id"_s).toInteger();
    })) << onServer(id).value(u"assigneeId"_s).toInteger();
    EXPECT_TRUE(combo->currentText().startsWith(jonas.value(u"name"_s).toString()))
        << combo->currentText().toStdString();
    EXPECT_FALSE(popup->isVisible());

    // With the popup closed, Enter on a part of a name does the same ("len": Lena).
    const QJsonObject lena = staffMember(u"lena"_s);
    edit->selectAll();
    QTest::keyClicks(edit, u"len"_s);
    popup->hide();
    QTest::keyClick(edit, Qt::Key_Return);
    EXPECT_TRUE(waitFor([&] {
        return onServer(id).value(u"assigneeId"_s).toInteger() == lena.value(u"id"_s).toInteger();
    }));
}

} // namespace
