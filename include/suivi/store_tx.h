/*
 * store_tx.h - transactions: for src/store/ and src/model/ only (make lint
 * refuses it elsewhere). An operation that composes several store calls
 * is written once, in src/model/, inside one transaction; screens and
 * commands call it and never hold a transaction themselves.
 *
 * Each write happens inside store_begin (BEGIN IMMEDIATE) / store_commit,
 * and a save is acknowledged only when store_commit returned 0. Levels
 * nest: an inner level is a savepoint; a failure there undoes its own
 * writes, and the levels still open fail at their commit (nothing
 * half-done is ever committed); a level begun after it gets its own
 * verdict. A transaction that changed nothing ends without touching the
 * file.
 */
#ifndef SUIVI_STORE_TX_H
#define SUIVI_STORE_TX_H

#include "suivi/err.h"

struct store;

int store_begin(struct store *st, struct err *e);
int store_commit(struct store *st, struct err *e);
void store_rollback(struct store *st);

#endif
