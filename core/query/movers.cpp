#include "core/query/movers.h"

#include "core/query/trafficquery.h"

#include <algorithm>
#include <cmath>

namespace activity {

namespace {
constexpr int kKeysPerSpan = 5000; // the busiest keys of each span: a key beyond them in both moved little

QHash<QString, qint64> requestsByKey(const QList<TopItem>& items)
{
    QHash<QString, qint64> out;
    for (const TopItem& item : items)
        if (!item.key.isEmpty())
            out[QString::fromUtf8(item.key)] += item.requests;
    return out;
}
} // namespace

std::optional<double> Mover::changePercent() const
{
    if (before < Movers::kMinimumBase)
        return std::nullopt;
    return 100.0 * double(now - before) / double(before);
}

double Mover::score() const
{
    const qint64 total = now + before;
    return total == 0 ? 0.0 : double(now - before) / std::sqrt(double(total));
}

QList<Mover> Movers::rank(
    const QString& dimension, const QHash<QString, qint64>& before, const QHash<QString, qint64>& now, int limit)
{
    QHash<QString, Mover> merged;
    for (auto it = before.cbegin(); it != before.cend(); ++it)
        merged[it.key()].before = it.value();
    for (auto it = now.cbegin(); it != now.cend(); ++it)
        merged[it.key()].now = it.value();
    QList<Mover> out;
    for (auto it = merged.begin(); it != merged.end(); ++it) {
        Mover m = it.value();
        m.dimension = dimension;
        m.key = it.key();
        if (m.key.isEmpty() || m.before + m.now < kMinimumVolume || std::abs(m.score()) < kMinimumScore)
            continue;
        out.append(m);
    }
    std::sort(out.begin(), out.end(), [](const Mover& a, const Mover& b) {
        const double sa = std::abs(a.score());
        const double sb = std::abs(b.score());
        return sa != sb ? sa > sb : a.key < b.key;
    });
    if (out.size() > limit)
        out.resize(limit);
    return out;
}

QList<Mover> Movers::between(Database& db, const TimeRange& range)
{
    TrafficFilter all;
    all.range = range;
    return between(db, all);
}

QList<Mover> Movers::referrersBetween(Database& db, const TimeRange& before, const TimeRange& now)
{
    const auto top = [&db](const TimeRange& range) {
        TrafficFilter f;
        f.range = range;
        return requestsByKey(TrafficQuery::topReferrers(db, f, kKeysPerSpan));
    };
    return rank(QStringLiteral("referrer"), top(before), top(now));
}

QList<Mover> Movers::between(Database& db, const TrafficFilter& filter)
{
    const TimeRange& range = filter.range;
    const TrafficFilter now { range, filter.site, filter.country };
    const TrafficFilter before { { range.fromSecs - range.length(), range.fromSecs }, filter.site, filter.country };
    QList<Mover> out;
    const auto add = [&](const char* dimension, const auto& top) {
        out += rank(QString::fromLatin1(dimension), requestsByKey(top(before)), requestsByKey(top(now)));
    };
    add("referrer", [&db](const TrafficFilter& f) { return TrafficQuery::topReferrers(db, f, kKeysPerSpan); });
    add("path", [&db](const TrafficFilter& f) { return TrafficQuery::topPaths(db, f, kKeysPerSpan); });
    add("country",
        [&db](const TrafficFilter& f) { return TrafficQuery::topRollup(db, f, Rollup::Dim::Country, kKeysPerSpan); });
    add("agent", [&db](const TrafficFilter& f) { return TrafficQuery::topAgents(db, f, kKeysPerSpan); });
    return out;
}

} // namespace activity
