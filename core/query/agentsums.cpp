#include "core/query/agentsums.h"

#include "core/logs/agentclass.h"
#include "core/storage/database.h"
#include "core/storage/rollupschema.h"

namespace activity {

namespace {
const QLatin1String kSpoofedPrefix("spoofed ");
} // namespace

AgentKey AgentKey::parse(const QString& key)
{
    const qsizetype a = key.indexOf(QLatin1Char('/'));
    const qsizetype b = a < 0 ? -1 : key.indexOf(QLatin1Char('/'), a + 1);
    if (b < 0)
        return { key, {}, {} };
    return { key.left(a), key.mid(a + 1, b - a - 1), key.mid(b + 1) };
}

bool AgentKey::isHuman() const
{
    return cls == QLatin1String(agentClassName(AgentClass::Human));
}

QString AgentSums::spoofedKey(const AgentKey& claimed)
{
    return QLatin1String(agentClassName(AgentClass::OtherBot)) + QStringLiteral("/spoofed/") + kSpoofedPrefix
        + claimed.name;
}

QString AgentSums::claimedName(const AgentKey& key)
{
    if (key.verification == QLatin1String("spoofed") && key.name.startsWith(kSpoofedPrefix))
        return key.name.mid(kSpoofedPrefix.size());
    return key.name;
}

QHash<QString, AgentSum> AgentSums::sum(Database& db, const QList<RollupSpan>& spans, qint64 site)
{
    QHash<QString, AgentSum> agents;
    // The site's condition only when there is one: the report sums every site.
    const QByteArray siteSql = site == -1 ? QByteArray() : QByteArray(" AND site_id = ?");
    Statement st = db.prepare(QByteArray("SELECT key, sum(requests), sum(visitors), sum(bytes) FROM rollups "
                                         "WHERE period = ? AND dim = ? AND bucket >= ? AND bucket < ?")
                                  .append(siteSql)
                                  .append(" GROUP BY key")
                                  .constData());
    for (const RollupSpan& span : spans) {
        if (span.period < Rollup::secs(Rollup::finest(Rollup::Dim::Agents)))
            continue;
        st.bind(1, span.period).bind(2, QString::fromLatin1(Rollup::name(Rollup::Dim::Agents)));
        st.bind(3, span.from).bind(4, span.to);
        if (site != -1)
            st.bind(5, site);
        while (st.step()) {
            AgentSum& s = agents[QString::fromUtf8(st.blob(0))];
            s.requests += st.int64(1);
            s.visitors += st.int64(2);
            s.bytes += st.int64(3);
        }
        st.reset();
    }

    Statement claims = db.prepare(
        QByteArray("SELECT c.agent_key, coalesce(v.verdict, ''), sum(c.requests), sum(c.visitors), "
                   "sum(c.bytes) FROM crawler_claims c LEFT JOIN crawler_verdicts v ON v.addr = c.addr AND "
                   "v.vendor = c.vendor WHERE c.bucket >= ? AND c.bucket < ?")
            .append(site == -1 ? QByteArray() : QByteArray(" AND c.site_id = ?"))
            .append(" GROUP BY c.agent_key, coalesce(v.verdict, '')")
            .constData());
    for (const RollupSpan& span : spans) {
        claims.bind(1, span.from).bind(2, span.to);
        if (site != -1)
            claims.bind(3, site);
        while (claims.step()) {
            const QString claimed = claims.text(0);
            const QString verdict = claims.text(1);
            if (verdict.isEmpty() || !agents.contains(claimed))
                continue;
            const AgentKey key = AgentKey::parse(claimed);
            const QString to = verdict == QLatin1String("verified")
                ? QString(key.cls + QStringLiteral("/verified/") + key.name)
                : spoofedKey(key);
            AgentSum from = agents.value(claimed); // copies: inserting `to` may move the hash's values
            AgentSum into = agents.value(to);
            const qint64 requests = qMin(claims.int64(2), from.requests);
            const qint64 visitors = qMin(claims.int64(3), from.visitors);
            const qint64 bytes = qMin(claims.int64(4), from.bytes);
            from.requests -= requests;
            from.visitors -= visitors;
            from.bytes -= bytes;
            into.requests += requests;
            into.visitors += visitors;
            into.bytes += bytes;
            agents.insert(to, into);
            agents.insert(claimed, from);
            if (from.requests == 0)
                agents.remove(claimed);
        }
        claims.reset();
    }
    return agents;
}

} // namespace activity
