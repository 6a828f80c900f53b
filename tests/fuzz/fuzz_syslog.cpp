// SOURCES: core/logs/syslogmessage.cpp core/logs/syslogstreamdecoder.cpp
// libFuzzer target: the syslog header parser and the TCP stream decoder on hostile bytes. Checks the
// invariants a listener relies on, not only "no crash".
#include "core/logs/syslogmessage.h"
#include "core/logs/syslogstreamdecoder.h"

#include <cstdint>
#include <cstdlib>

using namespace activity;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char*>(data), qsizetype(size));
    SyslogMessage message;
    if (Syslog::parse(input, message)) {
        if (message.message.size() > input.size() || message.tag.size() > input.size())
            std::abort();
    }
    // The first byte picks a frame limit and a chunk size, so splits land everywhere.
    const qsizetype maxFrame = size > 0 ? 16 + data[0] * 4 : 64;
    const qsizetype chunk = size > 1 ? 1 + data[1] % 37 : 1;
    SyslogStreamDecoder decoder(maxFrame);
    qsizetype framed = 0;
    const auto onFrame = [&](QByteArrayView frame) {
        if (frame.size() > maxFrame + 16) // a length prefix may stay with a frame read as a line
            std::abort();
        framed += frame.size();
        SyslogMessage m;
        Syslog::parse(frame, m);
    };
    const auto onError = [](SyslogStreamDecoder::Error, QByteArrayView) {};
    for (qsizetype i = 0; i < input.size(); i += chunk) {
        decoder.feed(input.sliced(i, std::min(chunk, input.size() - i)), onFrame, onError);
        if (decoder.buffered() > maxFrame + 16)
            std::abort();
    }
    decoder.finish(onFrame, onError);
    if (framed > input.size())
        std::abort();
    return 0;
}
