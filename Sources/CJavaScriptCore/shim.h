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

// A script parsed once and evaluated in any context of its group (JSScriptRefPrivate.h, not installed
// by Debian either): the same text is not converted, hashed and looked up again for every context.
// Its starting line is ignored by this JavaScriptCore (see JSEngine.script(for:)).
typedef struct OpaqueJSScript *JSScriptRef;
JSScriptRef JSScriptCreateFromString(JSContextGroupRef contextGroup, JSStringRef url, int startingLineNumber,
                                     JSStringRef source, JSStringRef *errorMessage, int *errorLine);
void JSScriptRelease(JSScriptRef script);
JSValueRef JSScriptEvaluate(JSContextRef context, JSScriptRef script, JSValueRef thisValue, JSValueRef *exception);

#endif
