#pragma once

// Shared by the libFuzzer targets. None of them needs a QCoreApplication: they use Qt Core's
// value types only (QString, QJsonDocument, QUrlQuery), which work without one.

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace fuzz {

inline QByteArrayView bytes(const uint8_t *data, size_t size)
{
    return QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size));
}

// A property that must hold: print what broke it and abort, which libFuzzer reports as a
// crash with the input saved.
#define FUZZ_CHECK(condition, what)                                                                \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            std::fprintf(stderr, "FUZZ_CHECK failed: %s (%s:%d): %s\n", #condition, __FILE__,      \
                         __LINE__, qPrintable(QString(what)));                                     \
            std::abort();                                                                          \
        }                                                                                          \
    } while (false)

} // namespace fuzz
