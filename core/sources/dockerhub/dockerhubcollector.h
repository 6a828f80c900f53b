#pragma once

#include "core/sources/apicollector.h"
#include "core/sources/apijson.h"

namespace activity {

// One Docker Hub source (--namespace NS [--repo NAME]): pulls and stars per repository, and its tags' pushes as
// events. Pulls per day
// are derived at query time from successive snapshots.
class DockerHubCollector final : public ApiCollector {
    Q_OBJECT
public:
    using ApiCollector::ApiCollector;

private:
    void startPoll() override;
    void store(const QList<DockerHubJson::Repo>& repos);
    // Every page of a repository's tags, each poll (cached): when each was pushed becomes an event.
    void fetchTags(const QString& repository);
};

} // namespace activity
