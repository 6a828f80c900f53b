#pragma once

#include "core/storage/database.h"

#include <QByteArray>
#include <memory>

namespace activity {

class IngestWriter;
class ManualClock;

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
    QString city; // with coordinates: a city bubble on the map
    double latitude = 0;
    double longitude = 0;
};

// Stores demo requests through the ingest writer, inside the caller's transaction, so demo data follows
// exactly the rules collected traffic does (rows, visitors, rollups). Requests should come in time order
// (any order is correct; time order is fast).
class DemoTrafficWriter {
public:
    explicit DemoTrafficWriter(Database& db);
    ~DemoTrafficWriter();
    void add(const DemoRequest& request);
    // A line the parser rejected, received at `ts`.
    void reject(qint64 sourceId, qint64 ts, const QByteArray& line, const QString& reason);
    // Writes the rollups and visitors; call once at the end (inside the caller's transaction).
    void finish();

private:
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<IngestWriter> m_writer;
};

} // namespace activity
