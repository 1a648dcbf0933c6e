/*
 * fuzz.h - what the libFuzzer harnesses of tests/fuzz/ share.
 *
 * Each harness is one LLVMFuzzerTestOneInput over one entry point of the
 * project, built with -fsanitize=fuzzer,address,undefined (make fuzz).
 * Inputs are arbitrary bytes: NUL included, any length. A harness frees
 * everything it allocates in a run (libFuzzer checks leaks per input) and
 * aborts when a documented property of the code does not hold, so that a
 * wrong answer is found like a crash.
 */
#ifndef SUIVI_FUZZ_H
#define SUIVI_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* A property that must hold: print what failed and abort, which libFuzzer
 * reports as a crash with the input that caused it. */
#define FUZZ_CHECK(cond, ...)                                               \
	do {                                                                \
		if (!(cond)) {                                              \
			fprintf(stderr, "fuzz: %s:%d: %s: ", __FILE__,     \
				__LINE__, #cond);                           \
			fprintf(stderr, __VA_ARGS__);                       \
			fputc('\n', stderr);                                \
			abort();                                            \
		}                                                           \
	} while (0)

/* The input as a file the code under test opens by name: an anonymous
 * in-memory file, named /proc/self/fd/N in path. Returns the descriptor
 * (close it after the run) or -1. */
static inline int fuzz_memfd(const uint8_t *data, size_t size, char *path,
			     size_t n)
{
	int fd = memfd_create("suivi-fuzz", MFD_CLOEXEC);
	size_t off = 0;

	if (fd < 0)
		return -1;
	while (off < size) {
		ssize_t w = write(fd, data + off, size - off);

		if (w <= 0) {
			close(fd);
			return -1;
		}
		off += (size_t)w;
	}
	snprintf(path, n, "/proc/self/fd/%d", fd);
	return fd;
}

/* The input as a NUL-terminated heap string (it ends at its first NUL,
 * as a C string from the user would). */
static inline char *fuzz_str(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);

	if (!s)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

#endif
