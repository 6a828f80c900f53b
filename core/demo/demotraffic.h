#pragma once

#include "core/storage/database.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSet>

// One request as the ingest pipeline would store it (after parsing and GeoIP).
struct DemoRequest {
    qint64 ts = 0;
    QByteArray site;
    QByteArray addr; // 4 or 16 bytes
    QByteArray country; // ISO alpha-2, empty when unknown
    QByteArray method;
    QByteArray path;
    int status = 200;
    qint64 bytes = 0;
    QByteArray referrer;
    QByteArray agent;
    double requestTime = 0;
};

// Writes requests, strings, visitors and the rollups (periods 60/3600/86400; dims '', status, country, path)
// by the rules in core/storage/migrations.cpp. Requests must come in time order. Until the ingest pipeline
// lands this is how demo traffic reaches the database; it keeps the same contract.
class DemoTrafficWriter {
public:
    explicit DemoTrafficWriter(Database& db);
    ~DemoTrafficWriter();
    void add(const DemoRequest& request);
    // Writes the rollups; call once at the end (inside the caller's transaction).
    void finish();

private:
    qint64 stringId(const QByteArray& value);
    qint64 siteId(const QByteArray& name);
    struct Sum {
        qint64 requests = 0;
        qint64 visitors = 0;
        qint64 bytes = 0;
    };
    void roll(qint64 site, const char* dim, const QByteArray& key, const DemoRequest& request, const QByteArray& who);

    Database& m_db;
    Statement m_insertString;
    Statement m_insertSite;
    Statement m_insertRequest;
    Statement m_insertVisitor;
    QHash<QByteArray, qint64> m_strings;
    QHash<QByteArray, qint64> m_sites;
    QHash<QByteArray, Sum> m_rollups; // packed (period, bucket, site, dim, key)
    QSet<QByteArray> m_seen; // (day, site, dim, key, addr, agent) first sightings
    qint64 m_seenDay = -1;
};
