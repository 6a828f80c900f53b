// Measures the choice of storage API for ingest: the sqlite3 C API (what core/storage uses) against
// QtSql's SQLite driver, inserting request-shaped rows in batched transactions into a WAL database.
#include "core/storage/database.h"
#include "core/storage/migrations.h"
#include "core/storage/requestkeys.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <cstdio>

using namespace activity;

namespace {
constexpr int kRows = 500'000;
constexpr int kBatch = 10'000;

struct Row {
    qint64 ts;
    QByteArray addr;
    int path;
    int status;
    qint64 bytes;
    int agent;
};

Row makeRow(int i)
{
    const quint32 ip = 0x51000000u + quint32((i * 2654435761u) % 500000u);
    QByteArray addr(4, Qt::Uninitialized);
    for (int b = 0; b < 4; ++b)
        addr[b] = char((ip >> (24 - 8 * b)) & 0xff);
    return { 1'700'000'000 + i / 10, addr, i % 700, (i % 50) ? 200 : 404, 512 + (i % 4096), i % 120 };
}

double withCApi(const QString& path)
{
    Database db(path);
    Migrations::migrate(db);
    db.exec("INSERT INTO sites(id, name) VALUES(1, 'bench')");
    Statement insert = db.prepare("INSERT INTO requests(id, site_id, addr, country, path_id, status, bytes, agent_id) "
                                  "VALUES(?, 1, ?, 'FR', ?, ?, ?, ?)");
    QElapsedTimer timer;
    timer.start();
    for (int start = 0; start < kRows; start += kBatch) {
        Transaction tx(db);
        for (int i = start; i < start + kBatch; ++i) {
            const Row r = makeRow(i);
            insert.bind(1, RequestKeys::firstId(r.ts) + i)
                .bind(2, r.addr)
                .bind(3, r.path)
                .bind(4, r.status)
                .bind(5, r.bytes)
                .bind(6, r.agent);
            insert.exec();
        }
        tx.commit();
    }
    return kRows / (timer.nsecsElapsed() / 1e9);
}

double withQtSql(const QString& path)
{
    {
        Database db(path);
        Migrations::migrate(db);
        db.exec("INSERT INTO sites(id, name) VALUES(1, 'bench')");
    }
    double rate = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bench"));
        db.setDatabaseName(path);
        if (!db.open()) {
            std::fprintf(stderr, "QtSql: %s\n", qPrintable(db.lastError().text()));
            return 0;
        }
        QSqlQuery pragma(db);
        pragma.exec(QStringLiteral("PRAGMA journal_mode = WAL"));
        pragma.exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
        QSqlQuery insert(db);
        insert.prepare(
            QStringLiteral("INSERT INTO requests(id, site_id, addr, country, path_id, status, bytes, agent_id) "
                           "VALUES(?, 1, ?, 'FR', ?, ?, ?, ?)"));
        QElapsedTimer timer;
        timer.start();
        for (int start = 0; start < kRows; start += kBatch) {
            db.transaction();
            for (int i = start; i < start + kBatch; ++i) {
                const Row r = makeRow(i);
                insert.bindValue(0, RequestKeys::firstId(r.ts) + i); // i < 2^20: ids stay unique
                insert.bindValue(1, r.addr);
                insert.bindValue(2, r.path);
                insert.bindValue(3, r.status);
                insert.bindValue(4, r.bytes);
                insert.bindValue(5, r.agent);
                insert.exec();
            }
            db.commit();
        }
        rate = kRows / (timer.nsecsElapsed() / 1e9);
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bench"));
    return rate;
}
} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    const double c = withCApi(dir.filePath(QStringLiteral("c.sqlite")));
    const double qt = withQtSql(dir.filePath(QStringLiteral("qt.sqlite")));
    std::printf("storage insert, %d request rows in %d-row transactions:\n", kRows, kBatch);
    std::printf("  sqlite3 C API : %10.0f rows/s\n", c);
    std::printf("  QtSql (QSQLITE): %10.0f rows/s\n", qt);
    std::printf("  ratio C API / QtSql: %.2fx\n", qt > 0 ? c / qt : 0.0);
    return 0;
}
