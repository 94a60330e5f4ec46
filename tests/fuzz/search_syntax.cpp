// core::parseSearch on any search box text, and the round trip: a text it accepts, written
// with searchText() and parsed again, is the same query and writes the same text. Problems
// lie within the text; completion at every cursor stays within it too.
#include "core/searchsyntax.h"
#include "fuzzsupport.h"

using namespace Qt::StringLiterals;
using Kind = core::SearchDirectory::Kind;

namespace {

// A few names of every kind, with the awkward ones: a staff member named "me", quotes,
// commas, umlauts and a name two devices share.
class Directory final : public core::SearchDirectory
{
public:
    QList<qint64> idsOf(Kind kind, const QString &name) const override
    {
        QList<qint64> ids;
        for (const auto &[k, id, n] : entries()) {
            if (k == kind && n.compare(name, Qt::CaseInsensitive) == 0)
                ids.append(id);
        }
        return ids;
    }
    QString nameOf(Kind kind, qint64 id) const override
    {
        for (const auto &[k, i, n] : entries()) {
            if (k == kind && i == id)
                return n;
        }
        return {};
    }
    QStringList completions(Kind kind, const QString &prefix, int max) const override
    {
        QStringList out;
        for (const auto &[k, id, n] : entries()) {
            if (k == kind && n.startsWith(prefix, Qt::CaseInsensitive) && out.size() < max)
                out.append(n);
        }
        return out;
    }

private:
    static const QList<std::tuple<Kind, qint64, QString>> &entries()
    {
        static const QList<std::tuple<Kind, qint64, QString>> list{
            {Kind::Staff, 3, u"jonas"_s},
            {Kind::Staff, 5, u"me"_s},
            {Kind::Fleet, 10, u"Süd"_s},
            {Kind::Flow, 20, u"spare-part"_s},
            {Kind::Device, 30, u"Aufzug Haupthaus"_s},
            {Kind::Device, 32, u"Pumpe"_s},
            {Kind::Device, 33, u"Pumpe"_s},
            {Kind::Device, 34, u"Tür \"A\", Ost"_s},
            {Kind::Customer, 40, u"Stadtwerke Köln"_s}};
        return list;
    }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 4096)
        return 0; // the search box is one line; the parser is linear, this only saves time
    const Directory dir;
    const QString raw = QString::fromUtf8(fuzz::bytes(data, size));
    const core::SearchParseResult first = core::parseSearch(raw, dir);
    for (const core::SearchProblem &p : first.problems)
        FUZZ_CHECK(p.start >= 0 && p.length >= 0 && p.start + p.length <= raw.size(), raw);
    for (int cursor = 0; cursor <= raw.size() && cursor < 64; ++cursor) {
        const core::SearchCompletion c = core::completeSearch(raw, cursor, dir);
        FUZZ_CHECK(c.replaceStart >= 0 && c.replaceLength >= 0 &&
                       c.replaceStart + c.replaceLength <= raw.size(),
                   raw);
    }
    if (!first.ok())
        return 0;
    const QString written = core::searchText(first.query, first.extras, dir);
    const core::SearchParseResult second = core::parseSearch(written, dir);
    FUZZ_CHECK(second.ok(), raw + u" -> "_s + written);
    FUZZ_CHECK(second.query == first.query, raw + u" -> "_s + written);
    FUZZ_CHECK(second.extras == first.extras, raw + u" -> "_s + written);
    FUZZ_CHECK(core::searchText(second.query, second.extras, dir) == written,
               raw + u" -> "_s + written);
    return 0;
}
