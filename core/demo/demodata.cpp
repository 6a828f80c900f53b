#include "core/demo/demodata.h"

#include "core/demo/demoparts.h"
#include "core/demo/demotraffic.h"
#include "core/storage/database.h"
#include "core/util/clock.h"

#include <QDateTime>
#include <QHostAddress>
#include <QList>
#include <QTimeZone>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <random>

namespace activity {

namespace {
struct Weighted {
    const char* value;
    double weight;
};

template <size_t N> const char* pick(const std::array<Weighted, N>& items, std::mt19937& rng)
{
    double total = 0;
    for (const Weighted& w : items)
        total += w.weight;
    double x = std::uniform_real_distribution<double>(0, total)(rng);
    for (const Weighted& w : items) {
        if (x < w.weight)
            return w.value;
        x -= w.weight;
    }
    return items.back().value;
}

// Country, share of visitors, first octets of address blocks allocated there (plausible, not exact).
struct CountryBlock {
    const char* code;
    double weight;
    int octet;
};
constexpr std::array<CountryBlock, 24> kCountries = { {
    { "US", 26, 23 }, { "DE", 11, 85 }, { "FR", 7, 90 }, { "GB", 7, 81 }, { "IN", 6, 49 }, { "CN", 5, 36 },
    { "JP", 4, 126 }, { "BR", 4, 177 }, { "CA", 3, 24 }, { "NL", 3, 145 }, { "RU", 3, 95 }, { "PL", 2, 83 },
    { "ES", 2, 88 }, { "IT", 2, 79 }, { "SE", 1.5, 78 }, { "AU", 1.5, 1 }, { "KR", 1.5, 211 }, { "CH", 1, 178 },
    { "UA", 1, 91 }, { "ZA", 0.6, 41 }, { "MX", 0.8, 187 }, { "AR", 0.5, 181 }, { "NG", 0.4, 105 },
    { "", 3, 198 }, // unknown: addresses the GeoIP database has no country for
} };

// What a City database would add for most addresses of these countries (the map's bubbles).
struct DemoCity {
    const char* country;
    const char* name;
    double latitude;
    double longitude;
};
constexpr std::array<DemoCity, 31> kCities = { {
    { "US", "New York", 40.7128, -74.0060 },
    { "US", "San Francisco", 37.7749, -122.4194 },
    { "US", "Chicago", 41.8781, -87.6298 },
    { "DE", "Berlin", 52.52, 13.405 },
    { "DE", "Munich", 48.1351, 11.582 },
    { "FR", "Paris", 48.8566, 2.3522 },
    { "FR", "Lyon", 45.764, 4.8357 },
    { "GB", "London", 51.5074, -0.1278 },
    { "GB", "Manchester", 53.4808, -2.2426 },
    { "IN", "Bengaluru", 12.9716, 77.5946 },
    { "IN", "Mumbai", 19.076, 72.8777 },
    { "CN", "Beijing", 39.9042, 116.4074 },
    { "CN", "Shanghai", 31.2304, 121.4737 },
    { "JP", "Tokyo", 35.6762, 139.6503 },
    { "BR", "São Paulo", -23.5505, -46.6333 },
    { "CA", "Toronto", 43.6532, -79.3832 },
    { "NL", "Amsterdam", 52.3676, 4.9041 },
    { "RU", "Moscow", 55.7558, 37.6173 },
    { "PL", "Warsaw", 52.2297, 21.0122 },
    { "ES", "Madrid", 40.4168, -3.7038 },
    { "IT", "Milan", 45.4642, 9.19 },
    { "SE", "Stockholm", 59.3293, 18.0686 },
    { "AU", "Sydney", -33.8688, 151.2093 },
    { "KR", "Seoul", 37.5665, 126.978 },
    { "CH", "Zurich", 47.3769, 8.5417 },
    { "UA", "Kyiv", 50.4501, 30.5234 },
    { "ZA", "Cape Town", -33.9249, 18.4241 },
    { "MX", "Mexico City", 19.4326, -99.1332 },
    { "AR", "Buenos Aires", -34.6037, -58.3816 },
    { "NG", "Lagos", 6.5244, 3.3792 },
    { "CA", "Vancouver", 49.2827, -123.1207 },
} };

// A city of the country for about 70% of addresses (the rest: the City database knows only the country).
const DemoCity* cityFor(const char* country, std::mt19937& rng)
{
    std::vector<const DemoCity*> options;
    for (const DemoCity& c : kCities)
        if (std::strcmp(c.country, country) == 0)
            options.push_back(&c);
    if (options.empty() || std::uniform_real_distribution<double>(0, 1)(rng) > 0.7)
        return nullptr;
    return options[std::uniform_int_distribution<size_t>(0, options.size() - 1)(rng)];
}

constexpr std::array<Weighted, 12> kAgents = { {
    { "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
        30 },
    { "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 "
      "Safari/605.1.15",
        10 },
    { "Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0", 12 },
    { "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0", 6 },
    { "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 "
      "Edg/131.0.0.0",
        7 },
    { "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 "
      "Mobile/15E148 Safari/604.1",
        8 },
    { "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile "
      "Safari/537.36",
        9 },
    { "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", 6 },
    { "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", 5 },
    { "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)", 2 },
    { "curl/8.5.0", 3 },
    { "Go-http-client/1.1", 2 },
} };

constexpr std::array<Weighted, 16> kWwwPaths = { {
    { "/", 30 },
    { "/download", 12 },
    { "/download/activity-1.4.2.tar.gz", 6 },
    { "/blog/", 6 },
    { "/blog/2026/release-1.4", 5 },
    { "/features", 6 },
    { "/pricing", 2 },
    { "/community", 3 },
    { "/static/app.css", 14 },
    { "/static/app.js", 14 },
    { "/favicon.ico", 8 },
    { "/robots.txt", 2 },
    { "/feed.xml", 4 },
    { "/wp-login.php", 1.5 },
    { "/.env", 1 },
    { "/old-docs/install.html", 1.2 },
} };
constexpr std::array<Weighted, 12> kDocsPaths = { {
    { "/", 15 },
    { "/getting-started/", 20 },
    { "/install/", 18 },
    { "/configuration/", 12 },
    { "/api/", 9 },
    { "/faq/", 6 },
    { "/changelog/", 5 },
    { "/search?q=syslog", 3 },
    { "/assets/docs.css", 12 },
    { "/assets/search-index.json", 4 },
    { "/v1/guide/", 1.5 },
    { "/favicon.ico", 4 },
} };
constexpr std::array<Weighted, 9> kReferrers = { {
    { "-", 45 },
    { "https://www.google.com/", 25 },
    { "https://github.com/acme/widget", 10 },
    { "https://duckduckgo.com/", 4 },
    { "https://news.ycombinator.com/", 3 },
    { "https://www.reddit.com/r/selfhosted/", 3 },
    { "https://www.bing.com/", 3 },
    { "https://docs.acme.example/", 5 },
    { "https://t.co/", 2 },
} };

bool isMissing(const QByteArray& path)
{
    return path == "/wp-login.php" || path == "/.env" || path == "/old-docs/install.html" || path == "/v1/guide/";
}

// The demo's release files: the one download path of the list, spread over releases and packages by the visitor.
constexpr std::array<std::pair<const char*, qint64>, 4> kDemoFiles = { {
    { "/download/activity-1.4.2.tar.gz", 4'800'512 },
    { "/download/activity_1.4.2_amd64.deb", 3'912'004 },
    { "/download/activity-1.4.1.tar.gz", 4'790'016 },
    { "/download/v1.5.0-rc1/Activity-x86_64.AppImage", 61'200'384 },
} };

qint64 demoFileSize(const QByteArray& path)
{
    for (const auto& [name, size] : kDemoFiles)
        if (path == name)
            return size;
    return 4'800'512;
}

qint64 bytesFor(const QByteArray& path, std::mt19937& rng)
{
    std::lognormal_distribution<double> size(9.5, 0.6);
    if (path.startsWith("/download/")) {
        // A file has one size; one download in ten is cut short (the one draw as ever, so the rest of the demo
        // stays the same).
        const int draw = std::uniform_int_distribution<int>(0, 1000)(rng);
        const qint64 whole = demoFileSize(path);
        return draw < 100 ? whole * draw / 100 : whole;
    }
    if (path.endsWith(".js") || path.endsWith(".json"))
        return qint64(size(rng) * 4);
    return qint64(size(rng));
}

QByteArray addressFor(const CountryBlock& c, std::mt19937& rng)
{
    std::uniform_int_distribution<int> byte(1, 254);
    QByteArray addr(4, '\0');
    addr[0] = char(c.octet);
    addr[1] = char(byte(rng));
    addr[2] = char(byte(rng));
    addr[3] = char(byte(rng));
    return addr;
}

qint64 addTraffic(const DemoOptions& o, std::mt19937& rng, const std::function<void(const DemoRequest&)>& sink)
{
    qint64 requests = 0;
    const qint64 end = o.nowSecs;
    const qint64 firstHour = (end - qint64(o.days) * 86400) / 3600 * 3600;
    std::normal_distribution<double> noise(0, 1);
    std::uniform_real_distribution<double> unit(0, 1);
    double countryTotal = 0;
    for (const CountryBlock& c : kCountries)
        countryTotal += c.weight;
    struct Visitor {
        QByteArray addr;
        QByteArray country;
        QByteArray agent;
        const DemoCity* city;
    };
    const std::array<std::pair<const char*, double>, 2> sites = { { { "www", 1.0 }, { "docs", 0.4 } } };
    // A pool of visitors per site, refreshed each day: some return, most are new.
    std::array<QList<Visitor>, 2> pools;
    qint64 poolDay = -1;
    QList<DemoRequest> hourRequests;
    for (qint64 hour = firstHour; hour < end; hour += 3600) {
        const qint64 day = hour / 86400;
        const double trend = 0.8 + 0.2 * double(hour - firstHour) / double(end - firstHour);
        const bool newDay = day != poolDay;
        poolDay = day;
        hourRequests.clear();
        for (size_t s = 0; s < sites.size(); ++s) {
            const auto& [site, share] = sites[s];
            QList<Visitor>& pool = pools[s];
            const double perHour
                = o.requestsPerDay * share / 24.0 * trend * DemoParts::weekFactor(hour) * DemoParts::dayFactor(hour);
            if (newDay) {
                const int size = std::max(8, int(o.requestsPerDay * share / 5));
                // Swap with the last and drop it: removing from the middle would make a big pool quadratic.
                while (pool.size() > size / 3) {
                    const int gone = std::uniform_int_distribution<int>(0, int(pool.size()) - 1)(rng);
                    std::swap(pool[gone], pool.last());
                    pool.removeLast();
                }
                while (pool.size() < size) {
                    double x = unit(rng) * countryTotal;
                    const CountryBlock* country = &kCountries.back();
                    for (const CountryBlock& c : kCountries) {
                        if (x < c.weight) {
                            country = &c;
                            break;
                        }
                        x -= c.weight;
                    }
                    pool.append({ addressFor(*country, rng), QByteArray(country->code), QByteArray(pick(kAgents, rng)),
                        cityFor(country->code, rng) });
                }
            }
            const int count = std::max(0, int(std::round(perHour + std::sqrt(perHour) * noise(rng))));
            for (int i = 0; i < count; ++i) {
                const qint64 ts = hour + std::uniform_int_distribution<int>(0, 3599)(rng);
                if (ts >= end)
                    continue;
                // Some visitors are much more active than others.
                const int index = int(std::pow(unit(rng), 2.0) * double(pool.size()));
                const Visitor& v = pool[std::min(index, int(pool.size()) - 1)];
                DemoRequest r;
                r.ts = ts;
                r.site = site;
                r.addr = v.addr;
                r.country = v.country;
                r.agent = v.agent;
                if (v.city) {
                    r.city = QString::fromUtf8(v.city->name);
                    r.latitude = v.city->latitude;
                    r.longitude = v.city->longitude;
                }
                r.path = QByteArray(std::string_view(site) == "www" ? pick(kWwwPaths, rng) : pick(kDocsPaths, rng));
                if (r.path == kDemoFiles[0].first) // which file: by the visitor, without a draw
                    r.path = kDemoFiles[size_t(quint8(v.addr[3])) % kDemoFiles.size()].first;
                r.method = unit(rng) < 0.03 ? "HEAD" : (unit(rng) < 0.01 ? "POST" : "GET");
                const double roll = unit(rng);
                if (isMissing(r.path))
                    r.status = 404;
                else if (roll < 0.004)
                    r.status = 500 + (roll < 0.001 ? 2 : 0);
                else if (roll < 0.09)
                    r.status = 304;
                else if (roll < 0.11)
                    r.status = 301;
                else if (roll < 0.125)
                    r.status = 404;
                else
                    r.status = 200;
                r.bytes = r.status == 200 ? bytesFor(r.path, rng) : (r.status == 304 ? 0 : 150 + int(unit(rng) * 400));
                // Download managers (one visitor in eight) fetch the big image in halves: two 206 ranges.
                if (r.status == 200 && r.path == kDemoFiles[3].first && quint8(v.addr[2]) % 8 == 0) {
                    r.status = 206;
                    r.bytes = kDemoFiles[3].second / 2;
                    DemoRequest other = r;
                    other.ts = qMin(r.ts + 20, end - 1);
                    hourRequests.append(std::move(other));
                }
                r.referrer = pick(kReferrers, rng);
                r.requestTime = std::max(0.001, 0.02 + 0.05 * noise(rng));
                hourRequests.append(std::move(r));
            }
        }
        // Both sites' requests in time order, as a server writing both logs would send them.
        std::stable_sort(hourRequests.begin(), hourRequests.end(),
            [](const DemoRequest& a, const DemoRequest& b) { return a.ts < b.ts; });
        for (const DemoRequest& r : std::as_const(hourRequests)) {
            sink(r);
            ++requests;
        }
    }
    return requests;
}
} // namespace

DemoSummary DemoData::generate(Database& db, const DemoOptions& options)
{
    std::mt19937 rng(options.seed);
    DemoSummary summary;
    auto tx = std::make_unique<Transaction>(db);
    DemoTrafficWriter writer(db);
    // With a progress callback, committed in slices so a window fills as they land; else all or nothing.
    const auto slice = [&](int percent) {
        if (!options.progress)
            return;
        writer.finish();
        tx->commit();
        options.progress(percent);
        tx = std::make_unique<Transaction>(db);
    };
    if (options.sources)
        DemoParts::addSources(db, options.nowSecs, writer);
    summary.samples = DemoParts::addApi(db, options, rng);
    slice(5);
    if (options.requestsPerDay > 0) {
        const qint64 start = options.nowSecs - qint64(options.days) * 86400;
        const qint64 step = qMax<qint64>(3600, qint64(options.days) * 86400 / 20);
        qint64 next = start + step;
        summary.requests = addTraffic(options, rng, [&](const DemoRequest& r) {
            if (r.ts >= next) {
                slice(5 + int(95 * (next - start) / qMax<qint64>(1, options.nowSecs - start)));
                next += step;
            }
            writer.add(r);
        });
    }
    writer.finish();
    tx->commit();
    if (options.progress)
        options.progress(100);
    return summary;
}

qint64 DemoData::forEachRequest(const DemoOptions& options, const std::function<void(const DemoRequest&)>& sink)
{
    std::mt19937 rng(options.seed);
    return options.requestsPerDay > 0 ? addTraffic(options, rng, sink) : 0;
}

QList<DemoRejected> DemoData::rejectedSamples()
{
    // Lines the real parser rejects (TestDemoData::rejectedByTheParser checks it), with its reasons: what reaches a
    // syslog port by mistake (a TLS handshake), hostile text in a bad line, a log in another format.
    return {
        { QStringLiteral("line cut short"), QByteArray("\x16\x03\x01\x02\x31\x01\x02\x2d\x03\x03\xfc\x9a") },
        { QStringLiteral("bad time"),
            QByteArray("198.51.100.7 - - [yesterday] \"GET / HTTP/1.1\" 200 612 \"-\" \"<b>bold</b>\"") },
        { QStringLiteral("bad status"),
            QByteArray("192.0.2.1 - - [25/Nov/2026:06:01:02 +0000] \"GET /<img src=x> HTTP/1.1\" abc 0 \"-\" \"-\"") },
        // A JSON access log sent to a source that expects `combined`.
        { QStringLiteral("bad client address"),
            QByteArray("{\"time\": \"2026-11-25T06:10:00+00:00\", \"remote_addr\": \"192.0.2.44\", \"status\": 200}") },
    };
}

QByteArray DemoData::combinedLine(const DemoRequest& r)
{
    static const char* const kMonths[]
        = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
    const QDateTime t = QDateTime::fromSecsSinceEpoch(r.ts, QTimeZone::utc());
    const QDate d = t.date();
    const QTime h = t.time();
    char when[40];
    std::snprintf(when, sizeof when, "%02d/%s/%04d:%02d:%02d:%02d +0000", d.day(), kMonths[d.month() - 1], d.year(),
        h.hour(), h.minute(), h.second());
    QByteArray line;
    line.reserve(96 + r.path.size() + r.referrer.size() + r.agent.size());
    if (r.addr.size() == 4) {
        for (int i = 0; i < 4; ++i) {
            if (i > 0)
                line += '.';
            line += QByteArray::number(uchar(r.addr[i]));
        }
    } else {
        line += QHostAddress(reinterpret_cast<const quint8*>(r.addr.constData())).toString().toLatin1();
    }
    line += " - - [";
    line += when;
    line += "] \"";
    line += r.method;
    line += ' ';
    line += r.path;
    line += " HTTP/1.1\" ";
    line += QByteArray::number(r.status);
    line += ' ';
    line += QByteArray::number(r.bytes);
    line += " \"";
    line += r.referrer;
    line += "\" \"";
    line += r.agent;
    line += '"';
    return line;
}

} // namespace activity
