// The alert half of `collect` (and of the window while it collects): evaluates the rules on a timer, shows
// desktop notifications and posts webhooks.
#include "app/collectors.h"
#include "app/commandcontext.h"
#include "app/desktopnotifier.h"
#include "core/alerts/alertevaluator.h"
#include "core/alerts/alertnotifier.h"
#include "core/net/httpclient.h"
#include "core/settings/appsettings.h"
#include "core/storage/database.h"
#include "core/storage/dbwriter.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTimer>

namespace activity {

namespace {
struct CollectAlertsText {
    Q_DECLARE_TR_FUNCTIONS(CollectAlertsText)
};

HttpOptions webhookOptions()
{
    HttpOptions options;
    options.userAgent = QByteArrayLiteral("activity-dashboard/" ACTIVITY_VERSION);
    options.useSystemProxy = true;
    options.maxAttempts = 3;
    return options;
}

void tell(CommandContext& ctx, const AlertNotice& n)
{
    ctx.err() << CollectAlertsText::tr("alert %1").arg(AlertMessages::title(n)) << ": " << AlertMessages::text(n)
              << Qt::endl;
    DesktopNotifier::notify(AlertMessages::title(n), AlertMessages::text(n), n.event.severity);
}

class AlertCollection final : public Collection {
public:
    AlertCollection(CommandContext& ctx, std::function<void(const AlertNotice&)> onNotice)
        : m_ctx(ctx)
        , m_onNotice(std::move(onNotice))
    { }
    QString start() override
    {
        Database* db = m_ctx.database();
        DbWriter* writer = m_ctx.writer();
        if (!db || !writer)
            return CollectAlertsText::tr("cannot open the database");
        m_http = std::make_unique<HttpClient>(webhookOptions());
        m_notifier = std::make_unique<AlertNotifier>(*m_http, *writer);
        QObject::connect(m_notifier.get(), &AlertNotifier::delivered, m_notifier.get(),
            [this](qint64 eventId, bool ok, const QString& delivery) {
                if (!ok)
                    m_ctx.err() << CollectAlertsText::tr("alert webhook (history %1): %2").arg(eventId).arg(delivery)
                                << Qt::endl;
            });
        m_timer.setSingleShot(true);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] { evaluate(); });
        m_timer.start(0);
        return {};
    }
    void stop() override { m_timer.stop(); }

private:
    void evaluate()
    {
        Database* db = m_ctx.database();
        qint64 interval = AppSettings::kDefaultAlertIntervalSecs;
        try {
            interval = AppSettings::alertIntervalSecs(*db); // read each time: `settings set` applies without a restart
            const QList<AlertNotice> notices
                = AlertEvaluator::evaluate(*m_ctx.writer(), m_ctx.clock().nowSecs(), interval);
            for (const AlertNotice& n : notices) {
                tell(m_ctx, n);
                if (m_onNotice)
                    m_onNotice(n);
            }
            m_notifier->send(notices);
        } catch (const std::exception& e) {
            // A rule that cannot be evaluated now (the database busy past the writer's patience) is evaluated at the
            // next tick; the user hears of it.
            m_ctx.err() << CollectAlertsText::tr("alerts not evaluated: %1").arg(QString::fromUtf8(e.what()))
                        << Qt::endl;
        }
        m_timer.start(int(interval * 1000));
    }

    CommandContext& m_ctx;
    std::function<void(const AlertNotice&)> m_onNotice;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<AlertNotifier> m_notifier;
    QTimer m_timer;
};
} // namespace

int evaluateAlertsOnce(CommandContext& ctx)
{
    Database* db = ctx.database();
    DbWriter* writer = db ? ctx.writer() : nullptr;
    if (!writer)
        return 1;
    QList<AlertNotice> notices;
    try {
        notices = AlertEvaluator::evaluate(*writer, ctx.clock().nowSecs(), AppSettings::alertIntervalSecs(*db));
    } catch (const std::exception& e) {
        return ctx.fail(CollectAlertsText::tr("alerts not evaluated: %1").arg(QString::fromUtf8(e.what())));
    }
    int webhooks = 0;
    for (const AlertNotice& n : notices) {
        tell(ctx, n);
        webhooks += n.rule.webhook.isEmpty() ? 0 : 1;
    }
    if (webhooks == 0)
        return 0;
    HttpClient http(webhookOptions());
    AlertNotifier notifier(http, *writer);
    QEventLoop loop;
    int failed = 0;
    QObject::connect(
        &notifier, &AlertNotifier::delivered, &loop, [&](qint64 eventId, bool ok, const QString& delivery) {
            if (!ok) {
                ++failed;
                ctx.err() << CollectAlertsText::tr("alert webhook (history %1): %2").arg(eventId).arg(delivery)
                          << Qt::endl;
            }
            if (--webhooks == 0)
                loop.quit();
        });
    notifier.send(notices);
    loop.exec();
    return failed ? 1 : 0;
}

std::unique_ptr<Collection> createAlertCollection(
    CommandContext& context, std::function<void(const AlertNotice&)> onNotice)
{
    return std::make_unique<AlertCollection>(context, std::move(onNotice));
}

} // namespace activity
