#include "app/argparser.h"
#include "app/commandcontext.h"
#include "app/commands.h"
#include "core/geo/geoip.h"
#include "core/ingest/ingestpipeline.h"
#include "core/ingest/linefile.h"
#include "core/logs/logformat.h"
#include "core/storage/database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <cstdio>
#include <unistd.h>

namespace {
struct ImportCommandText {
    Q_DECLARE_TR_FUNCTIONS(ImportCommandText)
};

// "[#########...........]  45%  1234567 lines" on one stderr line, redrawn in place.
void drawProgress(QTextStream& err, double fraction, qint64 lines)
{
    constexpr int width = 30;
    QString bar;
    if (fraction >= 0) {
        const int filled = int(fraction * width);
        bar = QLatin1Char('[') + QString(filled, QLatin1Char('#')) + QString(width - filled, QLatin1Char('.'))
            + QStringLiteral("] %1%  ").arg(int(fraction * 100), 3);
    }
    err << '\r' << bar << ImportCommandText::tr("%1 lines").arg(lines) << Qt::flush;
}
} // namespace

// import [--site NAME] [--format FORMAT] FILE...: every line goes through the same pipeline as collected lines
// (source id 0), waiting for room instead of dropping.
int runImport(CommandContext& ctx, const QStringList& args)
{
    ArgParser parser(QStringLiteral("import"));
    parser.addOption(QStringLiteral("site"));
    parser.addOption(QStringLiteral("format"));
    if (const QString error = parser.parse(args); !error.isEmpty())
        return ctx.fail(error, 2);
    if (parser.positionals().isEmpty())
        return ctx.fail(ImportCommandText::tr("import: give at least one FILE ('-' for standard input)"), 2);
    const QByteArray format = parser.value(QStringLiteral("format")).toUtf8();
    QString formatError;
    if (!LogFormat::compile(format, &formatError).isValid())
        return ctx.fail(QStringLiteral("import: --format: ") + formatError, 2);
    const QByteArray site = parser.value(QStringLiteral("site")).toUtf8();
    if (parser.isSet(QStringLiteral("site")) && site.trimmed().isEmpty())
        return ctx.fail(ImportCommandText::tr("import: --site: empty name"), 2);

    std::vector<std::unique_ptr<LineFile>> files;
    for (const QString& path : parser.positionals()) {
        auto file = std::make_unique<LineFile>(path);
        if (!file->isOpen())
            return ctx.fail(QStringLiteral("import: ") + file->error());
        files.push_back(std::move(file));
    }
    Database* db = ctx.database();
    if (!db)
        return 1;

    QElapsedTimer timer;
    timer.start();
    // A failed write (disk full, read-only file) ends the import at once: what was committed before it stays.
    IngestPipeline::Options options;
    options.giveUpOnWriteError = true;
    IngestPipeline pipeline(ctx.databasePath(), GeoIp::openDefault(*db), ctx.clock(), options);
    pipeline.setSource(0, format, site);
    QList<qint64> linesPerFile;
    const bool terminal = isatty(STDERR_FILENO) == 1;
    qint64 lines = 0;
    qint64 lastDraw = -1000;
    std::vector<QByteArray> chunk;
    int status = 0;
    for (size_t i = 0; i < files.size() && !pipeline.hasGivenUp(); ++i) {
        LineFile& file = *files[i];
        linesPerFile.append(0);
        for (;;) {
            chunk.clear();
            const bool more = file.read(chunk);
            lines += qint64(chunk.size());
            linesPerFile.last() += qint64(chunk.size());
            pipeline.pushBatch(0, site, chunk);
            if (pipeline.hasGivenUp())
                break;
            if (terminal && timer.elapsed() - lastDraw >= 200) {
                const double part = file.progress();
                drawProgress(ctx.err(), part < 0 ? -1 : (double(i) + part) / double(files.size()), lines);
                lastDraw = timer.elapsed();
            }
            if (!more)
                break;
        }
        if (!file.error().isEmpty()) {
            ctx.err() << "activity-dashboard: import: " << file.error() << Qt::endl;
            status = 1;
        }
    }
    pipeline.stop();
    if (terminal) {
        drawProgress(ctx.err(), 1.0, lines);
        ctx.err() << Qt::endl;
    }
    const auto counters = pipeline.counters(0);
    if (!pipeline.lastError().isEmpty()) {
        // Lines are committed in the order read: the saved ones are the first `saved` lines of the input.
        const qint64 saved = counters.stored + counters.rejected;
        QString upTo;
        qint64 before = 0;
        for (int i = 0; i < linesPerFile.size(); ++i) {
            if (saved <= before + linesPerFile[i]) {
                upTo = ImportCommandText::tr("up to line %1 of %2").arg(saved - before).arg(parser.positionals().at(i));
                break;
            }
            before += linesPerFile[i];
        }
        return ctx.fail(ImportCommandText::tr("import stopped: %1\nstored %2 lines and rejected %3 before the error "
                                              "(the input's first %4 lines, %5); the lines after them were not "
                                              "imported")
                            .arg(pipeline.lastError())
                            .arg(counters.stored)
                            .arg(counters.rejected)
                            .arg(saved)
                            .arg(upTo));
    }
    const double seconds = double(timer.elapsed()) / 1000.0;
    ctx.out() << ImportCommandText::tr("lines %1, stored %2, rejected %3, seconds %4, lines/s %5")
                     .arg(lines)
                     .arg(counters.stored)
                     .arg(counters.rejected)
                     .arg(seconds, 0, 'f', 2)
                     .arg(qint64(seconds > 0 ? double(lines) / seconds : double(lines)))
              << Qt::endl;
    return status;
}
