// The first-run set-up: offered only on an empty database, creates exactly the sources answered through
// the Sources page (same registry messages), and is not offered again once done or skipped.
#include "core/secrets/filesecretstore.h"
#include "core/secrets/tokenvault.h"
#include "core/settings/settingsservice.h"
#include "core/sources/sourcestore.h"
#include "core/sources/validators.h"
#include "core/storage/database.h"
#include "core/storage/migrations.h"
#include "core/util/clock.h"
#include "tests/support/panelharness.h"
#include "ui/firstrun/firstrunwizard.h"
#include "ui/sources/sourcepanel.h"

#include <QCheckBox>
#include <QClipboard>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace activity {

namespace {
struct Fixture {
    QTemporaryDir dir;
    ManualClock clock;
    std::unique_ptr<Database> db;
    std::unique_ptr<TokenVault> vault;
    std::unique_ptr<PanelHarness> harness;
    std::unique_ptr<SettingsService> settings;
    SourcePanel* panel = nullptr;
    Fixture()
    {
        db = std::make_unique<Database>(dir.filePath(QStringLiteral("a.sqlite")));
        Migrations::migrate(*db);
        vault = std::make_unique<TokenVault>(
            nullptr, std::make_unique<FileSecretStore>(dir.filePath(QStringLiteral("tokens.json"))), dir.path());
        harness = std::make_unique<PanelHarness>(dir.filePath(QStringLiteral("a.sqlite")), clock);
        settings = std::make_unique<SettingsService>(harness->writer);
        panel = &harness->panel;
        panel->setTokenVault(vault.get());
    }
    // Waits for what the wizard asked the writer to do.
    void written()
    {
        harness->writer.query([](Database&) {});
    }
    QString state()
    {
        written();
        return FirstRunWizard::rememberedState(*db);
    }
    QStringList sources()
    {
        written();
        QStringList out;
        for (const SourceRecord& r : SourceStore(*db, clock).list())
            out << r.type + QLatin1Char(' ') + r.name;
        return out;
    }
};
} // namespace

class TestFirstRunWizard : public QObject {
    Q_OBJECT
private slots:
    void offeredOnlyOnAnEmptyDatabase()
    {
        Fixture f;
        QVERIFY(FirstRunWizard::shouldOffer(*f.db));
        SourceStore(*f.db, f.clock).add("logfile", "/var/log/x", { { "path", "/var/log/x" } });
        QVERIFY(!FirstRunWizard::shouldOffer(*f.db));

        Fixture g; // data without sources (a restored backup's samples, an import's rollups): not empty either
        g.db->exec("INSERT INTO series(id, provider, repository, metric) VALUES(1, 'github', 'a/b', 'stars')");
        g.db->exec("INSERT INTO samples(series_id, ts, value) VALUES(1, 1, 5)");
        QVERIFY(!FirstRunWizard::shouldOffer(*g.db));
        Fixture h;
        h.db->exec("INSERT INTO rollups(period, bucket, site_id, dim, key, requests) VALUES(86400, 0, 1, '', '', 3)");
        QVERIFY(!FirstRunWizard::shouldOffer(*h.db));
    }

    void completingCreatesExactlyTheAnsweredSources()
    {
        Fixture f;
        FirstRunWizard wizard(*f.panel, *f.settings);
        QSignalSpy saved(f.panel, &SourcePanel::tokenSaved);
        QSignalSpy completed(&wizard, &FirstRunWizard::completed);
        wizard.show();
        QCOMPARE(wizard.currentId(), int(FirstRunWizard::Welcome));
        wizard.next();
        QCOMPARE(wizard.currentId(), int(FirstRunWizard::GitHub));
        QTest::keyClicks(wizard.reposEdit(), "acme/alpha, acme/beta");
        QTest::keyClicks(wizard.tokenEdit(), "ghp_WIZARDtoken0123456789");
        QVERIFY(wizard.githubErrorLabel()->text().isEmpty());
        wizard.next();
        QTest::keyClicks(wizard.namespaceEdit(), "acme");
        wizard.next();
        QCOMPARE(wizard.currentId(), int(FirstRunWizard::Nginx));
        QTest::keyClicks(wizard.siteEdit(), "www");
        QCOMPARE(wizard.nginxLine(), QStringLiteral("access_log syslog:server=127.0.0.1:5514,tag=www combined;"));
        QPushButton* copy = nullptr;
        for (QPushButton* b : wizard.findChildren<QPushButton*>())
            if (b->text() == QLatin1String("Copy"))
                copy = b;
        QTest::mouseClick(copy, Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), wizard.nginxLine());

