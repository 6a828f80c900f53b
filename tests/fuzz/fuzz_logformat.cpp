// SOURCES: core/logs/logformat.cpp
// libFuzzer target: the nginx log_format compiler and line parser on hostile bytes. Besides "no crash", checks
// that every parsed field is a view into the line or the record's scratch buffer, and that times and counts
// are sane. Input: with the first byte odd, "FORMAT\nLINE" (any format is compiled); else a combined line.
#include "core/logs/logformat.h"

#include <cstdint>
#include <cstdlib>

using namespace activity;

namespace {
bool inside(std::string_view v, std::string_view line, const std::string& scratch)
{
    if (v.empty())
        return true;
    const auto within
        = [&](const char* begin, size_t size) { return v.data() >= begin && v.data() + v.size() <= begin + size; };
    return within(line.data(), line.size()) || within(scratch.data(), scratch.size());
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static const LogFormat combined = LogFormat::compile("combined");
    std::string_view input(reinterpret_cast<const char*>(data), size);
    LogFormat custom;
    const LogFormat* format = &combined;
    if (size > 0 && (data[0] & 1)) {
        input.remove_prefix(1);
        const size_t nl = input.find('\n');
        const std::string_view text = input.substr(0, nl);
        custom = LogFormat::compile(QByteArray(text.data(), qsizetype(text.size())));
        if (!custom.isValid())
            return 0;
        format = &custom;
        input = nl == std::string_view::npos ? std::string_view() : input.substr(nl + 1);
    }
    AccessRecord r;
    const char* reason = nullptr;
    if (!format->parse(input, r, &reason)) {
        if (!reason)
            std::abort(); // a rejection always says why
        return 0;
    }
    for (const std::string_view v :
        { r.user, r.method, r.path, r.query, r.protocol, r.referrer, r.agent, r.host, r.forwardedFor })
        if (!inside(v, input, r.scratch))
            std::abort();
    for (const auto& [name, value] : r.extra)
        if (!inside(value, input, r.scratch))
            std::abort();
    if (r.addrLen != 0 && r.addrLen != 4 && r.addrLen != 16)
        std::abort();
    if (r.status < 0 || r.status > 999 || r.bodyBytes < 0 || r.ts < -1)
        std::abort();
    return 0;
}
