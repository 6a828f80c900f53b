#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <functional>

namespace activity {

// Splits a syslog TCP stream into messages. RFC 6587 octet counting (`LEN SP MSG`) and newline
// framing may be mixed on one connection: each frame decides by its first byte (a digit followed by
// digits and a space is a length). Memory is bounded by the frame limit: a longer frame is skipped up
// to its end and reported once, never buffered.
class SyslogStreamDecoder {
public:
    enum class Error {
        TooLong, // a newline frame over the limit (skipped to the next newline)
        BadLength, // a length over the limit: the frame is read as newline-framed instead
        Truncated, // the connection ended inside an octet-counted frame
    };
    using FrameHandler = std::function<void(QByteArrayView frame)>;
    using ErrorHandler = std::function<void(Error error, QByteArrayView start)>;

    explicit SyslogStreamDecoder(qsizetype maxFrame = 64 * 1024);

    // Feeds received bytes; calls onFrame for each complete message (without framing) in order.
    void feed(QByteArrayView data, const FrameHandler& onFrame, const ErrorHandler& onError);
    // The connection ended: a pending newline-framed message counts as complete.
    void finish(const FrameHandler& onFrame, const ErrorHandler& onError);
    // Bytes held for an incomplete frame (never more than the limit plus a length prefix).
    qsizetype buffered() const { return m_buffer.size(); }
    // Between frames: closing now loses nothing.
    bool atFrameBoundary() const { return m_state == State::Start && m_buffer.isEmpty(); }

private:
    enum class State { Start, Length, Counted, Line, SkipLine };
    qsizetype m_maxFrame;
    State m_state = State::Start;
    qsizetype m_expected = 0; // octet-counted: bytes still to read
    QByteArray m_buffer;
};

} // namespace activity
