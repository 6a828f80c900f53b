#pragma once
// The store a suite runs on, so that one suite proves both engines: a SQLite file in the suite's folder, or, when
// ctest runs its "_pg" twin (ACTIVITY_TEST_ENGINE=postgresql), a database of its own on a real PostgreSQL that the
// suite starts once (PostgresServer) and stops at exit.
#include "core/storage/database.h"
#include "tests/support/postgresserver.h"

#include <QHash>
#include <QTemporaryDir>
#include <memory>

namespace activity {

class TestStore {
public:
    static bool onPostgres() { return qgetenv("ACTIVITY_TEST_ENGINE") == "postgresql"; }

    // A new, empty store named `name` (a file in `dir`, or a database): the caller migrates it as the program does.
    static std::unique_ptr<Database> open(const QTemporaryDir& dir, const QString& name)
    {
        return std::make_unique<Database>(location(dir, name));
    }

    // Where a new, empty store named `name` is: what Database and --store take (a file path or a URL).
    static QString location(const QTemporaryDir& dir, const QString& name)
    {
        return onPostgres() ? url(name) : dir.filePath(name + QStringLiteral(".sqlite"));
    }

    // A new, empty database on the suite's PostgreSQL.
    static QString url(const QString& name)
    {
        PostgresServer& pg = server();
        if (!pg.ok())
            throw DatabaseError(QStringLiteral("the test's PostgreSQL did not start: ") + pg.error());
        static int made = 0;
        const QString database = QStringLiteral("%1_%2").arg(name).arg(++made).toLower();
        Database admin(pg.url());
        admin.exec(QStringLiteral("CREATE DATABASE \"%1\"").arg(database).toUtf8().constData());
        return pg.url(database);
    }

    // The store the program uses for data folder `dataDir` in the _pg twin of a suite that runs it (runProgram
    // sets ACTIVITY_STORE to it): one database per data folder, made on first use. Empty on SQLite.
    static QString urlForDataDir(const QString& dataDir)
    {
        if (!onPostgres())
            return {};
        static QHash<QString, QString> urls;
        QString& url = urls[dataDir];
        if (url.isEmpty())
            url = TestStore::url(QStringLiteral("data"));
        return url;
    }

    // What --store names for data folder `dataDir`: its file, or on PostgreSQL its database (urlForDataDir).
    static QString storeOfDataDir(const QString& dataDir)
    {
        return onPostgres() ? urlForDataDir(dataDir) : dataDir + QStringLiteral("/activity.sqlite");
    }

private:
    static PostgresServer& server()
    {
        static PostgresServer pg;
        return pg;
    }
};

} // namespace activity
