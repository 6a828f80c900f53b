// The alert half of `collect` (and of the window while it collects): evaluates the rules on a timer, shows
// desktop notifications and posts webhooks.
#include "app/collectors.h"
#include "app/commandcontext.h"
#include "app/desktopnotifier.h"
#include "core/alerts/alertemail.h"
#include "core/alerts/alertevaluator.h"
#include "core/alerts/alertnotifier.h"
#include "core/net/httpclient.h"
#include "core/net/smtpclient.h"
#include "core/secrets/tokenvault.h"
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

// The mail server of the settings with its password from the keyring (or the private file); waits for the vault.
SmtpServer mailServer(CommandContext& ctx, const AlertEmail::Config& config, TokenVault& vault)
{
    SmtpServer server = config.server;
    if (config.passwordAt == TokenVault::Location::None)
        return server;
    QEventLoop loop;
    bool done = false;
    vault.load(
        TokenVault::kSmtpPassword, config.passwordAt, &loop, [&](const QByteArray& password, const QString& error) {
            server.password = password;
            if (!error.isEmpty())
                ctx.err() << CollectAlertsText::tr("the mail server's password cannot be read: %1").arg(error)
                          << Qt::endl;
            done = true;
            loop.quit();
        });
    if (!done)
        loop.exec();
    return server;
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
        QObject::connect(m_notifier.get(), &AlertNotifier::emailed, m_notifier.get(),
            [this](qint64 eventId, bool ok, const QString& delivery) {
                if (!ok)
                    m_ctx.err() << CollectAlertsText::tr("alert email (history %1): %2").arg(eventId).arg(delivery)
                                << Qt::endl;
            });
        m_vault = TokenVault::createDefault(m_ctx.dataDir());
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
            // The mail server too (`alerts email` applies without a restart); the password is read again only when
            // where it is kept changed.
            const AlertEmail::Config mail = AlertEmail::read(*db);
            if (mail.configured()) {
                if (!m_mailLoaded || m_mailFrom != mail.passwordAt) {
                    m_mail = mailServer(m_ctx, mail, *m_vault);
                    m_mailFrom = mail.passwordAt;
                    m_mailLoaded = true;
                }
                const QByteArray password = m_mail.password;
                m_mail = mail.server;
                m_mail.password = password;
                m_notifier->setMail(&m_smtp, m_mail);
            }
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
    std::unique_ptr<TokenVault> m_vault;
    SmtpClient m_smtp;
    SmtpServer m_mail;
    bool m_mailLoaded = false;
    TokenVault::Location m_mailFrom = TokenVault::Location::None;
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
    for (const AlertNotice& n : notices)
        tell(ctx, n);
    int pending = AlertNotifier::deliveries(notices);
    if (pending == 0)
        return 0;
    HttpClient http(webhookOptions());
    AlertNotifier notifier(http, *writer);
    SmtpClient smtp;
    if (const AlertEmail::Config mail = AlertEmail::read(*db); mail.configured()) {
        const auto vault = TokenVault::createDefault(ctx.dataDir());
        notifier.setMail(&smtp, mailServer(ctx, mail, *vault));
    }
    QEventLoop loop;
    int failed = 0;
    const auto settle = [&](const char* what, qint64 eventId, bool ok, const QString& delivery) {
        if (!ok) {
            ++failed;
            ctx.err() << CollectAlertsText::tr("alert %1 (history %2): %3")
                             .arg(QLatin1String(what))
                             .arg(eventId)
                             .arg(delivery)
                      << Qt::endl;
        }
        if (--pending == 0)
            loop.quit();
    };
    QObject::connect(&notifier, &AlertNotifier::delivered, &loop,
        [&](qint64 eventId, bool ok, const QString& delivery) { settle("webhook", eventId, ok, delivery); });
    QObject::connect(&notifier, &AlertNotifier::emailed, &loop,
        [&](qint64 eventId, bool ok, const QString& delivery) { settle("email", eventId, ok, delivery); });
    notifier.send(notices);
    if (pending > 0)
        loop.exec();
    return failed ? 1 : 0;
}

std::unique_ptr<Collection> createAlertCollection(
    CommandContext& context, std::function<void(const AlertNotice&)> onNotice)
{
    return std::make_unique<AlertCollection>(context, std::move(onNotice));
}

} // namespace activity
