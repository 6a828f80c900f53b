#include "ui/firstrun/firstrunwizard.h"

#include "core/query/healthquery.h"
#include "core/secrets/tokenvault.h"
#include "core/settings/appsettings.h"
#include "core/settings/settingsservice.h"
#include "core/sources/dockerhub/dockerhubtype.h"
#include "core/sources/github/githubtype.h"
#include "core/sources/logfile/logfiletype.h"
#include "core/sources/syslog/syslogtype.h"
#include "ui/sources/sourceform.h"
#include "ui/sources/sourcepanel.h"
#include "ui/widgets/errorlabel.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QVBoxLayout>
#include <QWizardPage>

namespace activity {

namespace {
const QString kSyslogListen = QStringLiteral("udp://127.0.0.1:5514");

// A page whose Next waits for a condition (the answers on it are valid), and whose next page can depend
// on an answer (the demo ends the wizard on the first page).
class CheckedPage : public QWizardPage {
public:
    using QWizardPage::QWizardPage;
    std::function<bool()> complete;
    std::function<int()> next;
    bool isComplete() const override { return !complete || complete(); }
    int nextId() const override { return next ? next() : QWizardPage::nextId(); }
    void changed() { emit completeChanged(); }
};

QLabel* plainLabel(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    return label;
}

QLabel* errorLabel(QWidget* parent)
{
    return new ErrorLabel(parent);
}
} // namespace

FirstRunWizard::FirstRunWizard(SourcePanel& panel, SettingsService& settings, QWidget* parent)
    : QWizard(parent)
    , m_panel(panel)
    , m_settings(settings)
{
    setWindowTitle(tr("Set up Activity Dashboard"));
    setOption(QWizard::NoBackButtonOnStartPage);
    setButtonText(QWizard::CancelButton, tr("Skip"));
    resize(720, 520);

    auto* welcome = new CheckedPage(this);
    welcome->setTitle(tr("Welcome"));
    welcome->setSubTitle(tr("Activity Dashboard watches your project's GitHub repositories, Docker Hub images and "
                            "nginx access logs. Nothing is collected yet."));
    auto* welcomeLayout = new QVBoxLayout(welcome);
    m_setup = new QRadioButton(tr("Set up my sources now (a minute; everything can be changed later on the "
                                  "Sources page)"),
        welcome);
    m_demo = new QRadioButton(tr("Try with demo data first (90 days of sample figures; nothing is saved)"), welcome);
    m_setup->setChecked(true);
    welcomeLayout->addWidget(m_setup);
    welcomeLayout->addWidget(m_demo);
    welcomeLayout->addStretch(1);
    welcome->next = [this] { return m_demo->isChecked() ? -1 : int(GitHub); };
    // Next becomes Finish (setFinalPage makes QWizard lay its buttons out again).
    connect(m_demo, &QRadioButton::toggled, welcome, [welcome](bool demo) { welcome->setFinalPage(demo); });
    setPage(Welcome, welcome);

    auto* github = new CheckedPage(this);
    github->setTitle(tr("GitHub"));
    github->setSubTitle(tr("Stars, forks, issues, downloads and traffic. Leave empty to skip."));
    auto* githubForm = new QFormLayout(github);
    m_repos = new QLineEdit(github);
    m_repos->setObjectName(QStringLiteral("repos"));
    m_repos->setPlaceholderText(tr("owner/name, several separated by commas"));
    m_org = new QLineEdit(github);
    m_org->setObjectName(QStringLiteral("org"));
    m_org->setPlaceholderText(tr("every repository of this organisation or user"));
    m_token = new QLineEdit(github);
    m_token->setObjectName(QStringLiteral("token"));
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("optional: a personal access token (ghp_… or github_pat_…)"));
    githubForm->addRow(tr("Repositories"), m_repos);
    githubForm->addRow(tr("or organisation"), m_org);
    githubForm->addRow(tr("Token"), m_token);
    const QString tokenFile = panel.tokenVault() ? panel.tokenVault()->filePath() : QString();
    githubForm->addRow(QString(),
        plainLabel(tr("Without a token GitHub allows 60 requests an hour and hides traffic figures. The token is kept "
                      "in the desktop keyring when one answers, else in %1, readable only by you.")
                       .arg(tokenFile),
            github));
    m_githubError = errorLabel(github);
    m_githubError->setObjectName(QStringLiteral("githubError"));
    githubForm->addRow(QString(), m_githubError);
    github->complete = [this] { return githubErrors().isEmpty(); };
    setPage(GitHub, github);

