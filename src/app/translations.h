#pragma once

#include <QLocale>

class QTranslator;

namespace i18n {

// Loads the client's translation for `locale` into `translator`: German for German, and
// English for every other language (also "C"), since the source strings are not meant to
// be read ("%n ticket(s)"). Returns the locale whose translation was loaded.
QLocale loadAppTranslator(QTranslator &translator, const QLocale &locale);

} // namespace i18n
