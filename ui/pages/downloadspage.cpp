#include "ui/pages/downloadspage.h"

#include "core/query/assetdownloadquery.h"
#include "core/query/downloadquery.h"
#include "ui/viewstate.h"
#include "ui/widgets/accessiblenames.h"
#include "ui/widgets/format.h"
#include "ui/widgets/rowsmodel.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QTimeZone>
#include <QVBoxLayout>
#include <QVersionNumber>
#include <algorithm>

namespace activity {

namespace {
QTableView* makeTable(RowsModel* model, const QString& name, QWidget* parent)
{
    auto* table = new QTableView(parent);
    nameTable(table, name);
    table->setModel(model);
    table->verticalHeader()->hide();
    table->setWordWrap(false);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    return table;
}

struct DownloadsData {
    QList<DownloadItem> items;
    QList<AssetDay> github;
    bool anyPattern = true;
};

// Newest release first (1.10 after 1.9).
int compareVersions(const QString& a, const QString& b)
{
    const int c = QVersionNumber::compare(QVersionNumber::fromString(a), QVersionNumber::fromString(b));
    return c != 0 ? c : a.compare(b);
}

// Newest release first, then the day, newest first.
bool newerFirst(const QPair<QString, qint64>& a, const QPair<QString, qint64>& b)
{
    const int c = compareVersions(a.first, b.first);
    return c != 0 ? c > 0 : a.second > b.second;
}
} // namespace

DownloadsPage::DownloadsPage(QueryRunner& runner, ViewState& state, QWidget* parent)
    : DashboardPage(runner, state, parent)
{
    setObjectName(QStringLiteral("downloadsPage"));
    auto* layout = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("downloadsSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    m_releases = new RowsModel(
        { tr("Release"), tr("Day"), tr("Site completed"), tr("GitHub assets"), tr("Started"), tr("Bytes") }, this);
    m_releases->setBytesColumn(5);
    m_versions = new RowsModel({ tr("Release"), tr("Site completed"), tr("GitHub assets") }, this);
    m_files = new RowsModel({ tr("File"), tr("Release"), tr("Completed"), tr("Started"), tr("Bytes") }, this);
    m_files->setBytesColumn(4);
    m_countries = new RowsModel({ tr("Country"), tr("Completed"), tr("Started"), tr("Bytes") }, this);
    m_countries->setBytesColumn(3);

    auto* top = new QHBoxLayout;
    auto* left = new QVBoxLayout;
    left->addWidget(sectionLabel(tr("Per release and day"), this));
    left->addWidget(makeTable(m_releases, tr("Downloads per release and day"), this), 1);
    auto* right = new QVBoxLayout;
    right->addWidget(sectionLabel(tr("Per release: site and GitHub"), this));
    right->addWidget(makeTable(m_versions, tr("Downloads per release from the site and from GitHub"), this), 1);
    right->addWidget(sectionLabel(tr("Per country"), this));
    right->addWidget(makeTable(m_countries, tr("Downloads per country"), this), 1);
    top->addLayout(left, 3);
    top->addLayout(right, 2);
    layout->addLayout(top, 2);
    layout->addWidget(sectionLabel(tr("Per file"), this));
    layout->addWidget(makeTable(m_files, tr("Downloads per file"), this), 1);
}

QString DownloadsPage::summary() const
{
    return m_summary->text();
}

void DownloadsPage::reload()
{
    const TimeRange range = state().range();
    const AgentScope scope = state().agents() == AgentScope::Bots ? AgentScope::Bots : AgentScope::Humans;
    query<DownloadsData>(
        m_tracker,
        [range, scope](Database& db) {
            return DownloadsData { DownloadQuery::attempts(
                                       db, range.fromSecs, range.toSecs, DownloadOptions::read(db, scope)),
                AssetDownloadQuery::days(db, range.fromSecs, range.toSecs) };
        },
        [this, scope](DownloadsData found) {
            DownloadFigure total;
            for (const DownloadItem& item : found.items)
                total.add(item);
            const QString whose = scope == AgentScope::Bots ? tr("Bots' downloads") : tr("People's downloads");
            m_summary->setText(tr("%1 in the range: %2 completed of %3 started, %4 sent. A download is a whole "
                                  "file, or a client's ranges of it within the window that cover it.")
                                   .arg(whose, Format::count(double(total.completed)),
                                       Format::count(double(total.started)), Format::bytes(total.bytes)));
            qint64 githubTotal = 0;
            for (const AssetDay& d : found.github)
                githubTotal += d.downloads;
            if (githubTotal > 0)
                m_summary->setText(m_summary->text() + QLatin1Char(' ')
                    + tr("GitHub counted %1 downloads of release assets (anyone's: GitHub does not say whose).")
                          .arg(Format::count(double(githubTotal))));

            const auto days = DownloadQuery::byVersionDay(found.items);
            const auto githubDays = AssetDownloadQuery::byVersionDay(found.github);
            QList<QPair<QString, qint64>> keys = days.keys();
            for (const auto& key : githubDays.keys())
                if (!days.contains(key))
                    keys.append(key);
            std::sort(keys.begin(), keys.end(), newerFirst);
            QList<QList<QVariant>> releaseRows;
            QMap<QString, std::pair<qint64, qint64>> perVersion; // version -> (site completed, GitHub)
            for (const auto& key : keys) {
                const DownloadFigure f = days.value(key);
                const qint64 github = githubDays.value(key);
                releaseRows.append({ key.first,
                    QDateTime::fromSecsSinceEpoch(key.second, QTimeZone::utc()).date().toString(Qt::ISODate),
                    f.completed, github, f.started, f.bytes });
                perVersion[key.first].first += f.completed;
                perVersion[key.first].second += github;
            }
            m_releases->setRows(releaseRows);
            QStringList versions = perVersion.keys();
            std::sort(versions.begin(), versions.end(),
                [](const QString& a, const QString& b) { return compareVersions(a, b) > 0; });
            QList<QList<QVariant>> versionRows;
            for (const QString& v : versions)
                versionRows.append({ v, perVersion[v].first, perVersion[v].second });
            m_versions->setRows(versionRows);

            QHash<QString, QString> pathVersions;
            for (const DownloadItem& item : found.items)
                pathVersions.insert(item.path, item.version);
            const auto paths = DownloadQuery::byPath(found.items);
            QList<QList<QVariant>> fileRows;
            for (auto it = paths.cbegin(); it != paths.cend(); ++it)
                fileRows.append({ it.key(), pathVersions.value(it.key()), it->completed, it->started, it->bytes });
            std::stable_sort(fileRows.begin(), fileRows.end(),
                [](const auto& a, const auto& b) { return a[2].toLongLong() > b[2].toLongLong(); });
            m_files->setRows(fileRows);

            const auto countries = DownloadQuery::byCountry(found.items);
            QList<QList<QVariant>> countryRows;
            for (auto it = countries.cbegin(); it != countries.cend(); ++it)
                countryRows.append({ Format::country(it.key()), it->completed, it->started, it->bytes });
            std::stable_sort(countryRows.begin(), countryRows.end(),
                [](const auto& a, const auto& b) { return a[1].toLongLong() > b[1].toLongLong(); });
            m_countries->setRows(countryRows);

            if (found.items.isEmpty() && found.github.isEmpty())
                showEmptyState(tr("No download in this range"),
                    tr("Requests for files matching the setting downloads.patterns (.tar.gz, .zip, .deb, .AppImage, "
                       ".iso ...) in the access logs appear here, per release, file and country; a GitHub source's "
                       "release-asset downloads, per release and day."));
            else
                hideEmptyState();
        });
}

} // namespace activity
