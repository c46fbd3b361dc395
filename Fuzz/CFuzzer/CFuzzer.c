// Only the declaration in include/CFuzzer.h matters: a C target needs a source file.
#include "CFuzzer.h"
