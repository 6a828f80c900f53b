#pragma once

#include "core/sources/apicollector.h"
#include "core/sources/apijson.h"

namespace activity {

// One Docker Hub source (--namespace NS [--repo NAME]): pulls and stars per repository. Pulls per day
// are derived at query time from successive snapshots.
class DockerHubCollector final : public ApiCollector {
    Q_OBJECT
public:
    using ApiCollector::ApiCollector;

private:
    void startPoll() override;
    void store(const QList<DockerHubJson::Repo>& repos);
};

} // namespace activity
