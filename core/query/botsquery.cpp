#include "core/query/botsquery.h"

#include "core/ingest/crawlerchecks.h"
#include "core/logs/agentclass.h"
#include "core/query/buckets.h"
#include "core/query/narrowedtraffic.h"
#include "core/query/rollupspans.h"
#include "core/storage/database.h"
#include "core/storage/requestkeys.h"
#include "core/storage/rollupschema.h"

#include <QHash>
#include <algorithm>
#include <tuple>

namespace activity {

namespace {
// A string's id (paths, bot names: stored as BLOB, bound as BLOB); -1 when it was never stored.
qint64 stringId(Database& db, const QByteArray& text)
{
    Statement st = db.prepare("SELECT id FROM strings WHERE value = ?");
    st.bind(1, text);
    return st.step() ? st.int64(0) : qint64(-1);
}

QString className(AgentClass c)
{
    return QString::fromLatin1(agentClassName(c));
}

bool isBotKey(const QString& key)
{
    return !key.startsWith(className(AgentClass::Human) + QLatin1Char('/'));
}

// The verification of a named bot's requests from one address, for raw rows (which keep no verdict): the verdict on
// the address when the bot claimed from it in the range and the check ended, "unverified" when it claimed and was
// not checked, empty when the bot publishes no check. The same claims and verdicts AgentSums::sum splits the
// rollups by.
class AddressVerdicts {
public:
    AddressVerdicts(Database& db, const TimeRange& range)
        : m_db(db)
        , m_from(range.fromSecs - range.fromSecs % 60)
        , m_to(range.toSecs)
    { }
    QString of(QByteArrayView addr, const QString& cls, const QString& name)
    {
        // The range's claims read once, on the first question (one pass rather than one per address).
        if (!m_loaded) {
            Statement st = m_db.prepare("SELECT c.addr, c.agent_key, coalesce(v.verdict, 'unverified') FROM "
                                        "crawler_claims c LEFT JOIN crawler_verdicts v ON v.addr = c.addr AND "
                                        "v.vendor = c.vendor WHERE c.bucket >= ? AND c.bucket < ? "
                                        "GROUP BY c.addr, c.agent_key, coalesce(v.verdict, 'unverified')");
            st.bind(1, m_from).bind(2, m_to);
            while (st.step())
                m_verdicts.insert({ st.text(0), st.text(1) }, st.text(2));
            m_loaded = true;
        }
        const QString text = crawlerAddressText(reinterpret_cast<const unsigned char*>(addr.data()), int(addr.size()));
        return m_verdicts.value({ text, cls + QStringLiteral("/unverified/") + name });
    }

private:
    Database& m_db;
    qint64 m_from;
    qint64 m_to;
    bool m_loaded = false;
    QHash<QPair<QString, QString>, QString> m_verdicts; // by (address, claimed agents key)
};
} // namespace

QList<BotAgent> BotsQuery::agents(Database& db, const TimeRange& range, const QString& site, AgentSum* humans)
{
    QList<BotAgent> out;
    const qint64 siteId = TrafficQuery::siteId(db, site);
    if (siteId == -2 || !range.isValid())
        return out;
    const QHash<QString, AgentSum> sums = AgentSums::sum(db, RollupSpans::split(range.fromSecs, range.toSecs), siteId);
    for (auto it = sums.cbegin(); it != sums.cend(); ++it) {
        const AgentKey key = AgentKey::parse(it.key());
        if (key.isHuman()) {
            if (humans) {
                humans->requests += it->requests;
                humans->visitors += it->visitors;
                humans->bytes += it->bytes;
            }
            continue;
        }
        if (it->requests == 0)
            continue;
        out.append({ key.cls, key.name, key.verification, it->requests, it->bytes, it->visitors });
    }
    std::sort(out.begin(), out.end(), [](const BotAgent& a, const BotAgent& b) {
        if (a.requests != b.requests)
            return a.requests > b.requests;
        return std::tie(a.cls, a.name, a.verification) < std::tie(b.cls, b.name, b.verification);
    });
    return out;
}

QMap<QString, QList<TrafficBucket>> BotsQuery::classes(
    Database& db, const TimeRange& range, qint64 step, const QString& site)
{
    QMap<QString, QList<TrafficBucket>> out;
    const qint64 siteId = TrafficQuery::siteId(db, site);
    if (siteId == -2 || !range.isValid() || step < 60)
        return out;
    // The rollup period is at least an hour for long ranges; coarser display buckets are summed here (as
    // TrafficQuery::buckets does).
    const qint64 source = step >= 86400 ? 86400 : (step >= 3600 ? 3600 : 60);
    const qint64 from = range.fromSecs - range.fromSecs % source;
    const QByteArray siteSql = siteId == -1 ? QByteArray() : QByteArray(" AND site_id = ?");
    // Per class, per display bucket start.
    QMap<QString, QMap<qint64, TrafficBucket>> sums;
    {
        Statement st = db.prepare(QByteArray("SELECT bucket, key, sum(requests), sum(bytes) FROM rollups WHERE "
                                             "period = ? AND dim = ? AND bucket >= ? AND bucket < ?")
                                      .append(siteSql)
                                      .append(" GROUP BY bucket, key")
                                      .constData());
        st.bind(1, source).bind(2, QString::fromLatin1(Rollup::name(Rollup::Dim::Agents)));
        st.bind(3, from).bind(4, range.toSecs);
        if (siteId != -1)
            st.bind(5, siteId);
        while (st.step()) {
            const QString key = QString::fromUtf8(st.blob(1));
            if (!isBotKey(key))
                continue;
            const qint64 start = st.int64(0) - st.int64(0) % step;
            TrafficBucket& b = sums[AgentKey::parse(key).cls][start];
            b.start = start;
            b.requests += st.int64(2);
            b.bytes += st.int64(3);
        }
    }
    // Spoofed claims are bots of their own kind (other-bot), never the class of the crawler they claimed to be
    // (AgentSums::sum does the same for the range's totals).
    {
        Statement st = db.prepare(
            QByteArray("SELECT c.bucket, c.agent_key, sum(c.requests), sum(c.bytes) FROM crawler_claims c JOIN "
                       "crawler_verdicts v ON v.addr = c.addr AND v.vendor = c.vendor WHERE v.verdict = ? AND "
                       "c.bucket >= ? AND c.bucket < ?")
                .append(siteId == -1 ? QByteArray() : QByteArray(" AND c.site_id = ?"))
                .append(" GROUP BY c.bucket, c.agent_key")
                .constData());
        st.bind(1, QStringLiteral("spoofed")).bind(2, from).bind(3, range.toSecs);
        if (siteId != -1)
            st.bind(4, siteId);
        const QString otherBot = className(AgentClass::OtherBot);
        while (st.step()) {
            const QString claimed = AgentKey::parse(st.text(1)).cls;
            if (claimed == otherBot || !sums.contains(claimed))
                continue;
            const qint64 start = st.int64(0) - st.int64(0) % step;
            auto found = sums[claimed].find(start);
            if (found == sums[claimed].end())
                continue;
            const qint64 requests = qMin(st.int64(2), found->requests);
            const qint64 bytes = qMin(st.int64(3), found->bytes);
            found->requests -= requests;
            found->bytes -= bytes;
            TrafficBucket& to = sums[otherBot][start];
            to.start = start;
            to.requests += requests;
            to.bytes += bytes;
        }
    }
    for (auto it = sums.cbegin(); it != sums.cend(); ++it) {
        QList<TrafficBucket> buckets;
        for (const TrafficBucket& b : it.value())
            if (b.requests > 0 || b.bytes > 0)
                buckets.append(b);
        if (!buckets.isEmpty())
            out.insert(it.key(), buckets);
    }
    return out;
}

QList<RobotsFetch> BotsQuery::robots(Database& db, const TimeRange& range, const QString& site)
{
    QList<RobotsFetch> out;
    const qint64 siteId = TrafficQuery::siteId(db, site);
    const qint64 pathId = stringId(db, QByteArrayLiteral("/robots.txt"));
    if (siteId == -2 || pathId < 0 || !range.isValid())
        return out;
    // Parameters only: the path, the range and the site are bound, never spliced. Per address, so that a crawler's
    // requests take the verdict on the address they came from.
    Statement st = db.prepare(QByteArray("SELECT agent_class, bot_id, addr, count(*) FROM requests WHERE id >= ? AND "
                                         "id < ? AND path_id = ?")
                                  .append(siteId == -1 ? QByteArray() : QByteArray(" AND site_id = ?"))
                                  .append(" GROUP BY agent_class, bot_id, addr")
                                  .constData());
    st.bind(1, RequestKeys::firstId(range.fromSecs)).bind(2, RequestKeys::firstId(range.toSecs)).bind(3, pathId);
    if (siteId != -1)
        st.bind(4, siteId);
    AddressVerdicts verdicts(db, range);
    StringTexts texts(db);
    const QString human = className(AgentClass::Human);
    QHash<QString, RobotsFetch> byKey; // "class/verification/name", as the agents rollups key them
    while (st.step()) {
        RobotsFetch f;
        if (!st.isNull(0)) {
            const qint64 c = st.int64(0);
            f.cls = c >= 0 && c < kAgentClassCount ? className(AgentClass(c)) : className(AgentClass::OtherBot);
        }
        if (!st.isNull(1) && f.cls != human)
            f.name = QString::fromUtf8(texts.text(st.int64(1)));
        if (!f.name.isEmpty()) {
            f.verification = verdicts.of(st.bytes(2), f.cls, f.name);
            if (f.verification == QLatin1String("spoofed")) {
                const AgentKey spoofed = AgentKey::parse(AgentSums::spoofedKey({ f.cls, {}, f.name }));
                f.cls = spoofed.cls;
                f.name = spoofed.name;
            }
        }
        RobotsFetch& to = byKey[f.cls + QLatin1Char('/') + f.verification + QLatin1Char('/') + f.name];
        to.cls = f.cls;
        to.name = f.name;
        to.verification = f.verification;
        to.requests += st.int64(3);
    }
    out = byKey.values();
    std::sort(out.begin(), out.end(), [](const RobotsFetch& a, const RobotsFetch& b) {
        if (a.requests != b.requests)
            return a.requests > b.requests;
        return std::tie(a.cls, a.name, a.verification) < std::tie(b.cls, b.name, b.verification);
    });
    return out;
}

BotsData BotsQuery::load(Database& db, const TimeRange& range, const QString& site)
{
    BotsData d;
    d.presence = SourceQuery::logPresence(db);
    d.step = Buckets::stepFor(range);
    d.agents = agents(db, range, site, &d.humans);
    for (const BotAgent& a : std::as_const(d.agents)) {
        d.bots.requests += a.requests;
        d.bots.visitors += a.visitors;
        d.bots.bytes += a.bytes;
    }
    d.classes = classes(db, range, d.step, site);
    d.robots = robots(db, range, site);
    return d;
}

QByteArray BotsQuery::busiestUserAgent(Database& db, const TimeRange& range, const QString& site, const BotAgent& agent)
{
    const QString name = AgentSums::claimedName({ agent.cls, agent.verification, agent.name });
    const qint64 siteId = TrafficQuery::siteId(db, site);
    const qint64 botId = name.isEmpty() ? -1 : stringId(db, name.toUtf8());
    if (siteId == -2 || botId < 0 || !range.isValid())
        return {};
    Statement st = db.prepare(QByteArray("SELECT agent_class, agent_id, addr, count(*) FROM requests WHERE id >= ? AND "
                                         "id < ? AND bot_id = ? AND agent_id IS NOT NULL")
                                  .append(siteId == -1 ? QByteArray() : QByteArray(" AND site_id = ?"))
                                  .append(" GROUP BY agent_class, agent_id, addr")
                                  .constData());
    st.bind(1, RequestKeys::firstId(range.fromSecs)).bind(2, RequestKeys::firstId(range.toSecs)).bind(3, botId);
    if (siteId != -1)
        st.bind(4, siteId);
    AddressVerdicts verdicts(db, range);
    QMap<qint64, qint64> counts; // by agent id
    while (st.step()) {
        if (!agent.verification.isEmpty()) {
            const qint64 c = st.int64(0);
            const QString cls
                = c > 0 && c < kAgentClassCount ? className(AgentClass(c)) : className(AgentClass::OtherBot);
            if (verdicts.of(st.bytes(2), cls, name) != agent.verification)
                continue;
        }
        counts[st.int64(1)] += st.int64(3);
    }
    qint64 best = -1;
    qint64 most = 0;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) // by id: the lowest id of the busiest
        if (it.value() > most)
            best = it.key(), most = it.value();
    return best < 0 ? QByteArray() : StringTexts(db).text(best);
}

} // namespace activity
