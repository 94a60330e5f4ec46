#include "types.h"

#include "jsontext.h"
#include "timeutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace core {
namespace {

QJsonArray idsToJson(const QList<qint64> &ids)
{
    QJsonArray a;
    for (qint64 id : ids)
        a.append(id);
    return a;
}

QList<qint64> idsFromJson(const QJsonValue &v)
{
    QList<qint64> ids;
    const QJsonArray a = v.toArray();
    ids.reserve(a.size());
    for (const QJsonValue &x : a)
        ids.append(x.toInteger());
    return ids;
}

QJsonValue optionalTime(const std::optional<qint64> &t)
{
    return t ? QJsonValue(toIsoUtc(*t)) : QJsonValue(QJsonValue::Null);
}

std::optional<qint64> optionalTimeFrom(const QJsonValue &v)
{
    return v.isString() ? parseIsoUtc(v.toString()) : std::nullopt;
}

qint64 timeFrom(const QJsonValue &v)
{
    return optionalTimeFrom(v).value_or(0);
}

template <typename T> QJsonArray listToJson(const QList<T> &items)
{
    QJsonArray a;
    for (const T &item : items)
        a.append(item.toJson());
    return a;
}

template <typename T> QList<T> listFromJson(const QJsonValue &v)
{
    QList<T> items;
    const QJsonArray a = v.toArray();
    items.reserve(a.size());
    for (const QJsonValue &x : a)
        items.append(T::fromJson(x.toObject()));
    return items;
}

} // namespace

QJsonValue optionalId(const std::optional<qint64> &id)
{
    return id ? QJsonValue(*id) : QJsonValue(QJsonValue::Null);
}

std::optional<qint64> optionalIdFrom(const QJsonValue &v)
{
    if (v.isDouble())
        return v.toInteger();
    return std::nullopt;
}

QJsonObject UserRef::toJson() const
{
    return {{u"type"_s, type}, {u"id"_s, id}, {u"name"_s, name}};
}

UserRef UserRef::fromJson(const QJsonObject &o)
{
    return {o.value(u"type").toString(), o.value(u"id").toInteger(), o.value(u"name").toString()};
}

bool StaffMember::isAbsentAt(qint64 msecs) const
{
    if (!absentFrom && !absentTo)
        return false;
    return absentFrom.value_or(0) <= msecs && msecs < absentTo.value_or(INT64_MAX);
}

QJsonObject StaffMember::toJson(qint64 nowMsecs) const
{
    return {{u"id"_s, id},
            {u"login"_s, login},
            {u"name"_s, name},
            {u"email"_s, email},
            {u"role"_s, core::toString(role)},
            {u"active"_s, active},
            {u"absent"_s, isAbsentAt(nowMsecs)},
            {u"absentFrom"_s, optionalTime(absentFrom)},
            {u"absentTo"_s, optionalTime(absentTo)},
            {u"fleets"_s, idsToJson(fleetIds)}};
}

StaffMember StaffMember::fromJson(const QJsonObject &o)
{
    StaffMember s;
    s.id = o.value(u"id").toInteger();
    s.login = o.value(u"login").toString();
    s.name = o.value(u"name").toString();
    s.email = o.value(u"email").toString();
    s.role = parseRole(o.value(u"role").toString()).value_or(Role::Agent);
    s.active = o.value(u"active").toBool(true);
    s.absentFrom = optionalTimeFrom(o.value(u"absentFrom"));
    s.absentTo = optionalTimeFrom(o.value(u"absentTo"));
    s.fleetIds = idsFromJson(o.value(u"fleets"));
    return s;
}

QJsonObject Customer::toJson() const
{
    return {{u"id"_s, id},          {u"name"_s, name},
            {u"number"_s, number},  {u"contactName"_s, contactName},
            {u"email"_s, email},    {u"phone"_s, phone},
            {u"address"_s, address}};
}

Customer Customer::fromJson(const QJsonObject &o)
{
    return {o.value(u"id").toInteger(),    o.value(u"name").toString(),
            o.value(u"number").toString(), o.value(u"contactName").toString(),
            o.value(u"email").toString(),  o.value(u"phone").toString(),
            o.value(u"address").toString()};
}

