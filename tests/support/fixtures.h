#pragma once

#include <QByteArray>
#include <QFile>
#include <QList>

// Fixture files of this test area: tab-separated rows, '#' comments, C escapes in fields.
namespace Fixtures {
inline QByteArray unescape(const QByteArray& in)
{
    QByteArray out;
    for (qsizetype i = 0; i < in.size(); ++i) {
        if (in[i] != '\\' || i + 1 >= in.size()) {
            out.append(in[i]);
            continue;
        }
        const char c = in[++i];
        if (c == 'n')
            out.append('\n');
        else if (c == 'r')
            out.append('\r');
        else if (c == 't')
            out.append('\t');
        else if (c == 'x' && i + 2 < in.size()) {
            out.append(char(in.mid(i + 1, 2).toInt(nullptr, 16)));
            i += 2;
        } else if (c == '\\')
            out.append('\\');
        else
            out.append('\\').append(c); // kept: RFC 5424 escapes such as \] are data
    }
    return out;
}

inline QList<QList<QByteArray>> readTsv(const QString& path)
{
    QList<QList<QByteArray>> rows;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return rows;
    for (const QByteArray& line : file.readAll().split('\n')) {
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        rows.append(line.split('\t'));
    }
    return rows;
}
} // namespace Fixtures
