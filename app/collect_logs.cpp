// Placeholder until the syslog listeners land (issue: nginx access logs).
#include "app/collectors.h"

namespace {
class NoLogCollection final : public Collection {
public:
    QString start() override { return {}; }
    void stop() override { }
};
} // namespace

std::unique_ptr<Collection> createLogCollection(CommandContext&)
{
    return std::make_unique<NoLogCollection>();
}