        wizard.accept();
        QCOMPARE(completed.count(), 1);
        QCOMPARE(wizard.result(), int(QDialog::Accepted));
        QCOMPARE(f.sources(),
            (QStringList {
                "github acme/alpha", "github acme/beta", "dockerhub acme/*", "syslog udp://127.0.0.1:5514" }));
        // The token went where the Sources page keeps tokens, once per GitHub source, never into the table.
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 2, 5000);
        f.written();
        for (const SourceRecord& r : SourceStore(*f.db, f.clock).list()) {
            QCOMPARE(r.settings.contains("token"), r.type == QLatin1String("github"));
            QVERIFY(!r.settings.value("token").toString().contains("WIZARD"));
        }
        QCOMPARE(f.state(), QStringLiteral("done"));
        QVERIFY(!FirstRunWizard::shouldOffer(*f.db));
    }

    void anOrganisationAndNothingElse()
    {
        Fixture f;
        FirstRunWizard wizard(*f.panel, *f.settings);
        wizard.orgEdit()->setText("kde");
        wizard.syslogBox()->setChecked(false);
        wizard.accept();
        QCOMPARE(f.sources(), QStringList { "github kde/*" });
    }

    void aLogOnAServerOverSsh()
    {
        Fixture f;
        FirstRunWizard wizard(*f.panel, *f.settings);
        wizard.resize(1280, 800);
        wizard.show();
        for (int i = 0; i < 3; ++i)
            wizard.next();
        wizard.syslogBox()->setChecked(false);
        auto* remote = wizard.findChild<QLineEdit*>("remoteLog");
        QVERIFY(remote && remote->isVisible());
        QCOMPARE(remote->accessibleName(), QStringLiteral("Log on a server"));
        QTest::keyClicks(remote, "ssh://deploy@web1"); // no path yet: said at once
        QTRY_VERIFY(wizard.findChildren<QLabel*>().size() > 0);
        bool said = false;
        for (const QLabel* l : wizard.findChildren<QLabel*>())
            said = said || l->text().contains("ssh://USER@HOST[:PORT]/PATH");
        QVERIFY(said);
        QTest::keyClicks(remote, "/var/log/nginx/access.log");
        wizard.siteEdit()->setText("web");
        if (const QString dir = qEnvironmentVariable("ACTIVITY_SCREENSHOTS"); !dir.isEmpty())
            wizard.grab().save(dir + "/firstrun-ssh.png");
        wizard.accept();
        QCOMPARE(f.sources(), QStringList { "logfile ssh://deploy@web1/var/log/nginx/access.log" });
        f.written();
        QCOMPARE(SourceStore(*f.db, f.clock).list().first().settings.value("site").toString(), QStringLiteral("web"));
    }

    void skippingCreatesNothingAndIsRemembered()
    {
        Fixture f;
        FirstRunWizard wizard(*f.panel, *f.settings);
        wizard.show();
        wizard.next();
        wizard.reposEdit()->setText("acme/alpha");
        wizard.reject(); // the Skip button
        QCOMPARE(f.sources(), QStringList());
        QCOMPARE(f.state(), QStringLiteral("skipped"));
        QVERIFY(!FirstRunWizard::shouldOffer(*f.db));
    }

    void invalidRepositoryShowsTheRegistryMessage()
    {
        Fixture f;
        FirstRunWizard wizard(*f.panel, *f.settings);
        wizard.show();
        wizard.next();
        QTest::keyClicks(wizard.reposEdit(), "acme");
        const QString expected = QStringLiteral("--repo: ") + Validators::repository("acme");
        QCOMPARE(wizard.githubErrorLabel()->text(), expected);
        QCOMPARE(wizard.githubErrors(), QStringList { expected });
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
        QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
        QCOMPARE(wizard.currentId(), int(FirstRunWizard::GitHub)); // cannot go on
        QTest::keyClicks(wizard.reposEdit(), "/alpha");
        QVERIFY(wizard.githubErrorLabel()->text().isEmpty());
        QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
    }

    void demoChoiceFinishesAtOnceAndCreatesNothing()
    {
        Fixture f;
        FirstRunWizard wizard(*f.panel, *f.settings);
        wizard.show();
        QTest::mouseClick(wizard.demoChoice(), Qt::LeftButton);
        QVERIFY(wizard.demoRequested());
        QVERIFY(wizard.button(QWizard::FinishButton)->isVisible());
        QVERIFY(!wizard.button(QWizard::NextButton)->isVisible());
        QTest::mouseClick(wizard.button(QWizard::FinishButton), Qt::LeftButton);
        QCOMPARE(wizard.result(), int(QDialog::Accepted));
        QCOMPARE(f.sources(), QStringList());
        // Trying the demo is not a choice about this database: the set-up is offered again next time.
        QVERIFY(FirstRunWizard::shouldOffer(*f.db));
    }
};

} // namespace activity

QTEST_MAIN(activity::TestFirstRunWizard)
#include "tst_firstrunwizard.moc"
