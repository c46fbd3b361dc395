#ifndef TERRITORIO_CFUZZER_H
#define TERRITORIO_CFUZZER_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's entry point for programs that keep their own main
/// (libclang_rt.fuzzer_no_main). Only linked by fuzzing builds (scripts/fuzz).
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
