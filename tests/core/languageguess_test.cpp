// core::guessLanguage: the language of a ticket's text, for the text-module picker.
#include "core/languageguess.h"

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace {

struct Case {
    const char16_t *text;
    const char16_t *language;
};

class GuessLanguage : public ::testing::TestWithParam<Case>
{};

TEST_P(GuessLanguage, NamesTheLanguageOrNothing)
{
    const Case c = GetParam();
    EXPECT_EQ(core::guessLanguage(QString::fromUtf16(c.text)), QString::fromUtf16(c.language))
        << QString::fromUtf16(c.text).toStdString();
}

INSTANTIATE_TEST_SUITE_P(
    Texts, GuessLanguage,
    ::testing::Values(Case{u"Drucker druckt nicht mehr, Fehler E42 leuchtet", u"de"},
                      Case{u"Der Aufzug bleibt seit gestern im 2. Stock stehen", u"de"},
                      Case{u"Türsensor defekt", u"de"}, // one German letter is enough
                      Case{u"STÖRUNG KÜHLUNG", u"de"},  // capitals too
                      Case{u"The printer does not print any more", u"en"},
                      Case{u"Lift doesn't stop at the 2nd floor since yesterday", u"en"},
                      Case{u"Spare part for the pump, please", u"en"},
                      Case{u"E42", u""},                 // a code says nothing
                      Case{u"Drucker XY-200", u""},      // names are both languages'
                      Case{u"", u""}, Case{u"in", u""},  // a word of both is no sign
                      Case{u"Die Pumpe is kaputt", u""}, // one word each way: undecided
                      Case{u"Bitte the pump auf dem Dach prüfen",
                           u"de"}, // more German than English
                      Case{u"doesn\u2019t start, please check the fuse", u"en"}),
    [](const ::testing::TestParamInfo<Case> &info) { return "text" + std::to_string(info.index); });

} // namespace
