#pragma once

#include "core/query/apiquery.h"
#include "core/query/buckets.h"
#include "core/query/sourcequery.h"
#include "core/query/trafficquery.h"

#include <QList>
#include <QString>
#include <optional>

namespace activity {

class Database;

// A cumulative API figure (stars, pulls) summed over repositories: its value now, its change over the range and
// its curve. A change needs a baseline per repository: a sample at or before the range's start, or a second
// sample inside it; a first poll is not a change.
struct CounterFigure {
    double now = 0;
    std::optional<double> change; // none until some repository has a baseline
    // The change over the period of the same length just before the range, on the same rule.
    std::optional<double> previousChange;
    qint64 firstSampleSecs = 0; // the earliest sample read (the baseline before the range, if any); 0: none
    bool hasData() const { return firstSampleSecs != 0; }
    QList<double> spark; // at most 60 values; a repository joins the curve at its first value, not as a rise
};

// Everything the Overview page shows, shaped for drawing.
struct OverviewData {
    CounterFigure stars;
    CounterFigure pulls;
    TrafficTotals today; // the user's local day, up to now
    TrafficTotals yesterdaySoFar; // the local day before, up to the same time of day
    QList<double> dailyRequests; // per day over the range (sparklines)
    QList<double> dailyVisitors;
    qsizetype dailyPartialFrom = -1; // the first day of them not over yet (today), -1: none
    QString topCountry; // ISO code; empty when no traffic in the range
    qint64 topCountryRequests = 0;
    qint64 rangeRequests = 0;
    bool topCountryLater = false; // people's or bots': from raw rows, asked apart (OverviewQuery::topCountry)
    TrafficQuery::AgentTotals agents; // people's and bots' over the range (classified requests only)
    FilledTraffic traffic; // requests and visitors per display bucket
    QList<RepoSeries> starSeries; // per repository, inside the range only
    // What is set up, so an empty tile or chart can say why it is empty.
    SourceQuery::LogPresence logs;
    int githubSources = 0;
    int dockerHubSources = 0;
};

namespace OverviewQuery {
// `nowSecs`: the clock's time, "today" is the local calendar day holding it. `agents`: the header's switch, applied
// to the traffic figures (the bots' share line always compares both).
OverviewData read(
    Database& db, const TimeRange& range, const QString& site, qint64 nowSecs, AgentScope agents = AgentScope::All);
// The range's busiest known country of people's or bots' requests (raw rows: seconds at 10M requests, so the page
// asks it apart and its tiles paint first): code (empty when none), its requests and the range's.
struct TopCountry {
    QString code;
    qint64 requests = 0;
    qint64 rangeRequests = 0;
};
TopCountry topCountry(Database& db, const TimeRange& range, const QString& site, AgentScope agents);
// Start of the local calendar day holding `secs` (23 or 25 hours long across a DST change).
qint64 localDayStart(qint64 secs);
} // namespace OverviewQuery

} // namespace activity
