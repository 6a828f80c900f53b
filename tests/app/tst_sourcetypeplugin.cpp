// A source type is one registration: a type made in this test alone, registered with the command line's registry,
// is offered by `sources add` (its fields checked), by the source form, polled by `collect --once`, named in the
// series catalogue and listed on Health, with no other code knowing its name.
#include "app/commandcontext.h"
#include "app/commands.h"
#include "core/collect/collectonce.h"
#include "core/query/healthquery.h"
#include "core/query/seriescatalogue.h"
#include "core/sources/apicollector.h"
#include "core/sources/apistore.h"
#include "core/sources/sourceregistry.h"
#include "core/storage/database.h"
#include "ui/sources/sourceform.h"

#include <QLineEdit>
#include <QTemporaryDir>
#include <QTest>

namespace activity {

namespace {
// Stores one figure per poll, without a network: what matters here is how the type is found, not what it asks.
class TickerCollector final : public ApiCollector {
public:
    TickerCollector(qint64 id, const QJsonObject& settings, const ApiCollectorServices& services)
        : ApiCollector(id, settings, services)
    { }

protected:
    void startPoll() override
    {
        const qint64 series = m_store.seriesId(sourceId(), QStringLiteral("ticker"), QString::number(sourceId()),
            settings().value(QLatin1String("symbol")).toString().toLower());
        m_store.recordSnapshot(series, m_clock.nowSecs(), 42);
        m_store.recordSuccess(sourceId(), m_clock.nowSecs());
    }
};

SourceTypeSpec tickerType()
{
    SourceTypeSpec s;
    s.type = QStringLiteral("ticker");
    s.label = QStringLiteral("Stock ticker");
    s.fields = { makeField("symbol", QStringLiteral("Symbol"), QStringLiteral("a ticker symbol"), true, {},
                     [](const QString& v) {
                         return v.size() <= 5 && !v.isEmpty() ? QString() : QStringLiteral("at most five letters");
                     }),
        makeField(
            "interval", QStringLiteral("Interval"), QStringLiteral("how often"), false, QStringLiteral("1h"), {}) };
    s.displayName = [](const QJsonObject& o) { return o.value(QLatin1String("symbol")).toString(); };
    s.seriesProvider = QStringLiteral("ticker");
    s.createCollector = [](qint64 id, const QJsonObject& settings, const ApiCollectorServices& services) {
        return std::unique_ptr<ApiCollector>(std::make_unique<TickerCollector>(id, settings, services));
    };
    return s;
}
} // namespace

class TestSourceTypePlugin : public QObject {
    Q_OBJECT
private slots:
    void aTypeRegisteredOnceIsEverywhere()
    {
        QTemporaryDir dir;
        QString outText;
        QString errText;
        QTextStream out(&outText);
        QTextStream err(&errText);
        CommandContext ctx(dir.path(), {}, out, err);
        ctx.registry().add(tickerType());

        // The command line: its fields are checked, and it is added.
        QCOMPARE(runSources(ctx, { "add", "ticker", "--symbol", "TOOLONG" }), 2);
        QVERIFY2(errText.contains("--symbol") && errText.contains("at most five letters"), qPrintable(errText));
        QCOMPARE(runSources(ctx, { "add", "ticker", "--symbol", "ACME" }), 0);
        QVERIFY2(outText.contains("ACME"), qPrintable(outText));

        // The form offers it, with its field.
        SourceForm form(ctx.registry());
        form.setType("ticker");
        QCOMPARE(form.type(), QString("ticker"));
        QVERIFY(form.fieldEdit("symbol"));
        form.setField("symbol", "ACME");
        QVERIFY2(form.isValid(), qPrintable(form.errors().join('\n')));

        // collect --once polls it through its factory.
        QString said;
        CollectOnce once(*ctx.collectContext());
        connect(&once, &CollectOnce::said, this, [&said](const QString& line) { said += line + '\n'; });
        QCOMPARE(once.pollApiSources(), 0);
        QVERIFY2(said.contains("ok"), qPrintable(said));

        // The catalogue names its series; Health lists the source with its last success.
        Database& db = *ctx.database();
        QString error;
        const CatalogueEntry described = SeriesCatalogue::describe(db, "ticker.acme{source=\"1\"}", &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(described.name.contains("ACME"), qPrintable(described.name));
        bool listed = false;
        for (const CatalogueEntry& s : SeriesCatalogue::list(db))
            listed = listed || s.id.startsWith("ticker.acme");
        QVERIFY(listed);
        const HealthReport health = HealthQuery::read(db, 10, false, ctx.registry());
        QCOMPARE(health.apiSources.size(), 1);
        QCOMPARE(health.apiSources.first().type, QString("ticker"));
        QVERIFY(health.apiSources.first().lastSuccess > 0);
        QVERIFY(health.listeners.isEmpty());
    }
};

} // namespace activity

QTEST_MAIN(activity::TestSourceTypePlugin)
#include "tst_sourcetypeplugin.moc"
