// The API half of `collect`: the GitHub and Docker Hub sources on their timers.
#include "app/collectors.h"
#include "app/commandcontext.h"
#include "core/net/httpclient.h"
#include "core/secrets/tokenvault.h"
#include "core/settings/appsettings.h"
#include "core/sources/apischeduler.h"
#include "core/sources/sourcestore.h"
#include "core/storage/database.h"
#include "core/storage/dbwriter.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QMap>

namespace activity {

namespace {
struct CollectApiText {
    Q_DECLARE_TR_FUNCTIONS(CollectApiText)
};

HttpOptions httpOptions(Database& db)
{
    HttpOptions o;
    o.timeoutMs = AppSettings::httpTimeoutSecs(db) * 1000;
    o.userAgent = QByteArrayLiteral("activity-dashboard/" ACTIVITY_VERSION);
    o.useSystemProxy = true;
    return o;
}

class ApiCollection final : public Collection {
public:
    explicit ApiCollection(CommandContext& ctx)
        : m_ctx(ctx)
    { }
    QString start() override
    {
        Database* db = m_ctx.database();
        DbWriter* writer = m_ctx.writer();
        if (!db || !writer)
            return CollectApiText::tr("cannot open the database");
        m_http = std::make_unique<HttpClient>(httpOptions(*db));
        m_tokens = TokenVault::createDefault(m_ctx.dataDir());
        m_scheduler = std::make_unique<ApiScheduler>(*db, *writer, m_ctx.clock(), *m_http);
        m_scheduler->setTokenVault(m_tokens.get());
        QObject::connect(m_scheduler.get(), &ApiScheduler::pollFinished, m_scheduler.get(),
            [this](qint64 id, const PollOutcome& outcome) {
                if (outcome.writeFailed && m_onWriteError)
                    m_onWriteError(
                        CollectApiText::tr("cannot write to %1: %2").arg(m_ctx.databasePath(), outcome.error));
                else if (!outcome.ok)
                    m_ctx.err() << CollectApiText::tr("source %1: %2").arg(id).arg(outcome.error) << Qt::endl;
            });
        m_scheduler->start();
        return {};
    }
    void stop() override
    {
        if (m_scheduler)
            m_scheduler->stop();
    }

private:
    CommandContext& m_ctx;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<TokenVault> m_tokens;
    std::unique_ptr<ApiScheduler> m_scheduler;
};
} // namespace

std::unique_ptr<Collection> createApiCollection(CommandContext& context)
{
    return std::make_unique<ApiCollection>(context);
}

int pollApiSourcesOnce(CommandContext& ctx)
{
    Database* db = ctx.database();
    if (!db)
        return 1;
    DbWriter* writer = ctx.writer();
    if (!writer)
        return 1;
    HttpClient http(httpOptions(*db));
    const auto tokens = TokenVault::createDefault(ctx.dataDir());
    ApiScheduler scheduler(*db, *writer, ctx.clock(), http);
    scheduler.setTokenVault(tokens.get());
    QMap<qint64, PollOutcome> results;
    QEventLoop loop;
    QObject::connect(&scheduler, &ApiScheduler::pollFinished, &loop,
        [&results](qint64 id, const PollOutcome& outcome) { results.insert(id, outcome); });
    QObject::connect(&scheduler, &ApiScheduler::idle, &loop, &QEventLoop::quit);
    scheduler.pollAllNow();
    if (!scheduler.isIdle())
        loop.exec();

    QMap<qint64, QString> names;
    for (const SourceRecord& r : SourceStore(*db, ctx.clock()).list())
        names.insert(r.id, r.name);
    int failed = 0;
    for (auto it = results.cbegin(); it != results.cend(); ++it) {
        if (it->ok) {
            ctx.out() << CollectApiText::tr("source %1 (%2): ok").arg(it.key()).arg(names.value(it.key())) << Qt::endl;
        } else {
            ++failed;
            ctx.err() << CollectApiText::tr("source %1 (%2): %3").arg(it.key()).arg(names.value(it.key()), it->error)
                      << Qt::endl;
        }
    }
    if (failed > 0)
        return ctx.fail(CollectApiText::tr("%n source(s) failed", nullptr, failed));
    return 0;
}

} // namespace activity
