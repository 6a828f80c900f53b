// The token field of the source form (ui/sources/tokenfield.h) with the keyring behind it.
#include "core/secrets/filesecretstore.h"
#include "core/secrets/tokenvault.h"
#include "core/sources/sourcestore.h"
#include "core/storage/database.h"
#include "core/storage/migrations.h"
#include "core/util/clock.h"
#include "tests/support/fakeapiserver.h"
#include "tests/support/fakekeyring.h"
#include "tests/support/panelharness.h"
#include "ui/sources/sourceform.h"
#include "ui/sources/sourcepanel.h"
#include "ui/sources/tokenfield.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace activity {

namespace {
const QByteArray kToken = "ghp_PANELsecret0123456789abcdefWXYZ";

QByteArray fileBytes(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Every text a user can see in the widget and its children.
QStringList visibleTexts(const QWidget& root)
{
    QStringList texts;
    for (const QLabel* l : root.findChildren<QLabel*>())
        texts << l->text() << l->toolTip();
    for (const QLineEdit* e : root.findChildren<QLineEdit*>())
        texts << e->displayText() << e->placeholderText();
    for (const QPushButton* b : root.findChildren<QPushButton*>())
        texts << b->text();
    return texts;
}

struct Fixture {
    QTemporaryDir dir;
    ManualClock clock;
    std::unique_ptr<TokenVault> vault;
    std::unique_ptr<PanelHarness> harness;
    SourcePanel* panel = nullptr;
    explicit Fixture(std::unique_ptr<SecretStore> keyring = nullptr)
    {
        vault = std::make_unique<TokenVault>(std::move(keyring),
            std::make_unique<FileSecretStore>(dir.filePath(QStringLiteral("tokens.json"))), dir.path());
        vault->setKeyringTimeoutMs(50);
        harness = std::make_unique<PanelHarness>(dir.filePath(QStringLiteral("a.sqlite")), clock);
        panel = &harness->panel;
        panel->setTokenVault(vault.get());
    }
    QJsonObject settingsOf(qint64 id)
    {
        Database db(dir.filePath(QStringLiteral("a.sqlite")));
        return SourceStore(db, clock).get(id)->settings;
    }
    QString tokensFile() const { return dir.filePath(QStringLiteral("tokens.json")); }
};
} // namespace

class TestTokenField : public QObject {
    Q_OBJECT
private slots:
    // The token of a GitHub source, typed in the source form: stored in the keyring or the private file,
    // shown again only masked, replaced or forgotten, never written to the sources table.
    void addedTokenGoesToTheFileWhenNoKeyringAnswers()
    {
        Fixture f(std::make_unique<SilentKeyring>());
        QSignalSpy saved(f.panel, &SourcePanel::tokenSaved);
        qint64 id = 0;
        QCOMPARE(f.harness->apply(
                     [&] {
                         return f.panel->addSource("github", { { "repo", "acme/alpha" } }, kToken);
                     },
                     &id),
            QString());
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 5000);
        QCOMPARE(saved.first().at(1).toBool(), true);
        QCOMPARE(f.settingsOf(id).value("token").toString(), QStringLiteral("file"));
        QCOMPARE(f.panel->statusText(),
            QStringLiteral(
                "No desktop keyring answered: the token of acme/alpha is stored in %1, readable only by you.")
                .arg(f.tokensFile()));
        QVERIFY(fileBytes(f.tokensFile()).contains(kToken));
        QVERIFY(QFile::permissions(f.tokensFile())
            == (QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser));

        // No column of the sources table holds it.
        Database db(f.dir.filePath(QStringLiteral("a.sqlite")));
        Statement row = db.prepare("SELECT * FROM sources");
        QVERIFY(row.step());
        for (int c = 0; c < row.columnCount(); ++c)
            QVERIFY(!row.value(c).toString().contains(QString::fromLatin1(kToken)));
    }

