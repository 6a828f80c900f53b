#include "core/storage/storecopy.h"

#include "core/storage/database.h"
#include "core/storage/migrations.h"
#include "core/storage/requestkeys.h"
#include "core/storage/storeurl.h"

#include <QCoreApplication>

namespace activity {

namespace {
struct CopyText {
    Q_DECLARE_TR_FUNCTIONS(StoreCopy)
};

constexpr int kBatchRows = 5000;

struct Column {
    QString name;
    bool blob = false;
};

// The columns a row is written with (generated ones are computed by the target).
QList<Column> columnsOf(Database& db, const QString& table)
{
    QList<Column> columns;
    if (db.isPostgres()) {
        Statement st = db.prepare("SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = "
                                  "current_schema() AND table_name = ? AND is_generated = 'NEVER' "
                                  "ORDER BY ordinal_position");
        st.bind(1, table);
        while (st.step())
            columns << Column { st.text(0), st.text(1) == QLatin1String("bytea") };
        return columns;
    }
    // hidden: 2 and 3 are generated columns. Table names come from tables(), not from input.
    Statement st = db.prepare(QStringLiteral("SELECT name, upper(type), hidden FROM pragma_table_xinfo('%1')")
                                  .arg(table)
                                  .toUtf8()
                                  .constData());
    while (st.step())
        if (st.int64(2) == 0)
            columns << Column { st.text(0), st.text(1) == QLatin1String("BLOB") };
    return columns;
}

qint64 countRows(Database& db, const QString& table)
{
    return db.queryInt(QStringLiteral("SELECT count(*) FROM %1").arg(table).toUtf8().constData()).value_or(0);
}

QString quoted(const QString& name)
{
    return QLatin1Char('"') + name + QLatin1Char('"');
}

// The key a table is read in, so that batches follow each other (the first column of its primary key is enough
// with OFFSET-free paging on the whole key).
QStringList keyOf(Database& db, const QString& table)
{
    QStringList key;
    if (db.isPostgres()) {
        Statement st = db.prepare(
            "SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = "
            "ANY(i.indkey) WHERE i.indrelid = to_regclass(?) AND i.indisprimary "
            "ORDER BY array_position(i.indkey, a.attnum)");
        st.bind(1, table);
        while (st.step())
            key << st.text(0);
        return key;
    }
    Statement st = db.prepare(QStringLiteral("SELECT name FROM pragma_table_info('%1') WHERE pk > 0 ORDER BY pk")
                                  .arg(table)
                                  .toUtf8()
                                  .constData());
    while (st.step())
        key << st.text(0);
    return key;
}

// The settings as the source has them: a new store of either engine starts with a few of its own (a file's
// rollups.hourly_text_from), which would otherwise make the copy differ from its source or look not empty.
void replaceSettings(Database& from, Database& to)
{
    Transaction tx(to);
    to.exec("DELETE FROM settings");
    Statement read = from.prepare("SELECT key, value FROM settings");
    Statement write = to.prepare("INSERT INTO settings(key, value) VALUES(?, ?)");
    while (read.step())
        write.bind(1, read.text(0)).bind(2, read.text(1)).exec();
    tx.commit();
}

void makeRoomForRequests(Database& from, Database& to)
{
    Statement span = from.prepare("SELECT min(id), max(id) FROM requests");
    if (!span.step() || span.isNull(0))
        return;
    const qint64 last = span.int64(1) >> RequestKeys::kSeqBits;
    Transaction tx(to);
    for (qint64 ts = span.int64(0) >> RequestKeys::kSeqBits; ts <= last;)
        ts = to.roomForRequests(ts).second;
    tx.commit();
}

void copyTable(Database& from, Database& to, const QString& table, qint64& done, qint64 total,
    const std::function<void(const StoreCopy::Progress&)>& progress)
{
    const QList<Column> target = columnsOf(to, table);
    QStringList names;
    for (const Column& c : target)
        names << quoted(c.name);
    const QStringList key = keyOf(from, table);
    QStringList order;
    for (const QString& k : key)
        order << quoted(k);
    const QString select
        = QStringLiteral("SELECT %1 FROM %2%3")
              .arg(names.join(QLatin1String(", ")), table,
                  order.isEmpty() ? QString() : QStringLiteral(" ORDER BY ") + order.join(QLatin1String(", ")));
    QStringList marks;
    for (int i = 1; i <= names.size(); ++i)
        marks << QStringLiteral("?%1").arg(i);
    const QString insert = QStringLiteral("INSERT OR IGNORE INTO %1(%2) VALUES(%3)")
                               .arg(table, names.join(QLatin1String(", ")), marks.join(QLatin1String(", ")));
    // The source is read in one statement (its snapshot), the target written in batches.
    Statement read = from.prepare(select.toUtf8().constData());
    Statement write = to.prepare(insert.toUtf8().constData());
    bool more = read.step();
    while (more) {
        Transaction tx(to);
        for (int n = 0; n < kBatchRows && more; ++n, more = read.step()) {
            for (int c = 0; c < target.size(); ++c) {
                if (read.isNull(c))
                    write.bindNull(c + 1);
                else if (target[c].blob)
                    write.bind(c + 1, read.blob(c));
                else
                    write.bind(c + 1,
                        read.value(c).typeId() == QMetaType::QByteArray ? QVariant(read.text(c)) : read.value(c));
            }
            write.execQueued(); // a team store takes the batch by COPY, not a round trip a row
            ++done;
        }
        tx.commit();
        if (progress)
            progress({ table, done, total });
    }
}

// Identity columns given explicit ids: their sequences go on after the highest id copied.
void advanceSequences(Database& to)
{
    if (!to.isPostgres())
        return;
    QList<std::pair<QString, QString>> identities;
    Statement columns = to.prepare("SELECT table_name, column_name FROM information_schema.columns WHERE table_schema "
                                   "= current_schema() AND is_identity = 'YES' ORDER BY table_name");
    while (columns.step())
        identities.append({ columns.text(0), columns.text(1) });
    for (const auto& [table, column] : identities) {
        if (!StoreCopy::tables().contains(table))
            continue;
        // Names from the catalogue of our own schema, never from input.
        Statement set = to.prepare(QStringLiteral("SELECT setval(pg_get_serial_sequence('%1', '%2'), "
                                                  "coalesce((SELECT max(%2) FROM %1), 0) + 1, false)")
                                       .arg(table, column)
                                       .toUtf8()
                                       .constData());
        set.step();
    }
}
} // namespace

QStringList StoreCopy::tables()
{
    return {
        QStringLiteral("settings"),
        QStringLiteral("sources"),
        QStringLiteral("fetch_state"),
        QStringLiteral("http_cache"),
        QStringLiteral("series"),
        QStringLiteral("samples"),
        QStringLiteral("ranked_items"),
        QStringLiteral("strings"),
        QStringLiteral("sites"),
        QStringLiteral("rollups"),
        QStringLiteral("ingest_counters"),
        QStringLiteral("rejected_lines"),
        QStringLiteral("requests"),
        QStringLiteral("visitors"),
        QStringLiteral("visitor_sets"),
        QStringLiteral("imports"),
        QStringLiteral("alert_rules"),
        QStringLiteral("alert_state"),
        QStringLiteral("alert_events"),
        QStringLiteral("dashboards"),
        QStringLiteral("collectors"),
        QStringLiteral("source_leases"),
        QStringLiteral("events"),
        QStringLiteral("download_sizes"),
        QStringLiteral("crawler_claims"),
        QStringLiteral("crawler_verdicts"),
    };
}

Result<StoreCopy::Outcome> StoreCopy::run(
    const QString& fromUrl, const QString& toUrl, const std::function<void(const Progress&)>& progress)
{
    if (StoreUrl::shown(fromUrl) == StoreUrl::shown(toUrl))
        return Error { CopyText::tr("the two stores are the same") };
    try {
        Database from(fromUrl);
        Migrations::migrate(from);
        Database to(toUrl);
        Migrations::migrate(to);
        qint64 total = 0;
        QList<TableCount> sourceCounts;
        for (const QString& table : tables()) {
            const qint64 n = countRows(from, table);
            const qint64 there = countRows(to, table);
            if (there > n && table != QLatin1String("settings"))
                return Error { CopyText::tr("%1 has more rows in table %2 (%3) than %4 (%5): it is not an empty "
                                            "store or an earlier copy of this one")
                                   .arg(to.path(), table)
                                   .arg(there)
                                   .arg(from.path())
                                   .arg(n) };
            sourceCounts << TableCount { table, n };
            total += n;
        }
        qint64 done = 0;
        for (const TableCount& t : sourceCounts) {
            if (t.table == QLatin1String("settings"))
                replaceSettings(from, to);
            if (t.table == QLatin1String("settings") || countRows(to, t.table) == t.rows) { // or an earlier run's
                done += t.rows;
                if (progress)
                    progress({ t.table, done, total });
                continue;
            }
            if (t.table == QLatin1String("requests")) // each month's partition first (PostgreSQL)
                makeRoomForRequests(from, to);
            qint64 tableDone = done;
            copyTable(from, to, t.table, tableDone, total, progress);
            done += t.rows;
        }
        advanceSequences(to);
        Outcome outcome;
        for (const TableCount& t : sourceCounts) {
            const qint64 there = countRows(to, t.table);
            if (there != t.rows)
                return Error { CopyText::tr("table %1 has %2 rows in %3 but %4 in %5 after the copy")
                                   .arg(t.table)
                                   .arg(t.rows)
                                   .arg(from.path())
                                   .arg(there)
                                   .arg(to.path()) };
            outcome.tables << t;
            outcome.totalRows += t.rows;
        }
        return outcome;
    } catch (const DatabaseError& e) {
        return Error { e.message() };
    }
}

} // namespace activity
