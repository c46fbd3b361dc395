// peak-memory OUTPUT COMMAND [ARGUMENT...]
//
// Runs COMMAND as a child and writes its peak resident memory in kB (the
// ru_maxrss of wait4) to OUTPUT; exits with COMMAND's status, or 128 + the
// signal that ended it. The tests start territorio through this small
// program because a process started straight from the test runner (by
// posix_spawn, which shares the runner's memory until exec) inherits the
// runner's own peak in ru_maxrss; a child forked from this program starts
// from this program's few hundred kB.
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: peak-memory OUTPUT COMMAND [ARGUMENT...]\n");
        return 64;
    }
    pid_t child = fork();
    if (child < 0) {
        perror("peak-memory: fork");
        return 70;
    }
    if (child == 0) {
        execv(argv[2], argv + 2);
        perror("peak-memory: exec");
        _exit(127);
    }
    int status = 0;
    struct rusage usage;
    while (wait4(child, &status, 0, &usage) < 0) {
        if (errno != EINTR) {
            perror("peak-memory: wait4");
            return 70;
        }
    }
    FILE *output = fopen(argv[1], "w");
    if (output) {
        fprintf(output, "%ld\n", usage.ru_maxrss);
        fclose(output);
    }
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return WEXITSTATUS(status);
}
