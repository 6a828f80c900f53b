#include "ui/widgets/rowsmodel.h"

#include "ui/widgets/csv.h"
#include "ui/widgets/format.h"

#include <QLocale>

namespace activity {

RowsModel::RowsModel(QStringList headers, QObject* parent)
    : QAbstractTableModel(parent)
    , m_headers(std::move(headers))
{ }

void RowsModel::setRows(QList<QList<QVariant>> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int RowsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RowsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_headers.size());
}

QString RowsModel::formatBytes(qint64 bytes)
{
    return Format::bytes(bytes);
}

QString RowsModel::plainToolTip(const QString& text)
{
    return QStringLiteral("<p style='white-space:pre-wrap'>%1</p>").arg(text.toHtmlEscaped());
}

QVariant RowsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const QVariant& value = m_rows[index.row()].value(index.column());
    const bool number = value.typeId() == QMetaType::LongLong || value.typeId() == QMetaType::Int
        || value.typeId() == QMetaType::Double;
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == m_bytesColumn)
            return formatBytes(value.toLongLong());
        if (value.typeId() == QMetaType::Double)
            return QLocale().toString(value.toDouble(), 'f', 1);
        if (number)
            return QLocale().toString(value.toLongLong());
        return value.toString();
    case Qt::ToolTipRole:
        return number ? QVariant() : QVariant(plainToolTip(value.toString()));
    case Qt::TextAlignmentRole:
        return number ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::UserRole:
        return value;
    default:
        return {};
    }
}

QVariant RowsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section >= 0 && section < m_headers.size())
        return m_headers[section];
    return QAbstractTableModel::headerData(section, orientation, role);
}

QByteArray RowsModel::csv() const
{
    QByteArray out;
    QList<QVariant> header;
    for (const QString& h : m_headers)
        header.append(h);
    out += Csv::row(header);
    for (const QList<QVariant>& row : m_rows)
        out += Csv::row(row);
    return out;
}

} // namespace activity
