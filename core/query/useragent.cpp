#include "core/query/useragent.h"

#include <array>

namespace activity {

namespace {
struct Rule {
    const char* needle;
    const char* name;
};

// Order matters: Chromium-based browsers also say "Chrome" and "Safari", Chrome says "Safari".
constexpr std::array<Rule, 18> kBrowsers = { {
    { "bot", "Crawlers" },
    { "spider", "Crawlers" },
    { "crawl", "Crawlers" },
    { "slurp", "Crawlers" },
    { "curl/", "curl" },
    { "wget/", "Wget" },
    { "python-requests", "Python" },
    { "go-http-client", "Go" },
    { "edg/", "Edge" },
    { "opr/", "Opera" },
    { "vivaldi", "Vivaldi" },
    { "samsungbrowser", "Samsung Internet" },
    { "firefox/", "Firefox" },
    { "fxios/", "Firefox" },
    { "crios/", "Chrome" },
    { "chrome/", "Chrome" },
    { "chromium/", "Chrome" },
    { "safari/", "Safari" },
} };

constexpr std::array<Rule, 11> kSystems = { {
    { "android", "Android" },
    { "iphone", "iOS" },
    { "ipad", "iOS" },
    { "cros", "ChromeOS" },
    { "windows", "Windows" },
    { "mac os x", "macOS" },
    { "macintosh", "macOS" },
    { "freebsd", "BSD" },
    { "openbsd", "BSD" },
    { "linux", "Linux" },
    { "x11", "Linux" },
} };
} // namespace

UserAgentInfo UserAgent::classify(const QByteArray& agent)
{
    const QByteArray lower = agent.toLower();
    UserAgentInfo info { QStringLiteral("Other"), QStringLiteral("Other") };
    for (const Rule& rule : kBrowsers) {
        if (lower.contains(rule.needle)) {
            info.browser = QString::fromLatin1(rule.name);
            break;
        }
    }
    for (const Rule& rule : kSystems) {
        if (lower.contains(rule.needle)) {
            info.os = QString::fromLatin1(rule.name);
            break;
        }
    }
    if (info.browser == QLatin1String("Crawlers") && info.os == QLatin1String("Other"))
        info.os = QStringLiteral("Crawlers");
    return info;
}

} // namespace activity
