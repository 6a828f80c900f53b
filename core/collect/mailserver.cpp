#include "core/collect/mailserver.h"

#include "core/secrets/tokenvault.h"

#include <QEventLoop>

namespace activity {

SmtpServer mailServer(const AlertEmail::Config& config, TokenVault& vault, QString* error)
{
    SmtpServer server = config.server;
    if (config.passwordAt == TokenVault::Location::None)
        return server;
    QEventLoop loop;
    bool done = false;
    vault.load(
        TokenVault::kSmtpPassword, config.passwordAt, &loop, [&](const QByteArray& password, const QString& problem) {
            server.password = password;
            if (error)
                *error = problem;
            done = true;
            loop.quit();
        });
    if (!done)
        loop.exec();
    return server;
}

} // namespace activity
