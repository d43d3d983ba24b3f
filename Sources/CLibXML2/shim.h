#ifndef CONFORM_CLIBXML2_SHIM_H
#define CONFORM_CLIBXML2_SHIM_H

// Debian's libxml2 is built with ICU; its headers then pull ICU types that clash with the ICU
// Foundation bundles ('UErrorCode' has different definitions). conform never needs libxml2's ICU
// entry points, so the flag is dropped before the other headers are read.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlsave.h>
#include <libxml/xmlreader.h>

#endif