QJsonObject FlowField::toJson() const
{
    QJsonObject o{
        {u"key"_s, key}, {u"label"_s, label}, {u"type"_s, type}, {u"required"_s, required}};
    if (!options.isEmpty())
        o.insert(u"options"_s, QJsonArray::fromStringList(options));
    if (maxLength > 0)
        o.insert(u"maxLength"_s, maxLength);
    return o;
}

FlowField FlowField::fromJson(const QJsonObject &o)
{
    FlowField f;
    f.key = o.value(u"key").toString();
    f.label = o.value(u"label").toString();
    f.type = o.value(u"type").toString();
    f.required = o.value(u"required").toBool();
    for (const QJsonValue &v : o.value(u"options").toArray())
        f.options.append(v.toString());
    f.maxLength = o.value(u"maxLength").toInt();
    return f;
}

QJsonObject Flow::toJson() const
{
    return {{u"id"_s, id}, {u"key"_s, key}, {u"name"_s, name}, {u"fields"_s, listToJson(fields)}};
}

Flow Flow::fromJson(const QJsonObject &o)
{
    return {o.value(u"id").toInteger(), o.value(u"key").toString(), o.value(u"name").toString(),
            listFromJson<FlowField>(o.value(u"fields"))};
}

QJsonObject DeviceTemplate::toJson() const
{
    return {{u"id"_s, id},
            {u"name"_s, name},
            {u"description"_s, description},
            {u"flowIds"_s, idsToJson(flowIds)}};
}

QJsonObject FlowRule::toJson() const
{
    return {{u"flowId"_s, flowId}, {u"memberIds"_s, idsToJson(memberIds)}};
}

FlowRule FlowRule::fromJson(const QJsonObject &o)
{
    return {o.value(u"flowId").toInteger(), idsFromJson(o.value(u"memberIds"))};
}

QJsonObject Fleet::toJson() const
{
    return {{u"id"_s, id},
            {u"name"_s, name},
            {u"strategy"_s, toString(strategy)},
            {u"memberIds"_s, idsToJson(memberIds)},
            {u"flowRules"_s, listToJson(flowRules)}};
}

Fleet Fleet::fromJson(const QJsonObject &o)
{
    return {o.value(u"id").toInteger(), o.value(u"name").toString(),
            parseFleetStrategy(o.value(u"strategy").toString()).value_or(FleetStrategy::Manual),
            idsFromJson(o.value(u"memberIds")), listFromJson<FlowRule>(o.value(u"flowRules"))};
}

QJsonObject Device::toJson(bool staffView) const
{
    QJsonObject o{{u"id"_s, id},
                  {u"name"_s, name},
                  {u"serial"_s, serial},
                  {u"location"_s, location},
                  {u"templateId"_s, templateId},
                  {u"templateName"_s, templateName}};
    if (staffView) {
        o.insert(u"fleetId"_s, fleetId);
        o.insert(u"fleetName"_s, fleetName);
        o.insert(u"customerId"_s, optionalId(customerId));
    }
    return o;
}

Device Device::fromJson(const QJsonObject &o)
{
    Device d;
    d.id = o.value(u"id").toInteger();
    d.name = o.value(u"name").toString();
    d.serial = o.value(u"serial").toString();
    d.location = o.value(u"location").toString();
    d.templateId = o.value(u"templateId").toInteger();
    d.templateName = o.value(u"templateName").toString();
    d.fleetId = o.value(u"fleetId").toInteger();
    d.fleetName = o.value(u"fleetName").toString();
    d.customerId = optionalIdFrom(o.value(u"customerId"));
    return d;
}

QJsonObject Attachment::toJson() const
{
    return {{u"id"_s, id},
            {u"name"_s, name},
            {u"size"_s, size},
            {u"contentType"_s, contentType},
            {u"sha256"_s, sha256},
            {u"internal"_s, internal},
            {u"createdAt"_s, toIsoUtc(createdAt)},
            {u"uploadedBy"_s, uploadedBy.toJson()}};
}

Attachment Attachment::fromJson(const QJsonObject &o)
{
    Attachment a;
    a.id = o.value(u"id").toString();
    a.name = o.value(u"name").toString();
    a.size = o.value(u"size").toInteger();
    a.contentType = o.value(u"contentType").toString();
    a.sha256 = o.value(u"sha256").toString();
    a.internal = o.value(u"internal").toBool();
    a.createdAt = timeFrom(o.value(u"createdAt"));
    a.uploadedBy = UserRef::fromJson(o.value(u"uploadedBy").toObject());
    return a;
}

