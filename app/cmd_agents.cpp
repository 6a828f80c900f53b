#include "app/commandcontext.h"
#include "app/commands.h"
#include "core/ingest/crawlerverifier.h"
#include "core/settings/appsettings.h"
#include "core/storage/database.h"
#include "core/storage/dbwriter.h"
#include "core/util/clock.h"

#include <QCoreApplication>

namespace activity {

namespace {
struct AgentsCommandText {
    Q_DECLARE_TR_FUNCTIONS(AgentsCommandText)
};
} // namespace

// agents verify: checks again every address that claimed a checkable crawler and has no verdict (its check failed,
// e.g. offline, or its import ended first) or an expired one. The verdicts apply to the requests already stored.
int runAgents(CommandContext& ctx, const QStringList& args)
{
    if (args.value(0) != QLatin1String("verify") || args.size() > 1)
        return ctx.fail(AgentsCommandText::tr("agents: the subcommand is verify (agents verify)"));
    Database* db = ctx.database();
    DbWriter* writer = ctx.writer();
    if (!db || !writer)
        return 1;
    QString error;
    const auto checks = CrawlerChecks::load(ctx.dataDir(), &error);
    if (!checks)
        return ctx.fail(QStringLiteral("agents verify: ") + error);
    const AppSettings::CrawlerCheckSettings settings = AppSettings::crawlerChecks(*db);
    const auto unchecked = CrawlerVerdictStore(*db).unchecked(ctx.clock().nowSecs());
    CrawlerVerifier::Options options;
    options.dnsServer = settings.dnsServer;
    options.maxQueued = qMax(options.maxQueued, int(unchecked.size()));
    CrawlerVerifier verifier(*writer, checks, ctx.clock(), options);
    for (const auto& [address, owner] : unchecked)
        verifier.claim(address, owner);
    // At the lookup rate, with time for the slowest answers.
    const int waitMs
        = int(qMin<qint64>(3'600'000, 30'000 + qint64(unchecked.size()) * 1000 / options.lookupsPerSecond));
    const bool done = verifier.waitIdle(waitMs);
    const CrawlerVerifier::Counts c = verifier.counts();
    ctx.out() << AgentsCommandText::tr("checked %1 addresses: %2 verified, %3 spoofed, %4 could not be checked")
                     .arg(unchecked.size())
                     .arg(c.verified)
                     .arg(c.spoofed)
                     .arg(qMax<qint64>(c.unverified, qint64(unchecked.size()) - c.verified - c.spoofed))
              << Qt::endl;
    if (!verifier.error().isEmpty())
        ctx.err() << QStringLiteral("agents verify: ") << verifier.error() << Qt::endl;
    return done ? 0 : 1;
}

} // namespace activity
