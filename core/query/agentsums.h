#pragma once

#include "core/query/rollupspans.h"

#include <QHash>
#include <QList>
#include <QString>

namespace activity {

class Database;

// An 'agents' rollup key: "class/verification/name" (see Rollup::Dim::Agents).
struct AgentKey {
    QString cls, verification, name;
    static AgentKey parse(const QString& key);
    bool isHuman() const;
};

struct AgentSum {
    qint64 requests = 0;
    qint64 visitors = 0;
    qint64 bytes = 0;
};

// Who made the requests of a range: the 'agents' rollups summed per key, with the crawler verdicts applied. The
// report's agents.csv and the Bots page read the same figures from here.
namespace AgentSums {
// Sums per key over `spans`, of one site (its id) or of every site (-1). Crawlers that can be checked are stored as
// claims ("unverified" in the agents rollups, per minute and address in crawler_claims); the verdict per address
// (crawler_verdicts, written when the check ended) splits them: verified ones keep their name, spoofed ones become
// other-bot "spoofed NAME" (a bot of their own kind, never the crawler they claim to be), the rest stay unverified.
QHash<QString, AgentSum> sum(Database& db, const QList<RollupSpan>& spans, qint64 site = -1);
// The key spoofed claims of `claimed` are counted under ("other-bot/spoofed/spoofed NAME").
QString spoofedKey(const AgentKey& claimed);
// The name a spoofed row's requests claimed ("Googlebot" for "spoofed Googlebot"); `name` itself otherwise.
QString claimedName(const AgentKey& key);
} // namespace AgentSums

} // namespace activity
