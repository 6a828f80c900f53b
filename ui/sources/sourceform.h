#pragma once

#include "core/sources/sourceregistry.h"

#include <QDialog>
#include <QHash>
#include <QJsonObject>

class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QPushButton;

// The add/edit form of a source, built from the registry's field declarations. Each field is checked
// as it is typed, with the command line's messages ("--repo: must be OWNER/NAME"); OK is enabled only
// when the whole form is valid.
class SourceForm : public QDialog {
    Q_OBJECT
public:
    // Adding: the type can be chosen. Editing: pass the type and its stored settings.
    explicit SourceForm(const SourceRegistry& registry, QWidget* parent = nullptr);
    void edit(const QString& type, const QJsonObject& settings);

    QString type() const;
    void setType(const QString& type);
    // Sets one field's text as if typed.
    void setField(const QString& name, const QString& value);
    QLineEdit* fieldEdit(const QString& name) const { return m_edits.value(name); }
    // The settings as typed (empty fields left out) with the registry's defaults filled in.
    QJsonObject settings() const;
    // Every current problem, as the command line prints them.
    QStringList errors() const;
    QString fieldError(const QString& name) const;
    bool isValid() const { return errors().isEmpty(); }
    // The line nginx needs for a syslog source; empty for other types.
    QString nginxLine() const;
    static QString nginxLine(const QJsonObject& syslogSettings);

    // "Test": for a listener, whether its port can be bound now; for an API source, a real GET of the
    // API URL. Ends with testFinished.
    void runTest();

signals:
    void testFinished(bool ok, const QString& message);

private:
    void rebuild();
    void revalidate();

    const SourceRegistry& m_registry;
    QComboBox* m_typeBox = nullptr;
    QFormLayout* m_fields = nullptr;
    QHash<QString, QLineEdit*> m_edits;
    QHash<QString, QLabel*> m_errorLabels;
    QLabel* m_formError = nullptr;
    QLabel* m_nginxLabel = nullptr;
    QLineEdit* m_nginxLine = nullptr;
    QPushButton* m_copy = nullptr;
    QPushButton* m_test = nullptr;
    QLabel* m_testResult = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QNetworkAccessManager* m_network = nullptr;
};
