#pragma once

#include <QString>
#include <QUrl>

namespace activity {

// What counts as a secret in what the user types, and how it is shown: a webhook URL as a whole, the values of
// credential headers and URL parameters, and passwords in URLs. Masked text keeps enough to recognise the
// value (host, header name, parameter name), never the secret.
namespace SecretMask {

// The mask that stands for a secret value ("••••").
QString mask();
// Authorization, Proxy-Authorization, Cookie, X-Api-Key, and any name containing token, key, secret or auth.
bool isCredentialHeader(QStringView name);
// key, api_key, apikey, token, access_token, secret, signature, sig, password (any case).
bool isCredentialParameter(QStringView name);
// The URL with its password and credential parameters' values masked; unchanged when it has none.
QString url(const QString& url);
bool urlHasSecret(const QString& url);
// "Name: value" lines with credential headers' values masked.
QString headerLines(const QString& lines);
bool headerLinesHaveSecret(const QString& lines);
// A webhook shown by its host: "hooks.slack.com/…".
QString webhook(const QString& url);
// `text` (an error of Qt's, which quotes the URL it failed on) with `secretUrl` in any of its forms replaced
// by `shown`.
QString scrub(QString text, const QUrl& secretUrl, const QString& shown);

} // namespace SecretMask

} // namespace activity
