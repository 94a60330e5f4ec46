#include "translations.h"

#include <QTranslator>

using namespace Qt::StringLiterals;

namespace i18n {

QLocale loadAppTranslator(QTranslator &translator, const QLocale &locale)
{
    const QString name = u"ticket-backoffice"_s;
    // QTranslator falls back to the bare base name, which does not exist: no source strings.
    if (locale.language() != QLocale::C && translator.load(locale, name, u"_"_s, u":/i18n"_s))
        return locale;
    const QLocale english(QLocale::English, QLocale::UnitedStates);
    if (translator.load(english, name, u"_"_s, u":/i18n"_s))
        return english;
    return locale;
}

} // namespace i18n
