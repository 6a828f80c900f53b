#pragma once

#include <QString>
#include <optional>
#include <utility>
#include <variant>

namespace activity {

// Why a call failed, in words for the user (it names what was wrong: a key, a file, a source).
struct Error {
    QString message;
};

// What every service call that can fail returns: a value, or an Error the user can read. [[nodiscard]], so an
// ignored failure does not compile quietly. Modelled on std::expected (C++23), which Debian 12's toolchain lacks.
template <typename T> class [[nodiscard]] Result {
public:
    Result(T value)
        : m_state(std::in_place_index<0>, std::move(value))
    { }
    Result(Error error)
        : m_state(std::in_place_index<1>, std::move(error))
    { }

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    // Only when ok().
    const T& value() const& { return std::get<0>(m_state); }
    T& value() & { return std::get<0>(m_state); }
    T&& value() && { return std::get<0>(std::move(m_state)); }
    const T& operator*() const& { return value(); }
    const T* operator->() const { return &value(); }
    T valueOr(T fallback) const { return ok() ? value() : std::move(fallback); }

    // Empty when ok().
    QString error() const { return ok() ? QString() : std::get<1>(m_state).message; }

private:
    std::variant<T, Error> m_state;
};

// A call that returns nothing but can fail.
template <> class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
    { }

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    QString error() const { return m_error ? m_error->message : QString(); }

private:
    std::optional<Error> m_error;
};

using Status = Result<void>;

} // namespace activity
