// What counts as a secret in what a user types, and how each kind is shown.
#include "core/secrets/secretmask.h"

#include <QTest>

namespace activity {

class TestSecretMask : public QObject {
    Q_OBJECT
private slots:
    void urls_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("shown");
        QTest::newRow("api key") << "https://api.example.org/x?api_key=SECRET&page=2"
                                 << "https://api.example.org/x?api_key=••••&page=2";
        QTest::newRow("every named parameter") << "http://h/p?key=a&apikey=b&token=c&access_token=d&secret=e"
                                                  "&signature=f&sig=g&password=h&keep=i"
                                               << "http://h/p?key=••••&apikey=••••&token=••••&access_token=••••"
                                                  "&secret=••••&signature=••••&sig=••••&password=••••&keep=i";
        QTest::newRow("any case, encoded name") << "http://h/?API%5FKEY=x&Token=y"
                                                << "http://h/?API%5FKEY=••••&Token=••••";
        QTest::newRow("password") << "http://user:pa:ss@host:9100/metrics?x=1"
                                  << "http://user:••••@host:9100/metrics?x=1";
        QTest::newRow("user only") << "http://user@host/metrics"
                                   << "http://user@host/metrics";
        QTest::newRow("at sign in the path") << "http://host/a@b:c"
                                             << "http://host/a@b:c";
        QTest::newRow("fragment kept") << "http://h/?sig=1#top"
                                       << "http://h/?sig=••••#top";
        QTest::newRow("empty value") << "http://h/?token=&a=1"
                                     << "http://h/?token=&a=1";
        QTest::newRow("nothing secret") << "https://registry.npmjs.org/react"
                                        << "https://registry.npmjs.org/react";
    }
    void urls()
    {
        QFETCH(QString, url);
        QFETCH(QString, shown);
        QCOMPARE(SecretMask::url(url), shown);
        QCOMPARE(SecretMask::urlHasSecret(url), url != shown);
    }

    void headers()
    {
        QCOMPARE(SecretMask::headerLines("Authorization: Bearer abc\nAccept: text/plain\nX-Api-Key: k\nCookie: s=1"),
            QString("Authorization: ••••\nAccept: text/plain\nX-Api-Key: ••••\nCookie: ••••"));
        for (const char* name :
            { "Proxy-Authorization", "X-Auth-Token", "Private-Key", "X-Client-Secret", "x-api-key" })
            QVERIFY2(SecretMask::isCredentialHeader(QString::fromLatin1(name)), name);
        for (const char* name : { "Accept", "User-Agent", "Content-Type", "If-None-Match" })
            QVERIFY2(!SecretMask::isCredentialHeader(QString::fromLatin1(name)), name);
        QVERIFY(!SecretMask::headerLinesHaveSecret("Accept: application/json"));
    }

    void webhooks()
    {
        QCOMPARE(SecretMask::webhook("https://hooks.slack.com/services/T000/B000/XXXX"), QString("hooks.slack.com/…"));
        QCOMPARE(SecretMask::webhook("not a url"), QString("••••"));
    }

    // Qt's network errors quote the URL they failed on.
    void scrubbedErrors()
    {
        const QUrl url("https://api.example.org/x?api_key=SECRET");
        const QString error = "Error transferring https://api.example.org/x?api_key=SECRET - server replied: Bad";
        const QString shown = SecretMask::url(url.toString());
        QCOMPARE(SecretMask::scrub(error, url, shown),
            QString("Error transferring https://api.example.org/x?api_key=•••• - server replied: Bad"));
        QCOMPARE(SecretMask::scrub("GET /x?api_key=SECRET failed", url, shown), QString("GET /x?api_key=•••• failed"));
        const QUrl hook("https://hooks.slack.com/services/T/B/HOOK");
        QCOMPARE(SecretMask::scrub("Error transferring https://hooks.slack.com/services/T/B/HOOK - x", hook,
                     SecretMask::webhook(hook.toString())),
            QString("Error transferring hooks.slack.com/… - x"));
    }
};

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestSecretMask)
#include "tst_secretmask.moc"
