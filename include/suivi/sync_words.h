/*
 * sync_words.h - a sync conflict (store_sync.h) in words.
 */
#ifndef SUIVI_SYNC_WORDS_H
#define SUIVI_SYNC_WORDS_H

/* The separators of a conflict's versions: "column" SYNC_SEP_VALUE
 * "value", columns joined by SYNC_SEP_COLUMN (controls no text of ours
 * holds). */
#define SYNC_SEP_VALUE "\x1f"
#define SYNC_SEP_COLUMN "\x1e"

/* The record, from its table and parts ("code|period|criticality" for a
 * value…, NULL when it no longer exists): "valeur 4.1.1 de mars 2026".
 * Heap string. */
char *sync_words_what(const char *table, const char *what);
/* A version: "valeur : 8 ; commentaire : vu"; "(supprimé)" for NULL.
 * Heap string. */
char *sync_words_version(const char *v);
/* "modifié des deux côtés", "supprimé ici, modifié de l'autre côté"… */
const char *sync_words_kind(const char *kind);

#endif
