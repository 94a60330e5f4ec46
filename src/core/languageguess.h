#pragma once

#include <QString>
#include <QStringView>

namespace core {

// The language a ticket's text is written in, of those the product speaks: "de" or "en",
// or empty when the text gives no clear sign (a model number, a single name). Tickets carry
// no language of their own; the text-module picker puts modules in this language first.
// It counts frequent function words of each language, and German letters (ä ö ü ß) as a
// sign of German.
QString guessLanguage(QStringView text);

} // namespace core
