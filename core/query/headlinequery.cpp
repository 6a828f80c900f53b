#include "core/query/headlinequery.h"

#include "core/query/alertquery.h"
#include "core/query/apiquery.h"
#include "core/query/trafficquery.h"
#include "core/sources/github/githubtype.h"

namespace activity {

Headline HeadlineQuery::read(Database& db, qint64 nowSecs)
{
    Headline h;
    const qint64 today = nowSecs - nowSecs % 86400;
    if (!TrafficQuery::sites(db).isEmpty())
        h.requestsToday = TrafficQuery::totals(db, { { today, nowSecs + 1 }, QString(), QString() }).requests;
    const QString github = gitHubTypeName();
    if (!ApiQuery::repositories(db, github).isEmpty())
        h.stars = ApiQuery::totalAt(db, github, QStringLiteral("stars"), nowSecs);
    h.firingAlerts = AlertQuery::firingCount(db);
    return h;
}

} // namespace activity
