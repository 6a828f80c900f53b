#include "core/ingest/receiverset.h"
#include "core/secrets/filesecretstore.h"
#include "core/secrets/tokenvault.h"
#include "core/sources/sourceregistry.h"
#include "core/sources/sourcestore.h"
#include "core/storage/database.h"
#include "core/storage/migrations.h"
#include "core/util/clock.h"
#include "tests/support/fakekeyring.h"
#include "tests/support/panelharness.h"
#include "tests/support/recordingsink.h"
#include "ui/sources/sourcepanel.h"
#include "ui/sources/sourcetablemodel.h"

#include <QFile>
#include <QHeaderView>
#include <QJsonObject>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

namespace activity {

namespace {
quint16 freeUdpPort()
{
    QUdpSocket s;
    s.bind(QHostAddress::LocalHost, 0);
    return s.localPort();
}
} // namespace

class TestSourcePanel : public QObject {
    Q_OBJECT
private slots:
    void changesReachARunningCollector()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("a.sqlite");
        ManualClock clock;
        PanelHarness h(path, clock);
        SourcePanel& panel = h.panel;
        // The collector: its own connection, as `collect` has, re-reading the sources table.
        Database collectorDb(path);
        RecordingSink sink;
        SourceRegistry registry;
        ReceiverSet receivers(collectorDb, clock, registry, sink);
        QCOMPARE(receivers.sync(), QStringList());
        QCOMPARE(receivers.count(), 0);

        QSignalSpy changed(&panel, &SourcePanel::sourcesChanged);
        const quint16 port = freeUdpPort();
        qint64 id = 0;
        QCOMPARE(h.apply(
                     [&] {
                         return panel.addSource(
                             "syslog", { { "listen", QString("udp://127.0.0.1:%1").arg(port) }, { "site", "www" } });
                     },
                     &id),
            QString());
        QVERIFY(id > 0);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(panel.model()->rowCount(), 1);
        QCOMPARE(
            panel.model()->index(0, SourceTableModel::Name).data().toString(), QString("udp://127.0.0.1:%1").arg(port));
        receivers.sync();
        QVERIFY(receivers.listener(id));
        QCOMPARE(receivers.listener(id)->port(), port);

        QCOMPARE(h.apply([&] { return panel.setPaused(id, true); }), QString());
        QCOMPARE(panel.model()->index(0, SourceTableModel::State).data().toString(), QString("paused"));
        receivers.sync();
        QCOMPARE(receivers.count(), 0);
        QCOMPARE(h.apply([&] { return panel.setPaused(id, false); }), QString());
        receivers.sync();
        QVERIFY(receivers.listener(id));

        const quint16 other = freeUdpPort();
        QCOMPARE(h.apply([&] {
            return panel.editSource(id, { { "listen", QString("udp://127.0.0.1:%1").arg(other) } });
        }),
            QString());
        receivers.sync();
        QCOMPARE(receivers.listener(id)->port(), other);

        QCOMPARE(h.apply([&] { return panel.removeSource(id, false); }), QString());
        QCOMPARE(panel.model()->rowCount(), 0);
        receivers.sync();
        QCOMPARE(receivers.count(), 0);
        QCOMPARE(changed.count(), 5);
    }
    void invalidSettingsAreRefusedWithTheCommandLineMessage()
    {
        QTemporaryDir dir;
        ManualClock clock;
        PanelHarness h(dir.filePath("a.sqlite"), clock);
        SourcePanel& panel = h.panel;
        QCOMPARE(panel.addSource("github", { { "repo", "torvalds" } }),
            QString("--repo: must be owner/name, like 'torvalds/linux', got 'torvalds'"));
        QCOMPARE(panel.model()->rowCount(), 0);
    }
    void pauseButtonFollowsTheSelection()
    {
        QTemporaryDir dir;
        ManualClock clock;
        PanelHarness h(dir.filePath("a.sqlite"), clock);
        SourcePanel& panel = h.panel;
        qint64 id = 0;
        QCOMPARE(h.apply([&] { return panel.addSource("dockerhub", { { "namespace", "library" } }); }, &id), QString());
        auto* pause = panel.findChild<QPushButton*>("pauseSource");
        QVERIFY(!pause->isEnabled());
        panel.view()->selectRow(0);
        QVERIFY(pause->isEnabled());
        QCOMPARE(pause->text(), QString("Pause"));
        QCOMPARE(h.apply([&] {
            pause->click();
            return QString();
        }),
            QString());
        QCOMPARE(panel.model()->index(0, 0).data(SourceTableModel::EnabledRole).toBool(), false);
        QCOMPARE(pause->text(), QString("Resume"));
        QCOMPARE(h.apply([&] {
            pause->click();
            return QString();
        }),
            QString());
        QCOMPARE(panel.model()->index(0, 0).data(SourceTableModel::EnabledRole).toBool(), true);
        // The change is in the sources table itself.
        Database db(dir.filePath("a.sqlite"));
        SourceStore store(db, clock);
        QCOMPARE(store.get(id)->enabled, true);
    }

