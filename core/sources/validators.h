#pragma once

#include <QHostAddress>
#include <QList>
#include <QString>
#include <optional>
#include <utility>

namespace activity {

// Pure validators shared by the command line and the source manager form. Each returns an empty
// string when the value is good, else a message that a user can act on (without the field name:
// callers prefix it).
namespace Validators {
QString repository(const QString& value); // owner/name
QString organisation(const QString& value); // GitHub login / Docker Hub namespace
QString duration(const QString& value); // 90s, 15m, 1h, 1d, or combinations like 1h30m
QString httpUrl(const QString& value);
QString listenUrl(const QString& value); // udp://ADDR:PORT or tcp://ADDR:PORT
QString cidrList(const QString& value); // 10.0.0.0/8,::1/128
QString port(const QString& value);
QString envVarName(const QString& value);
QString siteName(const QString& value);
QString nonEmpty(const QString& value);
// A local file, or ssh://USER@HOST[:PORT]/PATH for one on a server.
QString logPath(const QString& value);
QString logFormat(const QString& value); // 'combined' or an nginx log_format string
QString storedTokenLocation(const QString& value); // where a token typed in the window is kept: keyring or file

// Parsed forms.
std::optional<qint64> parseDurationSecs(const QString& value);
struct ListenAddress {
    enum class Protocol { Udp, Tcp } protocol = Protocol::Udp;
    QHostAddress address;
    quint16 port = 0;
};
std::optional<ListenAddress> parseListenUrl(const QString& value);
std::optional<QList<std::pair<QHostAddress, int>>> parseCidrList(const QString& value);
} // namespace Validators

} // namespace activity
