#include "core/demo/demotraffic.h"

#include "core/geo/geoip.h"
#include "core/ingest/ingestwriter.h"
#include "core/logs/accessrecord.h"
#include "core/util/clock.h"

#include <cstring>

namespace activity {

namespace {
std::string_view view(const QByteArray& b)
{
    return std::string_view(b.constData(), size_t(b.size()));
}
} // namespace

DemoTrafficWriter::DemoTrafficWriter(Database& db)
    : m_clock(std::make_unique<ManualClock>(0))
    , m_writer(std::make_unique<IngestWriter>(
          db, *m_clock, IngestWriter::Options { IngestWriter::kDefaultVisitorLimit, /*keepsCounters=*/false }))
{ }

DemoTrafficWriter::~DemoTrafficWriter() = default;

void DemoTrafficWriter::add(const DemoRequest& r)
{
    AccessRecord record;
    record.addrLen = int(qMin<qsizetype>(r.addr.size(), 16));
    std::memcpy(record.addr, r.addr.constData(), size_t(record.addrLen));
    record.ts = r.ts;
    record.status = r.status;
    record.bodyBytes = r.bytes;
    record.requestTime = r.requestTime;
    record.requestParsed = true;
    record.method = view(r.method);
    record.path = view(r.path);
    record.protocol = "HTTP/1.1";
    record.referrer = r.referrer == "-" ? std::string_view() : view(r.referrer); // as the parser gives it
    record.agent = view(r.agent);
    RequestGeo geo;
    if (r.country.size() == 2) {
        geo.country[0] = r.country[0];
        geo.country[1] = r.country[1];
    }
    geo.city = r.city;
    geo.cityKey = GeoIp::cityKey(r.country, r.city, r.latitude, r.longitude);
    m_writer->add(0, r.site, record, geo);
}

void DemoTrafficWriter::reject(qint64 sourceId, qint64 ts, const QByteArray& line, const QString& reason)
{
    m_clock->setMs(ts * 1000);
    m_writer->reject(sourceId, line, reason);
}

void DemoTrafficWriter::finish()
{
    m_writer->writePending();
}

} // namespace activity
