#pragma once

#include <QByteArray>
#include <QString>
#include <charconv>

namespace core {

// Compact JSON text written directly: lists build one summary per row, and Qt's
// QJsonObject inserts (a QCborValue per string value, a sorted insert per key) cost about
// twice as much as writing the text and parsing it in one go.
class JsonText
{
public:
    explicit JsonText(QByteArray &out)
        : m_out(out)
    {}
    // Keys are plain ASCII literals that need no escaping.
    void string(const char *key, const QString &value)
    {
        name(key);
        quoted(value);
    }
    void number(const char *key, qint64 value)
    {
        name(key);
        char buffer[24];
        const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
        m_out.append(buffer, end - buffer);
    }
    void boolean(const char *key, bool value)
    {
        name(key);
        m_out += value ? "true" : "false";
    }
    void null(const char *key)
    {
        name(key);
        m_out += "null";
    }
    // A value written by `write` (nested JSON text).
    template <typename Write> void raw(const char *key, Write &&write)
    {
        name(key);
        write(m_out);
    }
    void close() { m_out += m_first ? "{}" : "}"; }

private:
    void name(const char *key)
    {
        m_out += m_first ? "{\"" : ",\"";
        m_first = false;
        m_out += key;
        m_out += "\":";
    }
    // As QJsonDocument writes strings: UTF-8, with quote, backslash and control
    // characters escaped.
    void quoted(const QString &value);

    QByteArray &m_out;
    bool m_first = true;
};

} // namespace core
