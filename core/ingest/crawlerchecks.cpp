#include "core/ingest/crawlerchecks.h"

#include "core/util/logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

namespace activity {

namespace {
struct CrawlerChecksText {
    Q_DECLARE_TR_FUNCTIONS(CrawlerChecksText)
};

// The data folder's file of that name, else the shipped resource.
bool readFile(const QString& dataDir, const QString& name, const QString& shipped, QByteArray* out, QString* origin,
    QString* error)
{
    QString path = shipped;
    if (!dataDir.isEmpty() && QFileInfo::exists(QDir(dataDir).filePath(name)))
        path = QDir(dataDir).filePath(name);
    QFile file(path);
    *origin = path;
    if (!file.open(QIODevice::ReadOnly)) {
        *error = CrawlerChecksText::tr("cannot read the crawler check file %1: %2").arg(path, file.errorString());
        return false;
    }
    *out = file.readAll();
    return true;
}

QJsonObject parseObject(const QByteArray& json, const QString& origin, QString* error)
{
    QJsonParseError jsonError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &jsonError);
    if (!doc.isObject())
        *error = CrawlerChecksText::tr("%1 is not a JSON object (%2)")
                     .arg(origin,
                         jsonError.error != QJsonParseError::NoError ? jsonError.errorString()
                                                                     : CrawlerChecksText::tr("empty"));
    return doc.object();
}

bool readRanges(const QString& dataDir, const QString& file, CrawlerChecks::Owner& owner, QString* error)
{
    if (file.isEmpty() || file.contains(QLatin1Char('/')) || file.startsWith(QLatin1Char('.'))) {
        *error
            = CrawlerChecksText::tr("the range file name '%1' of '%2' must be a plain file name").arg(file, owner.name);
        return false;
    }
    QByteArray json;
    QString origin;
    if (!readFile(dataDir, file, QStringLiteral(":/agents/ranges/") + file, &json, &origin, error))
        return false;
    const QJsonObject root = parseObject(json, origin, error);
    if (!error->isEmpty())
        return false;
    const QJsonArray prefixes = root.value(QLatin1String("prefixes")).toArray();
    if (prefixes.isEmpty()) {
        *error = CrawlerChecksText::tr("%1: \"prefixes\" must be a list of {\"ipv4Prefix\"} or {\"ipv6Prefix\"}")
                     .arg(origin);
        return false;
    }
    for (const auto& p : prefixes) {
        const QJsonObject o = p.toObject();
        const QString text = o.contains(QLatin1String("ipv4Prefix")) ? o.value(QLatin1String("ipv4Prefix")).toString()
                                                                     : o.value(QLatin1String("ipv6Prefix")).toString();
        const QPair<QHostAddress, int> subnet = QHostAddress::parseSubnet(text);
        if (subnet.first.isNull()) {
            *error = CrawlerChecksText::tr("%1: '%2' is not an address prefix").arg(origin, text);
            return false;
        }
        owner.prefixes.append(subnet);
    }
    return true;
}
} // namespace

std::shared_ptr<const CrawlerChecks> CrawlerChecks::load(const QString& dataDir, QString* error)
{
    QByteArray json;
    QString origin;
    error->clear();
    if (!readFile(dataDir, QStringLiteral("verifiers.json"), QStringLiteral(":/agents/verifiers.json"), &json, &origin,
            error))
        return nullptr;
    const QJsonObject root = parseObject(json, origin, error);
    if (!error->isEmpty())
        return nullptr;
    const QJsonObject owners = root.value(QLatin1String("verifiers")).toObject();
    if (owners.isEmpty()) {
        *error = CrawlerChecksText::tr("%1: \"verifiers\" must be an object of {ranges, dns} by owner").arg(origin);
        return nullptr;
    }
    auto checks = std::make_shared<CrawlerChecks>();
    for (auto it = owners.begin(); it != owners.end(); ++it) {
        Owner owner;
        owner.name = it.key();
        const QJsonObject o = it.value().toObject();
        for (const auto& f : o.value(QLatin1String("ranges")).toArray())
            if (!readRanges(dataDir, f.toString(), owner, error))
                return nullptr;
        for (const auto& d : o.value(QLatin1String("dns")).toArray()) {
            const QString domain = d.toString().trimmed().toLower();
            if (domain.isEmpty() || domain.contains(QLatin1Char(' '))) {
                *error = CrawlerChecksText::tr("%1: '%2' has an empty or invalid DNS domain").arg(origin, owner.name);
                return nullptr;
            }
            owner.dnsDomains << domain;
        }
        checks->m_owners.push_back(std::move(owner));
    }
    return checks;
}

std::shared_ptr<const CrawlerChecks> CrawlerChecks::shipped()
{
    static const std::shared_ptr<const CrawlerChecks> checks = [] {
        QString error;
        auto loaded = load(QString(), &error);
        if (!loaded) // a build without its resources: every claim stays unverified, and it is said
            qCCritical(lcIngest).noquote() << error;
        return loaded ? loaded : std::make_shared<const CrawlerChecks>();
    }();
    return checks;
}

const CrawlerChecks::Owner* CrawlerChecks::owner(const QString& name) const
{
    for (const Owner& o : m_owners)
        if (o.name == name)
            return &o;
    return nullptr;
}

bool CrawlerChecks::inRanges(const Owner& owner, const QHostAddress& address)
{
    for (const auto& subnet : owner.prefixes)
        if (address.isInSubnet(subnet))
            return true;
    return false;
}

bool CrawlerChecks::inDomains(const QString& name, const QStringList& domains)
{
    QString n = name.toLower();
    if (n.endsWith(QLatin1Char('.')))
        n.chop(1);
    for (const QString& d : domains)
        if (n == d || n.endsWith(QLatin1Char('.') + d))
            return true;
    return false;
}

QHostAddress crawlerAddress(const unsigned char* addr, int len)
{
    if (len == 4)
        return QHostAddress(quint32(addr[0]) << 24 | quint32(addr[1]) << 16 | quint32(addr[2]) << 8 | addr[3]);
    static constexpr unsigned char kMapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };
    if (len == 16 && std::equal(addr, addr + 12, kMapped)) // ::ffff:a.b.c.d is the IPv4 address
        return crawlerAddress(addr + 12, 4);
    if (len == 16)
        return QHostAddress(addr);
    return {};
}

QString crawlerAddressText(const unsigned char* addr, int len)
{
    return crawlerAddress(addr, len).toString();
}

} // namespace activity
