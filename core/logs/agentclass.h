#pragma once

#include <QString>
#include <QtGlobal>
#include <optional>
#include <string_view>

namespace activity {

// Who made a request: a person (Human) or an agent of one class. The numbers are stored in requests.agent_class
// (schema version 12; NULL for rows stored before it) and never change; the names are the data file's and the
// report's. Every class but Human is a bot.
enum class AgentClass : quint8 {
    Human = 0,
    SearchCrawler,
    AiCrawler,
    Seo,
    Monitor,
    Feed,
    Library,
    Scanner,
    OtherBot,
};
inline constexpr int kAgentClassCount = 9;

constexpr const char* agentClassName(AgentClass c)
{
    constexpr const char* kNames[kAgentClassCount]
        = { "human", "search-crawler", "ai-crawler", "seo", "monitor", "feed", "library", "scanner", "other-bot" };
    return kNames[int(c)];
}

inline std::optional<AgentClass> agentClassFromName(std::string_view name)
{
    for (int i = 0; i < kAgentClassCount; ++i)
        if (name == agentClassName(AgentClass(i)))
            return AgentClass(i);
    return std::nullopt;
}

// Which requests a figure counts: everyone's (the default, as before classification), people's, or bots'.
enum class AgentScope { All, Humans, Bots };

inline std::optional<AgentScope> agentScopeFromName(const QString& name)
{
    if (name == QLatin1String("all"))
        return AgentScope::All;
    if (name == QLatin1String("humans"))
        return AgentScope::Humans;
    if (name == QLatin1String("bots"))
        return AgentScope::Bots;
    return std::nullopt;
}

inline QString agentScopeName(AgentScope scope)
{
    return scope == AgentScope::Humans ? QStringLiteral("humans")
        : scope == AgentScope::Bots    ? QStringLiteral("bots")
                                       : QStringLiteral("all");
}

} // namespace activity
