#pragma once
// Database, clock, HTTP client and fake APIs wired together for collector tests.

#include "core/net/httpcache.h"
#include "core/net/httpclient.h"
#include "core/sources/apicollector.h"
#include "core/sources/apistore.h"
#include "core/sources/sourceregistry.h"
#include "core/sources/sourcestore.h"
#include "core/storage/database.h"
#include "core/storage/migrations.h"
#include "core/util/clock.h"
#include "tests/support/fakeapiserver.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace activity;

inline HttpOptions fastHttp()
{
    HttpOptions o;
    o.userAgent = "activity-dashboard/test";
    o.timeoutMs = 300;
    o.maxAttempts = 3;
    o.backoffBaseMs = 5;
    o.backoffMaxMs = 20;
    return o;
}

struct ApiHarness {
    QTemporaryDir dir;
    std::unique_ptr<Database> db;
    ManualClock clock { 1'700'000'000'000 }; // 2023-11-14T22:13:20Z
    SourceRegistry registry;
    std::unique_ptr<ApiStore> store;
    std::unique_ptr<HttpCache> cache;
    HttpClient http { fastHttp() };
    FakeApis fake;

    ApiHarness()
    {
        db = std::make_unique<Database>(dir.filePath(QStringLiteral("a.sqlite")));
        Migrations::migrate(*db);
        store = std::make_unique<ApiStore>(*db);
        cache = std::make_unique<HttpCache>(*db);
    }
    // Reopens everything on the same file, as a restart does.
    void restart()
    {
        cache.reset();
        store.reset();
        db = std::make_unique<Database>(dir.filePath(QStringLiteral("a.sqlite")));
        store = std::make_unique<ApiStore>(*db);
        cache = std::make_unique<HttpCache>(*db);
    }
    qint64 addSource(const QString& type, QJsonObject settings)
    {
        settings.insert(QStringLiteral("api-url"), fake.baseUrl());
        if (!settings.contains(QStringLiteral("interval")))
            settings.insert(QStringLiteral("interval"), type == QLatin1String("github") ? "15m" : "1h");
        return SourceStore(*db, clock).add(type, QStringLiteral("test"), settings);
    }
    QJsonObject settingsOf(qint64 id) { return SourceStore(*db, clock).get(id)->settings; }
    ApiCollector::Services services() { return { *store, *cache, http, clock, nullptr }; }

    template <typename Collector> PollOutcome pollWith(Collector& c)
    {
        QSignalSpy spy(&c, &ApiCollector::finished);
        c.poll();
        if (spy.isEmpty())
            spy.wait(10'000);
        return spy.isEmpty() ? PollOutcome { false, QStringLiteral("timeout in test") }
                             : spy.first().first().value<PollOutcome>();
    }

    // The last value of a series, or -1 when there is none.
    double last(const char* provider, const QString& repo, const char* metric)
    {
        Statement s = db->prepare("SELECT m.value FROM samples m JOIN series s ON s.id = m.series_id WHERE "
                                  "s.provider = ? AND s.repository = ? AND s.metric = ? ORDER BY m.ts DESC LIMIT 1");
        s.bind(1, QString::fromLatin1(provider)).bind(2, repo).bind(3, QString::fromLatin1(metric));
        return s.step() ? s.real(0) : -1;
    }
    QList<std::pair<qint64, double>> points(const char* provider, const QString& repo, const char* metric)
    {
        Statement s = db->prepare("SELECT m.ts, m.value FROM samples m JOIN series s ON s.id = m.series_id WHERE "
                                  "s.provider = ? AND s.repository = ? AND s.metric = ? ORDER BY m.ts");
        s.bind(1, QString::fromLatin1(provider)).bind(2, repo).bind(3, QString::fromLatin1(metric));
        QList<std::pair<qint64, double>> out;
        while (s.step())
            out.append({ s.int64(0), s.real(1) });
        return out;
    }
    qint64 count(const char* sql) { return db->queryInt(sql).value_or(-1); }
};
