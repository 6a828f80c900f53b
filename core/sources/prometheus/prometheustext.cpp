#include "core/sources/prometheus/prometheustext.h"

#include <QCoreApplication>
#include <cmath>
#include <limits>

namespace activity {

namespace {
struct PromText {
    Q_DECLARE_TR_FUNCTIONS(PromText)
};

bool nameChar(QChar c, bool first)
{
    return c.isLetter() || c == QLatin1Char('_') || c == QLatin1Char(':') || (!first && c.isDigit());
}

// A metric or label name at `i`; advances `i`.
QString readName(const QString& s, qsizetype& i)
{
    const qsizetype start = i;
    while (i < s.size() && s[i].unicode() < 128 && nameChar(s[i], i == start))
        ++i;
    return s.mid(start, i - start);
}

void skipSpaces(const QString& s, qsizetype& i)
{
    while (i < s.size() && (s[i] == QLatin1Char(' ') || s[i] == QLatin1Char('\t')))
        ++i;
}

// `{a="x",b!="y"}` at `i` (the opening brace); `allowNot` for selectors. Returns false on a syntax error.
bool readLabels(const QString& s, qsizetype& i, QList<std::pair<QPair<QString, QString>, bool>>& out, bool allowNot)
{
    ++i; // '{'
    for (;;) {
        skipSpaces(s, i);
        if (i < s.size() && s[i] == QLatin1Char('}')) {
            ++i;
            return true;
        }
        const QString label = readName(s, i);
        if (label.isEmpty())
            return false;
        skipSpaces(s, i);
        bool equal = true;
        if (allowNot && i + 1 < s.size() && s[i] == QLatin1Char('!') && s[i + 1] == QLatin1Char('=')) {
            equal = false;
            ++i;
        } else if (i >= s.size() || s[i] != QLatin1Char('=')) {
            return false;
        }
        ++i;
        skipSpaces(s, i);
        if (i >= s.size() || s[i] != QLatin1Char('"'))
            return false;
        ++i;
        QString value;
        bool closed = false;
        while (i < s.size()) {
            const QChar c = s[i++];
            if (c == QLatin1Char('"')) {
                closed = true;
                break;
            }
            if (c == QLatin1Char('\\') && i < s.size()) {
                const QChar e = s[i++];
                value.append(e == QLatin1Char('n') ? QLatin1Char('\n') : e); // \\ and \" stand for themselves
                continue;
            }
            value.append(c);
        }
        if (!closed)
            return false;
        out.append({ { label, value }, equal });
        skipSpaces(s, i);
        if (i < s.size() && s[i] == QLatin1Char(','))
            ++i;
    }
}

std::optional<double> number(const QString& text)
{
    if (text == QLatin1String("+Inf") || text == QLatin1String("Inf"))
        return std::numeric_limits<double>::infinity();
    if (text == QLatin1String("-Inf"))
        return -std::numeric_limits<double>::infinity();
    if (text == QLatin1String("NaN"))
        return std::numeric_limits<double>::quiet_NaN();
    bool ok = false;
    const double v = text.toDouble(&ok);
    return ok ? std::optional<double>(v) : std::nullopt;
}
} // namespace

PrometheusText::Parsed PrometheusText::parse(const QByteArray& text, bool openMetrics)
{
    Parsed out;
    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype n = 0; n < lines.size(); ++n) {
        const QString line = QString::fromUtf8(lines[n]).trimmed();
        if (line.isEmpty())
            continue;
        if (line.startsWith(QLatin1Char('#'))) {
            const QStringList words = line.mid(1).trimmed().split(QLatin1Char(' '), Qt::SkipEmptyParts);
            if (words.value(0) == QLatin1String("EOF"))
                out.eof = true;
            else if (words.value(0) == QLatin1String("TYPE") && words.size() >= 3)
                out.types.insert(words[1], words[2]);
            continue;
        }
        qsizetype i = 0;
        Sample s;
        s.name = readName(line, i);
        QList<std::pair<QPair<QString, QString>, bool>> labels;
        bool ok = !s.name.isEmpty();
        if (ok && i < line.size() && line[i] == QLatin1Char('{'))
            ok = readLabels(line, i, labels, false);
        for (const auto& l : labels)
            s.labels.append(l.first);
        const QStringList rest = ok ? line.mid(i).trimmed().split(QLatin1Char(' '), Qt::SkipEmptyParts) : QStringList();
        const auto value = rest.isEmpty() ? std::nullopt : number(rest[0]);
        if (!value) {
            out.errors.append(PromText::tr("line %1: not a sample: %2").arg(n + 1).arg(line.left(120)));
            continue;
        }
        s.value = *value;
        if (rest.size() >= 2) {
            if (const auto ts = number(rest[1]); ts && std::isfinite(*ts))
                s.timestampMs = openMetrics ? qint64(std::llround(*ts * 1000.0)) : qint64(*ts);
        }
        out.samples.append(std::move(s));
    }
    return out;
}

bool PrometheusText::Selector::matches(const Sample& sample) const
{
    if (sample.name != name)
        return false;
    for (const auto& [pair, equal] : matchers) {
        QString value; // a missing label is the empty value, as in PromQL
        for (const auto& l : sample.labels) {
            if (l.first == pair.first)
                value = l.second;
        }
        if ((value == pair.second) != equal)
            return false;
    }
    return true;
}

std::optional<PrometheusText::Selector> PrometheusText::parseSelector(const QString& text, QString* error)
{
    const QString s = text.trimmed();
    qsizetype i = 0;
    Selector sel;
    sel.name = readName(s, i);
    bool ok = !sel.name.isEmpty();
    if (ok && i < s.size() && s[i] == QLatin1Char('{'))
        ok = readLabels(s, i, sel.matchers, true);
    if (!ok || i != s.size()) {
        if (error)
            *error = PromText::tr("'%1' is not a selector like name or name{label=\"value\"}").arg(text);
        return std::nullopt;
    }
    return sel;
}

QString PrometheusText::labelText(const Labels& labels)
{
    QStringList parts;
    for (const auto& [k, v] : labels) {
        if (!v.isEmpty()) // an empty label is no label (Prometheus' rule; exporters pad label sets with them)
            parts.append(k + QLatin1Char('=') + v);
    }
    return parts.join(QLatin1Char(';'));
}

} // namespace activity
