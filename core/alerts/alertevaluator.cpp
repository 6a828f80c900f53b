#include "core/alerts/alertevaluator.h"

#include "core/alerts/alertstore.h"
#include "core/alerts/anomalyband.h"
#include "core/query/movers.h"
#include "core/query/seriescatalogue.h"
#include "core/storage/database.h"
#include "core/storage/dbwriter.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <algorithm>
#include <cmath>

namespace activity {

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(AlertEvaluator)
};

QString number(double v)
{
    return QString::number(v, 'f', v == double(qint64(v)) ? 0 : 2);
}

QString isoTime(qint64 secs)
{
    return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).toString(Qt::ISODate);
}
} // namespace

namespace {
constexpr qint64 kWeek = 7 * 86400;

// When a count series (requests, lines) first had something in the weeks an anomaly rule looks back at: before it
// a zero is no data, not a quiet hour. -1: never.
qint64 firstCountAt(Database& db, const QString& series, qint64 now, qint64 window)
{
    const qint64 from = (now - AnomalyBand::kWeeks * kWeek - window) / 3600 * 3600;
    for (const Sample& s : SeriesCatalogue::get(db, series, { from, now }, 3600).points)
        if (s.value > 0)
            return s.ts;
    return -1;
}

// The series against the same hour of the last four weeks (each week's window ending at the same time of the week).
AlertCheck checkAnomaly(Database& db, const AlertRule& rule, const CatalogueEntry& entry, qint64 now, AlertCheck c)
{
    const QString unit = entry.unit == QLatin1String("%") ? QStringLiteral("%") : QString();
    c.value = SeriesCatalogue::valueAt(db, rule.series, now, rule.window, &c.error);
    if (!c.value) {
        c.text = Text::tr("%1 has no value yet").arg(entry.name);
        return c;
    }
    const qint64 first = entry.summable ? firstCountAt(db, rule.series, now, rule.window) : 0;
    QList<double> history;
    for (int week = 1; week <= AnomalyBand::kWeeks; ++week) {
        const qint64 at = now - week * kWeek;
        if (entry.summable && (first < 0 || at - rule.window < first))
            continue; // before the series had data
        if (const std::optional<double> v = SeriesCatalogue::valueAt(db, rule.series, at, rule.window, &c.error))
            history.append(*v);
    }
    const AnomalyBand::Sensitivity sensitivity = AnomalyBand::sensitivityOf(rule.threshold);
    const std::optional<AnomalyBand> band = AnomalyBand::of(history, sensitivity, entry.summable);
    if (!band) {
        c.text = Text::tr("%1 is %2%3; its usual band needs %4 weeks of data at this hour, %5 so far")
                     .arg(entry.name, number(*c.value), unit)
                     .arg(AnomalyBand::kMinimumWeeks)
                     .arg(history.size());
        return c;
    }
    c.matches = !band->holds(*c.value);
    const QString usual
        = Text::tr("usually %1%3 to %2%3 at this hour of the week (median %4%3 over %5 weeks)")
              .arg(number(qMax(0.0, std::round(band->low * 100) / 100)), number(std::round(band->high * 100) / 100),
                  unit, number(std::round(band->median * 100) / 100))
              .arg(band->weeks);
    c.text = !c.matches ? Text::tr("%1 is %2%3, %4").arg(entry.name, number(*c.value), unit, usual)
        : *c.value > band->high
        ? Text::tr("%1 is %2%3, above its usual band: %4").arg(entry.name, number(*c.value), unit, usual)
        : Text::tr("%1 is %2%3, below its usual band: %4").arg(entry.name, number(*c.value), unit, usual);
    return c;
}

AlertCheck checkCondition(Database& db, const AlertRule& rule, qint64 now)
{
    AlertCheck c;
    const CatalogueEntry entry = SeriesCatalogue::describe(db, rule.series, &c.error);
    if (!c.error.isEmpty())
        return c;
    const QString unit = entry.unit == QLatin1String("%") ? QStringLiteral("%") : QString();
    switch (rule.kind) {
    case AlertRule::Kind::Above:
    case AlertRule::Kind::Below: {
        c.value = SeriesCatalogue::valueAt(db, rule.series, now, rule.window, &c.error);
        if (!c.value) {
            c.text = Text::tr("%1 has no value yet").arg(entry.name);
            return c;
        }
        const bool above = rule.kind == AlertRule::Kind::Above;
        c.matches = above ? *c.value > rule.threshold : *c.value < rule.threshold;
        c.text = (above ? Text::tr("%1 is %2%3, above %4%3") : Text::tr("%1 is %2%3, below %4%3"))
                     .arg(entry.name, number(*c.value), unit, number(rule.threshold));
        if (!c.matches)
            c.text = Text::tr("%1 is %2%3").arg(entry.name, number(*c.value), unit);
        return c;
    }
    case AlertRule::Kind::Change: {
        const std::optional<double> now_ = SeriesCatalogue::valueAt(db, rule.series, now, rule.window, &c.error);
        const std::optional<double> before
            = SeriesCatalogue::valueAt(db, rule.series, now - rule.span, rule.window, &c.error);
        if (!now_ || !before || (rule.percent && *before == 0)) {
            c.text = Text::tr("%1: nothing to compare with %2 before")
                         .arg(entry.name, AlertRules::formatDuration(rule.span));
            return c;
        }
        const double change = rule.percent ? 100.0 * (*now_ - *before) / qAbs(*before) : *now_ - *before;
        c.value = *now_;
        c.matches = rule.threshold >= 0 ? change >= rule.threshold : change <= rule.threshold;
        c.text = Text::tr("%1 is %2%3, %4%5%6 against %7 before (%8%3)")
                     .arg(entry.name, number(*now_), unit, change >= 0 ? QStringLiteral("+") : QString(),
                         number(change), rule.percent ? QStringLiteral("%") : unit,
                         AlertRules::formatDuration(rule.span), number(*before));
        return c;
    }
    case AlertRule::Kind::NoData: {
        const qint64 last = SeriesCatalogue::lastDataAt(db, rule.series, &c.error);
        const qint64 since = last > 0 ? last : rule.createdAt;
        c.value = double(qMax<qint64>(0, now - since));
        c.matches = now - since >= rule.span;
        if (!c.matches)
            c.text = Text::tr("%1: last data at %2").arg(entry.name, isoTime(last));
        else
            c.text = last > 0 ? Text::tr("%1: no data for %2, since %3")
                                    .arg(entry.name, AlertRules::formatElapsed(now - since), isoTime(last))
                              : Text::tr("%1: no data since the rule was made (%2)").arg(entry.name, isoTime(since));
        return c;
    }
    case AlertRule::Kind::Anomaly:
        return checkAnomaly(db, rule, entry, now, c);
    }
    return c;
}

// Counts in notifications: grouped as the user's locale does ("4,812"; English where there is none, the C locale).
QString countText(qint64 n, bool sign)
{
    QLocale locale;
    if (locale.language() == QLocale::C)
        locale = QLocale(QLocale::English);
    locale.setNumberOptions(QLocale::DefaultNumberOptions);
    const QString digits = locale.toString(qAbs(n));
    return sign ? (n >= 0 ? QStringLiteral("+") : QStringLiteral("-")) + digits : digits;
}

// "1 h", "5 min", "1 d": a rule's window in a sentence.
QString windowText(qint64 secs)
{
    if (secs % 86400 == 0)
        return Text::tr("%n d", nullptr, int(secs / 86400));
    if (secs % 3600 == 0)
        return Text::tr("%n h", nullptr, int(secs / 3600));
    if (secs % 60 == 0)
        return Text::tr("%n min", nullptr, int(secs / 60));
    return Text::tr("%n s", nullptr, int(secs));
}

// The series' name as part of a sentence: "requests (www)".
QString lowerFirst(QString name)
{
    if (!name.isEmpty())
        name[0] = name[0].toLower();
    return name;
}

// The rule's window against the one before it: "requests ×4.8 in 1 h", "requests 650 in 1 h, none the 1 h before";
// empty when the series has no value.
QString ratioText(Database& db, const AlertRule& rule, qint64 now, qint64 window, bool* rising)
{
    QString error;
    const CatalogueEntry entry = SeriesCatalogue::describe(db, rule.series, &error);
    const std::optional<double> current = SeriesCatalogue::valueAt(db, rule.series, now, window, &error);
    const std::optional<double> before = SeriesCatalogue::valueAt(db, rule.series, now - window, window, &error);
    if (!error.isEmpty() || !current || !before)
        return {};
    *rising = *current >= *before;
    const QString name = lowerFirst(entry.name);
    if (*before <= 0)
        return Text::tr("%1 %2 in %3, none the %3 before")
            .arg(name, countText(qint64(*current), false), windowText(window));
    QLocale locale;
    if (locale.language() == QLocale::C)
        locale = QLocale(QLocale::English);
    return Text::tr("%1 ×%2 in %3").arg(name, locale.toString(*current / *before, 'f', 1), windowText(window));
}

// What moved most in the rule's window against the window before, most significant first and at most one of each
// dimension: "referrer news.ycombinator.com +4,812, path /blog/release-2.0 +3,990" (rising ones for a rise, falling
// ones for a fall); empty when nothing did.
QString moversText(Database& db, qint64 from, qint64 now, bool rising)
{
    QList<Mover> picked;
    QStringList parts;
    QString dimension;
    for (const Mover& m : Movers::between(db, TimeRange { from, now })) {
        if (m.dimension == dimension || m.dimension == QLatin1String("agent") || (m.change() > 0) != rising)
            continue;
        dimension = m.dimension; // the most significant of each dimension (between() lists them by dimension)
        picked.append(m);
    }
    std::stable_sort(picked.begin(), picked.end(),
        [](const Mover& a, const Mover& b) { return std::abs(a.score()) > std::abs(b.score()); });
    for (const Mover& m : std::as_const(picked))
        parts << QStringLiteral("%1 %2 %3").arg(m.dimension, m.key, countText(m.change(), true));
    return parts.join(QStringLiteral(", "));
}
} // namespace

