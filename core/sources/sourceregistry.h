#pragma once

#include "core/sources/sourcedemo.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <functional>
#include <memory>
#include <optional>

namespace activity {

class ApiCollector;
struct ApiCollectorServices;

// What a source type needs from its user, declared once and used by the command line and the
// source manager form alike.
struct FieldSpec {
    QString name; // the command-line option without "--", and the key in sources.settings
    QString label; // shown in forms
    QString help; // one line
    bool required = false;
    QString defaultValue; // empty: none
    std::function<QString(const QString&)> validate; // empty message means valid
    bool secretReference = false; // names where a secret lives (an env var), never the secret
    // Says where a token typed in the window is kept ("keyring" or "file"; see TokenVault). Set by the
    // window's token field, not typed: the command line does not offer it (a token in argv is visible to all).
    bool storedSecret = false;
    // Given several times on the command line (--field a=/x --field b=/y): kept as one value per line.
    bool repeated = false;
    // Where its value may hold secrets (a URL's password and credential parameters, credential headers' values):
    // those are kept in the token vault, and the database and every output hold the value masked.
    enum class Secrets { None, InUrl, InHeaderLines };
    Secrets secrets = Secrets::None;
};

// A field in one call (the registry's types and the presets are lists of these).
FieldSpec makeField(const char* name, QString label, QString help, bool required, QString defaultValue,
    std::function<QString(const QString&)> validate, bool repeated = false);

struct FieldError {
    QString field; // option name, e.g. "repo"; empty for errors about the combination
    QString message;
    QString toString() const;
};

// API sources are polled for figures; log sources bring requests (the Traffic and Map pages).
enum class SourceKind { Api, Log };
// A log source's setting naming the collector that opens it in a shared store (any type of log source has it).
inline constexpr char kCollectorKey[] = "collector";
// How a log source receives its lines: a listener binds a port (only while collecting), a follower reads a file
// from where it was left (so `collect --once` can read it too).
enum class LogReceiver { None, Listener, Follower };

// Everything about one source type, declared in its folder (core/sources/TYPE/) and registered once in the
// SourceRegistry: the scheduler, the receivers, the form, the command line and the catalogue look it up here.
struct SourceTypeSpec {
    QString type; // github, dockerhub, syslog, logfile
    QString label;
    SourceKind kind = SourceKind::Api;
    QList<FieldSpec> fields;
    // Checks rules across fields (e.g. exactly one of --repo and --org). Runs after per-field checks pass.
    std::function<QList<FieldError>(const QJsonObject&)> validateAll;
    // A short human name for lists, e.g. "torvalds/linux" or "udp://127.0.0.1:5514".
    std::function<QString(const QJsonObject&)> displayName;
    // API types: makes the collector that polls one source of this type.
    using CollectorFactory = std::function<std::unique_ptr<ApiCollector>(
        qint64 id, const QJsonObject& settings, const ApiCollectorServices& services)>;
    CollectorFactory createCollector;
    // Log types: how lines arrive.
    LogReceiver receiver = LogReceiver::None;
    // Its figures are shown on the Metrics page with the other JSON and Prometheus figures (not on a page of its own).
    bool onMetricsPage = false;
    // What the source form's Test button does for it: fetch once and show the figures (JSON pointers or
    // Prometheus selectors), bind the listener's port, read the file, or ask the API's root (with the token).
    enum class FormTest { ApiRoot, Figures, PrometheusFigures, BindListener, ReadFile };
    FormTest formTest = FormTest::ApiRoot;
    // The form shows the nginx line that sends to it (a syslog listener).
    bool showsNginxLine = false;
    // The provider of the series its collector writes (github.stars{...}), so a rule or a panel may name one of
    // its series before the first poll.
    QString seriesProvider;
    // Its series are named per repository (github.stars{repo=owner/name}) and have a page and a report CSV of their
    // own (PROVIDER.csv); otherwise per source and labels (http-json.value{source=ID,...}) on the Metrics page.
    bool seriesPerRepository = false;
    // Its API says how many requests are left (X-RateLimit-*): Health shows it, and says "not told" for the others.
    bool rateLimited = false;
    // Its part of the sample data (--demo, screenshots, benchmarks), if it has one.
    std::optional<SourceDemo> demo;

    const FieldSpec* field(const QString& name) const;
};

class SourceRegistry {
public:
    // The built-in types, one line each. A new type adds its line here (or a caller add()s it).
    SourceRegistry();
    // The built-in types, for code that has no registry handed to it (the catalogue, reports).
    static const SourceRegistry& builtIn();
    void add(SourceTypeSpec spec);

    const QList<SourceTypeSpec>& types() const { return m_types; }
    const SourceTypeSpec* find(const QString& type) const;
    QStringList typeNames() const;
    QStringList typeNames(SourceKind kind) const;
    QStringList typeNames(LogReceiver receiver) const;
    // Whether the scheduler polls sources of this type (it has a collector).
    bool polls(const QString& type) const;
    // The series providers of the API types (github, dockerhub, ...), each once.
    QStringList seriesProviders() const;
    // The providers whose series are named per repository (github, dockerhub), in registration order.
    QStringList repositoryProviders() const;
    // The type that writes a provider's series, if any.
    const SourceTypeSpec* findProvider(const QString& provider) const;
    // The types whose figures the Metrics page shows.
    QStringList metricsPageTypes() const;

    // Validates user-given settings: unknown fields, missing required ones, bad values.
    // Fills in defaults in `settings` for fields not given.
    QList<FieldError> validate(const QString& type, QJsonObject& settings) const;

private:
    QList<SourceTypeSpec> m_types;
};

} // namespace activity
