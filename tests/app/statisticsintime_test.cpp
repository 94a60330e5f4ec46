// The statistics window shows the shares of first replies and resolutions in time beside
// the ratings: the two headline cards and the breakdown table's columns hold the server's
// figures, in English and German (docs/screenshots/statistics-in-time-*.png).
#include "statisticsviewfixture.h"

#include <QJsonDocument>

using namespace statisticstest;

namespace {

class InTimeStatisticsTest : public StatisticsViewTest
{
protected:
    void SetUp() override
    {
        StatisticsViewTest::SetUp();
        ASSERT_FALSE(admin.loginStaff(testsupport::demoLogin(u"admin"_s)).isEmpty());
        ASSERT_FALSE(codeUser.loginDevice(testsupport::demoDeviceCode(0), u"Feld A"_s).isEmpty());
        annaId = http.get(u"/me"_s).object().value(u"id"_s).toInteger();
        // High: due at once (late); normal: ten hours (in time).
        const QJsonObject levels{
            {u"high"_s, QJsonObject{{u"firstReplyMinutes"_s, 0}, {u"resolutionMinutes"_s, 0}}},
            {u"normal"_s,
             QJsonObject{{u"firstReplyMinutes"_s, 600}, {u"resolutionMinutes"_s, 600}}},
            {u"low"_s, QJsonObject{{u"firstReplyMinutes"_s, QJsonValue()},
                                   {u"resolutionMinutes"_s, QJsonValue()}}}};
        const testsupport::HttpResult set = admin.send(
            "PUT", u"/service-levels"_s, QJsonDocument(levels).toJson(QJsonDocument::Compact),
            {{"Content-Type", "application/json"}});
        ASSERT_EQ(set.status, 200) << set.body.toStdString();
        // Four answered (one late), three resolved (one late), assigned to Anna.
        const QStringList priorities{u"high"_s, u"normal"_s, u"normal"_s, u"normal"_s};
        for (qsizetype i = 0; i < priorities.size(); ++i) {
            const qint64 id = testsupport::createTicket(codeUser, u"Drucker %1"_s.arg(i))
                                  .value(u"id"_s)
                                  .toInteger();
            ASSERT_GT(id, 0);
            ASSERT_EQ(
                http.editTicket(id, {{u"priority"_s, priorities.at(i)}, {u"assigneeId"_s, annaId}})
                    .status,
                200);
            ASSERT_EQ(
                http.post(u"/tickets/%1/messages"_s.arg(id), {{u"body"_s, u"Wir kümmern uns."_s}})
                    .status,
                201);
            if (i < 3) {
                ASSERT_EQ(http.editTicket(id, {{u"status"_s, u"resolved"_s}}).status, 200);
            }
        }
    }

    testsupport::ApiClient admin{server.baseUrl()};
    testsupport::ApiClient codeUser{server.baseUrl()};
    qint64 annaId = 0;
};

TEST_F(InTimeStatisticsTest, CardsAndBreakdownShowTheServersSharesInBothLanguages)
{
    for (const QString &language : {u"en"_s, u"de"_s}) {
        SCOPED_TRACE(language.toStdString());
        QTranslator translator;
        ASSERT_TRUE(translator.load(u":/i18n/ticket-backoffice_"_s + language));
        QCoreApplication::installTranslator(&translator);
        QLocale::setDefault(QLocale(language));
        {
            auto view = makeView();
            load(view.get(), Last90Days);
            const RatingStats server = answer(view->source()->query());
            // The demo's open tickets count, too, with their first replies.
            ASSERT_GE(server.summary.inTime.firstReplyCount, 4);
            ASSERT_GE(server.summary.inTime.resolvedWithTargetCount, 3);
            EXPECT_EQ(child<QLabel>(view.get(), "firstReplyInTimeValueLabel")->text(),
                      models::shareText(server.summary.inTime.firstReplyInTimeShare));
            EXPECT_EQ(child<QLabel>(view.get(), "resolvedInTimeValueLabel")->text(),
                      models::shareText(server.summary.inTime.resolvedInTimeShare));
            EXPECT_TRUE(
                child<QLabel>(view.get(), "resolvedInTimeValueLabel")
                    ->toolTip()
                    .contains(QString::number(server.summary.inTime.resolvedWithTargetCount)));

            // The staff breakdown: Anna's row carries both shares with their counts.
            const models::BreakdownModel *model = view->breakdownModel();
            const auto &staff = server.breakdownFor(models::Dimension::Staff);
            const auto anna = std::find_if(staff.begin(), staff.end(),
                                           [this](const auto &r) { return r.id == annaId; });
            ASSERT_NE(anna, staff.end());
            ASSERT_GE(anna->inTime.firstReplyCount, 4);
            int row = -1;
            for (int r = 0; r < model->rowCount(); ++r) {
                if (model->index(r, 0).data(models::BreakdownModel::IdRole).toLongLong() == annaId)
                    row = r;
            }
            ASSERT_GE(row, 0);
            const auto cell = [&](int column, int role) {
                return model->index(row, column).data(role).toString();
            };
            EXPECT_EQ(cell(models::BreakdownModel::FirstReplyInTimeColumn, Qt::DisplayRole),
                      models::shareText(anna->inTime.firstReplyInTimeShare));
            EXPECT_TRUE(cell(models::BreakdownModel::FirstReplyInTimeColumn, Qt::ToolTipRole)
                            .contains(QString::number(anna->inTime.firstReplyCount)));
            EXPECT_EQ(cell(models::BreakdownModel::ResolvedInTimeColumn, Qt::DisplayRole),
                      models::shareText(anna->inTime.resolvedInTimeShare));
            EXPECT_EQ(model
                          ->headerData(models::BreakdownModel::FirstReplyInTimeColumn,
                                       Qt::Horizontal, Qt::ToolTipRole)
                          .toString(),
                      language == u"de"_s ? u"Erste Antwort rechtzeitig"_s
                                          : u"First reply in time"_s);
            // The table leaves the names room to be read.
            auto *table = child<QTableView>(view.get(), "breakdownTableView");
            ASSERT_TRUE(settled(view.get()));
            EXPECT_GE(table->columnWidth(models::BreakdownModel::NameColumn),
                      table->fontMetrics().horizontalAdvance(u"Anna Schmidt"_s))
                << table->columnWidth(models::BreakdownModel::NameColumn);
            saveScreenshot(view.get(), u"statistics-in-time"_s, language);
        }
        QCoreApplication::removeTranslator(&translator);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }
}

} // namespace
