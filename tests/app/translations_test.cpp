// Which translation the client loads for the system's language: German for German, English
// for everything else (the source strings, "83 ticket(s)", are not for reading).
#include "translations.h"

#include <QTranslator>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace {

QString ticketCount(const QLocale &locale, int n)
{
    QTranslator translator;
    i18n::loadAppTranslator(translator, locale);
    return translator.translate("ListHeading", "%n ticket(s)", nullptr, n)
        .replace(u"%n"_s, QString::number(n));
}

TEST(TranslationsTest, AnOtherLanguageGetsEnglish)
{
    EXPECT_EQ(ticketCount(QLocale(u"fr_FR"_s), 83), u"83 tickets"_s);
    EXPECT_EQ(ticketCount(QLocale(u"fr_FR"_s), 1), u"1 ticket"_s);
    QTranslator translator;
    EXPECT_EQ(i18n::loadAppTranslator(translator, QLocale(u"fr_FR"_s)).language(),
              QLocale::English);
}

TEST(TranslationsTest, TheCLocaleGetsEnglish)
{
    EXPECT_EQ(ticketCount(QLocale::c(), 83), u"83 tickets"_s);
    EXPECT_EQ(ticketCount(QLocale(u"C"_s), 4), u"4 tickets"_s);
}

TEST(TranslationsTest, GermanStaysGerman)
{
    EXPECT_EQ(ticketCount(QLocale(u"de_DE"_s), 83), u"83 Tickets"_s);
    EXPECT_EQ(ticketCount(QLocale(u"de"_s), 1), u"1 Ticket"_s);
    EXPECT_EQ(ticketCount(QLocale(u"en_GB"_s), 83), u"83 tickets"_s);
}

} // namespace
