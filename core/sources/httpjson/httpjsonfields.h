#pragma once

#include "core/sources/httpjson/jsonpointer.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace activity {

// What an `http-json` source reads from each answer: named fields at JSON Pointers, each stored as a series,
// optionally one series per item (a `*` in the pointer) labelled from another pointer.
namespace HttpJsonFields {

struct Field {
    QString name; // the series' metric name
    JsonPointer pointer;
};

// "NAME=POINTER", e.g. "stars=/stargazers_count". Sets `error` (naming the text) when it is not one.
std::optional<Field> parse(const QString& spec, QString* error = nullptr);

struct Value {
    QString metric;
    QString label; // empty when the field gives one value
    double value = 0;
};

struct Extracted {
    QList<Value> values;
    QStringList errors; // one per field that gave nothing usable: names the pointer and shows what was found
};

// Numbers, numeric strings and booleans (1 or 0) are values; anything else is an error for that field.
// With a wildcard field and a label pointer with the same wildcards, each item's label is read from the same item;
// without a label pointer, the wildcard keys (array index or member name) label the items.
Extracted extract(const QByteArray& body, const QList<Field>& fields, const std::optional<JsonPointer>& label);

} // namespace HttpJsonFields

} // namespace activity
