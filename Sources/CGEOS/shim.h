// Only GEOS's reentrant (_r) API: every call names its context, so each
// thread or task can own one and no global state is shared.
#define GEOS_USE_ONLY_R_API
#include <geos_c.h>
