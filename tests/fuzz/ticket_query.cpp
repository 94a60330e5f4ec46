// core::TicketQuery::fromUrlQuery on any query string (the part of GET /tickets after '?'),
// and the round trip: a query it accepts, written with toUrlQuery() (as the client sends
// it) and parsed again, is the same query and writes the same text.
#include "core/ticketquery.h"
#include "fuzzsupport.h"

#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString raw = QString::fromUtf8(fuzz::bytes(data, size));
    const auto parsed = core::TicketQuery::fromUrlQuery(QUrlQuery(raw));
    if (const auto *problem = std::get_if<core::ApiProblem>(&parsed)) {
        // 422 only for a created range that ends before it begins.
        FUZZ_CHECK((problem->httpStatus == 400 && problem->code == u"invalid_parameter") ||
                       (problem->httpStatus == 422 && problem->code == u"invalid_value" &&
                        problem->field == u"createdFrom"),
                   raw);
        return 0;
    }
    const core::TicketQuery &q = std::get<core::TicketQuery>(parsed);
    FUZZ_CHECK(q.limit >= 1 && q.limit <= core::TicketQuery::MaxLimit, raw);
    FUZZ_CHECK(!q.sort.isEmpty(), raw);

    const QString written = q.toUrlQuery().toString(QUrl::FullyEncoded);
    const auto again = core::TicketQuery::fromUrlQuery(QUrlQuery(written));
    FUZZ_CHECK(std::holds_alternative<core::TicketQuery>(again), raw + u" -> "_s + written);
    FUZZ_CHECK(std::get<core::TicketQuery>(again) == q, raw + u" -> "_s + written);
    FUZZ_CHECK(std::get<core::TicketQuery>(again).toUrlQuery().toString(QUrl::FullyEncoded) ==
                   written,
               raw + u" -> "_s + written);

    // Through a whole URL, as the request reaches the server.
    QUrl url(QStringLiteral("http://127.0.0.1/api/v1/tickets"));
    url.setQuery(q.toUrlQuery());
    const QUrl received(url.toString(QUrl::FullyEncoded));
    const auto viaUrl = core::TicketQuery::fromUrlQuery(QUrlQuery(received));
    FUZZ_CHECK(std::holds_alternative<core::TicketQuery>(viaUrl) &&
                   std::get<core::TicketQuery>(viaUrl) == q,
               raw + u" -> "_s + url.toString(QUrl::FullyEncoded));

    core::TicketSummary t;
    (void)q.matches(t, 1);
    return 0;
}
