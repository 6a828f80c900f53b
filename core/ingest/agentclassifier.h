#pragma once

#include "core/logs/agentclass.h"

#include <QByteArray>
#include <QString>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace activity {

// What a request's agent is: its class, and for a bot its name (empty for humans and for non-browsers probing
// for weaknesses without a name). `rollupKey` ("class/verification/name") is the key of the 'agents' rollups;
// verification is "unverified" for crawlers whose owner publishes a check (none is made yet), else empty.
// The views point into the AgentRules, which outlive every match made with them.
struct AgentMatch {
    AgentClass cls = AgentClass::Human;
    std::string_view name;
    std::string_view rollupKey = "human//";
    // The owner whose check applies (verifiers.json: "google", "openai"...), empty when the agent publishes none.
    // Such requests are claims, checked per address later (CrawlerVerifier).
    std::string_view vendor;
};

// The patterns that name agents, from the data file agents.json (shipped as a resource; a file of that name in the
// data folder replaces it, so a user updates it without a rebuild). Agents are matched with one RE2::Set over the
// User-Agent (case-insensitive, anywhere in it; the first agent of the file that matches wins), and requests for
// probe paths (/.env, /wp-login.php...) from a non-browser are a scanner's. Immutable once made: shared by threads.
class AgentRules {
public:
    // The file a user puts in the data folder to replace the shipped one.
    static QString overrideFile(const QString& dataDir);
    // The data folder's file when there is one, else the shipped one. Null when the data folder's file is not
    // valid, with `error` naming it and what is wrong. (Not Result<>: util/result.h's Status would clash with
    // LogFormat's field names in the ingest sources that include this.)
    static std::shared_ptr<const AgentRules> load(const QString& dataDir, QString* error);
    static std::shared_ptr<const AgentRules> shipped();
    // `origin` names the text in errors (a file).
    static std::shared_ptr<const AgentRules> parse(const QByteArray& json, const QString& origin, QString* error);
    ~AgentRules();

    // Index of the first agent whose pattern matches `agent`, -1 when none does.
    int findAgent(std::string_view agent) const;
    bool isBrowser(std::string_view agent) const;
    bool isProbe(std::string_view path) const;
    // What a request is, given findAgent()'s and isBrowser()'s answers for its agent.
    AgentMatch match(int agentIndex, bool browser, std::string_view path) const;
    int agentCount() const { return int(m_agents.size()); }
    QString origin() const { return m_origin; }

private:
    AgentRules();
    struct Agent {
        std::string name;
        AgentClass cls;
        std::string key; // rollup key
        std::string probeKey; // rollup key when it probes (a library's or an unnamed bot's requests)
        std::string vendor; // "verify": whose check applies
    };
    std::vector<Agent> m_agents;
    struct Matchers; // RE2's, kept out of this header
    std::unique_ptr<Matchers> m_re;
    QString m_origin;
};

// AgentRules with a cache of the user agents seen (a log repeats a few thousand agents millions of times): one
// per thread.
class AgentClassifier {
public:
    explicit AgentClassifier(std::shared_ptr<const AgentRules> rules);
    AgentMatch classify(std::string_view agent, std::string_view path);
    const AgentRules& rules() const { return *m_rules; }

private:
    struct SvHash {
        using is_transparent = void;
        size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
    };
    struct Seen {
        int index;
        bool browser;
    };
    std::shared_ptr<const AgentRules> m_rules;
    std::unordered_map<std::string, Seen, SvHash, std::equal_to<>> m_seen;
};

} // namespace activity
