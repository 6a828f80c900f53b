#include "core/sources/httpjson/figurepreview.h"

#include "core/sources/httpjson/httpjsonfields.h"
#include "core/sources/prometheus/prometheustext.h"

#include <QCoreApplication>
#include <QLocale>

namespace activity {

namespace {
struct PreviewText {
    Q_DECLARE_TR_FUNCTIONS(PreviewText)
};
constexpr int kShown = 6;

FigurePreview summary(const QStringList& figures, const QStringList& errors)
{
    QStringList parts = figures.mid(0, kShown);
    if (figures.size() > kShown)
        parts.append(PreviewText::tr("and %n more", nullptr, int(figures.size() - kShown)));
    QString text = figures.isEmpty() ? PreviewText::tr("nothing to store") : parts.join(QStringLiteral("; "));
    if (!errors.isEmpty())
        text += QStringLiteral("\n") + errors.join(QLatin1Char('\n'));
    return { !figures.isEmpty() && errors.isEmpty(), text };
}

QString figure(const QString& name, const QString& labels, double value)
{
    const QString shown = QLocale().toString(value, 'g', 12);
    return labels.isEmpty() ? QStringLiteral("%1 = %2").arg(name, shown)
                            : QStringLiteral("%1 (%2) = %3").arg(name, labels, shown);
}
} // namespace

FigurePreview FigurePreview::json(const QByteArray& body, const QJsonObject& s)
{
    QList<HttpJsonFields::Field> fields;
    for (const QString& spec : s.value(QLatin1String("field")).toString().split(QLatin1Char('\n'))) {
        if (const auto f = HttpJsonFields::parse(spec.trimmed()))
            fields.append(*f);
    }
    std::optional<JsonPointer> label;
    if (const QString text = s.value(QLatin1String("label")).toString(); !text.isEmpty())
        label = JsonPointer::parse(text);
    const HttpJsonFields::Extracted got = HttpJsonFields::extract(body, fields, label);
    QStringList figures;
    for (const HttpJsonFields::Value& v : got.values)
        figures.append(figure(v.metric, v.label, v.value));
    return summary(figures, got.errors);
}

FigurePreview FigurePreview::prometheus(const QByteArray& body, const QJsonObject& s)
{
    QList<PrometheusText::Selector> selectors;
    for (const QString& line : s.value(QLatin1String("select")).toString().split(QLatin1Char('\n'))) {
        if (const auto sel = PrometheusText::parseSelector(line))
            selectors.append(*sel);
    }
    const bool openMetrics = body.contains("# EOF");
    const PrometheusText::Parsed parsed = PrometheusText::parse(body, openMetrics);
    QStringList figures;
    for (const PrometheusText::Sample& sample : parsed.samples) {
        for (const PrometheusText::Selector& sel : selectors) {
            if (sel.matches(sample)) {
                figures.append(figure(sample.name, PrometheusText::labelText(sample.labels), sample.value));
                break;
            }
        }
    }
    QStringList errors = parsed.errors.mid(0, 3);
    if (figures.isEmpty() && parsed.errors.isEmpty())
        errors.append(PreviewText::tr("no series matches the selectors"));
    return summary(figures, errors);
}

} // namespace activity
