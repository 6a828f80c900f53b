#pragma once

#include <QJsonObject>
#include <QLatin1String>

namespace activity {

struct SourceTypeSpec;

// A source's secrets (credential headers, API keys and passwords in its URLs) apart from its settings: the
// database keeps the settings masked (`X-Api-Key: ••••`, `?api_key=••••`) and where the whole values are
// ("secrets": "keyring:SLOT" or "file:SLOT", see TokenVault); the collector puts them back before it polls.
namespace SourceSecrets {

constexpr QLatin1String kSettingsKey("secrets");

struct Split {
    QJsonObject shown; // the settings with their secrets masked
    QJsonObject secrets; // field name -> its whole value, for the fields that held a secret
};
// Splits the secrets out of `settings`, in the fields the type marks (FieldSpec::secrets).
Split split(const SourceTypeSpec& spec, const QJsonObject& settings);
// The settings with the secrets' whole values back.
QJsonObject merged(QJsonObject shown, const QJsonObject& secrets);
// Whether a field's value still shows a mask (the secret was not typed again).
bool showsMask(const QString& value);

} // namespace SourceSecrets

} // namespace activity
