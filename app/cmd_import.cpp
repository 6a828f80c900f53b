#include "app/argparser.h"
#include "app/commandcontext.h"
#include "app/commands.h"
#include "core/geo/geoip.h"
#include "core/ingest/agentclassifier.h"
#include "core/ingest/importledger.h"
#include "core/ingest/ingestpipeline.h"
#include "core/ingest/linefile.h"
#include "core/logs/logformat.h"
#include "core/settings/appsettings.h"
#include "core/storage/database.h"
#include "core/util/clock.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <cstdio>
#include <deque>
#include <map>
#include <mutex>
#include <unistd.h>

namespace activity {

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

QString day(qint64 ts)
{
    return QDateTime::fromSecsSinceEpoch(ts, Qt::UTC).date().toString(Qt::ISODate);
}

// One input and what the ledger knows of it.
struct Input {
    QString path;
    std::unique_ptr<LineFile> file;
    ImportLedger::Identity identity;
    bool remembered = false; // not standard input
    qint64 entryId = 0; // written by the commit hook (on the writer's thread)
    qint64 skippedLines = 0;
    qint64 lines = 0; // read this time
};

// Where each line of a chunk queued ends in its file: the commit hook records the place reached by the last line
// a commit stores, in that commit.
struct Mark {
    quint64 firstSeq; // the chunk's lines have consecutive sequence numbers (import is the only producer)
    size_t input;
    qint64 linesBefore; // lines of the file before the chunk
    std::vector<qint64> ends;
    std::vector<QByteArray> checks; // ImportLedger::lineCheck of each line
    quint64 lastSeq() const { return firstSeq + ends.size() - 1; }
};

// Opens `path` and moves past what an earlier import stored of it. Prints what it skips.
QString open(CommandContext& ctx, Database& db, Input& in, bool force)
{
    in.file = std::make_unique<LineFile>(in.path);
    if (!in.file->isOpen())
        return in.file->error();
    if (in.path == QLatin1String("-"))
        return {};
    in.remembered = true;
    in.identity = ImportLedger::identify(in.path);
    if (force)
        return {};
    const auto entry = ImportLedger::find(db, in.identity);
    if (!entry)
        return {};
    if (in.file->skip(entry->offset) && ImportLedger::lineCheck(in.file->lastLine()) == entry->lastLine) {
        in.entryId = entry->id;
        in.skippedLines = entry->lines;
        ctx.out() << ImportCommandText::tr("%1: skipped %2 lines already imported (--force imports them again)")
                         .arg(in.path)
                         .arg(entry->lines)
                  << Qt::endl;
        return {};
    }
    // It starts like a file imported before, but is not that file further on: all of it is new.
    in.file = std::make_unique<LineFile>(in.path);
    return in.file->isOpen() ? QString() : in.file->error();
}

struct ImportOptions {
    QByteArray format;
    QByteArray site;
    bool force = false;
    QStringList paths;
};

// The arguments, checked: returns the exit status of a bad one (2), else 0.
int parseOptions(CommandContext& ctx, const QStringList& args, ImportOptions& o)
{
    ArgParser parser(QStringLiteral("import"));
    parser.addOption(QStringLiteral("site"));
    parser.addOption(QStringLiteral("format"));
    parser.addOption(QStringLiteral("force"), false);
    if (const QString error = parser.parse(args); !error.isEmpty())
        return ctx.fail(error, 2);
    if (parser.positionals().isEmpty())
        return ctx.fail(ImportCommandText::tr("import: give at least one FILE ('-' for standard input)"), 2);
    o.format = parser.value(QStringLiteral("format")).toUtf8();
    QString formatError;
    if (!LogFormat::compile(o.format, &formatError).isValid())
        return ctx.fail(QStringLiteral("import: --format: ") + formatError, 2);
    o.site = parser.value(QStringLiteral("site")).toUtf8();
    if (parser.isSet(QStringLiteral("site")) && o.site.trimmed().isEmpty())
        return ctx.fail(ImportCommandText::tr("import: --site: empty name"), 2);
    o.force = parser.isSet(QStringLiteral("force"));
    o.paths = parser.positionals();
    return 0;
}

// The ledger's side of an import: which line of which input each commit stores, recorded in that commit (on the
// writer's thread), so a crash or a failed write never records lines that were not stored.
class LedgerMarks {
public:
    LedgerMarks(std::vector<Input>& inputs, qint64 now)
        : m_inputs(inputs)
        , m_now(now)
    { }
    void queue(Mark mark)
    {
        std::lock_guard lock(m_mutex);
        m_marks.push_back(std::move(mark));
    }
    void onCommit(Database& writerDb, quint64 lastSeq)
    {
        std::lock_guard lock(m_mutex);
        std::vector<Mark> done; // chunks this commit stores whole
        while (!m_marks.empty() && m_marks.front().lastSeq() <= lastSeq) {
            done.push_back(std::move(m_marks.front()));
            m_marks.pop_front();
        }
        std::map<size_t, std::pair<const Mark*, size_t>> latest; // per input: the chunk and line reached
        for (const Mark& m : done)
            latest.insert_or_assign(m.input, std::pair { &m, m.ends.size() - 1 });
        if (!m_marks.empty() && m_marks.front().firstSeq <= lastSeq) // the commit ends inside this chunk
            latest.insert_or_assign(
                m_marks.front().input, std::pair { &m_marks.front(), size_t(lastSeq - m_marks.front().firstSeq) });
        for (const auto& [index, reached] : latest) {
            const auto& [mark, line] = reached;
            Input& in = m_inputs[index];
            in.entryId = ImportLedger::record(writerDb, in.entryId, in.path, in.identity, mark->ends[line],
                mark->linesBefore + qint64(line) + 1, mark->checks[line], m_now);
        }
    }

private:
    std::vector<Input>& m_inputs;
    const qint64 m_now;
    std::mutex m_mutex;
    std::deque<Mark> m_marks;
};

struct Fed {
    qint64 lines = 0;
    int status = 0; // 1 when an input could not be read to its end
};

// Reads every input in chunks into the pipeline (which waits for room rather than dropping), with a progress bar on
// a terminal, until all are read or a write failed.
Fed feed(CommandContext& ctx, IngestPipeline& pipeline, std::vector<Input>& inputs, LedgerMarks& marks,
    const QByteArray& site, const QElapsedTimer& timer)
{
    const bool terminal = isatty(STDERR_FILENO) == 1;
    Fed fed;
    qint64 lastDraw = -1000;
    std::vector<QByteArray> chunk;
    for (size_t i = 0; i < inputs.size() && !pipeline.hasGivenUp(); ++i) {
        Input& in = inputs[i];
        for (;;) {
            chunk.clear();
            Mark mark { 0, i, in.skippedLines + in.lines, {}, {} };
            const bool more = in.file->read(chunk, in.remembered ? &mark.ends : nullptr);
            if (in.remembered) {
                mark.checks.reserve(chunk.size());
                for (const QByteArray& line : chunk)
                    mark.checks.push_back(ImportLedger::lineCheck(line));
            }
            fed.lines += qint64(chunk.size());
            in.lines += qint64(chunk.size());
            const qsizetype count = qsizetype(chunk.size());
            const quint64 seq = pipeline.pushBatch(0, site, chunk);
            if (seq && in.remembered && count > 0 && qsizetype(mark.ends.size()) == count) {
                mark.firstSeq = seq - quint64(count) + 1;
                marks.queue(std::move(mark));
            }
            if (pipeline.hasGivenUp())
                break;
            if (terminal && timer.elapsed() - lastDraw >= 200) {
                const double part = in.file->progress();
                drawProgress(ctx.err(), part < 0 ? -1 : (double(i) + part) / double(inputs.size()), fed.lines);
                lastDraw = timer.elapsed();
            }
            if (!more)
                break;
        }
        if (!in.file->error().isEmpty()) {
            ctx.err() << "activity-dashboard: import: " << in.file->error() << Qt::endl;
            fed.status = 1;
        }
    }
    return fed;
}

// A write failed: says how far the import got and that importing again stores only the rest.
int reportStopped(CommandContext& ctx, const IngestPipeline& pipeline, const std::vector<Input>& inputs)
{
    const auto counters = pipeline.counters(0);
    // Lines are committed in the order read: the saved ones are the first `saved` lines of the input.
    const qint64 saved = counters.stored + counters.rejected;
    QString upTo;
    qint64 before = 0;
    for (const Input& in : inputs) {
        if (saved <= before + in.lines) {
            upTo = ImportCommandText::tr("up to line %1 of %2").arg(in.skippedLines + saved - before).arg(in.path);
            break;
        }
        before += in.lines;
    }
    return ctx.fail(ImportCommandText::tr("import stopped: %1\nstored %2 lines and rejected %3 before the error "
                                          "(the input's first %4 lines, %5); the lines after them were not "
                                          "imported: importing the same files again stores only those")
                        .arg(pipeline.lastError())
                        .arg(counters.stored)
                        .arg(counters.rejected)
                        .arg(saved)
                        .arg(upTo));
}

// The figures of a finished import, and where its requests are.
void reportDone(CommandContext& ctx, const IngestPipeline& pipeline, qint64 lines, double seconds)
{
    const auto counters = pipeline.counters(0);
    ctx.out() << ImportCommandText::tr("lines %1, stored %2, rejected %3, seconds %4, lines/s %5")
                     .arg(lines)
                     .arg(counters.stored)
                     .arg(counters.rejected)
                     .arg(seconds, 0, 'f', 2)
                     .arg(qint64(seconds > 0 ? double(lines) / seconds : double(lines)))
              << Qt::endl;
    // Where the data is: an old log's requests are in the rollups only, outside the default report range.
    if (counters.stored > 0 && counters.firstTs > 0) {
        ctx.out()
            << ImportCommandText::tr("requests from %1 to %2 (UTC)").arg(day(counters.firstTs), day(counters.lastTs));
        if (counters.beforeRetention > 0)
            ctx.out() << ImportCommandText::tr("; %1 of them older than the retention are kept as hourly and daily "
                                               "totals (no raw rows): see them with report --from %2 --to %3")
                             .arg(counters.beforeRetention)
                             .arg(day(counters.firstTs), day(counters.lastTs + 86400));
        ctx.out() << Qt::endl;
    }
}
} // namespace

