#ifndef CONFORM_CJAVASCRIPTCORE_SHIM_H
#define CONFORM_CJAVASCRIPTCORE_SHIM_H

#include <JavaScriptCore/JavaScript.h>
#include <stdbool.h>

// The watchdog API is exported by libjavascriptcoregtk but its header (JSContextRefPrivate.h)
// is not installed by Debian, so it is declared here with the signature WebKit ships.
typedef bool (*JSShouldTerminateCallback)(JSContextRef ctx, void *context);
void JSContextGroupSetExecutionTimeLimit(JSContextGroupRef group, double limit,
                                         JSShouldTerminateCallback callback, void *context);
void JSContextGroupClearExecutionTimeLimit(JSContextGroupRef group);

#endif
