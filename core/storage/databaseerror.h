#pragma once

#include <QString>
#include <stdexcept>

namespace activity {

// Raised for SQL failures that callers cannot recover from locally (disk full, corrupt file, bug).
class DatabaseError : public std::runtime_error {
public:
    explicit DatabaseError(const QString& message)
        : std::runtime_error(message.toStdString())
    { }
    QString message() const { return QString::fromStdString(what()); }
};

} // namespace activity
