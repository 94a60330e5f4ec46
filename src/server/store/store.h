#pragma once

#include "caller.h"
#include "core/clocks.h"
#include "core/ratingstatsquery.h"
#include "core/ticketquery.h"
#include "core/types.h"
#include "core/validation.h"

#include <QList>
#include <array>
#include <functional>
#include <memory>
#include <optional>
#include <variant>

// What the HTTP layer needs from storage, by area. The SQLite implementation lives in
// store/sqlite; a PostgreSQL one implements the same interfaces. Methods take the caller
// where visibility matters: a ticket the caller may not see does not exist for them.
// Writes run inside Store::write(); reads may run anywhere.
namespace server {

// An event as stored: what it says plus who may receive it.
struct ServerEvent {
    core::Event event;
    qint64 deviceId = 0;
    core::Visibility visibility = core::Visibility::Public;
    bool staffOnly = false;
    qint64 recipientStaffId = 0; // non-zero: for this staff member only (e.g. ticket.seen)
    bool visibleTo(const Caller &caller) const;
};

struct StaffCredentials {
    core::StaffMember staff;
    QByteArray salt;
    QByteArray hash;
    int iterations = 0;
};

class AuthStore
{
public:
    virtual ~AuthStore() = default;
    virtual std::optional<StaffCredentials> staffCredentials(const QString &login) = 0;
    virtual std::optional<core::Device> deviceByCode(const QString &code) = 0;
    virtual qint64 createCodeUser(qint64 deviceId, const QString &name, qint64 now) = 0;
    // Inside Store::write(); false when the row could not be written.
    virtual bool saveToken(const QByteArray &tokenHash, const Caller &caller, qint64 now) = 0;
    // The session behind a token hash: not expired, not revoked, user still active.
    virtual std::optional<Caller> session(const QByteArray &tokenHash, qint64 now) = 0;
    virtual void revokeToken(const QByteArray &tokenHash) = 0;
    // Inside Store::write(): deletes tokens that expired or were revoked, and code users
    // older than `codeUsersBefore` who have no token left and never wrote anything (each
    // device sign-in makes one). Returns how many rows went.
    virtual qint64 pruneSessions(qint64 now, qint64 codeUsersBefore) = 0;
    // A number that changes when another process (an operator's `ticket-server admin`)
    // committed to the store since the last call, so that cached sessions are dropped.
    virtual qint64 outsideChanges() { return 0; }
    // Inside Store::write(): stores a staff member's re-hashed password (Argon2id string),
    // only while the stored hash is still `oldHash` (no password set in between).
    virtual bool replacePasswordHash(qint64 staffId, const QByteArray &oldHash,
                                     const QByteArray &newHash) = 0;
};

struct DevicePage {
    QList<core::Device> items;
    std::optional<qint64> nextAfterId;
};

class DirectoryStore
{
public:
    virtual ~DirectoryStore() = default;
    virtual QList<core::StaffMember> staff() = 0;
    virtual std::optional<core::StaffMember> staffMember(qint64 id) = 0;
    virtual QList<core::Flow> flows(std::optional<qint64> templateId) = 0;
    virtual std::optional<core::Flow> flow(qint64 id) = 0;
    virtual QList<core::DeviceTemplate> templates() = 0;
    virtual std::optional<core::DeviceTemplate> deviceTemplate(qint64 id) = 0;
    virtual DevicePage devices(int limit, qint64 afterId) = 0;
    virtual std::optional<core::Device> device(qint64 id) = 0;
    virtual std::optional<core::Customer> customer(qint64 id) = 0;
    virtual QList<core::Fleet> fleets() = 0;
};

// A change of a fleet through PATCH /fleets/{id}: what is set replaces what was.
struct FleetChange {
    std::optional<core::FleetStrategy> strategy;
    std::optional<QList<qint64>> memberIds;         // in turn order
    std::optional<QList<core::FlowRule>> flowRules; // all rules of the fleet
};

// A change of a staff member's absence through PATCH /staff/{id}; unset parts stay.
struct AbsenceChange {
    bool setFrom = false;
    std::optional<qint64> absentFrom; // with setFrom: nullopt clears
    bool setTo = false;
    std::optional<qint64> absentTo;
};

// What an administrative write did: `problem` is set when it was refused (404 or 422) and
// then nothing changed.
template <typename T> struct AdminResult {
    std::optional<T> value;
    std::optional<core::ApiProblem> problem;
    bool changed = false;
};

// Fleets and absences, for admins. Every method runs inside Store::write(), checks the
// change against the current rows there (so that concurrent edits cannot slip past the
// checks) and appends its event (`fleet.updated`, `staff.updated`, staff only) when
// something changed.
class AdminStore
{
public:
    virtual ~AdminStore() = default;
    virtual AdminResult<core::Fleet> updateFleet(qint64 id, const FleetChange &change,
                                                 qint64 now) = 0;
    virtual AdminResult<core::StaffMember>
    updateAbsence(qint64 staffId, const AbsenceChange &change, qint64 now) = 0;
};

// The staff's own library: text modules, macros and saved views. Each item is its name,
// whether it is shared (all staff see it, admins write it) or personal (its owner's only),
// and a kind-specific document (the rest of its JSON, validated by the API layer).
enum class LibraryKind { TextModule, Macro, View };

struct LibraryItem {
    qint64 id = 0;
    QString name;
    bool shared = false;
    qint64 ownerId = 0;
    qint64 position = 0;
    QJsonObject doc;
    QJsonObject toJson() const; // doc plus id, name, shared, ownerId (views: position)
};

// Text modules, macros and views. Reads return only what the caller may see (shared items
// and the caller's personal ones). Writes run inside Store::write(); a name taken in the
// same scope (the owner's personal items, or the shared ones) is a 422 on `name`.
class LibraryStore
{
public:
    virtual ~LibraryStore() = default;
    virtual QList<LibraryItem> items(LibraryKind kind, const Caller &caller) = 0;
    virtual std::optional<LibraryItem> item(LibraryKind kind, qint64 id, const Caller &caller) = 0;
    // Stores `item` (id 0: a new one) and returns it as stored, or the problem.
    virtual std::variant<LibraryItem, core::ApiProblem>
    save(LibraryKind kind, const LibraryItem &item, qint64 now) = 0;
    virtual bool remove(LibraryKind kind, qint64 id, qint64 now) = 0;
};

// Response clocks: the targets per priority and each fleet's business hours, for admins
// to set (GET/PUT /service-levels, /fleets/{id}/business-hours). Setting them recomputes
// the stored clocks of the open tickets they concern in the same transaction and appends
// `serviceLevels.updated` (staff only).
class ClockStore
{
public:
    virtual ~ClockStore() = default;
    virtual core::ServiceLevels serviceLevels() = 0;
    // nullopt: no such fleet. A fleet nobody set runs around the clock (UTC).
    virtual std::optional<core::BusinessHours> businessHours(qint64 fleetId) = 0;
    // Inside Store::write(). Return how many open tickets were recomputed, -1 on failure
    // (setBusinessHours: -2 when there is no such fleet).
    virtual qint64 setServiceLevels(const core::ServiceLevels &levels, qint64 now) = 0;
    virtual qint64 setBusinessHours(qint64 fleetId, const core::BusinessHours &hours,
                                    qint64 now) = 0;
};

struct TicketPage {
    QList<core::TicketSummary> items;
    QString nextCursor; // empty: last page
};

struct FacetCounts {
    std::array<qint64, core::StatusCount> byStatus{};
    std::array<qint64, core::PriorityCount> byPriority{};
    QList<std::pair<std::optional<qint64>, qint64>> byAssignee;
    qint64 total = 0;
};

using Facets = FacetCounts;

// Staff only: the counts over the tickets unread for the one who asks, how many tickets
// await a staff answer (?awaiting=staff), and how many match due=breached and due=soon,
// under the same filters (the due counts under every filter but `due`).
struct StaffFacets {
    FacetCounts unread;
    qint64 awaitingStaff = 0;
    qint64 breached = 0;
    qint64 soon = 0;
};

struct NewTicket {
    qint64 flowId = 0;
    QString title;
    QString description;
    QJsonObject fields;
    qint64 deviceId = 0;
    core::Visibility visibility = core::Visibility::Public;
    core::Priority priority = core::Priority::Normal;
    std::optional<qint64> assigneeId; // staff only; otherwise fleet rules decide
    bool leaveUnassigned = false;     // staff sent `assigneeId: null`: no fleet rule applies
};

struct TicketPatch {
    std::optional<core::Priority> priority;
    std::optional<core::Status> status;
    bool setAssignee = false;
    std::optional<qint64> assigneeId; // with setAssignee: nullopt unassigns
    std::optional<core::Visibility> visibility;
    std::optional<QString> title;
    // Why, when the change is not the caller's own edit (history `reason`, the event's
    // `reason`): "code_user_message" when a code user's message reopens the ticket. Such a
    // change is the server's own and is not held to the status flow (waiting -> open).
    QString reason;
};

enum class PatchOutcome { Ok, NotFound, StaleVersion, IllegalTransition, UnknownAssignee };

class TicketStore
{
public:
    virtual ~TicketStore() = default;
    // A problem means the cursor was not one of ours (400).
    virtual std::variant<TicketPage, core::ApiProblem> list(const core::TicketQuery &query,
                                                            const Caller &caller) = 0;
    virtual Facets facets(const core::TicketQuery &query, const Caller &caller) = 0;
    // Kept only while nothing is written (seen marks and messages change them), the due
    // counts for a second at most (they change with the time); nullopt for code users.
    virtual std::optional<StaffFacets> staffFacets(const core::TicketQuery &query,
                                                   const Caller &caller) = 0;
    // Staff: marks the ticket seen up to event `seq` (a lower seq than stored is ignored) or,
    // with nullopt, unread again, and tells the staff member's other clients (ticket.seen).
    // Returns the seq now stored (-1: none), or nullopt when there is no such ticket.
    virtual std::optional<qint64> setSeen(qint64 id, std::optional<qint64> seq,
                                          const Caller &caller, qint64 now) = 0;
    virtual std::optional<core::Ticket> ticket(qint64 id, const Caller &caller) = 0;
    // Inside Store::write(). Returns the new id.
    virtual qint64 create(const NewTicket &ticket, const Caller &caller, qint64 now) = 0;
    virtual PatchOutcome patch(qint64 id, const TicketPatch &patch, qint64 expectedVersion,
                               const Caller &caller, qint64 now) = 0;
    virtual std::optional<QList<core::HistoryEntry>> history(qint64 id, const Caller &caller) = 0;
};

struct StoredAttachment {
    core::Attachment meta;
    qint64 ticketId = 0;
    QString storageName;
};

enum class PostOutcome { Ok, NotFound, BadAttachment };

class ConversationStore
{
public:
    virtual ~ConversationStore() = default;
    // nullopt: ticket not visible to the caller.
    virtual std::optional<QList<core::Post>> messages(qint64 ticketId, qint64 afterSeq, int limit,
                                                      const Caller &caller) = 0;
    virtual std::optional<QList<core::Post>> notes(qint64 ticketId, qint64 afterSeq, int limit,
                                                   const Caller &caller) = 0;
    // Inside Store::write(). Attachments must be this ticket's, unlinked, and for notes
    // may be internal; for messages they must be public.
    virtual PostOutcome addMessage(qint64 ticketId, const QString &body,
                                   const QStringList &attachmentIds, const Caller &caller,
                                   qint64 now, core::Post *created) = 0;
    virtual PostOutcome addNote(qint64 ticketId, const QString &body,
                                const QStringList &attachmentIds, const Caller &caller, qint64 now,
                                core::Post *created) = 0;
    virtual void addAttachment(const StoredAttachment &attachment, const Caller &caller) = 0;
    virtual std::optional<StoredAttachment> attachment(const QString &id, const Caller &caller) = 0;
    // Files the caller uploaded that no message or note carries (yet).
    virtual qint64 unpostedUploads(const Caller &caller) = 0;
};

enum class RatingOutcome { Ok, NotFound, NotCreator, NotResolved, AlreadyRated };

class RatingStore
{
public:
    virtual ~RatingStore() = default;
    virtual RatingOutcome addRating(qint64 ticketId, int stars, const QString &comment,
                                    const Caller &caller, qint64 now, core::Rating *created) = 0;
    // The statistics of GET /stats/ratings, as the JSON answer (see docs/openapi.yaml);
    // `now` decides the default period. A period the statistics' zone makes invalid
    // (core::RatingStatsQuery::period) is the problem to answer.
    virtual std::variant<QJsonObject, core::ApiProblem>
    ratingStats(const core::RatingStatsQuery &query, qint64 now) = 0;
};

class EventStore
{
public:
    virtual ~EventStore() = default;
    // Inside Store::write(): stores the event and hands it to subscribers after commit.
    virtual void append(const QString &type, qint64 ticketId, const QJsonObject &data, qint64 now,
                        bool staffOnly = false) = 0;
    // Events after `seq`, oldest first, at most `limit`.
    virtual QList<ServerEvent> since(qint64 seq, int limit) = 0;
    virtual qint64 oldestSeq() = 0;
    virtual qint64 latestSeq() = 0;
};

struct StoredResponse {
    QByteArray requestHash;
    int status = 0;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers; // e.g. ETag, given again on replay
};

class IdempotencyStore
{
public:
    virtual ~IdempotencyStore() = default;
    virtual std::optional<StoredResponse> find(const QString &scope, const QString &key) = 0;
    virtual void save(const QString &scope, const QString &key, const StoredResponse &response,
                      qint64 now) = 0;
};

class Store
{
public:
    virtual ~Store() = default;
    // Runs `work` in one write transaction (BEGIN IMMEDIATE on SQLite); commits when it
    // returns true, rolls back otherwise. Events appended inside are published after
    // the commit, to the listener.
    virtual bool write(const std::function<bool()> &work) = 0;
    virtual void setEventListener(std::function<void(const ServerEvent &)> listener) = 0;
    // Ends the reads left open (a statement stepped to its first row only keeps its
    // snapshot), so that what follows sees every commit, also other processes' ones (an
    // operator's `ticket-server admin`). Called before each request.
    virtual void endReads() {}
    // Another connection to the same database, for another thread (call it there: a
    // connection belongs to the thread that opened it). Its writes are serialised with
    // this store's (one process-wide lock around each write transaction) and its events
    // go to its own listener. Null when the database cannot be shared (SQLite :memory:).
    virtual std::unique_ptr<Store> sibling(QString *error)
    {
        *error = QStringLiteral("this store cannot be shared between threads");
        return nullptr;
    }

    virtual AuthStore &auth() = 0;
    virtual DirectoryStore &directory() = 0;
    virtual TicketStore &tickets() = 0;
    virtual ConversationStore &conversation() = 0;
    virtual RatingStore &ratings() = 0;
    virtual EventStore &events() = 0;
    virtual IdempotencyStore &idempotency() = 0;
    virtual AdminStore &admin() = 0;
    virtual LibraryStore &library() = 0;
    virtual ClockStore &clocks() = 0;
};

} // namespace server
