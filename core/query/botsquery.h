#pragma once

#include "core/query/agentsums.h"
#include "core/query/sourcequery.h"
#include "core/query/timerange.h"
#include "core/query/trafficquery.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

namespace activity {

class Database;

// One named agent's figures over a range (a row of the Bots page, as agents.csv counts it).
struct BotAgent {
    QString cls; // "search-crawler", "ai-crawler"... (AgentClass names)
    QString name; // empty for bots without a name (a non-browser probing for weaknesses)
    QString verification; // "verified", "spoofed", "unverified", or empty where there is nothing to verify
    qint64 requests = 0;
    qint64 bytes = 0;
    qint64 visitors = 0;
};

// Requests for /robots.txt by one agent (from the raw request rows, so within the retention).
struct RobotsFetch {
    QString cls; // "human" for people; empty for rows stored before classification (schema version 12)
    QString name; // the bot's name ("spoofed NAME" for a spoofed crawler, as in agents.csv), empty for people
    QString verification; // as BotAgent's, from the verdict on the address (AgentSums' logic)
    qint64 requests = 0;
};

// Everything the Bots page shows for a range.
struct BotsData {
    QList<BotAgent> agents; // bots only, busiest first
    AgentSum humans; // people's requests in the range, for the share of bots
    AgentSum bots;
    qint64 step = 3600; // the charts' bucket (Buckets::stepFor)
    // Per bot class (AgentClass names), the buckets with requests, oldest first; spoofed crawlers under other-bot.
    QMap<QString, QList<TrafficBucket>> classes;
    QList<RobotsFetch> robots; // busiest first
    SourceQuery::LogPresence presence;
};

// The Bots page's questions: who the bots are, what they took, over time and who read robots.txt. Figures come from
// the 'agents' rollups with the crawler verdicts applied (AgentSums, as the report's agents.csv), robots.txt from
// the raw rows. `site` is a site's name, empty for every site.
namespace BotsQuery {
// Bots per key (class, name, verification), busiest first (then by class, name and verification).
QList<BotAgent> agents(Database& db, const TimeRange& range, const QString& site, AgentSum* humans = nullptr);
// Requests and bytes per bot class and bucket of `step` seconds (a multiple of a minute).
QMap<QString, QList<TrafficBucket>> classes(Database& db, const TimeRange& range, qint64 step, const QString& site);
// Who asked for /robots.txt in the range, busiest first.
QList<RobotsFetch> robots(Database& db, const TimeRange& range, const QString& site);
// All of the above.
BotsData load(Database& db, const TimeRange& range, const QString& site);
// The user agent (as logged) that `agent` used most in the range; empty when it made no stored request there. Its
// requests are found by name (a spoofed row's: by the name it claimed) and, for a crawler that can be checked, by the
// verification of their addresses (a spoofed row: the spoofers' requests only). What "narrow the Traffic page to
// this agent" narrows to.
QByteArray busiestUserAgent(Database& db, const TimeRange& range, const QString& site, const BotAgent& agent);
} // namespace BotsQuery

} // namespace activity
