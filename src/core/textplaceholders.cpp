#include "textplaceholders.h"

#include "types.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace core {
namespace {

const QRegularExpression &placeholderPattern()
{
    static const QRegularExpression pattern(u"\\{([^{}]*)\\}"_s);
    return pattern;
}

} // namespace

const QStringList &textPlaceholders()
{
    static const QStringList names{
        u"ticket.number"_s, u"ticket.title"_s,    u"device.name"_s,
        u"device.serial"_s, u"device.location"_s, u"codeUser.name"_s,
        u"me.name"_s,       u"me.firstName"_s,    u"cursor"_s,
    };
    return names;
}

QString unknownPlaceholder(const QString &text)
{
    for (const QRegularExpressionMatch &m : placeholderPattern().globalMatch(text)) {
        if (!textPlaceholders().contains(m.captured(1)))
            return m.captured(0);
    }
    return {};
}

PlaceholderValues PlaceholderValues::of(const Ticket &ticket, const QString &meName)
{
    PlaceholderValues v;
    v.ticketNumber = ticket.summary.number;
    v.ticketTitle = ticket.summary.title;
    v.deviceName = ticket.device.name.isEmpty() ? ticket.summary.deviceName : ticket.device.name;
    v.deviceSerial = ticket.device.serial;
    v.deviceLocation = ticket.device.location;
    if (ticket.createdBy.type == u"code_user")
        v.codeUserName = ticket.createdBy.name;
    v.meName = meName.trimmed();
    v.meFirstName = v.meName.section(u' ', 0, 0, QString::SectionSkipEmpty);
    return v;
}

FilledText fillPlaceholders(const QString &text, const PlaceholderValues &values)
{
    const QHash<QString, QString> byName{
        {u"ticket.number"_s, values.ticketNumber},
        {u"ticket.title"_s, values.ticketTitle},
        {u"device.name"_s, values.deviceName},
        {u"device.serial"_s, values.deviceSerial},
        {u"device.location"_s, values.deviceLocation},
        {u"codeUser.name"_s, values.codeUserName},
        {u"me.name"_s, values.meName},
        {u"me.firstName"_s, values.meFirstName},
    };
    FilledText out;
    out.text.reserve(text.size());
    qsizetype from = 0;
    for (const QRegularExpressionMatch &m : placeholderPattern().globalMatch(text)) {
        out.text += QStringView(text).mid(from, m.capturedStart() - from);
        from = m.capturedEnd();
        const QString name = m.captured(1);
        if (name == u"cursor") {
            if (out.cursor < 0)
                out.cursor = out.text.size();
        } else if (const auto it = byName.constFind(name); it != byName.cend()) {
            out.text += *it;
            // A value not known (a code user without a name): "Guten Tag {codeUser.name},"
            // reads "Guten Tag," rather than "Guten Tag ,".
            const QChar next = from < text.size() ? text.at(from) : QChar();
            if (it->isEmpty() && out.text.endsWith(u' ') && out.cursor != out.text.size() &&
                (next.isNull() || QStringView(u",.!?;:\n").contains(next)))
                out.text.chop(1);
        } else {
            out.text += m.captured(0);
        }
    }
    out.text += QStringView(text).mid(from);
    return out;
}

} // namespace core
