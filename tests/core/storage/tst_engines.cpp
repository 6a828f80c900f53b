// The storage seam with both engines behind it: the same Database, Statement and Transaction calls give the same
// answers on a SQLite file and on a real PostgreSQL (Debian's, started here on loopback).
#include "core/alerts/alertstore.h"
#include "core/events/eventstore.h"
#include "core/query/queryrunner.h"
#include "core/storage/database.h"
#include "core/storage/migrations.h"
#include "core/storage/postgres/pgconnection.h"
#include "core/storage/postgres/pgschema.h"
#include "tests/support/postgresserver.h"

#include <QMap>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <atomic>
#include <memory>

namespace activity {

namespace {
// A TCP relay to the PostgreSQL server, on a thread of its own, that can lose COMMIT's answer (the server commits,
// the client's connection drops before the answer comes) or COMMIT itself (it drops before the server sees it).
class CommitCutter : public QObject {
public:
    enum Cut { None, AnswerLost, CommitLost };
    explicit CommitCutter(quint16 serverPort)
        : m_serverPort(serverPort)
    { }
    std::atomic<int> cut { None };
    quint16 port = 0;

    void start()
    {
        auto* server = new QTcpServer(this);
        server->listen(QHostAddress::LocalHost, 0);
        port = server->serverPort();
        connect(server, &QTcpServer::newConnection, this, [this, server] {
            while (QTcpSocket* client = server->nextPendingConnection())
                relay(client);
        });
    }

private:
    void relay(QTcpSocket* client)
    {
        auto* up = new QTcpSocket(client);
        auto waiting = std::make_shared<QByteArray>();
        connect(up, &QTcpSocket::connected, client, [up, waiting] { up->write(std::exchange(*waiting, {})); });
        connect(client, &QTcpSocket::readyRead, client, [this, client, up, waiting] {
            const QByteArray data = client->readAll();
            // A simple query "COMMIT" (libpq sends it as 'Q' ... "COMMIT\0").
            const int mode = data.contains(QByteArray("COMMIT\0", 7)) ? cut.exchange(None) : int(None);
            const auto drop = [client] {
                client->abort();
                client->deleteLater(); // and the server's side with it
            };
            if (mode == CommitLost) {
                drop();
                return;
            }
            if (up->state() == QAbstractSocket::ConnectedState)
                up->write(data);
            else
                waiting->append(data);
            if (mode == AnswerLost) {
                client->setProperty("mute", true);
                QTimer::singleShot(500, client, drop); // the server has committed by then
            }
        });
        connect(up, &QTcpSocket::readyRead, client, [client, up] {
            const QByteArray data = up->readAll();
            if (!client->property("mute").toBool())
                client->write(data);
        });
        connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
        connect(up, &QTcpSocket::disconnected, client, [client] { client->disconnectFromHost(); });
        up->connectToHost(QHostAddress::LocalHost, m_serverPort);
    }

