// Placeholder until the GitHub and Docker Hub collectors land (issue: API collectors).
#include "app/collectors.h"

namespace {
class NoApiCollection final : public Collection {
public:
    QString start() override { return {}; }
    void stop() override { }
};
} // namespace

std::unique_ptr<Collection> createApiCollection(CommandContext&)
{
    return std::make_unique<NoApiCollection>();
}
int pollApiSourcesOnce(CommandContext&)
{
    return 0;
}