QJsonObject Rating::toJson(bool staffView) const
{
    QJsonObject o{
        {u"stars"_s, stars}, {u"comment"_s, comment}, {u"createdAt"_s, toIsoUtc(createdAt)}};
    if (staffView)
        o.insert(u"assigneeId"_s, optionalId(assigneeId));
    return o;
}

Rating Rating::fromJson(const QJsonObject &o)
{
    return {o.value(u"stars").toInt(), o.value(u"comment").toString(),
            timeFrom(o.value(u"createdAt")), optionalIdFrom(o.value(u"assigneeId"))};
}

QJsonObject TicketSummary::toJson(bool staffView) const
{
    QByteArray text;
    text.reserve(400 + title.size() * 2);
    appendJson(text, staffView);
    return QJsonDocument::fromJson(text).object();
}

// Lists write their rows straight into the response body with this.
void TicketSummary::appendJson(QByteArray &out, bool staffView) const
{
    // The keys in the order QJsonObject keeps them (sorted), so that parsing appends.
    JsonText o(out);
    if (assigneeId) {
        o.number("assigneeId", *assigneeId);
        o.string("assigneeName", assigneeName);
    } else {
        o.null("assigneeId");
        o.null("assigneeName");
    }
    if (staffView && clocks)
        o.raw("clocks", [this](QByteArray &text) { clocks->appendJson(text); });
    o.string("createdAt", toIsoUtc(createdAt));
    if (staffView) {
        if (customerName.isEmpty())
            o.null("customerName");
        else
            o.string("customerName", customerName);
    }
    o.number("deviceId", deviceId);
    o.string("deviceName", deviceName);
    o.number("flowId", flowId);
    o.string("flowName", flowName);
    o.number("id", id);
    o.string("number", number);
    o.string("priority", core::toString(priority));
    if (ratingStars)
        o.number("ratingStars", *ratingStars);
    else
        o.null("ratingStars");
    o.string("status", core::toString(status));
    o.string("title", title);
    if (staffView && unread)
        o.boolean("unread", *unread);
    o.string("updatedAt", toIsoUtc(updatedAt));
    o.number("version", version);
    o.string("visibility", core::toString(visibility));
    o.close();
}

TicketSummary TicketSummary::fromJson(const QJsonObject &o)
{
    TicketSummary t;
    t.id = o.value(u"id").toInteger();
    t.number = o.value(u"number").toString();
    t.title = o.value(u"title").toString();
    t.status = parseStatus(o.value(u"status").toString()).value_or(Status::New);
    t.priority = parsePriority(o.value(u"priority").toString()).value_or(Priority::Normal);
    t.visibility = parseVisibility(o.value(u"visibility").toString()).value_or(Visibility::Public);
    t.flowId = o.value(u"flowId").toInteger();
    t.flowName = o.value(u"flowName").toString();
    t.deviceId = o.value(u"deviceId").toInteger();
    t.deviceName = o.value(u"deviceName").toString();
    t.customerName = o.value(u"customerName").toString();
    t.assigneeId = optionalIdFrom(o.value(u"assigneeId"));
    t.assigneeName = o.value(u"assigneeName").toString();
    t.createdAt = timeFrom(o.value(u"createdAt"));
    t.updatedAt = timeFrom(o.value(u"updatedAt"));
    t.version = o.value(u"version").toInteger(1);
    if (o.value(u"ratingStars").isDouble())
        t.ratingStars = o.value(u"ratingStars").toInt();
    if (o.value(u"clocks").isObject()) {
        t.clocks = TicketClockFields::fromJson(o.value(u"clocks").toObject());
        if (t.status != Status::Resolved && t.status != Status::Closed) {
            const auto next = [&t](const std::optional<qint64> &due) {
                if (due)
                    t.dueOrder = std::min(t.dueOrder, *due);
            };
            if (!t.clocks->firstReplyAt)
                next(t.clocks->firstReplyDue);
            next(t.clocks->resolutionDue);
        }
    }
    if (o.value(u"unread").isBool())
        t.unread = o.value(u"unread").toBool();
    return t;
}

