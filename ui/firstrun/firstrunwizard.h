#pragma once

#include <QJsonObject>
#include <QList>
#include <QWizard>

class QCheckBox;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace activity {

class Database;
class SettingsService;
class SourcePanel;

// The short set-up offered on an empty database: GitHub repositories or an organisation, a Docker Hub
// namespace, an optional token, and the nginx line for a syslog listener. Sources are created through the
// Sources page (same registry, store and messages). Skipping creates nothing; either way it is not offered
// again for this database. "Try with demo data" creates nothing either and asks for the demo instead.
class FirstRunWizard : public QWizard {
    Q_OBJECT
public:
    enum PageNo { Welcome, GitHub, DockerHub, Nginx };

    // `db` is where "done" or "skipped" is remembered (the window's database).
    FirstRunWizard(SourcePanel& panel, SettingsService& settings, QWidget* parent = nullptr);

    // True on a database with no sources and no data whose set-up was neither done nor skipped.
    static bool shouldOffer(Database& db);
    // Remembers "done" or "skipped" in the database's settings table.
    static QString rememberedState(Database& db);

    bool demoRequested() const;
    // The sources the answers describe, as (type, settings): what finishing creates.
    QList<std::pair<QString, QJsonObject>> plannedSources() const;
    // The registry's messages for the GitHub and Docker Hub answers (empty: valid).
    QStringList githubErrors() const;
    QStringList dockerHubErrors() const;
    QString nginxLine() const;
    // Creates the planned sources; returns what failed (empty when all were created).
    QString createSources();

    QLineEdit* reposEdit() const { return m_repos; }
    QLineEdit* orgEdit() const { return m_org; }
    QLineEdit* tokenEdit() const { return m_token; }
    QLineEdit* namespaceEdit() const { return m_namespace; }
    QCheckBox* syslogBox() const { return m_syslog; }
    QLineEdit* siteEdit() const { return m_site; }
    QRadioButton* demoChoice() const { return m_demo; }
    QLabel* githubErrorLabel() const { return m_githubError; }

    void accept() override;
    void reject() override;

signals:
    // Finished with sources created (or nothing to create).
    void completed();

private:
    QStringList repositories() const;
    void revalidate();

    SourcePanel& m_panel;
    SettingsService& m_settings;
    QRadioButton* m_setup = nullptr;
    QRadioButton* m_demo = nullptr;
    QLineEdit* m_repos = nullptr;
    QLineEdit* m_org = nullptr;
    QLineEdit* m_token = nullptr;
    QLabel* m_githubError = nullptr;
    QLineEdit* m_namespace = nullptr;
    QLabel* m_dockerError = nullptr;
    QCheckBox* m_syslog = nullptr;
    QLineEdit* m_site = nullptr;
    QLineEdit* m_remoteLog = nullptr; // ssh://USER@HOST/PATH of a log on a server
    QLineEdit* m_nginxLine = nullptr;
    QLabel* m_result = nullptr;
};

} // namespace activity
