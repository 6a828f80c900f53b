// The alert part of collection: evaluates the rules on a timer, posts webhooks and sends emails.
#include "core/alerts/alertemail.h"
#include "core/alerts/alertevaluator.h"
#include "core/alerts/alertnotifier.h"
#include "core/collect/collection.h"
#include "core/collect/httpoptions.h"
#include "core/collect/mailserver.h"
#include "core/net/httpclient.h"
#include "core/net/smtpclient.h"
#include "core/secrets/tokenvault.h"
#include "core/settings/appsettings.h"
#include "core/storage/database.h"
#include "core/storage/dbwriter.h"
#include "core/util/clock.h"

#include <QCoreApplication>
#include <QTimer>

namespace activity {

namespace {
struct CollectAlertsText {
    Q_DECLARE_TR_FUNCTIONS(CollectAlertsText)
};

class AlertCollection final : public Collection {
public:
    explicit AlertCollection(const CollectContext& context)
        : Collection(context)
    { }
    QString start() override
    {
        m_http = std::make_unique<HttpClient>(webhookHttpOptions());
        m_notifier = std::make_unique<AlertNotifier>(*m_http, m_context.writer);
        QObject::connect(m_notifier.get(), &AlertNotifier::delivered, m_notifier.get(),
            [this](qint64 eventId, bool ok, const QString& delivery) {
                if (!ok)
                    emit warned(CollectAlertsText::tr("alert webhook (history %1): %2").arg(eventId).arg(delivery));
            });
        QObject::connect(m_notifier.get(), &AlertNotifier::emailed, m_notifier.get(),
            [this](qint64 eventId, bool ok, const QString& delivery) {
                if (!ok)
                    emit warned(CollectAlertsText::tr("alert email (history %1): %2").arg(eventId).arg(delivery));
            });
        m_vault = TokenVault::createDefault(m_context.dataDir);
        m_notifier->setVault(m_vault.get());
        m_timer.setSingleShot(true);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] { evaluate(); });
        m_timer.start(0);
        return {};
    }
    void stop() override { m_timer.stop(); }

private:
    void evaluate()
    {
        Database& db = m_context.db;
        qint64 interval = AppSettings::kDefaultAlertIntervalSecs;
        try {
            interval = AppSettings::alertIntervalSecs(db); // read each time: `settings set` applies without a restart
            // The mail server too (`alerts email` applies without a restart); the password is read again only when
            // where it is kept changed.
            const AlertEmail::Config mail = AlertEmail::read(db);
            if (mail.configured()) {
                if (!m_mailLoaded || m_mailFrom != mail.passwordAt) {
                    QString problem;
                    m_mail = mailServer(mail, *m_vault, &problem);
                    if (!problem.isEmpty())
                        emit warned(
                            CollectAlertsText::tr("the mail server's password cannot be read: %1").arg(problem));
                    m_mailFrom = mail.passwordAt;
                    m_mailLoaded = true;
                }
                const QByteArray password = m_mail.password;
                m_mail = mail.server;
                m_mail.password = password;
                m_notifier->setMail(&m_smtp, m_mail);
            }
            const QList<AlertNotice> notices
                = AlertEvaluator::evaluate(m_context.writer, m_context.clock.nowSecs(), interval);
            for (const AlertNotice& n : notices)
                emit alerted(n);
            m_notifier->send(notices);
        } catch (const std::exception& e) {
            // A rule that cannot be evaluated now (the database busy past the writer's patience) is evaluated at the
            // next tick; the user hears of it.
            emit warned(CollectAlertsText::tr("alerts not evaluated: %1").arg(QString::fromUtf8(e.what())));
        }
        m_timer.start(int(interval * 1000));
    }

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

std::unique_ptr<Collection> createAlertCollection(const CollectContext& context)
{
    return std::make_unique<AlertCollection>(context);
}

} // namespace activity
