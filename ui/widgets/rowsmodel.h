#pragma once

#include <QAbstractTableModel>
#include <QStringList>
#include <QVariant>

namespace activity {

// A read-only table of plain values for top-N lists and status tables. Numbers are right-aligned and
// formatted for the locale; text (often from logs: hostile) is shown as plain text, also in tooltips.
class RowsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit RowsModel(QStringList headers, QObject* parent = nullptr);

    void setRows(QList<QList<QVariant>> rows);
    const QList<QList<QVariant>>& rows() const { return m_rows; }
    QStringList headers() const { return m_headers; }
    // Integer columns that hold bytes are shown as "1.2 MiB".
    void setBytesColumn(int column) { m_bytesColumn = column; }
    QByteArray csv() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Tooltips would read rich text: escape and wrap so "<b>" shows as typed.
    static QString plainToolTip(const QString& text);
    static QString formatBytes(qint64 bytes);

private:
    QStringList m_headers;
    QList<QList<QVariant>> m_rows;
    int m_bytesColumn = -1;
};

} // namespace activity
