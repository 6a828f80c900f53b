#pragma once

#include <QByteArray>
#include <QHash>
#include <QLocale>
#include <QString>

namespace activity {

// ISO 3166-1 from Debian's iso-codes: numeric (TopoJSON ids) <-> alpha-2 (what GeoIP gives), and
// country names translated with iso-codes' own gettext catalogue.
class CountryTable {
public:
    CountryTable() = default;
    // jsonPath: iso_3166-1.json; moPath: a translation catalogue (iso_3166-1.mo), may be empty.
    static CountryTable load(const QString& jsonPath, const QString& moPath = {});
    // The system's iso-codes, names in the locale's language (English when no catalogue exists).
    static CountryTable system(const QLocale& locale = QLocale());
    static QString systemJsonPath();
    static QString systemMoPath(const QLocale& locale);

    int size() const { return int(m_alpha2ByNumeric.size()); }
    // "250" or "250 " or 250 -> "FR"; empty when unknown.
    QString alpha2FromNumeric(const QString& numeric) const;
    QString alpha2FromNumeric(int numeric) const { return m_alpha2ByNumeric.value(numeric); }
    // Translated common name ("Bolivia", "Taïwan"); falls back to English, then the code itself.
    // "XK" (Kosovo, user-assigned but used by GeoIP databases) is known too.
    QString name(const QString& alpha2) const;
    QString englishName(const QString& alpha2) const;

private:
    QHash<int, QString> m_alpha2ByNumeric;
    QHash<QString, QString> m_english;
    QHash<QString, QString> m_translated;
};

namespace Gettext {
// Reads a GNU .mo catalogue (either byte order): msgid -> msgstr, skipping the header entry.
QHash<QString, QString> parseMo(const QByteArray& data);
} // namespace Gettext

} // namespace activity
