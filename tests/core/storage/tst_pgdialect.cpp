// The SQLite forms the stores use, as PostgreSQL reads them: what changes, and that text in quotes never does.
#include "core/storage/postgres/pgbulk.h"
#include "core/storage/postgres/pgconnection.h"
#include "core/storage/postgres/pgdialect.h"

#include <QTest>

namespace activity {

namespace {
QByteArray pg(const char* sql)
{
    return PgDialect::translate(QByteArray(sql), [](const QString& table) {
        return table == QLatin1String("samples") ? QStringList { "series_id", "ts" } : QStringList {};
    });
}
} // namespace

class TestPgDialect : public QObject {
    Q_OBJECT
private slots:
    void insertOrIgnore()
    {
        QCOMPARE(pg("INSERT OR IGNORE INTO visitors(day, site_id, h) VALUES(?, ?, ?)"),
            QByteArray("INSERT INTO visitors(day, site_id, h) VALUES(?, ?, ?) ON CONFLICT DO NOTHING "));
        // Before RETURNING, not after it.
        QCOMPARE(pg("INSERT OR IGNORE INTO t(a) VALUES(1) RETURNING a"),
            QByteArray("INSERT INTO t(a) VALUES(1)  ON CONFLICT DO NOTHING RETURNING a"));
    }
    void insertOrReplaceUpdatesWhatIsNotTheKey()
    {
        QCOMPARE(pg("INSERT OR REPLACE INTO samples(series_id, ts, value) VALUES (?, ?, ?)"),
            QByteArray("INSERT INTO samples(series_id, ts, value) VALUES (?, ?, ?) ON CONFLICT (series_id, ts) DO "
                       "UPDATE SET value = excluded.value "));
    }
    void conflictUpdatesNameTheRow()
    {
        // PostgreSQL finds a bare column ambiguous there: the row's is qualified, the assigned one is not.
        QCOMPARE(pg("INSERT INTO c(source_id, name, value) VALUES(?, ?, ?) ON CONFLICT(source_id, name) DO UPDATE "
                    "SET value = max(value, excluded.value)"),
            QByteArray("INSERT INTO c(source_id, name, value) VALUES(?, ?, ?) ON CONFLICT(source_id, name) DO UPDATE "
                       "SET value = GREATEST(c.value, excluded.value)"));
        QCOMPARE(pg("INSERT INTO l(id, who, until) VALUES(?, ?, ?) ON CONFLICT(id) DO UPDATE SET who = excluded.who "
                    "WHERE who = excluded.who OR until < ?"),
            QByteArray("INSERT INTO l(id, who, until) VALUES(?, ?, ?) ON CONFLICT(id) DO UPDATE SET who = "
                       "excluded.who WHERE l.who = excluded.who OR l.until < ?"));
    }
    void scalarMaxButNotTheAggregate()
    {
        QCOMPARE(pg("SELECT max(ts), min(a, b), max((1), (2)) FROM t"),
            QByteArray("SELECT max(ts), LEAST(a, b), GREATEST((1), (2)) FROM t"));
    }
    void likeIsCaseBlindAsInSqlite()
    {
        QCOMPARE(pg("SELECT 1 FROM t WHERE name LIKE ? ESCAPE '\\'"),
            QByteArray("SELECT 1 FROM t WHERE name ILIKE ? ESCAPE '\\'"));
    }
    void blobLiteralsBecomeBytea()
    {
        QCOMPARE(pg("INSERT INTO t(a, b) VALUES(x'0a01', X'FF') -- x'00'"),
            QByteArray("INSERT INTO t(a, b) VALUES('\\x0a01'::bytea, '\\xFF'::bytea) -- x'00'"));
        QCOMPARE(pg("SELECT max'1', 'x''2'"), QByteArray("SELECT max'1', 'x''2'")); // not a literal: a word, a quote
    }
    void limitMinusOneIsNoLimit()
    {
        QCOMPARE(pg("SELECT k FROM t ORDER BY k LIMIT -1 OFFSET ?5"),
            QByteArray("SELECT k FROM t ORDER BY k LIMIT ALL OFFSET ?5"));
        QCOMPARE(pg("SELECT k FROM t LIMIT -10"), QByteArray("SELECT k FROM t LIMIT -10"));
    }
    void quotedTextIsNeverChanged()
    {
        const char* sql = "SELECT 'INSERT OR IGNORE INTO x', 'max(a, b) LIKE ifnull(' , \"LIKE\" FROM t -- max(a, b)";
        QCOMPARE(pg(sql), QByteArray(sql));
    }
    void placeholdersBecomeNumbered()
    {
        int count = 0;
        QCOMPARE(PgConnection::translatePlaceholders("SELECT ?, '?', ?3, ? -- ?", &count),
            QByteArray("SELECT $1, '?', $3, $4 -- ?"));
        QCOMPARE(count, 4);
    }
    // Which queued INSERTs go in bulk (COPY), and what an upsert's rows are keyed by.
    void bulkFormsOfInserts()
    {
        const PgBulkForm plain = PgBulkForm::of("INSERT INTO requests(id, site_id, addr) VALUES($1, $2, $3)", 3);
        QVERIFY(plain.ok());
        QCOMPARE(plain.table, QByteArray("requests"));
        QCOMPARE(plain.columns, QByteArray("id, site_id, addr"));
        QCOMPARE(plain.params, (QList<int> { 0, 1, 2 }));
        QVERIFY(plain.onConflict.isEmpty());
        const PgBulkForm upsert = PgBulkForm::of("INSERT INTO rollups(period, bucket, dim, key, n) "
                                                 "VALUES($1, $3, $2, $4, $5) ON CONFLICT (period, dim, bucket, key) "
                                                 "DO UPDATE SET n = rollups.n + excluded.n",
            5);
        QVERIFY(upsert.ok());
        QCOMPARE(upsert.params, (QList<int> { 0, 2, 1, 3, 4 }));
        QCOMPARE(upsert.keyParams, (QList<int> { 0, 1, 2, 3 }));
        QCOMPARE(upsert.onConflict,
            QByteArray("ON CONFLICT (period, dim, bucket, key) DO UPDATE SET n = rollups.n + "
                       "excluded.n"));
        const PgBulkForm ignore = PgBulkForm::of("INSERT INTO v(day, h) VALUES($1, $2) ON CONFLICT DO NOTHING", 2);
        QVERIFY(ignore.ok());
        QVERIFY(ignore.target.isEmpty() && ignore.keyParams.isEmpty());
        // One statement per row: a literal among the values, a parameter in the update, RETURNING, a parameter
        // used twice, a key column not given, not an INSERT.
        QVERIFY(!PgBulkForm::of("INSERT INTO t(a, b) VALUES($1, '')", 1).ok());
        QVERIFY(!PgBulkForm::of("INSERT INTO t(a, b) VALUES($1, $2) ON CONFLICT(a) DO UPDATE SET b = $2", 2).ok());
        QVERIFY(!PgBulkForm::of("INSERT INTO t(a) VALUES($1) RETURNING id", 1).ok());
        QVERIFY(!PgBulkForm::of("INSERT INTO t(a) VALUES($1) ON CONFLICT(a) DO NOTHING RETURNING a", 1).ok());
        QVERIFY(!PgBulkForm::of("INSERT INTO t(a, b) VALUES($1, $1)", 1).ok());
        QVERIFY(!PgBulkForm::of("INSERT INTO t(a, b) VALUES($1, $2) ON CONFLICT(c) DO NOTHING", 2).ok());
        QVERIFY(!PgBulkForm::of("UPDATE t SET a = $1", 1).ok());
        QVERIFY(!PgBulkForm::of("INSERT INTO t SELECT * FROM u", 0).ok());
    }
};

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestPgDialect)
#include "tst_pgdialect.moc"
