#include "ui/pages/healthpage.h"

#include "core/query/healthquery.h"
#include "core/sources/sourceregistry.h"
#include "core/util/clock.h"
#include "core/util/eventlog.h"
#include "ui/viewstate.h"
#include "ui/widgets/accessiblenames.h"
#include "ui/widgets/errorlabel.h"
#include "ui/widgets/format.h"
#include "ui/widgets/rowsmodel.h"

#include <QDateTime>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>

namespace activity {

namespace {
// A source type as its registry entry names it ("GitHub", "JSON over HTTP"); `import` and unknown types as they are.
QString typeLabel(const QString& type)
{
    const SourceTypeSpec* spec = SourceRegistry::builtIn().find(type);
    return spec ? spec->label : type;
}

QTableView* tableFor(RowsModel* model, const QString& name, QWidget* parent)
{
    auto* view = new QTableView(parent);
    nameTable(view, name);
    view->setModel(model);
    view->verticalHeader()->hide();
    view->setWordWrap(false);
    // One line of text per row: the style's default leaves the database table a row short at 1280x800.
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

QString when(qint64 secs, qint64 now)
{
    if (secs <= 0)
        return HealthPage::tr("never");
    const QString at = QLocale().toString(QDateTime::fromSecsSinceEpoch(secs), QStringLiteral("yyyy-MM-dd HH:mm"));
    const qint64 d = secs - now;
    const qint64 minutes = qAbs(d) / 60;
    const QString rel = minutes < 60 ? HealthPage::tr("%1 min").arg(minutes) : HealthPage::tr("%1 h").arg(minutes / 60);
    return d < 0 ? HealthPage::tr("%1 (%2 ago)").arg(at, rel) : HealthPage::tr("%1 (in %2)").arg(at, rel);
}
} // namespace

HealthPage::HealthPage(QueryRunner& runner, ViewState& state, QWidget* parent)
    : DashboardPage(runner, state, parent)
{
    setObjectName(QStringLiteral("healthPage"));
    setFollowsViewState(false); // nothing here depends on the range or the filters
    auto* grid = new QGridLayout(this);
    m_listeners = new RowsModel({ tr("Log source"), tr("Type"), tr("Received"), tr("Stored"), tr("Rejected"),
                                    tr("Dropped"), tr("Denied senders"), tr("Last line stored") },
        this);
    m_rejected = new RowsModel({ tr("Time"), tr("Source"), tr("Reason"), tr("Line") }, this);
    m_api = new RowsModel({ tr("API source"), tr("Type"), tr("Last success"), tr("Last error"), tr("Next run"),
                              tr("Rate limit left"), tr("Polled by") },
        this);
    m_collectors
        = new RowsModel({ tr("Collector"), tr("Version"), tr("Host"), tr("Last heartbeat"), tr("Polls") }, this);
    m_database = new RowsModel({ tr("Table"), tr("Rows") }, this);
    m_log = new RowsModel({ tr("Time"), tr("Level"), tr("Module"), tr("Message") }, this);
    // A write error outranks everything on this page: data is being lost until it is fixed.
    m_writeError = new ErrorLabel(this, ErrorLabel::Style::Banner); // plain text: it may quote a path or a line
    m_writeError->setObjectName(QStringLiteral("writeError"));
    m_writeError->setAccessibleName(tr("Write error"));
    m_writeError->hide();
    grid->addWidget(m_writeError, 0, 0, 1, 2);
    grid->addWidget(sectionLabel(tr("Log receivers"), this), 1, 0);
    grid->addWidget(tableFor(m_listeners, tr("Log receivers"), this), 2, 0);
    m_databaseLabel = sectionLabel(tr("Database"), this);
    m_databaseLabel->setObjectName(QStringLiteral("databaseLabel"));
    grid->addWidget(m_databaseLabel, 1, 1);
    grid->addWidget(tableFor(m_database, tr("Database"), this), 2, 1);
    grid->addWidget(sectionLabel(tr("API sources"), this), 3, 0);
    grid->addWidget(tableFor(m_api, tr("API sources"), this), 4, 0);
    m_collectorsLabel = sectionLabel(tr("Collectors"), this);
    grid->addWidget(m_collectorsLabel, 3, 1);
    auto* collectors = tableFor(m_collectors, tr("Collectors"), this);
    collectors->setObjectName(QStringLiteral("collectors"));
    grid->addWidget(collectors, 4, 1);
    grid->addWidget(sectionLabel(tr("Last rejected lines"), this), 5, 0);
    auto* rejected = tableFor(m_rejected, tr("Last rejected lines"), this);
    rejected->setObjectName(QStringLiteral("rejectedLines"));
    grid->addWidget(rejected, 6, 0);
    m_logLabel = sectionLabel(tr("Program log"), this);
    m_logLabel->setObjectName(QStringLiteral("programLogLabel"));
    grid->addWidget(m_logLabel, 5, 1);
    auto* log = tableFor(m_log, tr("Program log: the last warnings and errors"), this);
    log->setObjectName(QStringLiteral("programLog"));
    grid->addWidget(log, 6, 1);
    grid->setColumnStretch(0, 3);
    grid->setColumnStretch(1, 1);
    grid->setRowStretch(2, 2);
    grid->setRowStretch(4, 2);
    grid->setRowStretch(6, 3);
}

void HealthPage::setWriteError(const QString& message)
{
    m_writeError->setText(tr("Data is not being saved: %1").arg(message));
    m_writeError->setVisible(!message.isEmpty());
}

void HealthPage::setEventLog(const EventLog* log)
{
    m_eventLog = log;
    const auto refresh = [this] {
        QList<QList<QVariant>> rows;
        const QList<EventLog::Entry> entries = m_eventLog->entries();
        for (auto it = entries.crbegin(); it != entries.crend(); ++it) {
            const QString level = it->type == QtWarningMsg ? tr("warning") : tr("error");
            rows.append(
                { QLocale().toString(it->at.toLocalTime(), QLocale::ShortFormat), level, it->module, it->message });
        }
        m_logLabel->setText(
            rows.isEmpty() ? tr("Program log: no warning or error since the start") : tr("Program log"));
        m_log->setRows(std::move(rows));
    };
    connect(log, &EventLog::added, this, refresh);
    refresh();
}

QString HealthPage::writeErrorText() const
{
    return m_writeError->isVisible() ? m_writeError->text() : QString();
}

void HealthPage::reload()
{
    const qint64 now = state().clock().nowSecs();
    constexpr qint64 kRecountMs = 5 * 60 * 1000;
    if (!m_sinceCount.isValid() || m_sinceCount.elapsed() >= kRecountMs) {
        m_sinceCount.start();
        if (!m_countRunner)
            m_countRunner = std::make_unique<QueryRunner>(runner().databasePath(), 0);
        // Not part of the page's load: the page answers at once and the counts fill in when counted.
        m_countTracker.submit<QList<std::pair<QString, qint64>>>(
            *m_countRunner, this, [](Database& db) { return HealthQuery::rowCounts(db); },
            [this](QList<std::pair<QString, qint64>> counts) {
                QList<QList<QVariant>> rows;
                for (const auto& [table, count] : counts)
                    rows.append({ table, count });
                m_database->setRows(rows);
            });
    }
    query<HealthReport>(
        m_tracker, [now](Database& db) { return HealthQuery::read(db, 20, false, SourceRegistry::builtIn(), now); },
        [this, now](HealthReport r) {
            QList<QList<QVariant>> rows;
            QList<QList<QVariant>> rejected;
            for (const ListenerHealth& l : r.listeners) {
                // Counter names as the ingest pipeline and the receivers write them.
                rows.append({ l.name, typeLabel(l.type), l.received(), l.counter("stored"), l.counter("rejected"),
                    l.dropped(), l.counter("denied"), when(l.counter("last_stored_at"), now) });
                for (const ListenerHealth::Rejected& line : l.lastRejected) {
                    // Decoded for display only; the line is shown as plain text (it comes from the network).
                    rejected.append({ QLocale().toString(QDateTime::fromSecsSinceEpoch(line.ts),
                                          QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                        l.name, line.reason, Format::visibleBytes(line.line) });
                }
            }
            m_listeners->setRows(rows);
            m_rejected->setRows(rejected);
            rows.clear();
            for (const ApiHealth& a : r.apiSources) {
                QString error = a.lastError.isEmpty() ? tr("none") : a.lastError;
                if (!a.lastError.isEmpty() && a.lastErrorAt > 0)
                    error = tr("%1 at %2")
                                .arg(a.lastError,
                                    QLocale().toString(QDateTime::fromSecsSinceEpoch(a.lastErrorAt),
                                        QStringLiteral("yyyy-MM-dd HH:mm")));
                const SourceTypeSpec* spec = SourceRegistry::builtIn().find(a.type);
                const QString rate = a.rateLimitRemaining < 0
                    ? (spec && !spec->rateLimited ? tr("not told by this API") : tr("unknown"))
                    : a.rateLimitLimit > 0
                    ? tr("%1 of %2")
                          .arg(Format::count(double(a.rateLimitRemaining)), Format::count(double(a.rateLimitLimit)))
                    : Format::count(double(a.rateLimitRemaining));
                rows.append({ a.name, typeLabel(a.type), when(a.lastSuccess, now), error,
                    a.enabled ? when(a.nextRun, now) : tr("paused"), rate,
                    a.polledBy.isEmpty() ? tr("none now") : a.polledBy });
            }
            m_api->setRows(rows);
            rows.clear();
            // A collector that has not said it is alive for a minute has stopped (or lost the store).
            constexpr qint64 kAliveSecs = 60;
            for (const CollectorHealth& c : r.collectors) {
                const bool alive = now - c.heartbeatAt <= kAliveSecs;
                rows.append({ c.name, c.version, c.host,
                    alive ? when(c.heartbeatAt, now) : tr("stopped (%1)").arg(when(c.heartbeatAt, now)),
                    c.sources.isEmpty() ? tr("none") : c.sources.join(QStringLiteral(", ")) });
            }
            m_collectors->setRows(rows);
            m_collectorsLabel->setText(
                r.collectors.isEmpty() ? tr("Collectors: none has run on this store yet") : tr("Collectors"));
            m_databaseLabel->setText(tr("Database: %1").arg(Format::bytes(r.databaseBytes)));
        });
}

QString HealthPage::databaseText() const
{
    return m_databaseLabel->text();
}

} // namespace activity
