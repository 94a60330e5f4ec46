// Every error code the server answers with has a sentence in the user's language, and a
// real refusal of the real server arrives translated with the server's words as detail.
#include "client/errortext.h"
#include "clienttestutil.h"
#include "testconfig.h"

#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

namespace {

// The codes in the server's sources: `error(4xx, u"code"` and `{4xx, u"code"` forms, as
// the server writes its refusals (so that a new code without a sentence fails here).
QSet<QString> serverCodes()
{
    QSet<QString> codes;
    const QRegularExpression re(uR"re((?:error\(|fail\(|\{)\s*([45]\d\d),\s*u"([a-z_]+)"_s)re"_s);
    for (const QString &dir : {u"src/server"_s, u"src/core"_s}) {
        QDirIterator it(QStringLiteral(TICKET_SOURCE_DIR) + u'/' + dir, {u"*.cpp"_s, u"*.h"_s},
                        QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            if (!f.open(QIODevice::ReadOnly))
                continue;
            const QString text = QString::fromUtf8(f.readAll());
            for (const QRegularExpressionMatch &m : re.globalMatch(text))
                codes.insert(m.captured(2));
        }
    }
    return codes;
}

QString text(const QString &code, int status, const QString &field)
{
    return client::serverErrorText({{u"code"_s, code}, {u"field"_s, field}}, status);
}

} // namespace

TEST(ErrorText, EveryServerCodeHasASentence)
{
    const QSet<QString> codes = serverCodes();
    ASSERT_GT(codes.size(), 20) << "the server's codes were not found";
    // The event stream's own code: never shown by a window.
    for (const QString &code : codes) {
        if (code == u"upgrade_required")
            continue;
        EXPECT_FALSE(text(code, 400, u"title"_s).isEmpty()) << code.toStdString();
    }
    EXPECT_TRUE(text(u"something_new"_s, 400, {}).isEmpty());
    EXPECT_FALSE(text(u"something_new"_s, 503, {}).isEmpty());
    EXPECT_TRUE(text(u"too_long"_s, 422, u"title"_s).contains(u"title"_s));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    EXPECT_EQ(client::serverErrorText({{u"code"_s, u"too_large"_s}, {u"maxBytes"_s, 1048576}}, 413),
              u"This is larger than the server accepts (at most 1.00 MiB)."_s);
    QLocale::setDefault(QLocale::system());
}

TEST(ErrorText, ARefusalOfTheRealServerIsTranslatedWithItsWordsKept)
{
    testsupport::TestServer server;
    ASSERT_TRUE(server.isRunning());
    QNetworkAccessManager nam;
    client::ApiClient api(&nam);
    api.setBaseUrl(QUrl(server.baseUrl()));
    const client::ApiResult r = clienttest::wait(api.login(u"anna"_s, u"wrong"_s));
    EXPECT_EQ(r.error.code, u"invalid_credentials"_s);
    EXPECT_EQ(r.error.message, u"Login or password is wrong."_s);
    EXPECT_FALSE(r.error.detail.isEmpty());
}