    // The Sources table at 800 px: names are shown whole (the last error column takes what is left), and a
    // name too long for half the table is elided in the middle with the whole name as tooltip.
    void namesAreNotCutAt800Pixels()
    {
        QTemporaryDir dir;
        ManualClock clock;
        PanelHarness h(dir.filePath("a.sqlite"), clock);
        SourcePanel& panel = h.panel;
        panel.resize(800, 600);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        const QString repo = QStringLiteral("acme-corporation-platform/observability-dashboard-service");
        QCOMPARE(h.apply([&] { return panel.addSource("github", { { "repo", repo } }); }), QString());
        QCOMPARE(h.apply([&] {
            return panel.addSource("logfile", { { "path", "/var/log/nginx/downloads.example.org.access.log" } });
        }),
            QString());
        QTableView* view = panel.view();
        const int needed = static_cast<QAbstractItemView*>(view)->sizeHintForColumn(SourceTableModel::Name);
        QVERIFY2(view->columnWidth(SourceTableModel::Name) >= needed,
            qPrintable(QStringLiteral("%1 < %2").arg(view->columnWidth(SourceTableModel::Name)).arg(needed)));
        // The last error column is still on screen, right of the others.
        const int errorX = view->columnViewportPosition(SourceTableModel::LastError);
        QVERIFY(errorX > 0);
        QVERIFY(errorX + 40 < view->viewport()->width());
        QCOMPARE(panel.model()->index(0, SourceTableModel::Name).data(Qt::ToolTipRole).toString(), repo);
    }

    // An API key and a credential header typed in the form go to the keyring; the list and the database hold them
    // masked; a masked value left as it is keeps its secret, a new one replaces it, and removing the source
    // removes them.
    void secretsTypedInTheFormAreKeptLikeTokens()
    {
        QTemporaryDir dir;
        ManualClock clock;
        PanelHarness h(dir.filePath("a.sqlite"), clock);
        auto keyring = std::make_unique<MemoryKeyring>();
        MemoryKeyring* kept = keyring.get();
        TokenVault vault(
            std::move(keyring), std::make_unique<FileSecretStore>(dir.filePath("tokens.json")), dir.path());
        h.panel.setTokenVault(&vault);
        const QJsonObject typed { { "url", "http://127.0.0.1:9/x?api_key=keySECRET1&page=1" }, { "field", "n=/n" },
            { "header", "Authorization: Bearer hdrSECRET2\nAccept: application/json" } };
        qint64 id = 0;
        QCOMPARE(h.apply([&] { return h.panel.addSource("http-json", typed); }, &id), QString());
        const auto shownNow = [&] {
            for (const SourceRecord& r : h.panel.model()->sources())
                if (r.id == id)
                    return r.settings;
            return QJsonObject();
        };
        QJsonObject shown = shownNow();
        QCOMPARE(shown.value("url").toString(), QString("http://127.0.0.1:9/x?api_key=••••&page=1"));
        QCOMPARE(shown.value("header").toString(), QString("Authorization: ••••\nAccept: application/json"));
        QVERIFY2(
            shown.value("secrets").toString().startsWith("keyring:"), qPrintable(shown.value("secrets").toString()));
        const auto keyringHas = [&](const QByteArray& what) {
            for (const QByteArray& v : std::as_const(kept->entries))
                if (v.contains(what))
                    return true;
            return false;
        };
        QVERIFY(keyringHas("keySECRET1") && keyringHas("hdrSECRET2"));
        const auto databaseHas = [&](const QByteArray& what) {
            QFile db(dir.filePath("a.sqlite")), wal(dir.filePath("a.sqlite-wal"));
            db.open(QIODevice::ReadOnly);
            wal.open(QIODevice::ReadOnly);
            return db.readAll().contains(what) || wal.readAll().contains(what);
        };
        QVERIFY(!databaseHas("keySECRET1") && !databaseHas("hdrSECRET2"));

        // Saved as the form shows it, with another interval: the secrets stay.
        QJsonObject edited = shown;
        edited.remove("secrets");
        edited.insert("interval", "1h");
        QCOMPARE(h.apply([&] { return h.panel.editSource(id, edited); }), QString());
        QCOMPARE(shownNow().value("interval").toString(), QString("1h"));
        QVERIFY(keyringHas("keySECRET1") && keyringHas("hdrSECRET2"));
        // A new header replaces its secret.
        edited.insert("header", "Authorization: Bearer hdrNEW3");
        QCOMPARE(h.apply([&] { return h.panel.editSource(id, edited); }), QString());
        QVERIFY(keyringHas("hdrNEW3") && !keyringHas("hdrSECRET2") && keyringHas("keySECRET1"));
        QVERIFY(!databaseHas("hdrNEW3"));

        QCOMPARE(h.apply([&] { return h.panel.removeSource(id, false); }), QString());
        QTRY_VERIFY(!keyringHas("keySECRET1") && !keyringHas("hdrNEW3"));
    }

    void aVeryLongNameIsCappedAndElided()
    {
        QTemporaryDir dir;
        ManualClock clock;
        PanelHarness h(dir.filePath("a.sqlite"), clock);
        SourcePanel& panel = h.panel;
        panel.resize(800, 600);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        const QString path = QStringLiteral("/srv/www/") + QString(200, QLatin1Char('x')) + QStringLiteral("/<b>a.log");
        QCOMPARE(h.apply([&] { return panel.addSource("logfile", { { "path", path } }); }), QString());
        QTableView* view = panel.view();
        QCOMPARE(view->columnWidth(SourceTableModel::Name), std::max(240, view->viewport()->width() / 2));
        QCOMPARE(view->textElideMode(), Qt::ElideMiddle);
        // Tooltips read rich text: the path is escaped.
        QCOMPARE(
            panel.model()->index(0, SourceTableModel::Name).data(Qt::ToolTipRole).toString(), path.toHtmlEscaped());
    }
};

} // namespace activity

QTEST_MAIN(activity::TestSourcePanel)
#include "tst_sourcepanel.moc"
