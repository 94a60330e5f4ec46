#include "validation.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace core {

std::optional<QString> checkText(const QString &value, bool multiline)
{
    for (QChar c : value) {
        const char16_t u = c.unicode();
        const bool control = u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0);
        if (!control)
            continue;
        if (multiline && (u == u'\n' || u == u'\r' || u == u'\t'))
            continue;
        return u"must not contain control characters"_s;
    }
    return std::nullopt;
}

std::optional<qint64> integerValue(const QJsonValue &v)
{
    // toInteger() gives its default for anything but a number with an integral value within
    // qint64: two different defaults tell that apart.
    const qint64 i = v.toInteger(0);
    if (!v.isDouble() || i != v.toInteger(1))
        return std::nullopt;
    return i;
}

JsonReader &JsonReader::allowOnly(const QStringList &allowed)
{
    for (auto it = m_object.begin(); it != m_object.end(); ++it) {
        if (!allowed.contains(it.key())) {
            fail(422, u"unknown_field"_s, u"This field is not accepted here."_s, it.key());
            break;
        }
    }
    return *this;
}

void JsonReader::fail(int status, const QString &code, const QString &message, const QString &field)
{
    if (!m_problem)
        m_problem = ApiProblem{status, code, message, field};
}

std::optional<QString> JsonReader::text(const QString &key, bool required, int minLength,
                                        int maxLength, bool multiline)
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined()) {
        if (required)
            fail(422, u"missing_field"_s, u"This field is required."_s, key);
        return std::nullopt;
    }
    if (!v.isString()) {
        fail(400, u"wrong_type"_s, u"This field must be a string."_s, key);
        return std::nullopt;
    }
    const QString s = v.toString();
    if (s.trimmed().size() < minLength) {
        fail(422, u"too_short"_s,
             minLength <= 1 ? u"This field must not be empty."_s
                            : u"This field needs at least %1 characters."_s.arg(minLength),
             key);
        return std::nullopt;
    }
    if (s.size() > maxLength) {
        fail(422, u"too_long"_s, u"This field allows at most %1 characters."_s.arg(maxLength), key);
        return std::nullopt;
    }
    if (auto problem = checkText(s, multiline)) {
        fail(422, u"invalid_characters"_s, u"This field "_s + *problem + u'.', key);
        return std::nullopt;
    }
    return s;
}

std::optional<qint64> JsonReader::integer(const QString &key, bool required, qint64 min, qint64 max)
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined()) {
        if (required)
            fail(422, u"missing_field"_s, u"This field is required."_s, key);
        return std::nullopt;
    }
    const std::optional<qint64> integral = integerValue(v);
    if (!integral) {
        fail(400, u"wrong_type"_s, u"This field must be an integer."_s, key);
        return std::nullopt;
    }
    const qint64 i = *integral;
    if (i < min || i > max) {
        fail(422, u"out_of_range"_s, u"This value must be between %1 and %2."_s.arg(min).arg(max),
             key);
        return std::nullopt;
    }
    return i;
}

std::optional<qint64> JsonReader::nullableInteger(const QString &key, qint64 min, qint64 max,
                                                  bool *isNull)
{
    *isNull = m_object.value(key).isNull();
    if (*isNull)
        return std::nullopt;
    return integer(key, false, min, max);
}

std::optional<bool> JsonReader::boolean(const QString &key, bool required)
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined()) {
        if (required)
            fail(422, u"missing_field"_s, u"This field is required."_s, key);
        return std::nullopt;
    }
    if (!v.isBool()) {
        fail(400, u"wrong_type"_s, u"This field must be true or false."_s, key);
        return std::nullopt;
    }
    return v.toBool();
}

std::optional<QJsonObject> JsonReader::object(const QString &key, bool required)
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined()) {
        if (required)
            fail(422, u"missing_field"_s, u"This field is required."_s, key);
        return std::nullopt;
    }
    if (!v.isObject()) {
        fail(400, u"wrong_type"_s, u"This field must be an object."_s, key);
        return std::nullopt;
    }
    return v.toObject();
}

std::optional<QStringList> JsonReader::stringList(const QString &key, bool required, int maxItems,
                                                  int maxLength)
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined()) {
        if (required)
            fail(422, u"missing_field"_s, u"This field is required."_s, key);
        return std::nullopt;
    }
    if (!v.isArray()) {
        fail(400, u"wrong_type"_s, u"This field must be an array of strings."_s, key);
        return std::nullopt;
    }
    const QJsonArray a = v.toArray();
    if (a.size() > maxItems) {
        fail(422, u"too_many"_s, u"This list allows at most %1 items."_s.arg(maxItems), key);
        return std::nullopt;
    }
    QStringList out;
    for (const QJsonValue &x : a) {
        if (!x.isString()) {
            fail(400, u"wrong_type"_s, u"This field must be an array of strings."_s, key);
            return std::nullopt;
        }
        if (x.toString().size() > maxLength || checkText(x.toString(), false)) {
            fail(422, u"invalid_value"_s, u"A value in this list is not valid."_s, key);
            return std::nullopt;
        }
        out.append(x.toString());
    }
    return out;
}

} // namespace core
