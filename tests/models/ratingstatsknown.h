#pragma once
// The rating statistics model tests' known answer of GET /stats/ratings (in the shape of
// docs/openapi.yaml) and their fixture. Used by ratingstats_test and ratingstatsintime_test.
#include "ticketmodeltestsupport.h"

#include "models/breakdownmodel.h"
#include "models/lowratingsmodel.h"
#include "models/ratingstats.h"
#include "models/ratingstatscsv.h"

#include <QJsonDocument>
#include <QLocale>
#include <QSignalSpy>
#include <gtest/gtest.h>

namespace ratingstatstest {

using namespace Qt::StringLiterals;
using models::BreakdownModel;
using models::Dimension;
using models::LowRatingsModel;
using models::RatingStats;
using models::RatingStatsQuery;

// A hand-written answer in the shape of docs/openapi.yaml (RatingStats).
inline const char *const KnownAnswer = R"json({
  "period": {"from": "2026-10-31T23:00:00.000Z", "to": "2026-11-30T23:00:00.000Z",
             "previousFrom": "2026-09-30T22:00:00.000Z", "previousTo": "2026-10-31T23:00:00.000Z",
             "groupBy": "week", "timeZone": "Europe/Berlin"},
  "summary": {"count": 10, "average": 3.7, "distribution": [1, 1, 2, 3, 3],
              "satisfiedShare": 0.6, "resolvedCount": 20, "responseRate": 0.5,
              "firstReplyCount": 8, "firstReplyInTimeShare": 0.75,
              "resolvedWithTargetCount": 5, "resolvedInTimeShare": 0.4,
              "previous": {"count": 0, "average": null, "distribution": [0, 0, 0, 0, 0],
                           "satisfiedShare": null, "resolvedCount": 4, "responseRate": 0,
                           "firstReplyCount": 0, "firstReplyInTimeShare": null,
                           "resolvedWithTargetCount": 2, "resolvedInTimeShare": 1}},
  "series": [
    {"bucket": "2026-10-26", "period": "2026-10-26", "count": 0, "average": null},
    {"bucket": "2026-11-02", "period": "2026-11-02", "count": 4, "average": 4.25},
    {"bucket": "2026-11-09", "period": "2026-11-09", "count": 6, "average": 3.3333333333333335,
     "firstReplyCount": 4, "firstReplyInTimeShare": 0.5, "resolvedWithTargetCount": 0,
     "resolvedInTimeShare": null}
  ],
  "breakdown": {
    "staff": [
      {"id": 6, "name": "Tobias Becker", "count": 5, "average": 4.2, "satisfiedShare": 0.8,
       "firstReplyCount": 3, "firstReplyInTimeShare": 0.6666666666666666,
       "resolvedWithTargetCount": 2, "resolvedInTimeShare": 0.5},
      {"id": null, "name": null, "count": 3, "average": 2.0, "satisfiedShare": 0.0},
      {"id": 2, "name": "Jonas Weber", "count": 2, "average": 4.5, "satisfiedShare": 1}
    ],
    "flow": [{"id": 1, "name": "Problem report", "count": 10, "average": 3.7,
              "satisfiedShare": 0.6}],
    "fleet": [{"id": 3, "name": "West", "count": 10, "average": 3.7, "satisfiedShare": 0.6}],
    "template": [{"id": 2, "name": "=cmd|' /C calc'!A0", "count": 10, "average": 3.7,
                  "satisfiedShare": 0.6}],
    "customer": [
      {"id": 9, "name": "Rheinufer Büropark GmbH & Co. KG, Köln", "count": 7, "average": 3.5,
       "satisfiedShare": 0.5714285714285714},
      {"id": null, "name": null, "count": 3, "average": 4.1666, "satisfiedShare": 0.6667}
    ]
  },
  "lowRatings": {
    "items": [
      {"ticketId": 220, "number": "T-000220", "title": "Notrufknopf ohne Funktion",
       "stars": 2, "comment": "=HYPERLINK(\"http://evil\",\"click\")",
       "assigneeId": 1, "createdAt": "2026-11-25T18:33:44.398Z"},
      {"ticketId": 137, "number": "T-000137", "title": "Lift, \"stuck\"", "stars": 1,
       "comment": "Nobody called back.\nTwice, in fact, \"really\".", "assigneeId": null,
       "assignee": null, "createdAt": "2026-11-17T15:39:32.875Z"},
      {"ticketId": 96, "number": "T-000096", "title": "Drucker", "stars": 1, "comment": "",
       "assigneeId": 7, "assignee": {"type": "staff", "id": 7, "name": "Mia Hoffmann"},
       "createdAt": "2026-11-10T08:00:00.000Z"}
    ],
    "nextCursor": "1794929972875.56"
  }
})json";

inline RatingStats knownStats()
{
    bool ok = false;
    RatingStats stats =
        models::parseRatingStats(QJsonDocument::fromJson(KnownAnswer).object(), &ok);
    EXPECT_TRUE(ok);
    return stats;
}

// The model's column as strings, top to bottom.
inline QStringList column(const QAbstractItemModel &model, int col, int role = Qt::DisplayRole)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out.append(model.index(row, col).data(role).toString());
    return out;
}

class RatingStatsTest : public ::testing::Test
{
protected:
    void SetUp() override { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void TearDown() override { QLocale::setDefault(QLocale::system()); }
    modeltest::TesterFailures failures;
};

} // namespace ratingstatstest
