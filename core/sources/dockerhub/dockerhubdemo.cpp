#include "core/sources/dockerhub/dockerhubdemo.h"

#include "core/demo/demoparts.h"
#include "core/sources/apistore.h"
#include "core/sources/dockerhub/dockerhubtype.h"
#include "core/storage/fetchstate.h"

#include <array>
#include <cmath>

namespace activity {

namespace {
struct Image {
    const char* name;
    double pulls;
    double pullsPerDay;
    double stars;
};
constexpr std::array<Image, 3> kImages = { {
    { "acme/widget", 2'400'000, 5200, 88 },
    { "acme/widget-worker", 610'000, 1400, 21 },
    { "acme/widget-proxy", 95'000, 260, 6 },
} };

qint64 samples(ApiStore& store, qint64 sourceId, const SourceDemo::Span& span, std::mt19937& rng)
{
    qint64 count = 0;
    std::normal_distribution<double> noise(0, 1);
    for (const Image& image : kImages) {
        const QString name = QString::fromLatin1(image.name);
        const qint64 pullsSeries = store.seriesId(sourceId, dockerHubTypeName(), name, QStringLiteral("pulls"));
        const qint64 starsSeries = store.seriesId(sourceId, dockerHubTypeName(), name, QStringLiteral("stars"));
        double p = image.pulls;
        double st = image.stars;
        const double perTick = double(span.step) / 86400.0;
        for (qint64 ts = span.start; ts <= span.end; ts += span.step) {
            // CI systems pull around the clock; people less at weekends.
            p += std::max(
                0.0, image.pullsPerDay * perTick * (0.5 + 0.5 * DemoParts::weekFactor(ts)) * (1 + 0.3 * noise(rng)));
            if (std::uniform_real_distribution<double>(0, 1)(rng) < image.stars / 2000 * perTick * 24)
                st += 1;
            store.recordPoint(pullsSeries, ts, std::floor(p));
            store.recordPoint(starsSeries, ts, st);
            count += 2;
        }
    }
    return count;
}
} // namespace

SourceDemo dockerHubDemo()
{
    SourceDemo d;
    d.name = QStringLiteral("acme (namespace)");
    d.settings = { { QStringLiteral("namespace"), QStringLiteral("acme") },
        { QStringLiteral("interval"), QStringLiteral("1h") } };
    d.status = [](Database& db, qint64 id, qint64 now) {
        FetchState(db).recordSuccess(id, now - 1500, 200);
        FetchState(db).recordError(id, now - 1560, QStringLiteral("HTTP 429 Too Many Requests (retried)"), 200);
        FetchState(db).setNextRun(id, now + 2100);
    };
    d.samples = samples;
    return d;
}

} // namespace activity
