#include "core/demo/demotraffic.h"

#include <QDataStream>
#include <QIODevice>

DemoTrafficWriter::DemoTrafficWriter(Database& db)
    : m_db(db)
    , m_insertString(db.prepare("INSERT INTO strings(value) VALUES(?)"))
    , m_insertSite(db.prepare("INSERT INTO sites(name) VALUES(?)"))
    , m_insertRequest(db.prepare("INSERT INTO requests(ts, site_id, source_id, addr, country, method_id, path_id, "
                                 "status, bytes, referrer_id, agent_id, request_time) "
                                 "VALUES(?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?)"))
    , m_insertVisitor(db.prepare("INSERT OR IGNORE INTO visitors(day, site_id, addr, agent_id) VALUES(?, ?, ?, ?)"))
{
    Statement st = db.prepare("SELECT id, value FROM strings");
    while (st.step())
        m_strings.insert(st.blob(1), st.int64(0));
    Statement sites = db.prepare("SELECT id, name FROM sites");
    while (sites.step())
        m_sites.insert(sites.text(1).toUtf8(), sites.int64(0));
}

DemoTrafficWriter::~DemoTrafficWriter() = default;

qint64 DemoTrafficWriter::stringId(const QByteArray& value)
{
    if (const auto it = m_strings.constFind(value); it != m_strings.cend())
        return it.value();
    m_insertString.bind(1, value).exec();
    const qint64 id = m_db.lastInsertId();
    m_strings.insert(value, id);
    return id;
}

qint64 DemoTrafficWriter::siteId(const QByteArray& name)
{
    if (const auto it = m_sites.constFind(name); it != m_sites.cend())
        return it.value();
    m_insertSite.bind(1, QString::fromUtf8(name)).exec();
    const qint64 id = m_db.lastInsertId();
    m_sites.insert(name, id);
    return id;
}

void DemoTrafficWriter::add(const DemoRequest& r)
{
    const qint64 site = siteId(r.site);
    const qint64 agent = stringId(r.agent);
    m_insertRequest.bind(1, r.ts).bind(2, site).bind(3, r.addr);
    if (r.country.isEmpty())
        m_insertRequest.bindNull(4);
    else
        m_insertRequest.bind(4, QString::fromLatin1(r.country));
    m_insertRequest.bind(5, stringId(r.method)).bind(6, stringId(r.path)).bind(7, r.status).bind(8, r.bytes);
    m_insertRequest.bind(9, stringId(r.referrer)).bind(10, agent).bind(11, r.requestTime);
    m_insertRequest.exec();

    const qint64 day = r.ts - r.ts % 86400;
    if (day != m_seenDay) {
        m_seen.clear(); // time order: earlier days are done
        m_seenDay = day;
    }
    m_insertVisitor.bind(1, day).bind(2, site).bind(3, r.addr).bind(4, agent).exec();
    QByteArray who = r.addr;
    who += '|';
    who += QByteArray::number(agent);
    roll(site, "", QByteArray(), r, who);
    roll(site, "status", QByteArray::number(r.status), r, who);
    roll(site, "country", r.country, r, who);
    roll(site, "path", r.path, r, who);
}

void DemoTrafficWriter::roll(
    qint64 site, const char* dim, const QByteArray& key, const DemoRequest& r, const QByteArray& who)
{
    // A visitor (address, day, agent) counts once per day for each (dim, key): in the buckets where first seen.
    QByteArray seenKey = QByteArray::number(site) + '|' + dim + '|' + key + '|' + who;
    bool first = false;
    if (!m_seen.contains(seenKey)) {
        m_seen.insert(seenKey);
        first = true;
    }
    for (const qint64 period : { qint64(60), qint64(3600), qint64(86400) }) {
        QByteArray packed;
        QDataStream out(&packed, QIODevice::WriteOnly);
        out << period << (r.ts - r.ts % period) << site << QByteArray(dim) << key;
        Sum& sum = m_rollups[packed];
        sum.requests += 1;
        sum.bytes += r.bytes;
        sum.visitors += first ? 1 : 0;
    }
}

void DemoTrafficWriter::finish()
{
    Statement st = m_db.prepare(
        "INSERT INTO rollups(period, bucket, site_id, dim, key, requests, visitors, bytes) VALUES(?, ?, ?, ?, ?, ?, ?, "
        "?) "
        "ON CONFLICT(period, dim, bucket, site_id, key) DO UPDATE SET requests = requests + excluded.requests, "
        "visitors = visitors + excluded.visitors, bytes = bytes + excluded.bytes");
    for (auto it = m_rollups.cbegin(); it != m_rollups.cend(); ++it) {
        QDataStream in(it.key());
        qint64 period = 0;
        qint64 bucket = 0;
        qint64 site = 0;
        QByteArray dim;
        QByteArray key;
        in >> period >> bucket >> site >> dim >> key;
        // Text, never NULL: the total and unknown-country keys are ''.
        st.bind(1, period).bind(2, bucket).bind(3, site).bindText(4, dim.constData(), int(dim.size()));
        st.bindText(5, key.constData(), int(key.size())).bind(6, it.value().requests).bind(7, it.value().visitors);
        st.bind(8, it.value().bytes).exec();
    }
    m_rollups.clear();
}
