#include "core/collect/httpoptions.h"

#include "core/settings/appsettings.h"

namespace activity {

HttpOptions apiHttpOptions(Database& db)
{
    HttpOptions o;
    o.timeoutMs = AppSettings::httpTimeoutSecs(db) * 1000;
    o.userAgent = QByteArrayLiteral("activity-dashboard/" ACTIVITY_VERSION);
    o.useSystemProxy = true;
    return o;
}

HttpOptions webhookHttpOptions()
{
    HttpOptions options;
    options.userAgent = QByteArrayLiteral("activity-dashboard/" ACTIVITY_VERSION);
    options.useSystemProxy = true;
    options.maxAttempts = 3;
    return options;
}

} // namespace activity
