#include "core/secrets/filesecretstore.h"
#include "core/secrets/tokenvault.h"
#include "core/sources/github/githubcollector.h"
#include "tests/support/apiharness.h"
#include "tests/support/fakekeyring.h"

#include <QFile>
#include <QFileInfo>
#include <sys/stat.h>

namespace activity {

namespace {
const QByteArray kToken = "ghp_STOREDsecret0123456789abcdefWXYZ";

struct Stored {
    bool called = false;
    TokenVault::Location where = TokenVault::Location::None;
    QString error;
};
struct Loaded {
    bool called = false;
    QByteArray token;
    QString error;
};

std::unique_ptr<TokenVault> vaultWith(std::unique_ptr<SecretStore> keyring, const QString& dir, int timeoutMs = 50)
{
    auto vault = std::make_unique<TokenVault>(
        std::move(keyring), std::make_unique<FileSecretStore>(dir + QStringLiteral("/tokens.json")), dir);
    vault->setKeyringTimeoutMs(timeoutMs);
    return vault;
}

QByteArray fileBytes(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TestTokenVault : public QObject {
    Q_OBJECT
private slots:
    void fileFallbackIsPrivateAndRoundTrips()
    {
        QTemporaryDir dir;
        auto* silent = new SilentKeyring;
        auto vault = vaultWith(std::unique_ptr<SecretStore>(silent), dir.path());
        Stored s;
        vault->store(7, kToken, this, [&](TokenVault::Location where, const QString& error) {
            s = { true, where, error };
        });
        QTRY_VERIFY_WITH_TIMEOUT(s.called, 5000); // the keyring never answers: the timeout moves on to the file
        QCOMPARE(s.where, TokenVault::Location::File);
        QCOMPARE(silent->calls, 1);

        const QString path = dir.filePath(QStringLiteral("tokens.json"));
        QCOMPARE(vault->filePath(), path);
        struct stat st { };
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
        QCOMPARE(int(st.st_mode & 0777), 0600);
        QVERIFY(fileBytes(path).contains(kToken));

        Loaded l;
        vault->load(7, TokenVault::Location::File, this, [&](const QByteArray& token, const QString& error) {
            l = { true, token, error };
        });
        QVERIFY(l.called); // the file answers at once
        QCOMPARE(l.token, kToken);

        // The keyring is now known to be away: the next token goes to the file without waiting.
        Stored second;
        vault->store(8, "ghp_second0123456789", this, [&](TokenVault::Location where, const QString& error) {
            second = { true, where, error };
        });
        QVERIFY(second.called);
        QCOMPARE(second.where, TokenVault::Location::File);
        QCOMPARE(silent->calls, 1);

        bool forgotten = false;
        vault->forget(7, this, [&] { forgotten = true; });
        QVERIFY(forgotten);
        QVERIFY(!fileBytes(path).contains(kToken));
        QVERIFY(fileBytes(path).contains("ghp_second0123456789"));
        Loaded gone;
        vault->load(7, TokenVault::Location::File, this, [&](const QByteArray& token, const QString& error) {
            gone = { true, token, error };
        });
        QVERIFY(gone.called);
        QVERIFY(gone.token.isEmpty());
        QCOMPARE(gone.error, QStringLiteral("no token stored in %1").arg(path));
    }

    void realKeyringWithoutADaemonFallsBackQuickly()
    {
        // What CI and servers have: no session bus (pointed at nothing here, so a developer's own keyring
        // is never touched). QtKeychain must fail or time out, and the token must land in the file.
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/activity-test-bus");
        QTemporaryDir dir;
        auto vault = TokenVault::createDefault(dir.path());
        vault->setKeyringTimeoutMs(2000);
        Stored s;
        vault->store(1, kToken, this, [&](TokenVault::Location where, const QString& error) {
            s = { true, where, error };
        });
        QTRY_VERIFY_WITH_TIMEOUT(s.called, 10000);
        QCOMPARE(s.where, TokenVault::Location::File);
        QVERIFY(!vault->keyringUsable());
        QVERIFY(fileBytes(dir.filePath(QStringLiteral("tokens.json"))).contains(kToken));
    }

    void silentKeyringIsAskedAgainLater()
    {
        QTemporaryDir dir;
        auto* silent = new SilentKeyring;
        auto vault = vaultWith(std::unique_ptr<SecretStore>(silent), dir.path(), 20);
        vault->setKeyringRetryMs(0); // "later" is now: a keyring that was only locked gets another chance
        for (int i = 1; i <= 2; ++i) {
            const int before = silent->calls;
            Stored s;
            vault->store(i, kToken, this, [&](TokenVault::Location where, const QString& error) {
                s = { true, where, error };
            });
            QCOMPARE(silent->calls, before + 1); // asked first, every time
            QTRY_VERIFY_WITH_TIMEOUT(s.called, 5000);
            QCOMPARE(s.where, TokenVault::Location::File);
        }
    }

    void keyringIsPreferredWhenItAnswers()
    {
        QTemporaryDir dir;
        auto* keyring = new MemoryKeyring;
        auto vault = vaultWith(std::unique_ptr<SecretStore>(keyring), dir.path(), 5000);
        Stored s;
        vault->store(3, kToken, this, [&](TokenVault::Location where, const QString& error) {
            s = { true, where, error };
        });
        QTRY_VERIFY_WITH_TIMEOUT(s.called, 5000);
        QCOMPARE(s.where, TokenVault::Location::Keyring);
        QCOMPARE(keyring->entries.value(vault->key(3)), kToken);
        // The key names the data folder: two folders' source 3 are different entries.
        QCOMPARE(vault->key(3), QStringLiteral("source 3 token (%1)").arg(dir.path()));
        QVERIFY(!fileBytes(dir.filePath(QStringLiteral("tokens.json"))).contains(kToken));
        Loaded l;
        vault->load(3, TokenVault::Location::Keyring, this, [&](const QByteArray& token, const QString& error) {
            l = { true, token, error };
        });
        QTRY_VERIFY_WITH_TIMEOUT(l.called, 5000);
        QCOMPARE(l.token, kToken);
        bool forgotten = false;
        vault->forget(3, this, [&] { forgotten = true; });
        QTRY_VERIFY_WITH_TIMEOUT(forgotten, 5000);
        QVERIFY(keyring->entries.isEmpty());
    }

    void callbackIsDroppedWithItsContext()
    {
        QTemporaryDir dir;
        auto vault = vaultWith(std::make_unique<MemoryKeyring>(), dir.path(), 5000);
        auto context = std::make_unique<QObject>();
        bool called = false;
        vault->store(1, kToken, context.get(), [&](TokenVault::Location, const QString&) { called = true; });
        context.reset();
        QTest::qWait(20); // let the keyring answer: nobody must be called back
        QVERIFY(!called);
    }

    void mask_data()
    {
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<QString>("masked");
        QTest::addRow("classic") << QByteArray("ghp_abcdefghijklmnopqrstuvwxyz0123456789")
                                 << QStringLiteral("ghp_…6789");
        QTest::addRow("fine-grained") << QByteArray("github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz")
                                      << QStringLiteral("github_pat_…wxyz");
        QTest::addRow("hex") << QByteArray("0123456789abcdef0123456789abcdef01234567") << QStringLiteral("0123…4567");
        QTest::addRow("short") << QByteArray("abc123") << QStringLiteral("••••");
    }
    void mask()
    {
        QFETCH(QByteArray, token);
        QFETCH(QString, masked);
        QCOMPARE(TokenVault::mask(token), masked);
    }

    void checkToken_data()
    {
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<bool>("ok");
        QTest::addRow("classic") << QByteArray("ghp_abcdefghijklmnopqrstuvwxyz0123456789") << true;
        QTest::addRow("header injection") << QByteArray("ghp_abc\r\nX-Evil: 1") << false;
        QTest::addRow("space") << QByteArray("ghp abc") << false;
        QTest::addRow("empty") << QByteArray() << false;
    }
    void checkToken()
    {
        QFETCH(QByteArray, token);
        QFETCH(bool, ok);
        QCOMPARE(TokenVault::checkToken(token).isEmpty(), ok);
    }

    void collectorSendsTheStoredTokenAsBearer()
    {
        ApiHarness h;
        h.fake.token = kToken;
        FakeGitHubRepo alpha;
        alpha.stars = 12;
        alpha.views = QJsonDocument::fromJson(
            R"({"count":10,"uniques":3,"views":[{"timestamp":"2023-11-14T00:00:00Z","count":10,"uniques":3}]})")
                          .object();
        h.fake.github.insert(QStringLiteral("acme/alpha"), alpha);
        const qint64 id = h.addSource("github", { { "repo", "acme/alpha" }, { "token", "file" } });
        auto vault = vaultWith(nullptr, h.dir.path());
        bool stored = false;
        vault->store(id, kToken, this,
            [&](TokenVault::Location where, const QString&) { stored = where == TokenVault::Location::File; });
        QVERIFY(stored);

        ApiCollector::Services services = h.services();
        services.tokens = vault.get();
        GitHubCollector c(id, h.settingsOf(id), services);
        const PollOutcome outcome = h.pollWith(c);
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(h.last("github", QStringLiteral("acme/alpha"), "stars"), 12.0);
        QVERIFY(!h.fake.server.requests.isEmpty());
        for (const FakeRequest& r : h.fake.server.requests) {
            QCOMPARE(r.header("authorization"), "Bearer " + kToken);
            QVERIFY(!r.url.toEncoded().contains(kToken));
        }
        // Traffic needs push access, which only that token has: it was fetched.
        QCOMPARE(h.last("github", QStringLiteral("acme/alpha"), "views"), 10.0);

        // The sources row says where the token is, never what it is; nor does any database file.
        Statement row = h.db->prepare("SELECT type, name, settings FROM sources WHERE id = ?");
        row.bind(1, id);
        QVERIFY(row.step());
        for (int column = 0; column < 3; ++column)
            QVERIFY(!row.text(column).contains(QString::fromLatin1(kToken)));
        QCOMPARE(h.settingsOf(id).value("token").toString(), QStringLiteral("file"));
        h.db.reset();
        for (const char* suffix : { "", "-wal" })
            QVERIFY(!fileBytes(h.dir.filePath(QStringLiteral("a.sqlite") + QLatin1String(suffix))).contains(kToken));
    }

    void keyringThatNeverAnswersFallsBackToTheFile()
    {
        // The token was saved while the keyring was away; the source says keyring (a later keyring
        // went silent). The poll must not hang: it reads the file after the timeout.
        ApiHarness h;
        h.fake.token = kToken;
        h.fake.github.insert(QStringLiteral("acme/alpha"), FakeGitHubRepo {});
        const qint64 id = h.addSource("github", { { "repo", "acme/alpha" }, { "token", "keyring" } });
        auto vault = vaultWith(std::make_unique<SilentKeyring>(), h.dir.path());
        FileSecretStore(h.dir.filePath(QStringLiteral("tokens.json"))).write(vault->key(id), kToken, this, {});
        ApiCollector::Services services = h.services();
        services.tokens = vault.get();
        GitHubCollector c(id, h.settingsOf(id), services);
        const PollOutcome outcome = h.pollWith(c);
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(h.fake.server.requests.first().header("authorization"), "Bearer " + kToken);
    }

    void missingStoredTokenFailsThePollWithoutLeaking()
    {
        ApiHarness h;
        h.fake.github.insert(QStringLiteral("acme/alpha"), FakeGitHubRepo {});
        const qint64 id = h.addSource("github", { { "repo", "acme/alpha" }, { "token", "file" } });
        auto vault = vaultWith(nullptr, h.dir.path());
        ApiCollector::Services services = h.services();
        services.tokens = vault.get();
        GitHubCollector c(id, h.settingsOf(id), services);
        const PollOutcome outcome = h.pollWith(c);
        QVERIFY(!outcome.ok);
        QCOMPARE(outcome.error,
            QStringLiteral("the stored token could not be read: no token stored in %1")
                .arg(h.dir.filePath(QStringLiteral("tokens.json"))));
        QVERIFY(h.fake.server.requests.isEmpty()); // no anonymous request instead
    }
};

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestTokenVault)
#include "tst_tokenvault.moc"
