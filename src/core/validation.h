#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace core {

// A request the server refuses, in the contract's error shape.
struct ApiProblem {
    int httpStatus = 400;
    QString code;
    QString message;
    QString field;
};

// Text limits shared by server validation and client editors.
inline constexpr int MaxTitleLength = 200;
inline constexpr int MaxBodyLength = 20000;
inline constexpr int MaxNameLength = 120;
inline constexpr int MaxCommentLength = 2000;

// Reads a JSON request object field by field. Wrong JSON types are "malformed" (400);
// unknown fields and values out of range fail validation (422). The first problem wins.
class JsonReader
{
public:
    explicit JsonReader(const QJsonObject &object)
        : m_object(object)
    {}

    // Fields outside `allowed` are rejected (no mass assignment).
    JsonReader &allowOnly(const QStringList &allowed);

    bool has(const QString &key) const { return m_object.contains(key); }
    // multiline allows \n, \r and \t; other control characters are always refused.
    std::optional<QString> text(const QString &key, bool required, int minLength, int maxLength,
                                bool multiline = false);
    std::optional<qint64> integer(const QString &key, bool required, qint64 min, qint64 max);
    // A present null gives std::nullopt with `isNull` set.
    std::optional<qint64> nullableInteger(const QString &key, qint64 min, qint64 max, bool *isNull);
    std::optional<bool> boolean(const QString &key, bool required);
    std::optional<QJsonObject> object(const QString &key, bool required);
    std::optional<QStringList> stringList(const QString &key, bool required, int maxItems,
                                          int maxLength);

    void fail(int status, const QString &code, const QString &message, const QString &field);
    bool ok() const { return !m_problem.has_value(); }
    const std::optional<ApiProblem> &problem() const { return m_problem; }

private:
    const QJsonObject m_object;
    std::optional<ApiProblem> m_problem;
};

// The integer a JSON number holds; nullopt for anything else: a fraction, a number beyond
// qint64 (1e70), not a number. Use it instead of qint64(v.toDouble()), which is undefined
// behaviour out of range.
std::optional<qint64> integerValue(const QJsonValue &v);

// Null or a problem message: control characters other than allowed whitespace.
std::optional<QString> checkText(const QString &value, bool multiline);

} // namespace core
