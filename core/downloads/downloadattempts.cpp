#include "core/downloads/downloadattempts.h"

#include <QCoreApplication>
#include <algorithm>
#include <map>
#include <utility>
#include <vector>

namespace activity {

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(DownloadPatterns)
};

QList<QByteArrayView> entries(const QByteArray& text)
{
    QList<QByteArrayView> out;
    qsizetype i = 0;
    while (i < text.size()) {
        while (i < text.size() && (text[i] == ' ' || text[i] == ',' || text[i] == '\t' || text[i] == '\n'))
            ++i;
        const qsizetype begin = i;
        while (i < text.size() && !(text[i] == ' ' || text[i] == ',' || text[i] == '\t' || text[i] == '\n'))
            ++i;
        if (i > begin)
            out.append(QByteArrayView(text).sliced(begin, i - begin));
    }
    return out;
}

// The file name's part of a path (after the last '/').
QByteArrayView fileName(QByteArrayView path)
{
    const qsizetype slash = path.lastIndexOf('/');
    return slash < 0 ? path : path.sliced(slash + 1);
}

struct Open {
    DownloadAttempt attempt;
    std::vector<std::pair<qint64, qint64>> ranges; // [first, end) byte ranges known
    qint64 unplacedBytes = 0; // bytes of 206s whose offsets were not logged
};

bool covers(const Open& open, qint64 size)
{
    std::vector<std::pair<qint64, qint64>> ranges = open.ranges;
    std::sort(ranges.begin(), ranges.end());
    qint64 covered = 0;
    qint64 reached = 0; // end of the union so far
    for (const auto& [first, end] : ranges) {
        const qint64 from = std::max(first, reached);
        const qint64 to = std::min(end, size);
        if (to > from) {
            covered += to - from;
            reached = to;
        }
    }
    return covered + open.unplacedBytes >= size;
}
} // namespace

QString DownloadPatterns::defaultText()
{
    return QStringLiteral(
        ".tar.gz .tgz .tar.xz .zip .deb .rpm .dmg .pkg .exe .msi .AppImage .iso .whl .jar .apk .snap");
}

QString DownloadPatterns::parse(const QString& text, DownloadPatterns* out)
{
    DownloadPatterns p;
    const QByteArray utf8 = text.toUtf8();
    for (QByteArrayView entry : entries(utf8)) {
        if (entry.startsWith('.')) {
            if (entry.size() < 2)
                return Text::tr("downloads.patterns: '.' alone is no file ending");
            p.m_endings.append(entry.toByteArray().toLower());
            continue;
        }
        if (!entry.startsWith('/') && !entry.startsWith('*'))
            return Text::tr("downloads.patterns: '%1' is neither a file ending (.tar.gz) nor a path wildcard (/dl/*)")
                .arg(QString::fromUtf8(entry));
        QRegularExpression re(QRegularExpression::wildcardToRegularExpression(
                                  QString::fromUtf8(entry), QRegularExpression::UnanchoredWildcardConversion),
            QRegularExpression::CaseInsensitiveOption);
        re.setPattern(QStringLiteral("^(?:%1)$").arg(re.pattern()));
        if (!re.isValid())
            return Text::tr("downloads.patterns: '%1' is not a usable wildcard").arg(QString::fromUtf8(entry));
        p.m_wildcards.append(re);
    }
    if (p.m_endings.isEmpty() && p.m_wildcards.isEmpty())
        return Text::tr("downloads.patterns: give at least one file ending (.tar.gz) or path wildcard (/dl/*)");
    if (out)
        *out = std::move(p);
    return {};
}

bool DownloadPatterns::matches(QByteArrayView path) const
{
    for (const QByteArray& ending : m_endings) {
        if (path.size() < ending.size())
            continue;
        const QByteArrayView tail = path.sliced(path.size() - ending.size());
        if (tail.compare(ending, Qt::CaseInsensitive) == 0)
            return true;
    }
    if (m_wildcards.isEmpty())
        return false;
    const QString text = QString::fromUtf8(path);
    for (const QRegularExpression& re : m_wildcards)
        if (re.match(text).hasMatch())
            return true;
    return false;
}

QString downloadVersion(QByteArrayView path)
{
    // A version is numbers with dots (1.4 or 1.4.2), perhaps a pre-release tag (1.5.0-rc1, 2.0~beta2), after a
    // separator or a 'v', and followed by a separator or the end: ".tar" is never part of it.
    static const QRegularExpression inName(
        QStringLiteral("(?:^|[-_])v?(\\d+(?:\\.\\d+)+(?:[-~.]?(?:rc|alpha|beta|pre|dev|a|b)\\d*)?)(?=[-_.+~]|$)"));
    static const QRegularExpression folder(QStringLiteral(
        "(?:^|/)(?:[A-Za-z][\\w.]*?[-_])?v?(\\d+(?:\\.\\d+)+(?:-?(?:rc|alpha|beta|pre|dev)\\d*)?)(?=/)"));
    const QString name = QString::fromUtf8(fileName(path));
    if (const auto m = inName.match(name); m.hasMatch())
        return m.captured(1);
    const QString whole = QString::fromUtf8(path);
    QString found;
    for (auto it = folder.globalMatch(whole); it.hasNext();)
        found = it.next().captured(1); // the folder nearest the file
    return found;
}

QList<DownloadAttempt> mergeDownloads(
    const QList<DownloadRequest>& requests, const QHash<qint64, qint64>& sizes, qint64 windowSecs)
{
    QList<DownloadAttempt> out;
    std::map<std::pair<QByteArray, qint64>, Open> open; // by (client, file)
    const auto close = [&](Open& o) {
        const qint64 size = sizes.value(o.attempt.file, -1);
        o.attempt.completed = size > 0 && covers(o, size);
        out.append(o.attempt);
    };
    for (const DownloadRequest& r : requests) {
        const qint64 size = sizes.value(r.file, -1);
        const auto first = [&](DownloadAttempt& a) {
            a.file = r.file;
            a.start = r.ts;
            a.country = r.country;
            a.tag = r.tag;
        };
        if (r.status == 200 && size > 0 && r.bytes >= size) {
            DownloadAttempt whole;
            first(whole);
            whole.bytes = r.bytes;
            whole.requests = 1;
            whole.completed = true;
            out.append(whole);
            continue;
        }
        const auto key = std::make_pair(r.client, r.file);
        auto it = open.find(key);
        if (it != open.end() && r.ts >= it->second.attempt.start + windowSecs) {
            close(it->second);
            open.erase(it);
            it = open.end();
        }
        if (it == open.end()) {
            it = open.emplace(key, Open {}).first;
            first(it->second.attempt);
        }
        Open& o = it->second;
        o.attempt.bytes += r.bytes;
        ++o.attempt.requests;
        if (r.status == 200)
            o.ranges.emplace_back(0, r.bytes);
        else if (r.rangeFirst >= 0 && r.rangeLast >= r.rangeFirst)
            o.ranges.emplace_back(r.rangeFirst, r.rangeFirst + std::min(r.bytes, r.rangeLast - r.rangeFirst + 1));
        else
            o.unplacedBytes += r.bytes;
    }
    for (auto& [key, o] : open)
        close(o);
    std::stable_sort(
        out.begin(), out.end(), [](const DownloadAttempt& a, const DownloadAttempt& b) { return a.start < b.start; });
    return out;
}

} // namespace activity
