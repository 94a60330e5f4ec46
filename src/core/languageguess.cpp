#include "languageguess.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace core {
namespace {

// Short, frequent words that are words of one of the two languages only ("in", "so",
// "war" and the like, which both have, are left out).
const QSet<QString> &germanWords()
{
    static const QSet<QString> words{
        u"der"_s,    u"die"_s,          u"das"_s,      u"und"_s,     u"ist"_s,    u"nicht"_s,
        u"ein"_s,    u"eine"_s,         u"einen"_s,    u"mit"_s,     u"auf"_s,    u"für"_s,
        u"zu"_s,     u"im"_s,           u"den"_s,      u"dem"_s,     u"des"_s,    u"von"_s,
        u"bitte"_s,  u"wir"_s,          u"ich"_s,      u"es"_s,      u"sich"_s,   u"auch"_s,
        u"bei"_s,    u"kein"_s,         u"keine"_s,    u"geht"_s,    u"mehr"_s,   u"seit"_s,
        u"wie"_s,    u"was"_s,          u"wird"_s,     u"hat"_s,     u"haben"_s,  u"noch"_s,
        u"schon"_s,  u"nach"_s,         u"sind"_s,     u"oder"_s,    u"aber"_s,   u"wenn"_s,
        u"beim"_s,   u"vom"_s,          u"zum"_s,      u"zur"_s,     u"uns"_s,    u"mein"_s,
        u"meine"_s,  u"unser"_s,        u"heute"_s,    u"gestern"_s, u"immer"_s,  u"wieder"_s,
        u"defekt"_s, u"funktioniert"_s, u"leuchtet"_s, u"druckt"_s,  u"fehler"_s, u"störung"_s};
    return words;
}

const QSet<QString> &englishWords()
{
    static const QSet<QString> words{
        u"the"_s,   u"and"_s,    u"is"_s,      u"not"_s,   u"a"_s,       u"an"_s,    u"with"_s,
        u"on"_s,    u"for"_s,    u"to"_s,      u"of"_s,    u"please"_s,  u"we"_s,    u"i"_s,
        u"it"_s,    u"does"_s,   u"doesn't"_s, u"don't"_s, u"no"_s,      u"more"_s,  u"since"_s,
        u"how"_s,   u"what"_s,   u"will"_s,    u"has"_s,   u"have"_s,    u"still"_s, u"already"_s,
        u"after"_s, u"are"_s,    u"was"_s,     u"my"_s,    u"our"_s,     u"this"_s,  u"that"_s,
        u"there"_s, u"at"_s,     u"or"_s,      u"but"_s,   u"when"_s,    u"us"_s,    u"today"_s,
        u"again"_s, u"always"_s, u"broken"_s,  u"works"_s, u"working"_s, u"error"_s, u"yesterday"_s,
        u"print"_s, u"prints"_s, u"can't"_s,   u"cannot"_s};
    return words;
}

bool hasGermanLetter(QStringView word)
{
    for (QChar c : word) {
        switch (c.unicode()) {
        case u'ä':
        case u'ö':
        case u'ü':
        case u'ß':
            return true;
        default:
            break;
        }
    }
    return false;
}

} // namespace

QString guessLanguage(QStringView text)
{
    int german = 0;
    int english = 0;
    qsizetype start = -1;
    auto word = [&](qsizetype end) {
        const QString w = text.sliced(start, end - start).toString().toLower();
        if (germanWords().contains(w) || hasGermanLetter(w))
            ++german;
        else if (englishWords().contains(w))
            ++english;
    };
    // Words are letters with inner apostrophes ("doesn't").
    for (qsizetype i = 0; i <= text.size(); ++i) {
        const bool inWord =
            i < text.size() &&
            (text[i].isLetter() || (start >= 0 && (text[i] == u'\'' || text[i] == u'’') &&
                                    i + 1 < text.size() && text[i + 1].isLetter()));
        if (inWord && start < 0)
            start = i;
        else if (!inWord && start >= 0) {
            word(i);
            start = -1;
        }
    }
    if (german > english)
        return u"de"_s;
    if (english > german)
        return u"en"_s;
    return {};
}

} // namespace core
