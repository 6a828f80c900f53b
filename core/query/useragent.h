#pragma once

#include <QByteArray>
#include <QString>

namespace activity {

// Browser and operating system families read from a User-Agent header, as GoAccess groups them.
// Pure functions; unknown agents give "Other". Names are product names (not translated), except the
// fallbacks which callers translate for display ("Crawlers", "Other").
struct UserAgentInfo {
    QString browser;
    QString os;
};

namespace UserAgent {
UserAgentInfo classify(const QByteArray& agent);
} // namespace UserAgent

} // namespace activity