AlertCheck AlertEvaluator::check(Database& db, const AlertRule& rule, qint64 now)
{
    return checkCondition(db, rule, now);
}

QString AlertEvaluator::withMovers(Database& db, const AlertRule& rule, qint64 now, const QString& text)
{
    // A traffic rule says how its window compares with the one before and names what moved meanwhile, beside it
    // (never as a cause): "requests ×4.8 in 1 h: referrer news.ycombinator.com +4,812, path /blog/release-2.0 +3,990".
    if (rule.kind == AlertRule::Kind::NoData || !rule.series.startsWith(QLatin1String("traffic.")))
        return text;
    const qint64 window = qMax<qint64>(60, rule.window);
    bool rising = rule.kind == AlertRule::Kind::Above || (rule.kind == AlertRule::Kind::Change && rule.threshold >= 0);
    const QString ratio = ratioText(db, rule, now, window, &rising);
    if (rule.kind == AlertRule::Kind::Above || rule.kind == AlertRule::Kind::Below
        || rule.kind == AlertRule::Kind::Change)
        rising = rule.kind == AlertRule::Kind::Above || (rule.kind == AlertRule::Kind::Change && rule.threshold >= 0);
    const QString movers = moversText(db, now - window, now, rising);
    if (ratio.isEmpty() && movers.isEmpty())
        return text;
    const QString headline = movers.isEmpty() ? ratio
        : ratio.isEmpty()                     ? Text::tr("at the same time: %1").arg(movers)
                                              : Text::tr("%1: %2").arg(ratio, movers);
    return Text::tr("%1 (%2)").arg(headline, text);
}

