#include "ui/sources/sourceform.h"

#include "core/secrets/secretmask.h"
#include "core/sources/httpjson/figurepreview.h"
#include "core/sources/httpjson/httpjsoncollector.h"
#include "core/sources/packages/presets.h"
#include "core/sources/sourcesecrets.h"
#include "core/sources/validators.h"
#include "ui/sources/tokenfield.h"
#include "ui/widgets/errorlabel.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QRegularExpression>
#include <QTcpServer>
#include <QUdpSocket>
#include <QVBoxLayout>

namespace activity {

namespace {
// How a repeated field's values share one line edit (a NAME=POINTER or a header rarely holds ';').
const QString kRepeatedJoiner = QStringLiteral(" ; ");

QString repeatedValues(const QString& text)
{
    QStringList values;
    for (const QString& v : text.split(QLatin1Char(';'))) {
        if (!v.trimmed().isEmpty())
            values.append(v.trimmed());
    }
    return values.join(QLatin1Char('\n'));
}
} // namespace

SourceForm::SourceForm(const SourceRegistry& registry, QWidget* parent)
    : QDialog(parent)
    , m_registry(registry)
{
    setWindowTitle(tr("Add a source"));
    auto* layout = new QVBoxLayout(this);
    m_typeBox = new QComboBox(this);
    m_typeBox->setObjectName(QStringLiteral("sourceType"));
    for (const SourceTypeSpec& spec : m_registry.types())
        m_typeBox->addItem(spec.label, spec.type);
    auto* typeRow = new QFormLayout;
    typeRow->addRow(tr("Type"), m_typeBox);
    layout->addLayout(typeRow);
    auto* fieldsHost = new QWidget(this);
    m_fields = new QFormLayout(fieldsHost);
    m_fields->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(fieldsHost);
    m_formError = new ErrorLabel(this);
    m_formError->setObjectName(QStringLiteral("formError"));
    layout->addWidget(m_formError);

    m_nginxLabel = new QLabel(tr("Paste this line into the server block of nginx, then reload nginx:"), this);
    m_nginxLabel->setTextFormat(Qt::PlainText);
    m_nginxLine = new QLineEdit(this);
    m_nginxLine->setObjectName(QStringLiteral("nginxLine"));
    m_nginxLine->setReadOnly(true);
    m_copy = new QPushButton(tr("Copy"), this);
    auto* nginxRow = new QHBoxLayout;
    nginxRow->addWidget(m_nginxLine, 1);
    nginxRow->addWidget(m_copy);
    layout->addWidget(m_nginxLabel);
    layout->addLayout(nginxRow);

    auto* testRow = new QHBoxLayout;
    m_test = new QPushButton(tr("Test"), this);
    m_testResult = new QLabel(this);
    m_testResult->setTextFormat(Qt::PlainText);
    m_testResult->setWordWrap(true);
    testRow->addWidget(m_test);
    testRow->addWidget(m_testResult, 1);
    layout->addLayout(testRow);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(m_buttons);

    connect(m_typeBox, &QComboBox::currentIndexChanged, this, &SourceForm::rebuild);
    connect(m_copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(m_nginxLine->text()); });
    connect(m_test, &QPushButton::clicked, this, &SourceForm::runTest);
    connect(this, &SourceForm::testFinished, this, [this](bool ok, const QString& message) {
        m_testResult->setText((ok ? tr("OK: %1") : tr("Failed: %1")).arg(message));
        m_test->setEnabled(true);
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    rebuild();
}

void SourceForm::edit(const QString& type, const QJsonObject& settings, qint64 sourceId)
{
    setWindowTitle(tr("Edit a source"));
    m_editing = settings;
    m_sourceId = sourceId;
    setType(type);
    rebuild(); // the same type may already be showing: the token row must see the stored settings
    m_typeBox->setEnabled(false);
    for (auto it = settings.constBegin(); it != settings.constEnd(); ++it)
        setField(it.key(), it.value().toString());
}

void SourceForm::setTokenVault(TokenVault* vault)
{
    m_vault = vault;
    rebuild();
}

QJsonObject SourceForm::typed(bool withToken) const
{
    QJsonObject o;
    for (auto it = m_edits.constBegin(); it != m_edits.constEnd(); ++it) {
        QString text = it.value()->text().trimmed();
        // A repeated field (several --field on the command line) takes its values separated by ';' on one line.
        if (m_repeated.contains(it.key()))
            text = repeatedValues(text);
        if (!text.isEmpty())
            o.insert(it.key(), text);
    }
    if (withToken && m_token && m_token->hasToken()) {
        const QString where = TokenVault::locationName(m_token->storedLocation());
        o.insert(QStringLiteral("token"), where.isEmpty() ? QStringLiteral("keyring") : where);
    }
    return o;
}

QString SourceForm::type() const
{
    return m_typeBox->currentData().toString();
}

void SourceForm::setType(const QString& type)
{
    const int index = m_typeBox->findData(type);
    if (index >= 0)
        m_typeBox->setCurrentIndex(index);
}

void SourceForm::setField(const QString& name, const QString& value)
{
    if (QLineEdit* edit = m_edits.value(name))
        edit->setText(m_repeated.contains(name) ? QString(value).replace(QLatin1Char('\n'), kRepeatedJoiner) : value);
}

void SourceForm::rebuild()
{
    while (m_fields->rowCount() > 0)
        m_fields->removeRow(0);
    m_edits.clear();
    m_repeated.clear();
    m_errorLabels.clear();
    m_token = nullptr;
    m_tokenError = nullptr;
    const SourceTypeSpec* spec = m_registry.find(type());
    if (!spec)
        return;
    for (const FieldSpec& f : spec->fields) {
        if (f.storedSecret) {
            if (!m_vault)
                continue; // nowhere to keep it: the variable name (--token-env) still works
            m_token = new TokenField(this);
            m_token->setObjectName(f.name);
            m_token->setVault(m_vault);
            m_token->setToolTip(f.help.toHtmlEscaped());
            const auto where = TokenVault::parseLocation(m_editing.value(f.name).toString());
            if (where != TokenVault::Location::None && m_sourceId > 0)
                m_token->setStored(where, m_sourceId);
            m_tokenError = new ErrorLabel(this);
            m_tokenError->setWordWrap(false);
            m_tokenError->setVisible(false);
            auto* cell = new QVBoxLayout;
            cell->setSpacing(2);
            cell->addWidget(m_token);
            cell->addWidget(m_tokenError);
            m_fields->addRow(f.label, cell);
            connect(m_token, &TokenField::changed, this, &SourceForm::revalidate);
            continue;
        }
        auto* edit = new QLineEdit(this);
        edit->setObjectName(f.name);
        edit->setPlaceholderText(f.defaultValue.isEmpty() ? f.help : f.defaultValue);
        edit->setToolTip(f.help.toHtmlEscaped());
        if (f.secrets != FieldSpec::Secrets::None)
            edit->setToolTip(f.help.toHtmlEscaped() + QStringLiteral("<br>")
                + tr("A key, token or password in it is kept in the desktop keyring (or a file only you can read) "
                     "and shown as %1: leave it as it is to keep it, or type the whole value to replace it.")
                      .arg(SecretMask::mask()));
        auto* error = new ErrorLabel(this);
        error->setWordWrap(false);
        error->setVisible(false);
        auto* cell = new QVBoxLayout;
        cell->setSpacing(2);
        cell->addWidget(edit);
        cell->addWidget(error);
        m_fields->addRow(f.required ? tr("%1 *").arg(f.label) : f.label, cell);
        m_edits.insert(f.name, edit);
        if (f.repeated) {
            m_repeated.insert(f.name);
            edit->setPlaceholderText(tr("%1 (several: separate with ';')").arg(edit->placeholderText()));
        }
        m_errorLabels.insert(f.name, error);
        connect(edit, &QLineEdit::textChanged, this, &SourceForm::revalidate);
    }
    const bool nginx = showsNginxLine();
    m_nginxLabel->setVisible(nginx);
    m_nginxLine->setVisible(nginx);
    m_copy->setVisible(nginx);
    m_testResult->clear();
    revalidate();
}

QJsonObject SourceForm::settings() const
{
    QJsonObject withDefaults = typed(false);
    m_registry.validate(type(), withDefaults);
    return withDefaults;
}

QStringList SourceForm::errors() const
{
    QJsonObject o = typed(true);
    QStringList messages;
    for (const FieldError& e : m_registry.validate(type(), o))
        messages.append(e.toString());
    if (m_token && !m_token->error().isEmpty())
        messages.append(m_token->error());
    return messages;
}

QString SourceForm::fieldError(const QString& name) const
{
    const QLabel* label = m_errorLabels.value(name);
    return label ? label->text() : QString();
}

void SourceForm::revalidate()
{
    QJsonObject o = typed(true);
    const QList<FieldError> errors = m_registry.validate(type(), o);
    QStringList general;
    for (QLabel* label : std::as_const(m_errorLabels)) {
        label->clear();
        label->setVisible(false);
    }
    for (const FieldError& e : errors) {
        QLabel* label = m_errorLabels.value(e.field);
        // A required field left empty is not shouted about while the user has not typed anything there.
        const bool untouched = m_edits.value(e.field) && m_edits.value(e.field)->text().isEmpty();
        if (label && !untouched) {
            label->setText(e.toString());
            label->setVisible(true);
        } else if (!label) {
            general.append(e.toString());
        }
    }
    m_formError->setText(general.join(QLatin1Char('\n')));
    const QString tokenError = m_token ? m_token->error() : QString();
    if (m_tokenError) {
        m_tokenError->setText(tokenError);
        m_tokenError->setVisible(!tokenError.isEmpty());
    }
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(errors.isEmpty() && tokenError.isEmpty());
    m_nginxLine->setText(showsNginxLine() ? nginxLine(settings()) : QString());
}

bool SourceForm::showsNginxLine() const
{
    const SourceTypeSpec* spec = m_registry.find(type());
    return spec && spec->showsNginxLine;
}

QString SourceForm::nginxLine() const
{
    return showsNginxLine() ? nginxLine(settings()) : QString();
}

QString SourceForm::nginxLine(const QJsonObject& s)
{
    const auto listen = Validators::parseListenUrl(s.value(QLatin1String("listen")).toString());
    if (!listen)
        return {};
    QString host = listen->address.toString();
    if (listen->address.protocol() == QAbstractSocket::IPv6Protocol)
        host = QLatin1Char('[') + host + QLatin1Char(']');
    // nginx's syslog tag allows letters, digits and underscores only.
    QString tag = s.value(QLatin1String("site")).toString();
    tag.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_]")), QStringLiteral("_"));
    if (tag.isEmpty())
        tag = QStringLiteral("mysite");
    const QString format = s.value(QLatin1String("format")).toString();
    const QString formatName = format.isEmpty() || format == QLatin1String("combined") ? QStringLiteral("combined")
                                                                                       : QStringLiteral("activity");
    return QStringLiteral("access_log syslog:server=%1:%2,tag=%3 %4;").arg(host).arg(listen->port).arg(tag, formatName);
}

void SourceForm::runTest()
{
    const QJsonObject s = settings();
    m_test->setEnabled(false);
    m_testResult->setText(tr("Testing…"));
    if (!errors().isEmpty()) {
        emit testFinished(false, errors().join(QLatin1String("; ")));
        return;
    }
    const QString t = type();
    const SourceTypeSpec* spec = m_registry.find(t);
    const auto test = spec ? spec->formTest : SourceTypeSpec::FormTest::ApiRoot;
    if (test == SourceTypeSpec::FormTest::BindListener) {
        const auto listen = Validators::parseListenUrl(s.value(QLatin1String("listen")).toString());
        bool bound = false;
        QString error;
        if (listen->protocol == Validators::ListenAddress::Protocol::Udp) {
            QUdpSocket socket;
            bound = socket.bind(listen->address, listen->port);
            error = socket.errorString();
        } else {
            QTcpServer server;
            bound = server.listen(listen->address, listen->port);
            error = server.errorString();
        }
        emit testFinished(bound, bound ? tr("the port can be bound") : error);
        return;
    }
    if (test == SourceTypeSpec::FormTest::ReadFile) {
        QFile file(s.value(QLatin1String("path")).toString());
        const bool ok = file.open(QIODevice::ReadOnly);
        emit testFinished(ok, ok ? tr("the file can be read") : file.errorString());
        return;
    }
    // JSON and Prometheus sources (and the presets made of one): fetch once and show what each pointer or selector
    // gives, before saving.
    if (test == SourceTypeSpec::FormTest::Figures || test == SourceTypeSpec::FormTest::PrometheusFigures) {
        const bool prometheus = test == SourceTypeSpec::FormTest::PrometheusFigures;
        withStoredSecrets(s, [this, prometheus, t](const QJsonObject& full) {
            testFigures(prometheus, Presets::httpJsonSettings(t, full).value_or(full));
        });
        return;
    }
    // API sources: a real request to the API root, with the token when there is one (a refused token
    // answers 401 there too, so the user learns now rather than at the first poll).
    const QUrl url(s.value(QLatin1String("api-url")).toString());
    if (m_token && m_token->change() == TokenField::Change::Replace) {
        testApi(url, m_token->newToken());
    } else if (m_token && m_vault && m_token->hasToken() && m_sourceId > 0) {
        m_vault->load(m_sourceId, m_token->storedLocation(), this,
            [this, url](const QByteArray& token, const QString&) { testApi(url, token); });
    } else {
        testApi(url, {});
    }
}

void SourceForm::withStoredSecrets(const QJsonObject& s, const std::function<void(const QJsonObject&)>& then)
{
    TokenVault::Location where = TokenVault::Location::None;
    QString slot;
    if (!m_vault
        || !TokenVault::parseReference(m_editing.value(SourceSecrets::kSettingsKey).toString(), &where, &slot)) {
        then(s);
        return;
    }
    // The stored source's secrets, where the form still shows them masked (a new value typed is used as typed).
    m_vault->loadSlot(slot, where, this, [this, s, then](const QByteArray& value, const QString&) {
        const QJsonObject secrets = QJsonDocument::fromJson(value).object();
        QJsonObject full = s;
        for (auto it = secrets.constBegin(); it != secrets.constEnd(); ++it)
            if (full.value(it.key()) == m_editing.value(it.key()))
                full.insert(it.key(), it.value());
        then(full);
    });
}

void SourceForm::testFigures(bool prometheus, const QJsonObject& s)
{
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    QNetworkRequest request(QUrl(s.value(QLatin1String("url")).toString()));
    request.setTransferTimeout(15000);
    request.setRawHeader("Accept",
        prometheus ? "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5" : "application/json");
    for (const auto& [name, value] : HttpJsonCollector::parseHeaders(s.value(QLatin1String("header")).toString()))
        request.setRawHeader(name, value);
    if (const QString env = s.value(QLatin1String("token-env")).toString(); !env.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + qgetenv(env.toLocal8Bit().constData()));
    QNetworkReply* reply = m_network->get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply, prometheus, s] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status < 200 || status >= 300) {
            // Qt's message quotes the URL, which may hold a key.
            const QUrl url = reply->request().url();
            emit testFinished(false,
                status > 0 ? tr("the server answered HTTP %1").arg(status)
                           : SecretMask::scrub(reply->errorString(), url, SecretMask::url(url.toString())));
            return;
        }
        const QByteArray body = reply->readAll();
        const FigurePreview result = prometheus ? FigurePreview::prometheus(body, s) : FigurePreview::json(body, s);
        emit testFinished(result.ok, result.text);
    });
}

void SourceForm::testApi(const QUrl& url, const QByteArray& token)
{
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    QNetworkRequest request(url);
    request.setTransferTimeout(15000);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token);
    QNetworkReply* reply = m_network->get(request);
    const bool withToken = !token.isEmpty();
    connect(reply, &QNetworkReply::finished, this, [this, reply, withToken] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (withToken && (status == 401 || status == 403))
            emit testFinished(false, tr("the token was refused (HTTP %1)").arg(status));
        else if (reply->error() == QNetworkReply::NoError
            || (status > 0 && status < 500 && status != 401 && status != 403))
            emit testFinished(true,
                withToken ? tr("the API accepted the token (HTTP %1)").arg(status)
                          : tr("the API answered (HTTP %1)").arg(status));
        else if (status > 0)
            emit testFinished(false, tr("the API answered HTTP %1").arg(status));
        else
            emit testFinished(false, reply->errorString());
    });
}

} // namespace activity
