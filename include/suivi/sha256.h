/*
 * sha256.h - SHA-256 (FIPS 180-4), for identities derived from names
 * (store_uid_stable): the same words give the same key in every database.
 */
#ifndef SUIVI_SHA256_H
#define SUIVI_SHA256_H

#include <stddef.h>
#include <stdint.h>

struct sha256 {
	uint32_t h[8];
	uint64_t length;	/* bytes hashed so far */
	unsigned char block[64];
	size_t used;		/* bytes waiting in block */
};

void sha256_init(struct sha256 *c);
void sha256_update(struct sha256 *c, const void *data, size_t n);
void sha256_final(struct sha256 *c, unsigned char digest[32]);

#endif
