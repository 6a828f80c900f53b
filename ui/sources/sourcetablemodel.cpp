#include "ui/sources/sourcetablemodel.h"

#include "core/util/clock.h"

#include <QLocale>

namespace activity {

SourceTableModel::SourceTableModel(const Clock& clock, QObject* parent)
    : QAbstractTableModel(parent)
    , m_clock(clock)
{ }

void SourceTableModel::setSources(QList<SourceRecord> sources)
{
    // Same ids in the same order: update in place so the selection survives a refresh.
    bool sameRows = sources.size() == m_sources.size();
    for (qsizetype i = 0; sameRows && i < sources.size(); ++i)
        sameRows = sources[i].id == m_sources[i].id;
    if (sameRows) {
        m_sources = std::move(sources);
        if (!m_sources.isEmpty())
            emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_sources = std::move(sources);
    endResetModel();
}

const SourceRecord* SourceTableModel::source(int row) const
{
    return row >= 0 && row < m_sources.size() ? &m_sources[row] : nullptr;
}

int SourceTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_sources.size());
}

int SourceTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString SourceTableModel::when(qint64 secs) const
{
    if (secs <= 0)
        return tr("never");
    const qint64 delta = secs - m_clock.nowSecs();
    const qint64 a = std::abs(delta);
    QString amount;
    if (a < 60)
        amount = tr("%n s", nullptr, int(a));
    else if (a < 3600)
        amount = tr("%n min", nullptr, int(a / 60));
    else if (a < 86400)
        amount = tr("%n h", nullptr, int(a / 3600));
    else
        amount = tr("%n d", nullptr, int(a / 86400));
    return delta > 0 ? tr("in %1").arg(amount) : tr("%1 ago").arg(amount);
}

// API sources succeed when a poll does; log sources when a line is stored (received alone is not success).
QString SourceTableModel::lastSuccess(const SourceRecord& s) const
{
    if (s.lastSuccess > 0 || (s.lastStored <= 0 && s.lastReceived <= 0))
        return when(s.lastSuccess);
    if (s.lastStored <= 0)
        return tr("none stored (line received %1)").arg(when(s.lastReceived));
    return tr("line stored %1").arg(when(s.lastStored));
}

QVariant SourceTableModel::data(const QModelIndex& index, int role) const
{
    const SourceRecord* s = index.isValid() ? source(index.row()) : nullptr;
    if (!s)
        return {};
    if (role == IdRole)
        return s->id;
    if (role == EnabledRole)
        return s->enabled;
    if (role == Qt::ToolTipRole && index.column() == LastError)
        return s->lastError.toHtmlEscaped(); // error text can quote a server's answer: never rich text
    if (role == Qt::ToolTipRole && index.column() == Name)
        return s->name.toHtmlEscaped(); // the whole name when the column elides it (a path is user text)
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Type:
        return s->type;
    case Name:
        return s->name;
    case State:
        if (!s->enabled)
            return tr("paused");
        return s->lastError.isEmpty() ? tr("running") : tr("failing");
    case LastSuccess:
        return lastSuccess(*s);
    case LastError:
        return s->lastError;
    case NextRun:
        return !s->enabled || s->nextRun <= 0 ? QString() : when(s->nextRun);
    case RateLimit:
        return s->rateLimitRemaining ? QVariant(QLocale().toString(*s->rateLimitRemaining)) : QVariant(QString());
    case ColumnCount:
        break;
    }
    return {};
}

QVariant SourceTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Type:
        return tr("Type");
    case Name:
        return tr("Name");
    case State:
        return tr("State");
    case LastSuccess:
        return tr("Last success");
    case LastError:
        return tr("Last error");
    case NextRun:
        return tr("Next run");
    case RateLimit:
        return tr("Rate limit left");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace activity
