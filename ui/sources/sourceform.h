#pragma once

#include "core/sources/sourceregistry.h"

#include <QDialog>
#include <QHash>
#include <QJsonObject>
#include <QSet>

class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QPushButton;
class QUrl;

namespace activity {

class TokenField;
class TokenVault;

// The add/edit form of a source, built from the registry's field declarations. Each field is checked
// as it is typed, with the command line's messages ("--repo: must be OWNER/NAME"); OK is enabled only
// when the whole form is valid.
class SourceForm : public QDialog {
    Q_OBJECT
public:
    // Adding: the type can be chosen. Editing: pass the type and its stored settings.
    explicit SourceForm(const SourceRegistry& registry, QWidget* parent = nullptr);
    // sourceId: the stored source being edited (its token, if any, is read from the vault for the mask).
    void edit(const QString& type, const QJsonObject& settings, qint64 sourceId = 0);
    // Where tokens are kept; without one the token field is not offered.
    void setTokenVault(TokenVault* vault);
    // The token row (GitHub), or null for types without a token.
    TokenField* tokenField() const { return m_token; }

    QString type() const;
    void setType(const QString& type);
    // Sets one field's text as if typed.
    void setField(const QString& name, const QString& value);
    QLineEdit* fieldEdit(const QString& name) const { return m_edits.value(name); }
    // The settings as typed (empty fields left out) with the registry's defaults filled in. Never the
    // "token" location: the panel sets it once the token is stored (see tokenField()).
    QJsonObject settings() const;
    // Every current problem, as the command line prints them.
    QStringList errors() const;
    QString fieldError(const QString& name) const;
    bool isValid() const { return errors().isEmpty(); }
    // The line nginx needs for a syslog source; empty for other types.
    QString nginxLine() const;
    // The type sends from nginx over syslog: the form shows the line to paste.
    bool showsNginxLine() const;
    static QString nginxLine(const QJsonObject& syslogSettings);

    // "Test": for a listener, whether its port can be bound now; for an API source, a real GET of the
    // API URL. Ends with testFinished.
    void runTest();
    // What a JSON or Prometheus source would store from one answer, for the Test button.
    void testFigures(bool prometheus, const QJsonObject& settings);

signals:
    void testFinished(bool ok, const QString& message);

private:
    void rebuild();
    void revalidate();
    void testApi(const QUrl& url, const QByteArray& token);
    // `then` gets the settings with the edited source's stored secrets back where the form shows them masked.
    void withStoredSecrets(const QJsonObject& s, const std::function<void(const QJsonObject&)>& then);
    // What is typed; withToken adds where a token is (or will be) kept, for the registry's checks.
    QJsonObject typed(bool withToken) const;

    const SourceRegistry& m_registry;
    QComboBox* m_typeBox = nullptr;
    QFormLayout* m_fields = nullptr;
    QHash<QString, QLineEdit*> m_edits;
    QSet<QString> m_repeated; // fields given several times: one line holds them, separated by " ; "
    QHash<QString, QLabel*> m_errorLabels;
    TokenVault* m_vault = nullptr;
    TokenField* m_token = nullptr;
    QLabel* m_tokenError = nullptr;
    QJsonObject m_editing; // the stored settings being edited
    qint64 m_sourceId = 0;
    QLabel* m_formError = nullptr;
    QLabel* m_nginxLabel = nullptr;
    QLineEdit* m_nginxLine = nullptr;
    QPushButton* m_copy = nullptr;
    QPushButton* m_test = nullptr;
    QLabel* m_testResult = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QNetworkAccessManager* m_network = nullptr;
};

} // namespace activity
