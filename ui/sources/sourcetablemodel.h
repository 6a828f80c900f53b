#pragma once

#include "core/sources/sourcerecord.h"

#include <QAbstractTableModel>

namespace activity {

class Clock;

// Every source with its state, as the source manager table shows them.
class SourceTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Type, Name, State, LastSuccess, LastError, NextRun, RateLimit, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, EnabledRole };

    explicit SourceTableModel(const Clock& clock, QObject* parent = nullptr);
    void setSources(QList<SourceRecord> sources);
    const QList<SourceRecord>& sources() const { return m_sources; }
    const SourceRecord* source(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString when(qint64 secs) const;
    QString lastSuccess(const SourceRecord& s) const;

    const Clock& m_clock;
    QList<SourceRecord> m_sources;
};

} // namespace activity
