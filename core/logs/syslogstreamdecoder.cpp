#include "core/logs/syslogstreamdecoder.h"

namespace activity {

namespace {
bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}
constexpr int kMaxLengthDigits = 9;
} // namespace

SyslogStreamDecoder::SyslogStreamDecoder(qsizetype maxFrame)
    : m_maxFrame(maxFrame)
{ }

void SyslogStreamDecoder::feed(QByteArrayView data, const FrameHandler& onFrame, const ErrorHandler& onError)
{
    qsizetype i = 0;
    const qsizetype n = data.size();
    while (i < n) {
        switch (m_state) {
        case State::Start: {
            const char c = data[i];
            if (c == '\n' || c == '\r' || c == '\0') {
                ++i; // blank lines and trailers after counted frames
                break;
            }
            m_buffer.clear();
            m_state = (c >= '1' && c <= '9') ? State::Length : State::Line;
            break;
        }
        case State::Length: {
            const char c = data[i];
            if (isDigit(c) && m_buffer.size() < kMaxLengthDigits) {
                m_buffer.append(c);
                ++i;
            } else if (c == ' ') {
                const qsizetype length = m_buffer.toLongLong();
                if (length > m_maxFrame) {
                    // A lying or oversized count: rather than skip that many bytes (and perhaps many
                    // good messages), read this frame up to the newline, like rsyslog does.
                    onError(Error::BadLength, m_buffer);
                    m_state = State::Line;
                    break;
                }
                m_buffer.clear();
                m_expected = length;
                m_state = State::Counted;
                ++i;
            } else {
                // Not a length after all (a raw line starting with digits, like an IP address).
                m_state = State::Line;
            }
            break;
        }
        case State::Counted: {
            const qsizetype take = std::min(m_expected, n - i);
            m_buffer.append(data.sliced(i, take));
            m_expected -= take;
            i += take;
            if (m_expected == 0) {
                onFrame(m_buffer);
                m_buffer.clear();
                m_state = State::Start;
            }
            break;
        }
        case State::Line: {
            const qsizetype nl = data.indexOf('\n', i);
            const qsizetype end = nl < 0 ? n : nl;
            if (m_buffer.size() + (end - i) > m_maxFrame) {
                onError(Error::TooLong, QByteArrayView(m_buffer).first(std::min<qsizetype>(m_buffer.size(), 256)));
                m_buffer.clear();
                m_state = State::SkipLine;
                break;
            }
            m_buffer.append(data.sliced(i, end - i));
            i = end;
            if (nl >= 0) {
                ++i;
                if (m_buffer.endsWith('\r'))
                    m_buffer.chop(1);
                onFrame(m_buffer);
                m_buffer.clear();
                m_state = State::Start;
            }
            break;
        }
        case State::SkipLine: {
            const qsizetype nl = data.indexOf('\n', i);
            if (nl < 0) {
                i = n;
            } else {
                i = nl + 1;
                m_state = State::Start;
            }
            break;
        }
        }
    }
    // Keep the buffer's capacity bounded after a large frame.
    if (m_buffer.isEmpty() && m_buffer.capacity() > 4096)
        m_buffer = QByteArray();
}

void SyslogStreamDecoder::finish(const FrameHandler& onFrame, const ErrorHandler& onError)
{
    if (m_state == State::Line || m_state == State::Length) {
        if (!m_buffer.isEmpty())
            onFrame(m_buffer);
    } else if (m_state == State::Counted) {
        onError(Error::Truncated, m_buffer);
    }
    m_buffer = QByteArray();
    m_state = State::Start;
}

} // namespace activity
