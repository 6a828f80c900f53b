#include "core/ingest/agentclassifier.h"

#include "core/util/logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <re2/re2.h>
#include <re2/set.h>

namespace activity {

namespace {
constexpr char kFileName[] = "agents.json";
constexpr char kShipped[] = ":/agents/agents.json";
constexpr std::string_view kHumanKey = "human//";
constexpr std::string_view kProbeKey = "scanner//probe";
constexpr size_t kSeenLimit = 100'000; // agents cached; a log spraying random agents starts the cache again

re2::StringPiece piece(std::string_view s)
{
    return re2::StringPiece(s.data(), s.size());
}

struct AgentsText {
    Q_DECLARE_TR_FUNCTIONS(AgentsText)
};

// Crawlers of these classes keep their name when they ask for a probe path (a search engine follows any link).
bool keepsNameWhenProbing(AgentClass c)
{
    return c == AgentClass::SearchCrawler || c == AgentClass::AiCrawler || c == AgentClass::Seo
        || c == AgentClass::Monitor || c == AgentClass::Feed || c == AgentClass::Scanner;
}

re2::RE2::Options options()
{
    re2::RE2::Options o;
    o.set_case_sensitive(false);
    o.set_log_errors(false);
    return o;
}
} // namespace

struct AgentRules::Matchers {
    std::unique_ptr<re2::RE2::Set> agents; // one pattern per agent, in the file's order
    std::unique_ptr<re2::RE2::Set> probes; // null: no probe paths
    std::unique_ptr<re2::RE2> browser;
};

AgentRules::AgentRules()
    : m_re(std::make_unique<Matchers>())
{ }

AgentRules::~AgentRules() = default;

QString AgentRules::overrideFile(const QString& dataDir)
{
    return QDir(dataDir).filePath(QLatin1String(kFileName));
}

std::shared_ptr<const AgentRules> AgentRules::load(const QString& dataDir, QString* error)
{
    if (!dataDir.isEmpty()) {
        const QString path = overrideFile(dataDir);
        if (QFileInfo::exists(path)) {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly)) {
                *error = AgentsText::tr("cannot read the agents file %1: %2").arg(path, file.errorString());
                return nullptr;
            }
            return parse(file.readAll(), path, error);
        }
    }
    return shipped();
}

std::shared_ptr<const AgentRules> AgentRules::shipped()
{
    static const std::shared_ptr<const AgentRules> rules = [] {
        QFile file(QString::fromLatin1(kShipped));
        QString error;
        auto parsed = parse(file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray(), file.fileName(), &error);
        if (!parsed) // a build without its resource: every request is a person's, and it is said
            qCCritical(lcIngest).noquote() << error;
        return parsed ? parsed : std::shared_ptr<const AgentRules>(new AgentRules());
    }();
    return rules;
}

