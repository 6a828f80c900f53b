#include "core/report/scopedtraffic.h"

#include "core/query/narrowedtraffic.h"
#include "core/storage/database.h"
#include "core/storage/requestkeys.h"

#include <QSet>

namespace activity {

const char* ScopedTraffic::classCondition(AgentScope scope)
{
    switch (scope) {
    case AgentScope::Humans:
        return " AND agent_class = 0";
    case AgentScope::Bots:
        return " AND agent_class > 0";
    case AgentScope::All:
        break;
    }
    return "";
}

ScopedTraffic::Sums ScopedTraffic::sum(Database& db, qint64 fromSecs, qint64 toSecs, AgentScope scope)
{
    Sums out;
    // From the start of the first day: a visitor seen earlier that day is not counted again (as in the rollups).
    const qint64 dayStart = fromSecs - fromSecs % 86400;
    Statement st = db.prepare(QByteArray("SELECT id >> 20, site_id, status, bytes, path_id, country, addr, agent_id "
                                         "FROM requests WHERE id >= ? AND id < ?")
                                  .append(classCondition(scope))
                                  .constData());
    st.bind(1, RequestKeys::firstId(dayStart)).bind(2, RequestKeys::firstId(toSecs));
    QHash<qint64, Sum> paths; // by string id
    QSet<QPair<qint64, qint64>> seen; // (site, visitor) of the current day
    qint64 day = -1;
    while (st.step()) {
        const qint64 ts = st.int64(0);
        if (ts - ts % 86400 != day) {
            day = ts - ts % 86400;
            seen.clear();
        }
        const QByteArrayView addr = st.bytes(6);
        const qint64 visitor = RequestKeys::visitorHash(
            reinterpret_cast<const unsigned char*>(addr.data()), int(addr.size()), st.int64(7));
        bool first = false;
        if (const QPair<qint64, qint64> key { st.int64(1), visitor }; !seen.contains(key)) {
            seen.insert(key);
            first = true;
        }
        if (ts < fromSecs)
            continue;
        const qint64 bytes = st.int64(3);
        const auto add = [&](Sum& s) {
            ++s.requests;
            s.visitors += first ? 1 : 0;
            s.bytes += bytes;
        };
        add(out.status[int(st.int64(2))]);
        const QByteArrayView country = st.bytes(5);
        add(out.countries[country.size() == 2 ? country.toByteArray() : QByteArray("")]);
        if (!st.isNull(4))
            add(paths[st.int64(4)]);
    }
    StringTexts texts(db);
    for (auto it = paths.cbegin(); it != paths.cend(); ++it) {
        Sum& s = out.paths[texts.text(it.key())];
        s.requests += it.value().requests;
        s.visitors += it.value().visitors;
        s.bytes += it.value().bytes;
    }
    return out;
}

} // namespace activity