    quint16 m_serverPort;
};
} // namespace

class TestEngines : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        m_server = std::make_unique<PostgresServer>();
        QVERIFY2(m_server->ok(), qPrintable(m_server->error()));
    }

    void placeholdersBecomeNumbered()
    {
        int count = 0;
        QCOMPARE(PgConnection::translatePlaceholders("SELECT '?', \"a?b\", ? -- ? here\n, ?3, ?, 'it''s ?'", &count),
            QByteArray("SELECT '?', \"a?b\", $1 -- ? here\n, $3, $4, 'it''s ?'"));
        QCOMPARE(count, 4);
        QCOMPARE(PgConnection::translatePlaceholders("UPDATE t SET a = ?2 WHERE b = ?1", &count),
            QByteArray("UPDATE t SET a = $2 WHERE b = $1"));
        QCOMPARE(count, 2);
    }

    void valuesRoundTrip_data() { engines(); }
    void valuesRoundTrip()
    {
        QFETCH(QString, engine);
        const std::unique_ptr<Database> db = open(engine);
        db->exec("CREATE TABLE t(id BIGINT PRIMARY KEY, name TEXT, score DOUBLE PRECISION, data BYTEA, note TEXT)");
        const QString hostile = QStringLiteral("'); DROP TABLE t; -- \"quoted\" ünïcödé 🚀");
        const QByteArray blob("\x00\x01\xff\x00zero", 8);
        Statement insert = db->prepare("INSERT INTO t(id, name, score, data, note) VALUES (?, ?, ?, ?, ?)");
        insert.bind(1, qint64(1) << 40).bind(2, hostile).bind(3, 0.1).bind(4, blob).bindNull(5).exec();
        QCOMPARE(db->changes(), 1);
        insert.bind(1, qint64(2))
            .bind(2, QStringLiteral(""))
            .bind(3, -2.5)
            .bind(4, QByteArray("x"))
            .bind(5, QStringLiteral("n"))
            .exec();

        Statement read = db->prepare("SELECT id, name, score, data, note FROM t WHERE id = ?");
        read.bind(1, qint64(1) << 40);
        QVERIFY(read.step());
        QCOMPARE(read.int64(0), qint64(1) << 40);
        QCOMPARE(read.text(1), hostile);
        QCOMPARE(read.real(2), 0.1);
        QCOMPARE(read.blob(3), blob);
        QVERIFY(read.isNull(4));
        QCOMPARE(read.value(0).typeId(), QMetaType::LongLong);
        QCOMPARE(read.value(2).typeId(), QMetaType::Double);
        QCOMPARE(read.value(3).typeId(), QMetaType::QByteArray);
        QVERIFY(!read.value(4).isValid());
        QCOMPARE(read.columnCount(), 5);
        QVERIFY(!read.step());
        read.reset();
        read.bind(1, qint64(2));
        QVERIFY(read.step());
        QVERIFY(!read.isNull(1));
        QVERIFY(read.text(1).isEmpty() && !read.text(1).isNull());
        // The hostile text was a value, never SQL: the table is whole.
        QCOMPARE(db->queryInt("SELECT count(*) FROM t"), std::optional<qint64>(2));
        // A log's bad bytes (invalid UTF-8, NUL) in a text column: stored, and read as the window shows them.
        const QByteArray bad("/a\xC3(b/\0/\xFF", 9);
        Statement badText = db->prepare("INSERT INTO t(id, name) VALUES (?, ?)");
        badText.bind(1, qint64(3));
        badText.bindText(2, bad.constData(), int(bad.size()));
        badText.exec();
        Statement readBad = db->prepare("SELECT name FROM t WHERE id = 3");
        QVERIFY(readBad.step());
        const QString shown = readBad.text(0);
        QVERIFY2(shown.startsWith(QStringLiteral("/a\uFFFD(b/")) && shown.endsWith(QStringLiteral("/\uFFFD")),
            qPrintable(shown));
        // Numbered parameters, used twice.
        Statement twice = db->prepare("SELECT ?1 + ?1, count(*) FROM t WHERE name = ?2");
        twice.bind(1, qint64(20)).bind(2, hostile);
        QVERIFY(twice.step());
        QCOMPARE(twice.int64(0), qint64(40));
        QCOMPARE(twice.int64(1), qint64(1));
    }

    void transactionsCommitOrRollBack_data() { engines(); }
    // The events store's SQL (an upsert on ext_key, notes with ids) reads the same on both engines, the alert
    // history's firings beside it.
    void eventsAreKeptAlike_data() { engines(); }
    void eventsAreKeptAlike()
    {
        QFETCH(QString, engine);
        const auto db = open(engine);
        Migrations::migrate(*db);
        EventStore events(*db);
        const qint64 note = events.addNote(1000, QStringLiteral("Talk, \"quoted\""), QString(), 1);
        events.record(7, QStringLiteral("v1"), { 0, 2000, "release", "acme/a", "1.0", "https://x/v1" }, 1);
        events.record(7, QStringLiteral("v1"), { 0, 2100, "release", "acme/a", "1.0 final", "https://x/v1" }, 2);
        events.record(8, QStringLiteral("v1"), { 0, 1500, "docker-tag", "acme/a", "v1", QString() }, 2);
        AlertEvent fired;
        fired.ruleName = QStringLiteral("errors");
        fired.series = QStringLiteral("traffic.errors");
        fired.severity = QStringLiteral("warning");
        fired.ts = 1800;
        fired.event = QStringLiteral("firing");
        fired.message = QStringLiteral("up");
        AlertStore(*db).addEvent(fired);
        QStringList rows;
        for (const ProjectEvent& e : events.between(0, 5000))
            rows << QStringLiteral("%1 %2 %3 %4 %5").arg(e.ts).arg(e.kind, e.source, e.title, e.url);
        QCOMPARE(rows,
            (QStringList { "1000 note note Talk, \"quoted\" ", "1500 docker-tag acme/a v1 ",
                "1800 alert-fired errors up ", "2100 release acme/a 1.0 final https://x/v1" }));
        QVERIFY(events.removeNote(note));
        QVERIFY(!events.removeNote(note));
        QCOMPARE(events.notes().size(), 0);
    }

    void transactionsCommitOrRollBack()
    {
        QFETCH(QString, engine);
        const std::unique_ptr<Database> db = open(engine);
        db->exec(engine == QLatin1String("sqlite") ? "CREATE TABLE n(id INTEGER PRIMARY KEY, v BIGINT)"
                                                   : "CREATE TABLE n(id BIGSERIAL PRIMARY KEY, v BIGINT)");
        {
            Transaction tx(*db);
            QVERIFY(db->inTransaction());
            db->prepare("INSERT INTO n(v) VALUES (?)").bind(1, qint64(7)).exec();
            QCOMPARE(db->lastInsertId(), qint64(1));
            db->prepare("INSERT INTO n(v) VALUES (?)").bind(1, qint64(8)).exec();
            QCOMPARE(db->lastInsertId(), qint64(2));
            tx.commit();
        }
        QVERIFY(!db->inTransaction());
        {
            Transaction tx(*db);
            db->exec("DELETE FROM n");
        } // not committed: rolled back
        QCOMPARE(db->queryInt("SELECT count(*) FROM n"), std::optional<qint64>(2));
        db->prepare("UPDATE n SET v = v + 1").exec();
        QCOMPARE(db->changes(), 2);
        QCOMPARE(db->queryInt("SELECT sum(v) FROM n"), std::optional<qint64>(17));
    }

    // The ingest's writes (execQueued): PostgreSQL sends plain INSERTs by COPY and upserts in a pipeline. The rows,
    // their order against other statements and a failure are the same as one statement at a time.
    void queuedWritesAreExact_data() { engines(); }
    void queuedWritesAreExact()
    {
        QFETCH(QString, engine);
        const std::unique_ptr<Database> db = open(engine);
        db->exec("CREATE TABLE r(id BIGINT PRIMARY KEY, name TEXT, data BYTEA, n BIGINT)");
        db->exec("CREATE TABLE s(k TEXT PRIMARY KEY, n BIGINT NOT NULL)");
        QByteArray every;
        for (int b = 0; b < 256; ++b)
            every += char(b);
        const QString hostile = QStringLiteral("tab\there\nnew line\\N \\ back\\slash\r 'quote' \"dq\" ünï 🚀 ");
        constexpr int kRows = 3000; // past the pipeline's depth (500)
        {
            Transaction tx(*db);
            Statement insert = db->prepare("INSERT INTO r(id, name, data, n) VALUES(?, ?, ?, ?)");
            Statement upsert
                = db->prepare("INSERT INTO s(k, n) VALUES(?1, ?2) ON CONFLICT(k) DO UPDATE SET n = n + excluded.n");
            for (int i = 0; i < kRows; ++i) {
                insert.bind(1, qint64(i)).bind(2, hostile + QString::number(i)).bind(3, every);
                if (i % 7 == 0)
                    insert.bindNull(4);
                else
                    insert.bind(4, qint64(i));
                insert.execQueued();
                upsert.bind(1, QStringLiteral("k%1").arg(i % 10)).bind(2, qint64(1)).execQueued();
                // A read of the table being written sees every row queued before it.
                if (i == 1234)
                    QCOMPARE(db->queryInt("SELECT count(*) FROM r"), std::optional<qint64>(i + 1));
            }
            tx.commit();
        }
        QCOMPARE(db->queryInt("SELECT count(*) FROM r"), std::optional<qint64>(kRows));
        QCOMPARE(db->queryInt("SELECT count(*) FROM r WHERE n IS NULL"), std::optional<qint64>((kRows + 6) / 7));
        // Two upserts into one table, setting (not adding): the last one written wins, whichever statement it was.
        {
            Transaction tx(*db);
            Statement setA
                = db->prepare("INSERT INTO s(k, n) VALUES(?, ?) ON CONFLICT(k) DO UPDATE SET n = excluded.n");
            Statement setB
                = db->prepare("INSERT INTO s(n, k) VALUES(?2, ?1) ON CONFLICT(k) DO UPDATE SET n = excluded.n");
            setB.bind(1, QStringLiteral("first")).bind(2, qint64(0)).execQueued();
            setA.bind(1, QStringLiteral("last")).bind(2, qint64(1)).execQueued();
            setB.bind(1, QStringLiteral("last")).bind(2, qint64(2)).execQueued();
            for (int i = 0; i < 1000; ++i) {
                Statement& set = i % 3 == 0 ? setA : setB;
                set.bind(1, QStringLiteral("other%1").arg(i % 50)).bind(2, qint64(i)).execQueued();
            }
            tx.commit();
        }
        QCOMPARE(db->queryInt("SELECT n FROM s WHERE k = 'last'"), std::optional<qint64>(2));
        QCOMPARE(db->queryInt("SELECT n FROM s WHERE k = 'other7'"), std::optional<qint64>(957));
        QCOMPARE(db->queryInt("SELECT sum(n) FROM s WHERE k LIKE 'k%'"), std::optional<qint64>(kRows));
        Statement read = db->prepare("SELECT name, data FROM r WHERE id = ?");
        read.bind(1, qint64(2999));
        QVERIFY(read.step());
        QCOMPARE(read.text(0), hostile + QStringLiteral("2999"));
        QCOMPARE(read.blob(1), every);

        // A queued row that breaks a key fails its transaction (by its commit at the latest): nothing of it is kept.
        bool failed = false;
        try {
            Transaction tx(*db);
            Statement insert = db->prepare("INSERT INTO r(id, name, data, n) VALUES(?, ?, ?, ?)");
            insert.bind(1, qint64(1'000'000)).bind(2, QStringLiteral("new")).bind(3, every).bind(4, qint64(1));
            insert.execQueued();
            insert.bind(1, qint64(5)).bind(2, QStringLiteral("taken")).bind(3, every).bind(4, qint64(1));
            insert.execQueued();
            tx.commit();
        } catch (const DatabaseError& e) {
            failed = true;
            QVERIFY2(e.message().contains(QLatin1String("unique")) || e.message().contains(QLatin1String("UNIQUE"))
                    || e.message().contains(QLatin1String("duplicate")),
                qPrintable(e.message()));
        }
        QVERIFY(failed);
        QCOMPARE(db->queryInt("SELECT count(*) FROM r"), std::optional<qint64>(kRows));
        QVERIFY(!db->inTransaction());
    }

    // The connection lost with COMMIT's answer: the server is asked what became of the transaction, so a batch it
    // kept is not written again, and one it did not keep fails as before (and is retried whole by its writer).
    void aLostCommitAnswerIsAskedAbout()
    {
        CommitCutter cutter(m_server->port());
        QThread thread;
        cutter.moveToThread(&thread);
        thread.start();
        QMetaObject::invokeMethod(&cutter, &CommitCutter::start, Qt::BlockingQueuedConnection);
        {
            Database admin(std::make_unique<PgConnection>(m_server->url()));
            admin.exec("CREATE DATABASE lost");
        }
        const QString direct = m_server->url(QStringLiteral("lost"));
        Database db(std::make_unique<PgConnection>(
            QStringLiteral("postgresql://postgres@127.0.0.1:%1/lost?sslmode=disable").arg(cutter.port)));
        db.exec("CREATE TABLE c(id BIGINT PRIMARY KEY)");
        const auto rows = [&direct](const char* where) {
            Database look(std::make_unique<PgConnection>(direct));
            return look.queryInt(QByteArray(QByteArray("SELECT count(*) FROM c WHERE ") + where).constData())
                .value_or(-1);
        };
        const auto write = [&db](qint64 id) {
            db.beginWrite();
            db.prepare("INSERT INTO c(id) VALUES (?)").bind(1, id).execQueued();
            db.exec("COMMIT");
        };

        cutter.cut = CommitCutter::AnswerLost;
        write(1); // no error: the server had kept it
        QCOMPARE(cutter.cut.load(), int(CommitCutter::None));
        QCOMPARE(rows("id = 1"), 1);
        QVERIFY(!db.inTransaction());

        cutter.cut = CommitCutter::CommitLost;
        try {
            write(2);
            QFAIL("a COMMIT the server never saw succeeded");
        } catch (const DatabaseError& e) {
            QVERIFY2(e.message().contains(QLatin1String("had not kept")), qPrintable(e.message()));
        }
        QCOMPARE(cutter.cut.load(), int(CommitCutter::None));
        QCOMPARE(rows("id = 2"), 0);
        QVERIFY(!db.inTransaction());

        write(3); // and the connection works on
        QCOMPARE(rows("true"), 2);
        thread.quit();
        thread.wait();
    }

    void versionsAndErrors_data() { engines(); }
    void versionsAndErrors()
    {
        QFETCH(QString, engine);
        const std::unique_ptr<Database> db = open(engine);
        // Opened while the store is new (a SQLite file with a version and no mark of ours is another program's).
        const std::unique_ptr<Database> other = open(engine, false);
        QCOMPARE(db->userVersion(), 0);
        db->setUserVersion(10);
        QCOMPARE(db->userVersion(), 10);
        try {
            db->exec("SELECT * FROM no_such_table");
            QFAIL("no error");
        } catch (const DatabaseError& e) {
            QVERIFY2(e.message().contains("no_such_table"), qPrintable(e.message()));
        }
        // Another connection's commit moves the data version.
        other->exec("CREATE TABLE IF NOT EXISTS marks(x BIGINT)");
        const qint64 before = db->dataVersion();
        other->exec("INSERT INTO marks VALUES (1)");
        // At once on SQLite; on PostgreSQL the notification takes a moment to arrive.
        QTRY_VERIFY_WITH_TIMEOUT(db->dataVersion() != before, 2000);
    }

    // A URL with a password: accepted, never shown.
    void passwordsAreNeverShown()
    {
        const QString url
            = QStringLiteral("postgresql://postgres:pgSECRET77@127.0.0.1:%1/no_such_db").arg(m_server->port());
        try {
            Database db(std::make_unique<PgConnection>(url));
            QFAIL("connected to a database that does not exist");
        } catch (const DatabaseError& e) {
            QVERIFY2(!e.message().contains("pgSECRET77"), qPrintable(e.message()));
            QVERIFY2(e.message().contains("no_such_db"), qPrintable(e.message()));
        }
        QCOMPARE(PgConnection::withoutPassword("host=h password=pgSECRET77 dbname=x"),
            QString("host=h password=•••• dbname=x"));
    }

    // `store init`'s schema: the tables and columns of the SQLite file's latest version, made once; the viewer role
    // reads and is refused every write, the collector role writes; a newer schema is refused by name.
    void teamSchemaMatchesTheFileAndItsRoles()
    {
        {
            Database admin(std::make_unique<PgConnection>(m_server->url()));
            admin.exec("CREATE DATABASE team");
            admin.exec("CREATE DATABASE newer");
        }
        Database pg(std::make_unique<PgConnection>(m_server->url("team")));
        Result<PgSchema::InitOutcome> made = PgSchema::init(pg);
        QVERIFY2(made, qPrintable(made ? QString() : made.error()));
        QVERIFY(made->created && made->rolesMade);
        QCOMPARE(made->version, Migrations::latestVersion());
        made = PgSchema::init(pg);
        QVERIFY2(
            made && !made->created && made->version == Migrations::latestVersion(), "a second init changes nothing");

        Database file(m_dir.filePath("latest.sqlite"));
        Migrations::migrate(file);
        QMap<QString, QStringList> fileColumns;
        Statement tables = file.prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
        while (tables.step()) {
            Statement columns = file.prepare("SELECT name FROM pragma_table_xinfo(?) ORDER BY name");
            columns.bind(1, tables.text(0));
            while (columns.step())
                fileColumns[tables.text(0)].append(columns.text(0));
        }
        QMap<QString, QStringList> storeColumns;
        Statement pgColumns = pg.prepare("SELECT table_name, column_name FROM information_schema.columns WHERE "
                                         "table_schema = 'public' AND table_name != 'activity_meta' ORDER BY 1, 2");
        while (pgColumns.step())
            storeColumns[pgColumns.text(0)].append(pgColumns.text(1));
        // Compared in one order (the engines' collations differ).
        for (QStringList& columns : storeColumns)
            columns.sort();
        for (QStringList& columns : fileColumns)
            columns.sort();
        QCOMPARE(storeColumns.keys(), fileColumns.keys());
        for (auto it = fileColumns.constBegin(); it != fileColumns.constEnd(); ++it)
            QCOMPARE(storeColumns.value(it.key()), it.value());

        pg.exec("CREATE ROLE alice LOGIN IN ROLE activity_viewer");
        pg.exec("CREATE ROLE bob LOGIN IN ROLE activity_collector");
        const QString asViewer = QStringLiteral("postgresql://alice@127.0.0.1:%1/team").arg(m_server->port());
        const QString asCollector = QStringLiteral("postgresql://bob@127.0.0.1:%1/team").arg(m_server->port());
        Database collector(std::make_unique<PgConnection>(asCollector));
        collector.prepare("INSERT INTO settings(key, value) VALUES (?, ?)")
            .bind(1, QStringLiteral("k"))
            .bind(2, QStringLiteral("v"))
            .exec();
        collector.prepare("INSERT INTO sources(type, name, created_at) VALUES ('syslog', 'edge', 0)").exec();
        Database viewer(std::make_unique<PgConnection>(asViewer));
        QCOMPARE(viewer.queryInt("SELECT count(*) FROM settings"), std::optional<qint64>(1));
        for (const char* write : { "INSERT INTO settings(key, value) VALUES ('x', 'y')",
                 "UPDATE settings SET value = 'w'", "DELETE FROM sources", "DROP TABLE requests" }) {
            try {
                viewer.exec(write);
                QFAIL(qPrintable(QStringLiteral("the viewer could: ") + QLatin1String(write)));
            } catch (const DatabaseError& e) {
                QVERIFY2(e.message().contains("permission denied") || e.message().contains("must be owner"),
                    qPrintable(e.message()));
            }
        }

        Database newer(std::make_unique<PgConnection>(m_server->url("newer")));
        newer.setUserVersion(Migrations::latestVersion() + 89);
        const Result<PgSchema::InitOutcome> refused = PgSchema::init(newer);
        QVERIFY(!refused);
        QVERIFY2(refused.error().contains(QString::number(Migrations::latestVersion() + 89))
                && refused.error().contains(QString::number(Migrations::latestVersion())),
            qPrintable(refused.error()));
    }

    // A team store on a cluster whose locale sorts like a dictionary (ICU en-US, as a user's en_US.UTF-8 cluster)
    // still orders text as the file does, byte by byte: report and list orders are the same on both engines.
    // Version 16 narrows a team store's request rows: a store made before keeps its rows through the rewrite.
    void requestRowsNarrowOnUpgrade()
    {
        {
            Database admin(std::make_unique<PgConnection>(m_server->url()));
            admin.exec("CREATE DATABASE narrow");
        }
        Database pg(std::make_unique<PgConnection>(m_server->url("narrow")));
        QVERIFY(PgSchema::init(pg));
        const auto types = [&pg] {
            QStringList out;
            Statement st = pg.prepare("SELECT column_name || ' ' || data_type FROM information_schema.columns WHERE "
                                      "table_name = 'requests' AND column_name IN ('status', 'path_id', "
                                      "'agent_class', 'bytes', 'request_time') ORDER BY 1");
            while (st.step())
                out << st.text(0);
            return out.join(QStringLiteral(", "));
        };
        const QString narrow
            = "agent_class smallint, bytes bigint, path_id integer, request_time double precision, status integer";
        QCOMPARE(types(), narrow);
        // As version 15 left it, with a row.
        pg.exec("ALTER TABLE requests ALTER COLUMN status TYPE BIGINT, ALTER COLUMN path_id TYPE BIGINT, "
                "ALTER COLUMN agent_class TYPE BIGINT");
        pg.setUserVersion(15);
        pg.exec("CREATE TABLE requests_old PARTITION OF requests DEFAULT"); // a month's partition, as the writer makes
        const qint64 id = (qint64(1795564800) << 20) + 7;
        Statement insert = pg.prepare("INSERT INTO requests(id, site_id, addr, status, bytes, path_id, agent_class, "
                                      "request_time) VALUES (?, 1, ?, 404, ?, 2147483000, 3, 0.125)");
        insert.bind(1, id).bindBlob(2, "\x0a\x00\x00\x01", 4).bind(3, qint64(5'000'000'000)).exec();
        const Result<int> upgraded = PgSchema::upgrade(pg);
        QVERIFY2(upgraded, qPrintable(upgraded ? QString() : upgraded.error()));
        QCOMPARE(*upgraded, 1);
        QCOMPARE(types(), narrow);
        Statement row = pg.prepare("SELECT ts, status, bytes, path_id, agent_class, request_time FROM requests");
        QVERIFY(row.step());
        QCOMPARE(row.int64(0), qint64(1795564800));
        QCOMPARE(row.int64(1), 404);
        QCOMPARE(row.int64(2), qint64(5'000'000'000));
        QCOMPARE(row.int64(3), 2147483000);
        QCOMPARE(row.int64(4), 3);
        QCOMPARE(row.real(5), 0.125);
    }

    void textSortsAsInTheFileWhateverTheClusterLocale()
    {
        {
            Database admin(std::make_unique<PgConnection>(m_server->url()));
            admin.exec("CREATE DATABASE dictionary TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US' "
                       "LOCALE 'C.UTF-8'");
        }
        Database pg(std::make_unique<PgConnection>(m_server->url("dictionary")));
        QCOMPARE(pg.queryInt("SELECT ('Zeta' < 'apple')::int"), std::optional<qint64>(0)); // the locale is in force
        QVERIFY(PgSchema::init(pg));
        Database file(m_dir.filePath("order.sqlite"));
        Migrations::migrate(file);
        const QStringList names = { "apple", "Zeta", "_under", "b", "B", "a-b", "ab", "Äpfel", "10", "9" };
        QStringList orders[2];
        int i = 0;
        for (Database* db : { &file, &pg }) {
            for (const QString& name : names)
                db->prepare("INSERT INTO sites(name) VALUES (?)").bind(1, name).exec();
            Statement st = db->prepare("SELECT name FROM sites ORDER BY name");
            while (st.step())
                orders[i].append(st.text(0));
            ++i;
        }
        QCOMPARE(orders[0].size(), names.size());
        QCOMPARE(orders[1], orders[0]);
        QCOMPARE(orders[0].first(), QStringLiteral("10")); // bytes: digits, capitals, '_', small letters, 'Ä' last
        QCOMPARE(orders[0].last(), QStringLiteral("Äpfel"));
        QCOMPARE(pg.queryInt("SELECT count(*) FROM information_schema.columns WHERE table_schema = 'public' AND "
                             "data_type = 'text' AND collation_name IS DISTINCT FROM 'C'"),
            std::optional<qint64>(0));
    }

    // What the window's live refresh rests on: a reader learns that another connection committed, and on
    // PostgreSQL it is woken by the notification instead of a timer.
    void anotherConnectionsCommitIsHeard_data() { engines(); }
    void anotherConnectionsCommitIsHeard()
    {
        QFETCH(QString, engine);
        const std::unique_ptr<Database> writer = open(engine);
        const std::unique_ptr<Database> reader = open(engine, false); // while new (see versionsAndErrors)
        writer->exec("CREATE TABLE t(id BIGINT PRIMARY KEY)");
        const qint64 before = reader->dataVersion();
        {
            Transaction tx(*writer);
            writer->exec("INSERT INTO t(id) VALUES (1)");
            tx.commit();
        }
        QTRY_VERIFY_WITH_TIMEOUT(reader->dataVersion() != before, 2000);
        // Its own commits do not count.
        const qint64 seen = reader->dataVersion();
        const qint64 writerSeen = writer->dataVersion();
        {
            Transaction tx(*writer);
            writer->exec("INSERT INTO t(id) VALUES (2)");
            tx.commit();
        }
        QCOMPARE(writer->dataVersion(), writerSeen);
        QTRY_VERIFY_WITH_TIMEOUT(reader->dataVersion() != seen, 2000);
    }

    void queryRunnerIsWokenByANotification()
    {
        const std::unique_ptr<Database> writer = open(QStringLiteral("postgresql"));
        writer->exec("CREATE TABLE t(id BIGINT PRIMARY KEY)");
        // A poll far longer than the test: only the notification can wake it.
        QueryRunner runner(m_server->url(QStringLiteral("t%1").arg(m_generation)), 60'000);
        int seen = 0;
        runner.enqueue([](Database& db) { db.queryInt("SELECT count(*) FROM t"); });
        runner.waitForIdle();
        connect(&runner, &QueryRunner::dataChanged, this, [&seen] { ++seen; });
        QElapsedTimer took;
        took.start();
        {
            Transaction tx(*writer);
            writer->exec("INSERT INTO t(id) VALUES (1)");
            tx.commit();
        }
        QTRY_VERIFY_WITH_TIMEOUT(seen > 0, 2000);
        qInfo("heard in %lld ms", took.elapsed());
    }

    // Windows pointed at a streaming replica: it relays no notification and refuses LISTEN, so the change check
    // reads the replayed WAL position; the replica answers reads, refuses writes, and new data wakes its runner.
    void aReplicaTellsOfThePrimarysCommits()
    {
        PostgresServer standby(PostgresServer::StandbyOf { *m_server });
        QVERIFY2(standby.ok(), qPrintable(standby.error()));
        {
            Database admin(std::make_unique<PgConnection>(m_server->url()));
            admin.exec("CREATE DATABASE replicated");
        }
        Database primary(std::make_unique<PgConnection>(m_server->url("replicated")));
        QVERIFY(PgSchema::init(primary));
        std::unique_ptr<Database> replica;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                try {
                    replica = std::make_unique<Database>(standby.url("replicated"), Database::Mode::ReadOnly);
                    return replica->queryInt("SELECT count(*) FROM settings").has_value();
                } catch (const DatabaseError&) {
                    return false; // not replayed yet
                }
            }(),
            10'000);
        const qint64 before = replica->dataVersion();
        QueryRunner runner(standby.url("replicated"), 100);
        int heard = 0;
        runner.enqueue([](Database& db) { db.queryInt("SELECT count(*) FROM settings"); });
        runner.waitForIdle();
        connect(&runner, &QueryRunner::dataChanged, this, [&heard] { ++heard; });
        {
            Transaction tx(primary);
            primary.exec("INSERT INTO settings(key, value) VALUES ('retention.days', '30')");
            tx.commit();
        }
        QTRY_VERIFY_WITH_TIMEOUT(replica->dataVersion() != before, 10'000);
        Statement read = replica->prepare("SELECT value FROM settings WHERE key = 'retention.days'");
        QVERIFY(read.step());
        QCOMPARE(read.text(0), QString("30"));
        QTRY_VERIFY_WITH_TIMEOUT(heard > 0, 10'000);
        bool refused = false;
        try {
            replica->exec("INSERT INTO settings(key, value) VALUES ('x', 'y')");
        } catch (const DatabaseError& e) {
            refused = e.message().contains("read-only");
        }
        QVERIFY(refused);
    }

    // Writers of several connections take turns (as SQLite's BEGIN IMMEDIATE makes them), so one that reads the
    // highest id inside its transaction never collides with another.
    void writersTakeTurns()
    {
        const std::unique_ptr<Database> a = open(QStringLiteral("postgresql"));
        a->exec("CREATE TABLE t(id BIGINT PRIMARY KEY)");
        const std::unique_ptr<Database> b = open(QStringLiteral("postgresql"), false);
        b->setBusyTimeoutMs(300);
        Transaction first(*a);
        bool refused = false;
        try {
            b->beginWrite();
        } catch (const DatabaseError& e) {
            refused = e.message().contains(QLatin1String("lock timeout"));
        }
        QVERIFY(refused);
        QVERIFY(!b->inTransaction());
        first.commit();
        b->beginWrite();
        b->exec("COMMIT");
    }

private:
    void engines()
    {
        QTest::addColumn<QString>("engine");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgresql") << QStringLiteral("postgresql");
    }
    // A new, empty store of the engine for each test function; `fresh` false: the same one again.
    std::unique_ptr<Database> open(const QString& engine, bool fresh = true)
    {
        if (fresh)
            ++m_generation;
        if (engine == QLatin1String("sqlite"))
            return std::make_unique<Database>(m_dir.filePath(QStringLiteral("s%1.sqlite").arg(m_generation)));
        const QString name = QStringLiteral("t%1").arg(m_generation);
        if (fresh) {
            Database admin(std::make_unique<PgConnection>(m_server->url()));
            admin.exec(QStringLiteral("CREATE DATABASE %1").arg(name).toUtf8().constData());
        }
        return std::make_unique<Database>(std::make_unique<PgConnection>(m_server->url(name)));
    }

    QTemporaryDir m_dir;
    std::unique_ptr<PostgresServer> m_server;
    int m_generation = 0;
};

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestEngines)
#include "tst_engines.moc"
