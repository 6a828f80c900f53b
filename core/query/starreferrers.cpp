#include "core/query/starreferrers.h"

#include "core/query/apiquery.h"
#include "core/sources/github/githubtype.h"
#include "core/storage/database.h"

#include <QHash>
#include <QMap>
#include <algorithm>

namespace activity {

namespace {
constexpr qint64 kDay = 86400;
constexpr qint64 kMinimumRatio = 2;
constexpr qint64 kGitHubWindowDays = 14;

// Stars gained per UTC day in `range`, every repository summed.
QMap<qint64, qint64> starsPerDay(Database& db, const TimeRange& range)
{
    QMap<qint64, qint64> gained;
    const qint64 firstDay = range.fromSecs - range.fromSecs % kDay;
    for (const RepoSeries& s : ApiQuery::series(db, gitHubTypeName(), QStringLiteral("stars"), range))
        for (const Sample& d : SeriesMath::dailyDelta(s.samples))
            if (d.ts >= firstDay && d.ts < range.toSecs)
                gained[d.ts] += qint64(d.value);
    return gained;
}

// GitHub's referrers as polled on each day of [from, to): day -> referrer -> its 14-day count, repositories summed.
QHash<qint64, QHash<QString, qint64>> gitHubReferrers(Database& db, qint64 from, qint64 to)
{
    Statement st = db.prepare("SELECT r.ts, r.item, SUM(r.count) FROM ranked_items r JOIN series s ON s.id = "
                              "r.series_id WHERE s.provider = ? AND s.metric = ? AND r.ts >= ? AND r.ts < ? "
                              "GROUP BY r.ts, r.item");
    st.bind(1, gitHubTypeName()).bind(2, QStringLiteral("top_referrers")).bind(3, from).bind(4, to);
    QHash<qint64, QHash<QString, qint64>> out;
    while (st.step())
        out[st.int64(0) - st.int64(0) % kDay][st.text(1)] += st.int64(2);
    return out;
}
} // namespace

QList<StarDay> StarReferrers::days(Database& db, const TimeRange& range)
{
    const QMap<qint64, qint64> gained = starsPerDay(db, range);
    QList<StarDay> out;
    for (auto it = gained.cbegin(); it != gained.cend(); ++it)
        if (it.value() > 0)
            out.append({ it.key(), it.value(), {} });
    std::sort(out.begin(), out.end(),
        [](const StarDay& a, const StarDay& b) { return a.stars != b.stars ? a.stars > b.stars : a.day > b.day; });
    if (out.size() > kDays)
        out.resize(kDays);
    if (out.isEmpty())
        return out;
    const auto [earliest, latest] = std::minmax_element(
        out.cbegin(), out.cend(), [](const StarDay& a, const StarDay& b) { return a.day < b.day; });
    const auto github = gitHubReferrers(db, earliest->day - kDay, latest->day + kDay);
    for (StarDay& d : out) {
        QList<Mover> rose;
        // Significant, and at least doubled: a weekday after a weekend rises beyond chance too (by 1.8 on many sites).
        for (const Mover& m : Movers::referrersBetween(db, { d.day - kDay, d.day }, { d.day, d.day + kDay }))
            if (m.change() > 0 && m.now >= kMinimumRatio * m.before)
                rose.append(m);
        // Only against a poll of the day before: a referrer is not "new" because that day was not polled. GitHub's
        // counts are of 14 days: the day's referrals are at least twice a usual day's when the count grew by a 14th.
        if (github.contains(d.day) && github.contains(d.day - kDay))
            for (const Mover& m :
                Movers::rank(QString::fromLatin1(kGitHubReferrer), github.value(d.day - kDay), github.value(d.day)))
                if (m.change() > 0 && m.change() * kGitHubWindowDays >= m.before)
                    rose.append(m);
        std::stable_sort(
            rose.begin(), rose.end(), [](const Mover& a, const Mover& b) { return a.score() > b.score(); });
        d.referrers = rose;
    }
    return out;
}

} // namespace activity
