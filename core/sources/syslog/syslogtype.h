#pragma once

#include "core/sources/sourceregistry.h"

namespace activity {

// The `syslog` source type: nginx access logs received over syslog (UDP or TCP) on a local port.
SourceTypeSpec syslogType();
// The type's name in sources.type.
inline QString syslogTypeName()
{
    return QStringLiteral("syslog");
}

} // namespace activity