QJsonObject Ticket::toJson(bool staffView) const
{
    QJsonObject o = summary.toJson(staffView);
    o.insert(u"description"_s, description);
    o.insert(u"fields"_s, fields);
    o.insert(u"device"_s, device.toJson(staffView));
    if (staffView)
        o.insert(u"customer"_s, customer ? QJsonValue(customer->toJson()) : QJsonValue());
    QJsonArray files;
    for (const Attachment &a : attachments) {
        if (staffView || !a.internal)
            files.append(a.toJson());
    }
    o.insert(u"attachments"_s, files);
    o.insert(u"createdBy"_s, createdBy.toJson());
    // How it was assigned names fleets, rules and staff: the company's business, not the
    // code user's (they see who works on it in the summary).
    if (staffView)
        o.insert(u"assignment"_s, assignment.isEmpty() ? QJsonValue() : QJsonValue(assignment));
    o.insert(u"rating"_s, rating ? QJsonValue(rating->toJson(staffView)) : QJsonValue());
    return o;
}

Ticket Ticket::fromJson(const QJsonObject &o)
{
    Ticket t;
    t.summary = TicketSummary::fromJson(o);
    t.description = o.value(u"description").toString();
    t.fields = o.value(u"fields").toObject();
    t.device = Device::fromJson(o.value(u"device").toObject());
    if (o.value(u"customer").isObject())
        t.customer = Customer::fromJson(o.value(u"customer").toObject());
    t.attachments = listFromJson<Attachment>(o.value(u"attachments"));
    t.createdBy = UserRef::fromJson(o.value(u"createdBy").toObject());
    t.assignment = o.value(u"assignment").toObject();
    if (o.value(u"rating").isObject())
        t.rating = Rating::fromJson(o.value(u"rating").toObject());
    return t;
}

QJsonObject Post::toJson() const
{
    return {{u"id"_s, id},
            {u"ticketId"_s, ticketId},
            {u"seq"_s, seq},
            {u"author"_s, author.toJson()},
            {u"body"_s, body},
            {u"attachments"_s, listToJson(attachments)},
            {u"createdAt"_s, toIsoUtc(createdAt)}};
}

Post Post::fromJson(const QJsonObject &o)
{
    Post p;
    p.id = o.value(u"id").toInteger();
    p.ticketId = o.value(u"ticketId").toInteger();
    p.seq = o.value(u"seq").toInteger();
    p.author = UserRef::fromJson(o.value(u"author").toObject());
    p.body = o.value(u"body").toString();
    p.attachments = listFromJson<Attachment>(o.value(u"attachments"));
    p.createdAt = timeFrom(o.value(u"createdAt"));
    return p;
}

QJsonObject HistoryEntry::toJson() const
{
    QJsonObject o{{u"id"_s, id},       {u"at"_s, toIsoUtc(at)}, {u"actor"_s, actor.toJson()},
                  {u"field"_s, field}, {u"from"_s, from},       {u"to"_s, to}};
    if (!reason.isEmpty())
        o.insert(u"reason"_s, reason);
    return o;
}

HistoryEntry HistoryEntry::fromJson(const QJsonObject &o)
{
    HistoryEntry h;
    h.id = o.value(u"id").toInteger();
    h.at = timeFrom(o.value(u"at"));
    h.actor = UserRef::fromJson(o.value(u"actor").toObject());
    h.field = o.value(u"field").toString();
    h.from = o.value(u"from");
    h.to = o.value(u"to");
    h.reason = o.value(u"reason").toString();
    return h;
}

QJsonObject Event::toJson() const
{
    return {{u"seq"_s, seq},
            {u"type"_s, type},
            {u"ticketId"_s, ticketId ? QJsonValue(ticketId) : QJsonValue()},
            {u"at"_s, toIsoUtc(at)},
            {u"data"_s, data}};
}

Event Event::fromJson(const QJsonObject &o)
{
    return {o.value(u"seq").toInteger(), o.value(u"type").toString(),
            o.value(u"ticketId").toInteger(), timeFrom(o.value(u"at")),
            o.value(u"data").toObject()};
}

} // namespace core
