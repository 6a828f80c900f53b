#include "app/argparser.h"
#include "app/commandcontext.h"
#include "app/commands.h"
#include "core/geo/geoip.h"
#include "core/logs/logformat.h"
#include "core/storage/database.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace activity {

namespace {
struct GeoipCommandText {
    Q_DECLARE_TR_FUNCTIONS(GeoipCommandText)
};
} // namespace

// geoip [--db FILE] IP...: one line per address, tab-separated: address, country code, country name, then city,
// latitude and longitude when the database knows them. An address the database does not know prints "unknown".
int runGeoip(CommandContext& ctx, const QStringList& args)
{
    ArgParser parser(QStringLiteral("geoip"));
    parser.addOption(QStringLiteral("db"));
    if (const QString error = parser.parse(args); !error.isEmpty())
        return ctx.fail(error, 2);
    if (parser.positionals().isEmpty())
        return ctx.fail(GeoipCommandText::tr("geoip: give at least one IP address"), 2);
    struct Address {
        QString text;
        unsigned char bytes[16];
        int len;
    };
    QList<Address> addresses;
    for (const QString& text : parser.positionals()) {
        Address a { text, {}, 0 };
        const QByteArray latin = text.toLatin1();
        a.len = LogParse::parseAddress(std::string_view(latin.constData(), size_t(latin.size())), a.bytes);
        if (a.len == 0)
            return ctx.fail(GeoipCommandText::tr("geoip: '%1' is not an IP address").arg(text), 2);
        addresses.append(a);
    }

    std::unique_ptr<GeoIp> geo;
    if (parser.isSet(QStringLiteral("db"))) {
        const QString file = parser.value(QStringLiteral("db"));
        if (!QFileInfo(file).isFile())
            return ctx.fail(GeoipCommandText::tr("geoip: --db: no such file: %1").arg(file), 2);
        geo = std::make_unique<GeoIp>(file, QString());
    } else {
        Database* db = ctx.database();
        if (!db)
            return 1;
        geo = GeoIp::openDefault(*db);
        if (!geo->hasCountryDatabase() && !geo->hasCityDatabase())
            return ctx.fail(GeoipCommandText::tr("geoip: no GeoIP database found"));
    }
    if (!geo->errors().isEmpty())
        return ctx.fail(geo->errors().join(QLatin1Char('\n')));

    for (const Address& a : std::as_const(addresses)) {
        const GeoInfo& info = geo->lookup(a.bytes, a.len);
        QStringList fields { a.text };
        if (info.country.isEmpty() && info.city.isEmpty() && !info.hasLocation) {
            fields << GeoipCommandText::tr("unknown");
        } else {
            fields << QString::fromLatin1(info.country) << GeoIp::countryName(info.country);
            if (!info.city.isEmpty() || info.hasLocation)
                fields << info.city;
            if (info.hasLocation)
                fields << QString::number(info.latitude, 'f', 4) << QString::number(info.longitude, 'f', 4);
        }
        ctx.out() << fields.join(QLatin1Char('\t')) << Qt::endl;
    }
    return 0;
}

} // namespace activity
