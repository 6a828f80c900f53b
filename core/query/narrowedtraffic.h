#pragma once

#include "core/query/trafficpagequery.h"
#include "core/storage/database.h"

#include <QByteArray>

namespace activity {

// Which raw request rows a traffic filter keeps, resolved once to what the rows store: the site's id, the
// country code, the path's string id, the status (a class or one code) and whose requests (people's or bots').
struct RawRowFilter {
    qint64 site = -1; // -1: every site; -2: a site never seen (no row matches)
    QByteArray country; // empty: every country
    qint64 pathId = -1; // -1: every path; -2: a path never stored (no row matches)
    qint64 referrerId = -1; // the same for the referrer
    qint64 userAgentId = -1; // and for the user agent
    int status = 0; // 0: every status; 1-5: a class (4 = 4xx); 100-599: one code
    AgentScope agents = AgentScope::All; // a condition on agent_class, no parameter

    static RawRowFilter resolve(Database& db, const TrafficFilter& filter);
    // SQL conditions (" AND ...") for the parts that are set, with plain `?` placeholders: a condition evaluated on
    // every row costs, and "(? = -1 OR site_id = ?)" doubled a 30-day scan. bind() binds them from `first` on.
    QByteArray sql() const;
    void bind(Statement& st, int first) const;
    bool matchesNothing() const { return site == -2 || pathId == -2 || referrerId == -2 || userAgentId == -2; }
    bool matchesStatus(qint64 code) const
    {
        return status == 0 || (status < 10 ? code / 100 == status : code == status);
    }
};

// The texts of request string ids (paths, referrers, agents): one prepared statement for many lookups.
class StringTexts {
public:
    explicit StringTexts(Database& db);
    // Empty when the id is unknown, or for the '' that stands for "other" (rows past a day's budget of new texts).
    QByteArray text(qint64 id);

private:
    Statement m_st;
};

// The Traffic page narrowed to a path or a status: rollups do not split those by the other dimensions at every
// period, so tiles, charts and top lists are summed from the range's raw rows (and the period before's, for the
// tiles' comparison), exactly, in one pass each.
namespace NarrowedTraffic {
TrafficPageData charts(Database& db, const TrafficFilter& filter, qint64 step);
// The same sums alone (TrafficQuery::totals and buckets for a filter the rollups do not split).
TrafficTotals totals(Database& db, const TrafficFilter& filter);
QList<TrafficBucket> buckets(Database& db, const TrafficFilter& filter, qint64 step);
// The map's countries and cities for a filter that reads raw rows (people's or bots' requests): requests, bytes and
// visitors (distinct per day, as the daily rollups count them). A city is placed where the range's city rollups
// put it; `cityLimit` busiest.
TrafficQuery::Places places(Database& db, const TrafficFilter& filter, int cityLimit);
} // namespace NarrowedTraffic

} // namespace activity