// import [--site NAME] [--format FORMAT] [--force] FILE...: every line goes through the same pipeline as collected
// lines (source id 0), waiting for room instead of dropping. Exactly once: see ImportLedger.
int runImport(CommandContext& ctx, const QStringList& args)
{
    ImportOptions o;
    if (const int bad = parseOptions(ctx, args, o); bad != 0)
        return bad;
    Database* db = ctx.database();
    if (!db)
        return 1;
    std::vector<Input> inputs(size_t(o.paths.size()));
    for (size_t i = 0; i < inputs.size(); ++i) {
        inputs[i].path = o.paths.at(qsizetype(i));
        if (const QString error = open(ctx, *db, inputs[i], o.force); !error.isEmpty())
            return ctx.fail(QStringLiteral("import: ") + error);
    }
    QElapsedTimer timer;
    timer.start();
    // A failed write (disk full, read-only file) ends the import at once: what was committed before it stays.
    IngestPipeline::Options options;
    options.giveUpOnWriteError = true;
    // A team store: fewer, larger commits (a rollup row touched once per commit rather than again by each of several
    // short ones, the per-statement costs paid less often). A file keeps short ones, so that a full disk stops an
    // import with most of what was read stored.
    if (db->isPostgres()) {
        options.batchLines = 100'000;
        options.commitMs = 2000;
    }
    // Who made each request: the data folder's agents file when there is one; a broken one stops the import.
    QString rulesError;
    options.agentRules = AgentRules::load(ctx.dataDir(), &rulesError);
    if (!options.agentRules)
        return ctx.fail(QStringLiteral("import: ") + rulesError);
    // Crawlers claiming a checkable name are checked off the ingest threads; a broken ranges file stops the import.
    const AppSettings::CrawlerCheckSettings checks = AppSettings::crawlerChecks(*db);
    if (checks.enabled) {
        options.verifyCrawlers = true;
        options.crawlerChecks = CrawlerChecks::load(ctx.dataDir(), &rulesError);
        if (!options.crawlerChecks)
            return ctx.fail(QStringLiteral("import: ") + rulesError);
        options.verifier.dnsServer = checks.dnsServer;
    }
    IngestPipeline pipeline(ctx.databasePath(), GeoIp::openDefault(*db), ctx.clock(), options);
    pipeline.setSource(0, o.format, o.site);
    LedgerMarks marks(inputs, ctx.clock().nowSecs());
    pipeline.setCommitHook([&marks](Database& writerDb, quint64 lastSeq) { marks.onCommit(writerDb, lastSeq); });
    const Fed fed = feed(ctx, pipeline, inputs, marks, o.site, timer);
    pipeline.stop();
    // Checks still running: their verdicts apply to the lines already stored whenever they come; waiting a little
    // here lets the report that follows an import show them.
    if (CrawlerVerifier* verifier = pipeline.verifier(); verifier && !verifier->waitIdle(checks.waitSecs * 1000))
        ctx.err() << ImportCommandText::tr("import: some crawler checks are still running; those crawlers stay "
                                           "unverified until checked again")
                  << Qt::endl;
    if (isatty(STDERR_FILENO) == 1) { // the bar at its end, once everything read is stored
        drawProgress(ctx.err(), 1.0, fed.lines);
        ctx.err() << Qt::endl;
    }
    if (!pipeline.lastError().isEmpty())
        return reportStopped(ctx, pipeline, inputs);
    reportDone(ctx, pipeline, fed.lines, double(timer.elapsed()) / 1000.0);
    return fed.status;
}

} // namespace activity
