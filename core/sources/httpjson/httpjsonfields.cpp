#include "core/sources/httpjson/httpjsonfields.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>

namespace activity {

namespace {
struct FieldsText {
    Q_DECLARE_TR_FUNCTIONS(FieldsText)
};

// What a pointer found, short enough for a message (the answer is the remote's text: shown, never trusted).
QString shown(const QJsonValue& v)
{
    QString text;
    if (v.isObject())
        text = QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    else if (v.isArray())
        text = QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    else if (v.isNull())
        text = QStringLiteral("null");
    else if (v.isString())
        text = QLatin1Char('"') + v.toString() + QLatin1Char('"');
    else
        text = v.toVariant().toString();
    return text.size() > 80 ? text.left(77) + QStringLiteral("...") : text;
}

std::optional<double> numberOf(const QJsonValue& v)
{
    if (v.isDouble())
        return v.toDouble();
    if (v.isBool())
        return v.toBool() ? 1.0 : 0.0;
    if (v.isString()) {
        bool ok = false;
        const double d = v.toString().trimmed().toDouble(&ok);
        if (ok)
            return d;
    }
    return std::nullopt;
}

QString labelText(const QJsonValue& v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble() || v.isBool())
        return v.toVariant().toString();
    return shown(v);
}
} // namespace

std::optional<HttpJsonFields::Field> HttpJsonFields::parse(const QString& spec, QString* error)
{
    const qsizetype eq = spec.indexOf(QLatin1Char('='));
    const QString name = spec.left(eq).trimmed();
    if (eq <= 0 || name.isEmpty()) {
        if (error)
            *error = FieldsText::tr("'%1' is not NAME=POINTER (for example stars=/stargazers_count)").arg(spec);
        return std::nullopt;
    }
    for (const QChar c : name) {
        if (!c.isLetterOrNumber() && c != QLatin1Char('_') && c != QLatin1Char('-') && c != QLatin1Char('.')) {
            if (error)
                *error = FieldsText::tr("'%1': a field name has letters, digits, '_', '-' and '.' only").arg(spec);
            return std::nullopt;
        }
    }
    QString pointerError;
    const auto pointer = JsonPointer::parse(spec.mid(eq + 1), &pointerError);
    if (!pointer) {
        if (error)
            *error = pointerError;
        return std::nullopt;
    }
    return Field { name, *pointer };
}

HttpJsonFields::Extracted HttpJsonFields::extract(
    const QByteArray& body, const QList<Field>& fields, const std::optional<JsonPointer>& label)
{
    Extracted out;
    QJsonParseError parseError {};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (doc.isNull()) {
        out.errors.append(FieldsText::tr("the answer is not JSON (%1 at byte %2)")
                              .arg(parseError.errorString())
                              .arg(parseError.offset));
        return out;
    }
    const QJsonValue root = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    // Labels by the wildcard keys that reached them; a pointer without wildcards labels everything.
    QHash<QString, QString> labels;
    QString singleLabel;
    if (label) {
        for (const JsonPointer::Match& m : label->resolve(root)) {
            if (label->hasWildcard())
                labels.insert(m.wildcardKeys.join(QLatin1Char('/')), labelText(m.value));
            else
                singleLabel = labelText(m.value);
        }
    }
    for (const Field& field : fields) {
        const QList<JsonPointer::Match> matches = field.pointer.resolve(root);
        if (matches.isEmpty()) {
            out.errors.append(field.pointer.hasWildcard()
                    ? FieldsText::tr("field %1: %2 matches nothing in the answer").arg(field.name, field.pointer.text())
                    : FieldsText::tr("field %1: %2 is not in the answer").arg(field.name, field.pointer.text()));
            continue;
        }
        for (const JsonPointer::Match& m : matches) {
            const auto number = numberOf(m.value);
            if (!number) {
                out.errors.append(FieldsText::tr("field %1: %2 gives %3, not a number")
                                      .arg(field.name, field.pointer.text(), shown(m.value)));
                continue;
            }
            const QString key = m.wildcardKeys.join(QLatin1Char('/'));
            QString itemLabel = singleLabel;
            if (!key.isEmpty())
                itemLabel = label && label->hasWildcard() ? labels.value(key, key) : key;
            out.values.append({ field.name, itemLabel, *number });
        }
    }
    return out;
}

} // namespace activity
