// The hand-written ISO formatter agrees with QDateTime everywhere it is used.
#include "core/timeutil.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace {

QString viaQt(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

TEST(TimeFormat, AgreesWithQDateTimeAtEdgesAndAtRandom)
{
    const qint64 edges[] = {0,
                            -1,
                            -86400000,
                            951782400000,     // 2000-02-29 (leap day in a century year)
                            4107542399999,    // 2100-02-28T23:59:59.999 (no leap day)
                            1704067199999,    // 2023-12-31T23:59:59.999
                            -2208988800000,   // 1900-01-01
                            253402300799999}; // 9999-12-31T23:59:59.999
    for (qint64 ms : edges)
        EXPECT_EQ(core::toIsoUtc(ms), viaQt(ms)) << ms;
    QRandomGenerator random(42);
    for (int i = 0; i < 20000; ++i) {
        const qint64 ms = qint64(random.bounded(4102444800.0) * 1000.0) - 1000000000000LL;
        ASSERT_EQ(core::toIsoUtc(ms), viaQt(ms)) << ms;
        ASSERT_EQ(core::parseIsoUtc(core::toIsoUtc(ms)), ms);
    }
}

TEST(TimeFormat, EndsInZWithMilliseconds)
{
    EXPECT_EQ(core::toIsoUtc(1764187189123), u"2025-11-26T19:59:49.123Z"_s);
}

} // namespace
