#include "core/storage/postgres/pgdialect.h"

#include <QRegularExpression>

namespace activity {

namespace {
bool isWordChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// Offsets in `sql` that are outside quotes and comments: true at i when sql[i] is code.
QList<bool> codeMask(const QByteArray& sql)
{
    QList<bool> code(sql.size(), true);
    for (qsizetype i = 0; i < sql.size(); ++i) {
        const char c = sql[i];
        if (c == '\'' || c == '"') {
            code[i] = false;
            for (++i; i < sql.size(); ++i) {
                code[i] = false;
                if (sql[i] == c) {
                    if (i + 1 < sql.size() && sql[i + 1] == c) {
                        code[++i] = false;
                        continue;
                    }
                    break;
                }
            }
        } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
            for (; i < sql.size() && sql[i] != '\n'; ++i)
                code[i] = false;
        }
    }
    return code;
}

// The offset of the next case-blind whole word `word` in code, from `from`; -1 when none.
qsizetype findWord(const QByteArray& sql, const QList<bool>& code, QByteArrayView word, qsizetype from)
{
    for (qsizetype i = from; i + word.size() <= sql.size(); ++i) {
        if (!code[i] || (i > 0 && isWordChar(sql[i - 1])))
            continue;
        if (qstrnicmp(sql.constData() + i, word.data(), word.size()) != 0)
            continue;
        const qsizetype end = i + word.size();
        if (end < sql.size() && isWordChar(sql[end]))
            continue;
        return i;
    }
    return -1;
}

// max(a, b) -> GREATEST(a, b), min -> LEAST, where the call has a comma at its own level.
QByteArray scalarMinMax(QByteArray sql)
{
    for (const auto& [from, to] : { std::pair { "max", "GREATEST" }, std::pair { "min", "LEAST" } }) {
        qsizetype at = 0;
        for (;;) {
            const QList<bool> code = codeMask(sql);
            at = findWord(sql, code, from, at);
            if (at < 0)
                break;
            qsizetype open = at + 3;
            while (open < sql.size() && sql[open] == ' ')
                ++open;
            if (open >= sql.size() || sql[open] != '(') {
                at += 3;
                continue;
            }
            int depth = 0;
            bool comma = false;
            for (qsizetype i = open; i < sql.size(); ++i) {
                if (!code[i])
                    continue;
                if (sql[i] == '(')
                    ++depth;
                else if (sql[i] == ')' && --depth == 0)
                    break;
                else if (sql[i] == ',' && depth == 1)
                    comma = true;
            }
            if (comma)
                sql.replace(at, 3, to);
            at += 3;
        }
    }
    return sql;
}

// Where an ON CONFLICT clause goes: before RETURNING, else at the end (before a final ';').
qsizetype clauseAt(const QByteArray& sql, const QList<bool>& code)
{
    const qsizetype returning = findWord(sql, code, "RETURNING", 0);
    if (returning >= 0)
        return returning;
    qsizetype end = sql.size();
    while (end > 0 && (sql[end - 1] == ';' || QChar::isSpace(uchar(sql[end - 1]))))
        --end;
    return end;
}

QByteArray insertOr(QByteArray sql, const PgDialect::KeyLookup& primaryKey)
{
    static const QRegularExpression head(
        QStringLiteral("^\\s*INSERT\\s+OR\\s+(IGNORE|REPLACE)\\s+INTO\\s+(\\w+)\\s*(\\(([^)]*)\\))?"),
        QRegularExpression::CaseInsensitiveOption);
    const QString text = QString::fromUtf8(sql);
    const QRegularExpressionMatch m = head.match(text);
    if (!m.hasMatch())
        return sql;
    const bool replace = m.captured(1).compare(QLatin1String("REPLACE"), Qt::CaseInsensitive) == 0;
    const QString table = m.captured(2);
    QString rest = text.mid(m.capturedEnd(0));
    QString out = QStringLiteral("INSERT INTO ") + table + (m.captured(3).isEmpty() ? QString() : m.captured(3));
    QByteArray body = (out + rest).toUtf8();
    const QList<bool> code = codeMask(body);
    const qsizetype at = clauseAt(body, code);
    QByteArray clause = " ON CONFLICT DO NOTHING ";
    if (replace) {
        const QStringList keys = primaryKey(table);
        QStringList sets;
        for (QString column : m.captured(4).split(QLatin1Char(','))) {
            column = column.trimmed();
            if (!column.isEmpty() && !keys.contains(column))
                sets << column + QStringLiteral(" = excluded.") + column;
        }
        if (!keys.isEmpty())
            clause = " ON CONFLICT (" + keys.join(QStringLiteral(", ")).toUtf8() + ") "
                + (sets.isEmpty() ? QByteArray("DO NOTHING ")
                                  : "DO UPDATE SET " + sets.join(QStringLiteral(", ")).toUtf8() + ' ');
    }
    body.insert(at, clause);
    return body;
}

// In ON CONFLICT ... DO UPDATE SET, SQLite reads a bare column as the row's; PostgreSQL finds it ambiguous
// (the row or `excluded`): bare columns of the insert are qualified with the table, except assignment targets.
QByteArray qualifyConflictUpdate(QByteArray sql)
{
    static const QRegularExpression head(
        QStringLiteral("^\\s*INSERT\\s+INTO\\s+(\\w+)\\s*\\(([^)]*)\\)"), QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = head.match(QString::fromUtf8(sql));
    if (!m.hasMatch())
        return sql;
    QList<bool> code = codeMask(sql);
    const qsizetype update = findWord(sql, code, "UPDATE", m.capturedEnd(0));
    const qsizetype set = update < 0 ? -1 : findWord(sql, code, "SET", update);
    if (set < 0)
        return sql;
    const QByteArray table = m.captured(1).toUtf8();
    QList<QByteArray> columns;
    for (const QString& c : m.captured(2).split(QLatin1Char(',')))
        columns << c.trimmed().toUtf8();
    int depth = 0;
    bool target = true; // the next word is a column being assigned
    bool inWhere = false;
    for (qsizetype i = set + 3; i < sql.size(); ++i) {
        if (!code[i])
            continue;
        const char c = sql[i];
        if (c == '(')
            ++depth;
        else if (c == ')')
            --depth;
        else if (c == ',' && depth == 0 && !inWhere)
            target = true;
        if (!isWordChar(c) || (i > 0 && isWordChar(sql[i - 1])))
            continue;
        qsizetype end = i;
        while (end < sql.size() && isWordChar(sql[end]))
            ++end;
        const QByteArray word = sql.mid(i, end - i);
        if (word.compare("WHERE", Qt::CaseInsensitive) == 0 && depth == 0) {
            inWhere = true;
            target = false;
        } else if (word.compare("RETURNING", Qt::CaseInsensitive) == 0 && depth == 0) {
            break;
        } else if (target) {
            target = false;
        } else if (columns.contains(word) && (i == 0 || sql[i - 1] != '.')) {
            sql.insert(i, table + '.');
            code = codeMask(sql);
            end += table.size() + 1;
        }
        i = end - 1;
    }
    return sql;
}

// SQLite's blob literal x'0a01' -> '\x0a01'::bytea.
QByteArray blobLiterals(const QByteArray& sql)
{
    if (!sql.contains("x'") && !sql.contains("X'"))
        return sql;
    const QList<bool> code = codeMask(sql);
    QByteArray out;
    out.reserve(sql.size() + 16);
    for (qsizetype i = 0; i < sql.size(); ++i) {
        const char c = sql[i];
        if ((c == 'x' || c == 'X') && code[i] && i + 1 < sql.size() && sql[i + 1] == '\''
            && (i == 0 || !isWordChar(sql[i - 1]))) {
            const qsizetype end = sql.indexOf('\'', i + 2);
            if (end > 0) {
                out += "'\\x" + sql.mid(i + 2, end - i - 2) + "'::bytea";
                i = end;
                continue;
            }
        }
        out += c;
    }
    return out;
}

// SQLite's LIMIT -1 (no limit, before an OFFSET) -> LIMIT ALL.
QByteArray limitAll(QByteArray sql)
{
    const QList<bool> code = codeMask(sql);
    for (qsizetype at = findWord(sql, code, "LIMIT", 0); at >= 0; at = findWord(sql, code, "LIMIT", at + 5)) {
        qsizetype i = at + 5;
        while (i < sql.size() && sql[i] == ' ')
            ++i;
        if (sql.mid(i, 2) == "-1" && (i + 2 == sql.size() || !isWordChar(sql[i + 2])))
            return sql.replace(i, 2, "ALL");
    }
    return sql;
}

QByteArray replaceWords(QByteArray sql, QByteArrayView from, QByteArrayView to)
{
    qsizetype at = 0;
    for (;;) {
        const QList<bool> code = codeMask(sql);
        at = findWord(sql, code, from, at);
        if (at < 0)
            return sql;
        sql.replace(at, from.size(), to.data(), to.size());
        at += to.size();
    }
}
} // namespace

QByteArray PgDialect::translate(const QByteArray& sql, const KeyLookup& primaryKey)
{
    QByteArray out = insertOr(sql, primaryKey);
    out = qualifyConflictUpdate(std::move(out));
    out = scalarMinMax(std::move(out));
    out = replaceWords(std::move(out), "LIKE", "ILIKE");
    out = replaceWords(std::move(out), "ifnull", "coalesce");
    return blobLiterals(limitAll(std::move(out)));
}

} // namespace activity
