#include "core/geo/countrytable.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <optional>

namespace activity {

namespace {
QByteArray readAll(const QString& path)
{
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

quint32 readU32(const QByteArray& data, qsizetype offset, bool bigEndian)
{
    if (offset < 0 || offset + 4 > data.size())
        return 0;
    const auto* p = reinterpret_cast<const uchar*>(data.constData() + offset);
    return bigEndian ? (quint32(p[0]) << 24 | quint32(p[1]) << 16 | quint32(p[2]) << 8 | p[3])
                     : (quint32(p[3]) << 24 | quint32(p[2]) << 16 | quint32(p[1]) << 8 | p[0]);
}
} // namespace

QHash<QString, QString> Gettext::parseMo(const QByteArray& data)
{
    QHash<QString, QString> result;
    if (data.size() < 28)
        return result;
    const quint32 magic = readU32(data, 0, false);
    bool bigEndian = false;
    if (magic == 0xde120495u)
        bigEndian = true;
    else if (magic != 0x950412deu)
        return result;
    const quint32 count = readU32(data, 8, bigEndian);
    const quint32 originals = readU32(data, 12, bigEndian);
    const quint32 translations = readU32(data, 16, bigEndian);
    auto entry = [&](quint32 table, quint32 i) -> std::optional<QString> {
        const qsizetype at = qsizetype(table) + qsizetype(i) * 8;
        const quint32 length = readU32(data, at, bigEndian);
        const quint32 offset = readU32(data, at + 4, bigEndian);
        if (at + 8 > data.size() || qsizetype(offset) + qsizetype(length) > data.size())
            return std::nullopt;
        return QString::fromUtf8(data.constData() + offset, length);
    };
    for (quint32 i = 0; i < count; ++i) {
        const auto id = entry(originals, i);
        const auto str = entry(translations, i);
        if (!id || !str)
            break; // a truncated file: keep what was read
        if (id->isEmpty() || str->isEmpty())
            continue;
        // Plural forms and contexts are joined with NUL/EOT; country names have neither.
        result.insert(id->section(QChar(0), 0, 0), str->section(QChar(0), 0, 0));
    }
    return result;
}

CountryTable CountryTable::load(const QString& jsonPath, const QString& moPath)
{
    CountryTable table;
    const QJsonArray entries
        = QJsonDocument::fromJson(readAll(jsonPath)).object().value(QLatin1String("3166-1")).toArray();
    const QHash<QString, QString> catalogue = Gettext::parseMo(readAll(moPath));
    for (const QJsonValue& v : entries) {
        const QJsonObject o = v.toObject();
        const QString alpha2 = o.value(QLatin1String("alpha_2")).toString();
        bool ok = false;
        const int numeric = o.value(QLatin1String("numeric")).toString().toInt(&ok);
        if (alpha2.size() != 2 || !ok)
            continue;
        // The common name reads better on a map ("Bolivia" rather than "Bolivia, Plurinational State of").
        const QString common = o.value(QLatin1String("common_name")).toString();
        const QString english = common.isEmpty() ? o.value(QLatin1String("name")).toString() : common;
        table.m_alpha2ByNumeric.insert(numeric, alpha2);
        table.m_english.insert(alpha2, english);
        const QString translated = catalogue.value(english);
        if (!translated.isEmpty())
            table.m_translated.insert(alpha2, translated);
    }
    if (!table.m_english.isEmpty() && !table.m_english.contains(QStringLiteral("XK")))
        table.m_english.insert(QStringLiteral("XK"), QStringLiteral("Kosovo"));
    return table;
}

QString CountryTable::systemJsonPath()
{
    return QStringLiteral("/usr/share/iso-codes/json/iso_3166-1.json");
}

QString CountryTable::systemMoPath(const QLocale& locale)
{
    const QString base = QStringLiteral("/usr/share/locale/%1/LC_MESSAGES/iso_3166-1.mo");
    // "pt_BR" first, then "pt".
    const QString full = base.arg(locale.name());
    if (QFile::exists(full))
        return full;
    const QString language = base.arg(locale.name().section(QLatin1Char('_'), 0, 0));
    return QFile::exists(language) ? language : QString();
}

CountryTable CountryTable::system(const QLocale& locale)
{
    const bool english = locale.language() == QLocale::English || locale.language() == QLocale::C;
    return load(systemJsonPath(), english ? QString() : systemMoPath(locale));
}

QString CountryTable::alpha2FromNumeric(const QString& numeric) const
{
    bool ok = false;
    const int n = numeric.trimmed().toInt(&ok);
    return ok ? m_alpha2ByNumeric.value(n) : QString();
}

QString CountryTable::name(const QString& alpha2) const
{
    const QString translated = m_translated.value(alpha2);
    return translated.isEmpty() ? englishName(alpha2) : translated;
}

QString CountryTable::englishName(const QString& alpha2) const
{
    const QString english = m_english.value(alpha2);
    return english.isEmpty() ? alpha2 : english;
}

} // namespace activity
