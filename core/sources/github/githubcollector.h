#pragma once

#include "core/sources/apicollector.h"
#include "core/sources/apijson.h"

#include <QStringList>
#include <memory>

namespace activity {

// One GitHub source (--repo OWNER/NAME or --org ORG): per repository the metrics of PRODUCT.md,
// traffic when the token allows it, and the star history back-filled once.
class GitHubCollector final : public ApiCollector {
    Q_OBJECT
public:
    using ApiCollector::ApiCollector;
    static constexpr int kStargazerPageLimit = 400; // 40,000 stars at 100 per page: GitHub answers 422 beyond
    // Tags not yet dated, looked up per poll and repository (one request each): a repository with thousands of
    // tags back-fills over several polls instead of spending the rate limit at once (60 an hour without a token).
    static constexpr int kTagDatesPerPoll = 30;
    static constexpr int kTagDatesPerPollWithoutToken = 3;

private:
    struct RepoWork;
    void startPoll() override;
    void discover(const QString& listPath, bool fallbackToUser);
    void nextRepo();
    void pollRepo(const QString& repo);
    void finishPart(const std::shared_ptr<RepoWork>& work);
    void fetchTraffic(const std::shared_ptr<RepoWork>& work);
    void fetchStarHistory(const std::shared_ptr<RepoWork>& work);
    void fetchTags(const std::shared_ptr<RepoWork>& work);
    void dateTags(const std::shared_ptr<RepoWork>& work, const QList<GitHubJson::Tag>& tags);
    void store(const RepoWork& work);

    QStringList m_repos;
    int m_next = 0;
    QJsonObject m_state;
};

} // namespace activity