    auto* docker = new CheckedPage(this);
    docker->setTitle(tr("Docker Hub"));
    docker->setSubTitle(tr("Pulls and stars of every image of a namespace. Leave empty to skip."));
    auto* dockerForm = new QFormLayout(docker);
    m_namespace = new QLineEdit(docker);
    m_namespace->setObjectName(QStringLiteral("namespace"));
    m_namespace->setPlaceholderText(tr("Docker Hub user or organisation"));
    dockerForm->addRow(tr("Namespace"), m_namespace);
    m_dockerError = errorLabel(docker);
    dockerForm->addRow(QString(), m_dockerError);
    docker->complete = [this] { return dockerHubErrors().isEmpty(); };
    setPage(DockerHub, docker);

    auto* nginx = new QWizardPage(this);
    nginx->setTitle(tr("nginx access logs"));
    nginx->setSubTitle(tr("nginx sends each request to Activity Dashboard over syslog; nothing else to install."));
    auto* nginxLayout = new QVBoxLayout(nginx);
    m_syslog = new QCheckBox(tr("Receive nginx logs on %1").arg(kSyslogListen), nginx);
    m_syslog->setChecked(true);
    nginxLayout->addWidget(m_syslog);
    auto* siteRow = new QFormLayout;
    m_site = new QLineEdit(nginx);
    m_site->setObjectName(QStringLiteral("site"));
    m_site->setPlaceholderText(tr("mysite"));
    siteRow->addRow(tr("Site name"), m_site);
    nginxLayout->addLayout(siteRow);
    nginxLayout->addWidget(plainLabel(tr("Paste this line into the server block of nginx, then reload nginx:"), nginx));
    auto* lineRow = new QHBoxLayout;
    m_nginxLine = new QLineEdit(nginx);
    m_nginxLine->setObjectName(QStringLiteral("nginxLine"));
    m_nginxLine->setReadOnly(true);
    auto* copy = new QPushButton(tr("Copy"), nginx);
    lineRow->addWidget(m_nginxLine, 1);
    lineRow->addWidget(copy);
    nginxLayout->addLayout(lineRow);
    // Most nginx servers are not this computer: their log can be followed over SSH instead (or as well).
    nginxLayout->addWidget(plainLabel(tr("nginx on a server? Follow its log over SSH (your ssh keys, no password "
                                         "prompt); it catches up after this computer was offline:"),
        nginx));
    m_remoteLog = new QLineEdit(nginx);
    m_remoteLog->setObjectName(QStringLiteral("remoteLog"));
    m_remoteLog->setPlaceholderText(tr("ssh://you@server.example.org/var/log/nginx/access.log"));
    m_remoteLog->setAccessibleName(tr("Log on a server"));
    nginxLayout->addWidget(m_remoteLog);
    m_result = errorLabel(nginx);
    nginxLayout->addStretch(1);
    nginxLayout->addWidget(m_result);
    setPage(Nginx, nginx);

    for (QLineEdit* edit : { m_repos, m_org, m_token, m_namespace, m_site, m_remoteLog })
        connect(edit, &QLineEdit::textChanged, this, &FirstRunWizard::revalidate);
    connect(m_syslog, &QCheckBox::toggled, this, &FirstRunWizard::revalidate);
    connect(copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(m_nginxLine->text()); });
    revalidate();
}

bool FirstRunWizard::shouldOffer(Database& db)
{
    return rememberedState(db).isEmpty() && HealthQuery::isEmpty(db);
}

QString FirstRunWizard::rememberedState(Database& db)
{
    return AppSettings::firstRunState(db);
}

bool FirstRunWizard::demoRequested() const
{
    return m_demo->isChecked();
}

QStringList FirstRunWizard::repositories() const
{
    QStringList repos;
    for (const QString& part :
        m_repos->text().split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts))
        if (!repos.contains(part))
            repos.append(part);
    return repos;
}

