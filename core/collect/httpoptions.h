#pragma once

#include "core/net/httpclient.h"

namespace activity {

class Database;

// How collection talks HTTP: the API pollers with the user's timeout (http.timeout), the alert webhooks with
// retries. Both through the system proxy, as activity-dashboard/VERSION.
HttpOptions apiHttpOptions(Database& db);
HttpOptions webhookHttpOptions();

} // namespace activity
