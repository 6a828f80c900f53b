#pragma once

// IngestPipeline's internals, shared by its queueing/parsing half (ingestpipeline.cpp) and its writing half
// (ingestpipelinewrite.cpp).

#include "core/ingest/ingestpipeline.h"
#include "core/ingest/ingestwriter.h"
#include "core/logs/accessrecord.h"
#include "core/logs/logformat.h"
#include "core/util/logging.h"

#include <QLoggingCategory>
#include <chrono>
#include <vector>

namespace activity {

namespace IngestPipelineTiming {
inline qint64 steadyMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}
} // namespace IngestPipelineTiming

struct IngestPipeline::Item {
    quint64 seq = 0;
    qint64 arrivedMs = 0; // steady clock: the durability promise counts from here
    qint64 sourceId = 0;
    QByteArray site;
    QByteArray text;
    QString rejectReason; // set: a message that never became a line
    bool isReject = false;
};

struct IngestPipeline::Config {
    LogFormat format;
    QByteArray site;
};

namespace IngestPipelineTiming {
constexpr size_t kBatchLines = 2048; // lines the parser takes at once
constexpr qint64 kRetryMs = 2000; // a failed write is tried again after this long
constexpr int kGatherMs = 25; // a parse batch waits this long for more lines (well within commitMs)
} // namespace IngestPipelineTiming

// One batch handed from the parsing thread to the writing one. `records[i]` views into `items[i].text` (or its
// own scratch), so neither vector may reallocate while the batch lives: both hold kBatchLines from the start.
struct IngestPipeline::Parsed {
    std::vector<Item> items;
    std::vector<AccessRecord> records;
    std::vector<RequestGeo> geo;
    std::vector<AgentMatch> agents;
    std::vector<const char*> rejectReasons; // non-null: the line did not parse, and why
    size_t count = 0;
    quint64 lastSeq = 0;
    qint64 oldestArrivedMs = 0;
    bool flush = false;
    bool stop = false;

    Parsed()
        : records(IngestPipelineTiming::kBatchLines)
        , geo(IngestPipelineTiming::kBatchLines)
        , agents(IngestPipelineTiming::kBatchLines)
        , rejectReasons(IngestPipelineTiming::kBatchLines)
    {
        items.reserve(IngestPipelineTiming::kBatchLines);
    }
};

} // namespace activity