QList<std::pair<QString, QJsonObject>> FirstRunWizard::plannedSources() const
{
    QList<std::pair<QString, QJsonObject>> planned;
    for (const QString& repo : repositories())
        planned.append({ gitHubTypeName(), QJsonObject { { QStringLiteral("repo"), repo } } });
    if (const QString org = m_org->text().trimmed(); !org.isEmpty())
        planned.append({ gitHubTypeName(), QJsonObject { { QStringLiteral("org"), org } } });
    if (const QString ns = m_namespace->text().trimmed(); !ns.isEmpty())
        planned.append({ dockerHubTypeName(), QJsonObject { { QStringLiteral("namespace"), ns } } });
    if (m_syslog->isChecked()) {
        QJsonObject syslog { { QStringLiteral("listen"), kSyslogListen } };
        if (const QString site = m_site->text().trimmed(); !site.isEmpty())
            syslog.insert(QStringLiteral("site"), site);
        planned.append({ syslogTypeName(), syslog });
    }
    if (const QString remote = m_remoteLog->text().trimmed(); !remote.isEmpty()) {
        QJsonObject logfile { { QStringLiteral("path"), remote } };
        if (const QString site = m_site->text().trimmed(); !site.isEmpty())
            logfile.insert(QStringLiteral("site"), site);
        planned.append({ logfileTypeName(), logfile });
    }
    return planned;
}

QStringList FirstRunWizard::githubErrors() const
{
    QStringList errors;
    const SourceRegistry& registry = m_panel.registry();
    for (const auto& [type, settings] : plannedSources()) {
        if (type != gitHubTypeName())
            continue;
        QJsonObject s = settings;
        for (const FieldError& e : registry.validate(type, s))
            errors.append(e.toString());
    }
    const QByteArray token = m_token->text().trimmed().toUtf8();
    if (!token.isEmpty() && !TokenVault::checkToken(token).isEmpty())
        errors.append(TokenVault::checkToken(token));
    errors.removeDuplicates();
    return errors;
}

QStringList FirstRunWizard::dockerHubErrors() const
{
    QStringList errors;
    const QString ns = m_namespace->text().trimmed();
    if (ns.isEmpty())
        return errors;
    QJsonObject s { { QStringLiteral("namespace"), ns } };
    for (const FieldError& e : m_panel.registry().validate(dockerHubTypeName(), s))
        errors.append(e.toString());
    return errors;
}

QString FirstRunWizard::nginxLine() const
{
    for (const auto& [type, settings] : plannedSources())
        if (type == syslogTypeName()) {
            QJsonObject s = settings;
            m_panel.registry().validate(type, s);
            return SourceForm::nginxLine(s);
        }
    return {};
}

void FirstRunWizard::revalidate()
{
    m_githubError->setText(githubErrors().join(QLatin1Char('\n')));
    m_dockerError->setText(dockerHubErrors().join(QLatin1Char('\n')));
    m_nginxLine->setText(nginxLine());
    m_nginxLine->setEnabled(m_syslog->isChecked());
    m_site->setEnabled(m_syslog->isChecked() || !m_remoteLog->text().trimmed().isEmpty());
    // A malformed address is said at once, not at Finish.
    QString remoteError;
    if (const QString remote = m_remoteLog->text().trimmed(); !remote.isEmpty()) {
        QJsonObject s { { QStringLiteral("path"), remote } };
        for (const FieldError& e : m_panel.registry().validate(logfileTypeName(), s))
            remoteError = e.message;
    }
    m_result->setText(remoteError);
    for (int id : { int(GitHub), int(DockerHub) })
        static_cast<CheckedPage*>(page(id))->changed();
}

QString FirstRunWizard::createSources()
{
    const QByteArray token = m_token->text().trimmed().toUtf8();
    QStringList problems;
    for (const auto& [type, settings] : plannedSources()) {
        // The token goes to the types that keep one (GitHub's).
        const SourceTypeSpec* spec = m_panel.registry().find(type);
        const FieldSpec* tokenField = spec ? spec->field(QStringLiteral("token")) : nullptr;
        const QByteArray sourceToken = tokenField && tokenField->storedSecret ? token : QByteArray();
        if (const QString error = m_panel.addSource(type, settings, sourceToken); !error.isEmpty())
            problems.append(error);
    }
    return problems.join(QLatin1Char('\n'));
}

void FirstRunWizard::accept()
{
    if (!demoRequested()) {
        if (const QString problem = createSources(); !problem.isEmpty()) {
            m_result->setText(problem);
            return; // stays open: the user sees what went wrong
        }
        m_settings.rememberFirstRun(QStringLiteral("done"));
        emit completed();
    }
    QWizard::accept();
}

void FirstRunWizard::reject()
{
    m_settings.rememberFirstRun(QStringLiteral("skipped"));
    QWizard::reject();
}

} // namespace activity
