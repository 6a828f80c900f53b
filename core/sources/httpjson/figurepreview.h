#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace activity {

// What a JSON or Prometheus source would store from one answer, in one line for the source form's Test button:
// "stars = 41; downloads = 1200", then the errors naming their pointer or selector.
struct FigurePreview {
    bool ok = false; // figures and no error
    QString text;

    static FigurePreview json(const QByteArray& body, const QJsonObject& httpJsonSettings);
    static FigurePreview prometheus(const QByteArray& body, const QJsonObject& prometheusSettings);
};

} // namespace activity
