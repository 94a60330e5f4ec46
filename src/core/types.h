#pragma once

#include "enums.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

// Domain types shared by the server and the client, with their JSON mapping (camelCase,
// as in docs/openapi.yaml). Fields only staff may see are written only when the caller
// is staff: the `staffView` flag of toJson.
namespace core {

struct UserRef {
    QString type; // "staff", "code_user" or "system"
    qint64 id = 0;
    QString name;
    QJsonObject toJson() const;
    static UserRef fromJson(const QJsonObject &o);
};

struct StaffMember {
    qint64 id = 0;
    QString login;
    QString name;
    QString email;
    Role role = Role::Agent;
    bool active = true;
    std::optional<qint64> absentFrom; // msecs
    std::optional<qint64> absentTo;
    QList<qint64> fleetIds;
    bool isAbsentAt(qint64 msecs) const;
    QJsonObject toJson(qint64 nowMsecs) const;
    static StaffMember fromJson(const QJsonObject &o);
};

struct Customer {
    qint64 id = 0;
    QString name;
    QString number;
    QString contactName;
    QString email;
    QString phone;
    QString address;
    QJsonObject toJson() const;
    static Customer fromJson(const QJsonObject &o);
};

struct FlowField {
    QString key;
    QString label;
    QString type; // text | textarea | number | select | boolean
    bool required = false;
    QStringList options;
    int maxLength = 0;
    QJsonObject toJson() const;
    static FlowField fromJson(const QJsonObject &o);
};

struct Flow {
    qint64 id = 0;
    QString key; // problem_report, general_inquiry, spare_part_order, ...
    QString name;
    QList<FlowField> fields;
    QJsonObject toJson() const;
    static Flow fromJson(const QJsonObject &o);
};

struct DeviceTemplate {
    qint64 id = 0;
    QString name;
    QString description;
    QList<qint64> flowIds;
    QJsonObject toJson() const;
};

struct FlowRule {
    qint64 flowId = 0;
    QList<qint64> memberIds;
    QJsonObject toJson() const;
    static FlowRule fromJson(const QJsonObject &o);
};

struct Fleet {
    qint64 id = 0;
    QString name;
    FleetStrategy strategy = FleetStrategy::Manual;
    QList<qint64> memberIds;
    QList<FlowRule> flowRules;
    QJsonObject toJson() const;
    static Fleet fromJson(const QJsonObject &o);
};

struct Device {
    qint64 id = 0;
    QString name;
    QString serial;
    QString location;
    qint64 templateId = 0;
    QString templateName;
    qint64 fleetId = 0;
    QString fleetName;
    std::optional<qint64> customerId;
    QJsonObject toJson(bool staffView) const;
    static Device fromJson(const QJsonObject &o);
};

struct Attachment {
    QString id; // 128-bit random, hex
    QString name;
    qint64 size = 0;
    QString contentType;
    QString sha256;
    bool internal = false;
    qint64 createdAt = 0;
    UserRef uploadedBy;
    QJsonObject toJson() const;
    static Attachment fromJson(const QJsonObject &o);
};

struct Rating {
    int stars = 0;
    QString comment;
    qint64 createdAt = 0;
    std::optional<qint64> assigneeId; // credited staff member at rating time
    QJsonObject toJson(bool staffView) const;
    static Rating fromJson(const QJsonObject &o);
};

// A ticket's response clocks as staff see them (core/clocks.h says how they run).
struct TicketClockFields {
    std::optional<qint64> firstReplyDue;
    std::optional<qint64> resolutionDue;
    std::optional<qint64> firstReplyAt;
    std::optional<qint64> pausedSince;
    QStringList breached; // "firstReply", "resolution"
    bool operator==(const TicketClockFields &) const = default;
    void appendJson(QByteArray &out) const;
    static TicketClockFields fromJson(const QJsonObject &o);
};

struct TicketSummary {
    qint64 id = 0;
    QString number;
    QString title;
    Status status = Status::New;
    Priority priority = Priority::Normal;
    Visibility visibility = Visibility::Public;
    qint64 flowId = 0;
    QString flowName;
    qint64 deviceId = 0;
    QString deviceName;
    QString customerName; // staff only
    std::optional<qint64> assigneeId;
    QString assigneeName;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    qint64 version = 1;
    std::optional<int> ratingStars;
    std::optional<TicketClockFields> clocks; // staff only
    // The next due time of a running clock, NoDueOrder without one: what sort=due orders
    // by (the server stores it; fromJson derives it from `clocks` and the status).
    static constexpr qint64 NoDueOrder = 9007199254740991; // 2^53 - 1: exact in JSON
    qint64 dueOrder = NoDueOrder;
    // For the staff member who asks: something happened since they last saw it that they
    // did not do themselves. Unset for code users and in events (each staff member's own).
    std::optional<bool> unread;
    QJsonObject toJson(bool staffView) const;
    void appendJson(QByteArray &out, bool staffView) const;
    static TicketSummary fromJson(const QJsonObject &o);
};

struct Ticket {
    TicketSummary summary;
    QString description;
    QJsonObject fields;
    Device device;
    std::optional<Customer> customer; // staff only
    QList<Attachment> attachments;
    UserRef createdBy;
    QJsonObject assignment; // {assigneeId, by, rule, at} or empty
    std::optional<Rating> rating;
    QJsonObject toJson(bool staffView) const;
    static Ticket fromJson(const QJsonObject &o);
};

// A messenger message or an internal note.
struct Post {
    qint64 id = 0;
    qint64 ticketId = 0;
    qint64 seq = 0; // per ticket, increasing
    UserRef author;
    QString body;
    QList<Attachment> attachments;
    qint64 createdAt = 0;
    QJsonObject toJson() const;
    static Post fromJson(const QJsonObject &o);
};

struct HistoryEntry {
    qint64 id = 0;
    qint64 at = 0;
    UserRef actor;
    QString field;
    QJsonValue from;
    QJsonValue to;
    bool publicFact = true;
    QString reason; // why, when not the actor's own edit (e.g. "code_user_message")
    QJsonObject toJson() const;
    static HistoryEntry fromJson(const QJsonObject &o);
};

struct Event {
    qint64 seq = 0;
    QString type;
    qint64 ticketId = 0;
    qint64 at = 0;
    QJsonObject data;
    QJsonObject toJson() const;
    static Event fromJson(const QJsonObject &o);
};

QJsonValue optionalId(const std::optional<qint64> &id);
std::optional<qint64> optionalIdFrom(const QJsonValue &v);

} // namespace core