std::optional<AlertEvent> AlertEvaluator::advance(
    const AlertRule& rule, const AlertCheck& check, AlertState& state, qint64 now)
{
    state.lastEval = now;
    state.error = check.error;
    AlertEvent e;
    e.ruleId = rule.id;
    e.ruleName = rule.name;
    e.series = rule.series;
    e.severity = QString::fromLatin1(AlertRules::severityKey(rule.severity));
    e.ts = now;
    e.value = check.value;
    e.message = check.text;
    if (!check.error.isEmpty())
        return std::nullopt; // unknown until the series can be read again: neither fires nor resolves
    if (!check.matches) {
        state.pendingSince = 0;
        if (!state.firing)
            return std::nullopt;
        state.firing = false;
        e.event = QStringLiteral("resolved");
        return e;
    }
    if (state.pendingSince == 0)
        state.pendingSince = now;
    if (!state.firing) {
        if (now - state.pendingSince < rule.forSecs)
            return std::nullopt;
        state.firing = true;
        state.firedAt = now;
        state.lastSent = now;
        e.event = QStringLiteral("firing");
        return e;
    }
    if (rule.repeatSecs > 0 && now - state.lastSent >= rule.repeatSecs) {
        state.lastSent = now;
        e.event = QStringLiteral("repeat");
        return e;
    }
    return std::nullopt;
}

QList<AlertNotice> AlertEvaluator::evaluate(DbWriter& writer, qint64 now, qint64 interval)
{
    QList<AlertNotice> out;
    // Timers drift by a second or so: a rule evaluated most of an interval ago is due.
    const qint64 due = qMax<qint64>(1, interval - qMax<qint64>(1, interval / 10));
    writer.run([&](Database& db) {
        out.clear(); // a retried job starts again
        for (const AlertRule& rule : AlertStore(db).rules()) {
            AlertState state = AlertStore(db).state(rule.id);
            if (state.lastEval > 0 && now - state.lastEval < due && now >= state.lastEval)
                continue;
            const AlertCheck c = check(db, rule, now);
            std::optional<AlertEvent> event = advance(rule, c, state, now);
            AlertStore(db).saveState(state);
            if (!event)
                continue;
            // Only what is sent names the movers: asking at every evaluation of a rule that holds would cost each
            // interval what only a notification needs.
            if (event->event != QLatin1String("resolved"))
                event->message = withMovers(db, rule, now, event->message);
            if (!rule.webhook.isEmpty())
                event->delivery = QStringLiteral("pending");
            if (!rule.email.isEmpty())
                event->emailDelivery = QStringLiteral("pending");
            event->id = AlertStore(db).addEvent(*event);
            out.append({ rule, *event });
        }
    });
    return out;
}

} // namespace activity