std::shared_ptr<const AgentRules> AgentRules::parse(const QByteArray& json, const QString& origin, QString* error)
{
    const auto fail = [error](const QString& message) {
        *error = message;
        return nullptr;
    };
    QJsonParseError jsonError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &jsonError);
    if (!doc.isObject())
        return fail(
            AgentsText::tr("%1 is not a JSON object (%2)")
                .arg(origin,
                    jsonError.error != QJsonParseError::NoError ? jsonError.errorString() : AgentsText::tr("empty")));
    const QJsonObject root = doc.object();
    std::shared_ptr<AgentRules> rules(new AgentRules());
    rules->m_origin = origin;
    rules->m_re->agents = std::make_unique<re2::RE2::Set>(options(), re2::RE2::UNANCHORED);
    rules->m_re->probes = std::make_unique<re2::RE2::Set>(options(), re2::RE2::UNANCHORED);

    const QJsonArray agents = root.value(QLatin1String("agents")).toArray();
    if (agents.isEmpty())
        return fail(AgentsText::tr("%1: \"agents\" must be a list of {name, class, pattern}").arg(origin));
    for (qsizetype i = 0; i < agents.size(); ++i) {
        const QJsonObject a = agents[i].toObject();
        const QString name = a.value(QLatin1String("name")).toString().trimmed();
        const QString className = a.value(QLatin1String("class")).toString();
        const QString pattern = a.value(QLatin1String("pattern")).toString();
        const auto cls = agentClassFromName(className.toStdString());
        if (name.isEmpty() || name.contains(QLatin1Char('\n')))
            return fail(AgentsText::tr("%1: agent %2 has no name").arg(origin).arg(i + 1));
        if (!cls || *cls == AgentClass::Human)
            return fail(
                AgentsText::tr("%1: agent '%2' has the unknown class '%3' (search-crawler, ai-crawler, seo, monitor, "
                               "feed, library, scanner or other-bot)")
                    .arg(origin, name, className));
        std::string reason;
        if (pattern.isEmpty() || rules->m_re->agents->Add(pattern.toStdString(), &reason) < 0)
            return fail(AgentsText::tr("%1: agent '%2' has an invalid pattern '%3': %4")
                            .arg(origin, name, pattern, QString::fromStdString(reason)));
        const std::string cn = agentClassName(*cls);
        const std::string vendor = a.value(QLatin1String("verify")).toString().toStdString();
        const std::string verification = a.contains(QLatin1String("verify")) ? "unverified" : "";
        Agent agent { name.toStdString(), *cls, {}, {}, vendor };
        agent.key = cn + '/' + verification + '/' + agent.name;
        agent.probeKey = keepsNameWhenProbing(*cls) ? agent.key : "scanner//" + agent.name;
        rules->m_agents.push_back(std::move(agent));
    }
    const QJsonArray probes = root.value(QLatin1String("probe_paths")).toArray();
    for (const QJsonValue& p : probes) {
        std::string reason;
        if (p.toString().isEmpty() || rules->m_re->probes->Add(p.toString().toStdString(), &reason) < 0)
            return fail(AgentsText::tr("%1: invalid probe path pattern '%2': %3")
                            .arg(origin, p.toString(), QString::fromStdString(reason)));
    }
    const QString browser = root.value(QLatin1String("browser_pattern")).toString(QStringLiteral("^Mozilla/"));
    rules->m_re->browser = std::make_unique<re2::RE2>(browser.toStdString(), options());
    if (!rules->m_re->browser->ok())
        return fail(AgentsText::tr("%1: invalid browser_pattern '%2': %3")
                        .arg(origin, browser, QString::fromStdString(rules->m_re->browser->error())));
    if (!rules->m_re->agents->Compile() || (!probes.isEmpty() && !rules->m_re->probes->Compile()))
        return fail(AgentsText::tr("%1: the patterns are too large to compile").arg(origin));
    if (probes.isEmpty())
        rules->m_re->probes.reset();
    return std::shared_ptr<const AgentRules>(std::move(rules));
}

int AgentRules::findAgent(std::string_view agent) const
{
    if (!m_re->agents)
        return -1;
    std::vector<int> hits;
    if (!m_re->agents->Match(piece(agent), &hits) || hits.empty())
        return -1;
    return *std::min_element(hits.begin(), hits.end());
}

bool AgentRules::isBrowser(std::string_view agent) const
{
    return m_re->browser && re2::RE2::PartialMatch(piece(agent), *m_re->browser);
}

bool AgentRules::isProbe(std::string_view path) const
{
    return m_re->probes && m_re->probes->Match(piece(path), nullptr);
}

AgentMatch AgentRules::match(int agentIndex, bool browser, std::string_view path) const
{
    const Agent* agent = agentIndex >= 0 ? &m_agents[size_t(agentIndex)] : nullptr;
    // A non-browser asking for a probe path is looking for weaknesses, whatever library it is made with.
    if (!browser && (!agent || !keepsNameWhenProbing(agent->cls)) && isProbe(path)) {
        if (agent)
            return { AgentClass::Scanner, agent->name, agent->probeKey };
        return { AgentClass::Scanner, {}, kProbeKey };
    }
    if (agent)
        return { agent->cls, agent->name, agent->key, agent->vendor };
    return { AgentClass::Human, {}, kHumanKey };
}

AgentClassifier::AgentClassifier(std::shared_ptr<const AgentRules> rules)
    : m_rules(std::move(rules))
{
    m_seen.reserve(1024);
}

AgentMatch AgentClassifier::classify(std::string_view agent, std::string_view path)
{
    auto it = m_seen.find(agent);
    if (it == m_seen.end()) {
        if (m_seen.size() >= kSeenLimit)
            m_seen.clear();
        const int index = m_rules->findAgent(agent);
        it = m_seen.emplace(std::string(agent), Seen { index, m_rules->isBrowser(agent) }).first;
    }
    return m_rules->match(it->second.index, it->second.browser, path);
}

} // namespace activity