    void keyringIsSaidWhenItAnswers()
    {
        auto* keyring = new MemoryKeyring;
        Fixture f { std::unique_ptr<SecretStore>(keyring) };
        f.vault->setKeyringTimeoutMs(5000);
        QSignalSpy saved(f.panel, &SourcePanel::tokenSaved);
        qint64 id = 0;
        QCOMPARE(f.harness->apply(
                     [&] {
                         return f.panel->addSource("github", { { "org", "acme" } }, kToken);
                     },
                     &id),
            QString());
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 5000);
        QCOMPARE(f.settingsOf(id).value("token").toString(), QStringLiteral("keyring"));
        QCOMPARE(f.panel->statusText(), QStringLiteral("The token of acme/* is stored in the desktop keyring."));
        QCOMPARE(keyring->entries.value(f.vault->key(id)), kToken);
        QVERIFY(!fileBytes(f.tokensFile()).contains(kToken));
    }

    void editShowsOnlyTheMaskThenForgets()
    {
        Fixture f;
        QSignalSpy saved(f.panel, &SourcePanel::tokenSaved);
        qint64 id = 0;
        QCOMPARE(f.harness->apply(
                     [&] {
                         return f.panel->addSource("github", { { "repo", "acme/alpha" } }, kToken);
                     },
                     &id),
            QString());
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 5000);

        SourceForm form(f.panel->registry());
        form.setTokenVault(f.vault.get());
        form.edit("github", f.settingsOf(id), id);
        TokenField* token = form.tokenField();
        QVERIFY(token);
        QTRY_COMPARE_WITH_TIMEOUT(
            token->storedText(), QStringLiteral("ghp_…WXYZ, in %1 (readable only by you)").arg(f.tokensFile()), 5000);
        QVERIFY(token->edit()->isHidden());
        for (const QString& text : visibleTexts(form))
            QVERIFY2(!text.contains(QString::fromLatin1(kToken)), qPrintable(text));
        QCOMPARE(token->change(), TokenField::Change::Keep);
        // Unchanged: the settings the form gives do not carry the location; the panel keeps it.
        QVERIFY(!form.settings().contains("token"));
        QCOMPARE(f.harness->apply([&] { return f.panel->editSource(id, form.settings()); }), QString());
        QCOMPARE(f.settingsOf(id).value("token").toString(), QStringLiteral("file"));

        QTest::mouseClick(token->forgetButton(), Qt::LeftButton);
        QCOMPARE(token->change(), TokenField::Change::Forget);
        QCOMPARE(token->storedText(), QStringLiteral("The token will be forgotten when you press OK."));
        QCOMPARE(f.harness->apply(
                     [&] { return f.panel->editSource(id, form.settings(), SourcePanel::TokenChange::Forget); }),
            QString());
        QVERIFY(!f.settingsOf(id).contains("token"));
        QVERIFY(!fileBytes(f.tokensFile()).contains(kToken));
    }

    void replaceStoresTheNewToken()
    {
        Fixture f;
        QSignalSpy saved(f.panel, &SourcePanel::tokenSaved);
        qint64 id = 0;
        QCOMPARE(f.harness->apply(
                     [&] {
                         return f.panel->addSource("github", { { "repo", "acme/alpha" } }, kToken);
                     },
                     &id),
            QString());
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 5000);
        SourceForm form(f.panel->registry());
        form.setTokenVault(f.vault.get());
        form.edit("github", f.settingsOf(id), id);
        QTest::mouseClick(form.tokenField()->replaceButton(), Qt::LeftButton);
        QVERIFY(!form.tokenField()->edit()->isHidden());
        QTest::keyClicks(form.tokenField()->edit(), "ghp_NEWtoken0123456789");
        QCOMPARE(form.tokenField()->change(), TokenField::Change::Replace);
        QCOMPARE(form.tokenField()->edit()->echoMode(), QLineEdit::Password);
        QCOMPARE(
            f.panel->editSource(id, form.settings(), SourcePanel::TokenChange::Replace, form.tokenField()->newToken()),
            QString());
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 2, 5000);
        QVERIFY(fileBytes(f.tokensFile()).contains("ghp_NEWtoken0123456789"));
        QVERIFY(!fileBytes(f.tokensFile()).contains(kToken));
    }

    void formRefusesABadTokenOrTwoTokens()
    {
        Fixture f;
        SourceForm form(f.panel->registry());
        form.setTokenVault(f.vault.get());
        form.setType("github");
        form.setField("repo", "acme/alpha");
        QVERIFY(form.isValid());
        form.tokenField()->edit()->setText("ghp_abc def");
        QCOMPARE(form.errors(), QStringList { "a token has no spaces, line breaks or accented letters" });
        auto* buttons = form.findChild<QDialogButtonBox*>();
        QVERIFY(!buttons->button(QDialogButtonBox::Ok)->isEnabled());
        form.tokenField()->edit()->setText(QString::fromLatin1(kToken));
        QVERIFY(form.isValid());
        // A variable name too: the registry's message, as everywhere else.
        form.setField("token-env", "GITHUB_TOKEN");
        QCOMPARE(form.errors(),
            QStringList { "--token-env: a stored token is set too: clear the variable name or forget the token" });
        QCOMPARE(form.fieldError("token-env"),
            QStringLiteral("--token-env: a stored token is set too: clear the variable name or forget the token"));
    }

    void removingWithTheCommandLineForgetsTheToken()
    {
        QTemporaryDir dir;
        ManualClock clock;
        qint64 id = 0;
        {
            Database db(dir.filePath(QStringLiteral("activity.sqlite")));
            Migrations::migrate(db);
            id = SourceStore(db, clock).add("github", "acme/alpha", { { "repo", "acme/alpha" }, { "token", "file" } });
        }
        TokenVault vault(
            nullptr, std::make_unique<FileSecretStore>(dir.filePath(QStringLiteral("tokens.json"))), dir.path());
        bool stored = false;
        vault.store(id, kToken, this,
            [&](TokenVault::Location where, const QString&) { stored = where == TokenVault::Location::File; });
        QVERIFY(stored);
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/activity-test-bus"); // no keyring here
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(ACTIVITY_BIN), { "--data-dir", dir.path(), "sources", "remove", QString::number(id) });
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        QCOMPARE(QString::fromUtf8(p.readAllStandardOutput()).trimmed(),
            QStringLiteral("removed source %1 (its history is kept)").arg(id));
        QVERIFY(!fileBytes(dir.filePath(QStringLiteral("tokens.json"))).contains(kToken));
    }

    void testButtonSendsTheToken()
    {
        Fixture f;
        FakeHttpServer api; // GitHub answers 401 "Bad credentials" to a wrong token on any path
        api.handler = [](const FakeRequest& r) {
            if (!r.header("authorization").isEmpty() && r.header("authorization") != "Bearer " + kToken)
                return FakeResponse { 401, {}, R"({"message":"Bad credentials"})" };
            return FakeResponse { 200, {}, "{}" };
        };
        SourceForm form(f.panel->registry());
        form.setTokenVault(f.vault.get());
        form.setType("github");
        form.setField("repo", "acme/alpha");
        form.setField("api-url", api.baseUrl());
        form.tokenField()->edit()->setText("ghp_WRONGtoken0123456789");
        QSignalSpy finished(&form, &SourceForm::testFinished);
        form.runTest();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QCOMPARE(finished.last().at(0).toBool(), false);
        QCOMPARE(finished.last().at(1).toString(), QStringLiteral("the token was refused (HTTP 401)"));

        // The stored token of a source being edited is used too.
        QSignalSpy saved(f.panel, &SourcePanel::tokenSaved);
        qint64 id = 0;
        QCOMPARE(f.harness->apply(
                     [&] {
                         return f.panel->addSource(
                             "github", { { "repo", "acme/alpha" }, { "api-url", api.baseUrl() } }, kToken);
                     },
                     &id),
            QString());
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 5000);
        SourceForm edit(f.panel->registry());
        edit.setTokenVault(f.vault.get());
        edit.edit("github", f.settingsOf(id), id);
        QSignalSpy editFinished(&edit, &SourceForm::testFinished);
        edit.runTest();
        QTRY_COMPARE_WITH_TIMEOUT(editFinished.count(), 1, 10000);
        QCOMPARE(editFinished.last().at(1).toString(), QStringLiteral("the API accepted the token (HTTP 200)"));
        QCOMPARE(api.requests.last().header("authorization"), "Bearer " + kToken);
    }

    void noVaultNoTokenField()
    {
        QTemporaryDir dir;
        ManualClock clock;
        PanelHarness h(dir.filePath(QStringLiteral("a.sqlite")), clock);
        SourcePanel& panel = h.panel;
        SourceForm form(panel.registry());
        form.setType("github");
        QVERIFY(!form.tokenField());
        QCOMPARE(panel.addSource("github", { { "repo", "acme/alpha" } }, kToken),
            QStringLiteral("there is nowhere to keep a token"));
    }
};

} // namespace activity

QTEST_MAIN(activity::TestTokenField)
#include "tst_tokenfield.moc"
